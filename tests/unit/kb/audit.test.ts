/**
 * The knowledge base checked against the research dossier it was written from: numbers, qualifiers, dates,
 * addresses, kinds and copies; every dossier fact and name present or listed as left out; the as-of and evidence
 * dates. Small made-up cases show each check bites; the real dossiers, where this checkout has them beside it
 * (../shared/research/facts.yaml and facts-2026.yaml, or MAEKRAK_DOSSIER), must give no problem.
 */
import { describe, expect, test } from "vitest";
import { dossiersAvailable, readDossiers, readLeftOut } from "../../../src/build/dossier-files";
import { loadKnowledgeBase, readKnowledgeBaseInput } from "../../../src/build/kb-files";
import { buildMatcher, findMentions } from "../../../src/core/matcher";
import type { Dossier } from "../../../src/kb/audit";
import { auditAgainstDossier, mergeDossiers, numbersIn } from "../../../src/kb/audit";
import { toMatcherData } from "../../../src/kb/matcher-data";
import type { KnowledgeBaseInput } from "../../../src/kb/schema";
import { fact, kbWith, publisher, source } from "../support/kb";

describe("numbers in a sentence", () => {
  test.each([
    ["타오바오·티몰 그룹 매출은 1360억9100만 위안(+5%)", [136_091_000_000, 5]],
    ["3천800억 위안, 약 3조1124억 원", [380_000_000_000, 3_112_400_000_000]],
    ["약 1만9000명을 수용하는", [19_000]],
    ["$3.75bn at $0.62 a share", [3_750_000_000, 0.62]],
    ["36 trillion tokens in 119 languages", [36e12, 119]],
  ])("%s", (text, numbers) => expect(numbersIn(text)).toEqual(numbers));
});

const research = (over: Partial<Dossier["entities"][0]["facts"][0]> = {}): Dossier => ({
  sources: [
    { id: "a", publisher: "Wire A", title: null, date: "2025-02-24", url: "https://example.org/a", kind: "news" },
    { id: "b", publisher: "Daily B", title: null, date: "2025-02-24", url: "https://example.org/b", kind: "news" },
    {
      id: "filler",
      publisher: "Filler",
      title: null,
      date: "2025-02-24",
      url: "https://example.org/filler",
      kind: "news",
    },
  ],
  entities: [
    {
      id: "alibaba-group",
      facts: [
        {
          id: "ttg",
          claim_ko: "매출은 1360억9100만 위안이었다.",
          claim_en: "Revenue was 136.09bn yuan.",
          value: { amount: 136_091_000_000, unit: "CNY" },
          date: "2025-02-24",
          sources: ["a", "b"],
          ...over,
        },
        { id: "filler", claim_ko: "", claim_en: "", value: null, date: "2025-02-24", sources: ["filler"] },
      ],
    },
  ],
});

function ours(claimKo: string, value: Record<string, unknown> = { amount: 136_091_000_000, unit: "CNY" }) {
  return kbWith({
    publishers: [publisher("wire-a", "wire"), publisher("daily-b", "news")],
    sources: [source("a", "wire-a"), source("b", "daily-b")],
    facts: [fact("ttg", ["a", "b"], { claim: { ko: claimKo, en: "Revenue was 136.09bn yuan." }, value })],
  }) as unknown as KnowledgeBaseInput;
}

