// @vitest-environment jsdom
/**
 * No source a reader is shown is a copy, a mirror or an aggregator: the shipped knowledge base lists originals only,
 * and every card and every popup page, rendered for every entity, links only to originals' own addresses and
 * names no copy or aggregator — the provenance of where a copy was read stays in the data.
 */
import { render } from "preact";
import { describe, expect, test } from "vitest";
import { readKnowledgeBaseInput } from "../../../src/build/kb-files";
import type { MentionRecord } from "../../../src/content/highlighter";
import { citationText, renderCard } from "../../../src/content/card-view";
import { analyseKnowledgeBase } from "../../../src/kb/compile";
import { entityDetails } from "../../../src/kb/details";
import type { Publisher, Source } from "../../../src/kb/schema";
import { EntityDetailsView } from "../../../src/popup/EntityDetailsView";

const { compiled: kb, graph } = analyseKnowledgeBase(readKnowledgeBaseInput());
const records = Object.values(graph.sources) as Source[];
const publishers = graph.publishers as Record<string, Publisher>;
const isAggregator = (s: Source) => publishers[s.publisher]!.kind === "aggregator";

/** Addresses a reader must never be sent to: where copies were read, copies' own pages, aggregators' pages. */
const forbiddenUrls = new Set(
  records.flatMap((s) => [s.readAt, s.copyOf || isAggregator(s) ? s.url : undefined]).filter(Boolean) as string[],
);
/** Names a reader must never be shown as a source: aggregators and the publishers of copies. */
const forbiddenNames = new Set(
  records
    .filter((s) => (s.copyOf || isAggregator(s)) && !records.some((o) => o.publisher === s.publisher && !o.copyOf))
    .flatMap((s) => [publishers[s.publisher]!.names.ko, publishers[s.publisher]!.names.en]),
);

describe("what the compiled knowledge base lists as sources", () => {
  test("there are copies, mirrors and aggregator pages in the data to hide", () => {
    expect(records.filter((s) => s.copyOf).length).toBeGreaterThan(10);
    expect(records.filter((s) => s.readAt).length).toBeGreaterThan(10);
    expect(records.filter(isAggregator).length).toBeGreaterThan(10);
  });

  test("every cited id in the shipped knowledge base is an original that is not an aggregator's page", () => {
    const cited = kb.entities.flatMap((e) => [
      ...e.facts.flatMap((f) => [...f.sources, ...(f.variants ?? []).flatMap((v) => v.sources)]),
      ...(e.figure?.conversions ?? []).flatMap((c) => c.sources),
    ]);
    cited.push(...kb.corrections.flatMap((c) => c.sources));
    expect(cited.length).toBeGreaterThan(300);
    for (const id of cited) {
      const record = graph.sources[id]!;
      expect(record.copyOf, id).toBeUndefined();
      expect(isAggregator(record), id).toBe(false);
      expect(kb.sources[id]!.id, id).toBe(id);
    }
  });

  test("every entry of the shipped sources shows an original, linked only to its own address", () => {
    for (const [id, citation] of Object.entries(kb.sources)) {
      const shown = graph.sources[citation.id]!;
      expect(shown.copyOf, id).toBeUndefined();
      expect(isAggregator(shown), id).toBe(false);
      if (citation.url) expect(forbiddenUrls.has(citation.url), `${id} → ${citation.url}`).toBe(false);
    }
    expect(JSON.stringify(kb)).not.toMatch(/readAt|copyOf|basedOn/);
  });
});

function linksAndText(root: Element) {
  return {
    hrefs: [...root.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!),
    text: [...root.querySelectorAll(".sources, .variants, .correction, .corrections")]
      .map((n) => n.textContent)
      .join(" "),
  };
}

function expectOnlyOriginals(where: string, { hrefs, text }: ReturnType<typeof linksAndText>) {
  for (const href of hrefs) expect(forbiddenUrls.has(href), `${where}: ${href}`).toBe(false);
  for (const name of forbiddenNames) expect(text.includes(name), `${where} names ${name}`).toBe(false);
  expect(text, where).not.toMatch(/copy on|mirror|via |IPFS|atlaswebrise|ltcinsuranceshopper|Stock Titan/i);
}

describe("what a reader sees", () => {
  test.each(kb.entities.map((e) => e.id))("%s: the card and the copied citations", (id) => {
    const details = entityDetails(kb, id)!;
    const mention = { entity: id, text: details.entity.names.ko, blockText: "" } as unknown as MentionRecord;
    const card = renderCard(document, details, mention, {
      togglePin() {},
      close() {},
      openInPopup() {},
      copy: async () => true,
    });
    expectOnlyOriginals(`card ${id}`, linksAndText(card));
    for (const fact of details.entity.facts) {
      const pasted = citationText(details, fact, "ko");
      for (const url of forbiddenUrls) expect(pasted.includes(url), `${id}/${fact.id} pastes ${url}`).toBe(false);
    }
  });

  test.each(kb.entities.map((e) => e.id))("%s: the popup's page of every fact", (id) => {
    const root = document.createElement("div");
    render(<EntityDetailsView kb={kb} entity={kb.entities.find((e) => e.id === id)!} onBack={() => {}} />, root);
    expect(root.querySelectorAll(".facts > li").length).toBe(kb.entities.find((e) => e.id === id)!.facts.length);
    expectOnlyOriginals(`popup ${id}`, linksAndText(root));
  });
});
