/** Which figures articles are checked against: only those the knowledge base can stand behind. */
import { describe, expect, test } from "vitest";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { toClaimData } from "../../../src/kb/matcher-data";

const kb = loadKnowledgeBase();

describe("checkable figures", () => {
  test("a figure resting on one report (or on blogs) is never checked; the company's or corroborated ones are", () => {
    const checked = new Set(toClaimData(kb).figures.map((f) => f.id));
    const single = kb.figures.filter((f) => f.status === "single-source" || f.status === "disputed");
    expect(single.length).toBeGreaterThan(0);
    for (const f of single) expect(checked.has(f.id), f.id).toBe(false);
    for (const f of kb.figures.filter((x) => x.status === "company" || x.status === "corroborated"))
      expect(checked.has(f.id), f.id).toBe(true);
  });
});