describe("each check bites", () => {
  test("a number the dossier does not give, though its English rounding matches", () => {
    const { problems } = auditAgainstDossier(ours("매출은 1360억9000만 위안이었다."), research());
    expect(problems).toEqual([expect.stringMatching(/ttg: the ko claim states 136090000000/)]);
  });
  test("a qualifier lost from the unit", () => {
    const dossier = research({ value: { amount: 136_091_000_000, unit: "CNY (lower bound)" } });
    expect(auditAgainstDossier(ours("매출은 1360억9100만 위안이었다."), dossier).problems).toEqual([
      expect.stringMatching(/qualifier "at-least" is missing/),
    ]);
    const kept = ours("매출은 1360억9100만 위안이었다.", {
      amount: 136_091_000_000,
      unit: "CNY",
      qualifier: "at-least",
    });
    expect(auditAgainstDossier(kept, dossier).problems).toEqual([]);
  });
  test("a measure lost from the unit", () => {
    const dossier = research({ value: { amount: 136_091_000_000, unit: "CNY (planned raise)" } });
    expect(auditAgainstDossier(ours("매출은 1360억9100만 위안이었다."), dossier).problems).toEqual([
      expect.stringMatching(/the measure does not say "planned raise"/),
    ]);
  });
  test("a source's date, address, kind and copy relation", () => {
    const dossier = research();
    dossier.sources[0] = { ...dossier.sources[0]!, date: "2025-02-23" };
    dossier.sources[1] = {
      ...dossier.sources[1]!,
      publisher: "Daily B (Reuters)",
      kind: "blog",
      found_at: "https://mirror.example/b",
    };
    const problems = auditAgainstDossier(ours("매출은 1360억9100만 위안이었다."), dossier).problems.join("\n");
    expect(problems).toMatch(/source a: date 2025-02-24, the dossier's 2025-02-23/);
    expect(problems).toMatch(/source b: the dossier read it at https:\/\/mirror.example\/b/);
    expect(problems).toMatch(/source b: a blog in the dossier is counted as news/);
    expect(problems).toMatch(/source b: the dossier calls it "Daily B \(Reuters\)" but it records no original/);
  });
});

describe("what the dossier has and the knowledge base does not", () => {
  const base = () => ours("매출은 1360억9100만 위안이었다.");
  test("a dossier fact that is neither written nor listed as left out", () => {
    const dossier = research();
    dossier.entities[0]!.facts.push({ ...dossier.entities[0]!.facts[0]!, id: "later" });
    expect(auditAgainstDossier(base(), dossier).problems).toEqual([
      expect.stringMatching(/dossier fact alibaba-group\/later: not in the knowledge base/),
    ]);
    const why = { facts: [{ ref: "alibaba-group/later", why: "rests on one blog" }] };
    expect(auditAgainstDossier(base(), dossier, why).problems).toEqual([]);
  });
  test("a fact written from another entity's dossier fact counts for it, and is held to its numbers", () => {
    const dossier = research();
    dossier.entities.push({ id: "qwen", facts: [{ ...dossier.entities[0]!.facts[0]!, id: "moved" }] });
    const kb = base();
    kb.entities[0]!.facts[1] = { ...kb.entities[0]!.facts[1]!, writtenFrom: ["qwen/moved"] };
    expect(auditAgainstDossier(kb, dossier).problems).toEqual([]);
    kb.entities[0]!.facts[1] = { ...kb.entities[0]!.facts[1]!, writtenFrom: ["qwen/nowhere"] };
    expect(auditAgainstDossier(kb, dossier).problems.join("\n")).toMatch(
      /written from qwen\/nowhere, which the dossier does not have/,
    );
  });
  test("a name the dossier records that the knowledge base does not find", () => {
    const dossier = research();
    dossier.entities[0]!.aliases_added = ["알리바바", "알리바바그룹"];
    expect(auditAgainstDossier(base(), dossier).problems).toEqual([
      expect.stringMatching(/name "알리바바그룹" \(alibaba-group\): the knowledge base does not find it/),
    ]);
    const found = (text: string) => (text.startsWith("알리바바") ? ["alibaba-group"] : []);
    expect(auditAgainstDossier(base(), dossier, {}, found).problems).toEqual([]);
  });
  test("the as-of and evidence dates", () => {
    const dossier = { ...research(), as_of: "2026-12-02", evidence_through: "2026-09" };
    const problems = auditAgainstDossier(base(), dossier).problems.join("\n");
    expect(problems).toMatch(/meta asOf: 2026-01-01, the dossier is as of 2026-12-02/);
    expect(problems).toMatch(/meta evidenceThrough: missing, the dossier's evidence runs through 2026-09/);
  });
  test("dossiers merge in order: a shared source keeps its first record, an entity gathers facts and names", () => {
    const first = research();
    const second: Dossier = {
      as_of: "2026-12-02",
      sources: [{ ...first.sources[0]!, title: "changed" }],
      entities: [
        { id: "alibaba-group", aliases_added: ["ATH"], facts: [{ ...first.entities[0]!.facts[0]!, id: "new" }] },
      ],
    };
    const merged = mergeDossiers([first, second]);
    expect(merged.sources.find((x) => x.id === "a")!.title).toBeNull();
    expect(merged.entities[0]!.facts.map((f) => f.id)).toEqual(["ttg", "filler", "new"]);
    expect(merged.entities[0]!.aliases_added).toEqual(["ATH"]);
    expect(merged.as_of).toBe("2026-12-02");
  });
});

describe.skipIf(!dossiersAvailable())("the bundled knowledge base against the research dossiers", () => {
  test("no problem: every number, qualifier, date, address, kind, copy, fact and name agrees or is accounted for", () => {
    const data = toMatcherData(loadKnowledgeBase());
    const matcher = buildMatcher(data.entities, data.otherPeople);
    const { problems } = auditAgainstDossier(
      readKnowledgeBaseInput() as KnowledgeBaseInput,
      readDossiers(),
      readLeftOut(),
      (text) => findMentions(matcher, text).map((m) => m.entity),
    );
    expect(problems).toEqual([]);
  });
});
