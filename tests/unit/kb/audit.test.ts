/**
 * The knowledge base checked against the research dossier it was written from: numbers, qualifiers, dates,
 * addresses, kinds and copies. Small made-up cases show each check bites; the real dossier, where this checkout
 * has it beside it (../shared/research/facts.yaml, or MAEKRAK_DOSSIER), must give no problem.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { readKnowledgeBaseInput } from "../../../src/build/kb-files";
import type { Dossier } from "../../../src/kb/audit";
import { auditAgainstDossier, numbersIn } from "../../../src/kb/audit";
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

const DOSSIER =
  process.env.MAEKRAK_DOSSIER ?? join(import.meta.dirname, "..", "..", "..", "..", "shared", "research", "facts.yaml");

describe.skipIf(!existsSync(DOSSIER))("the bundled knowledge base against the research dossier", () => {
  test("no problem: every number, qualifier, date, address, kind and copy agrees or is accounted for", () => {
    const { problems } = auditAgainstDossier(
      readKnowledgeBaseInput() as KnowledgeBaseInput,
      parse(readFileSync(DOSSIER, "utf8")) as Dossier,
    );
    expect(problems).toEqual([]);
  });
});
