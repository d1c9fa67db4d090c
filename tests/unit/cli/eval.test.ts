/**
 * The labelled corpus: its plain texts and gold labels (the scan CLI's shape)
 * are exactly what the marked sources say, the markers parse to spans of the
 * text they claim, and no collision in the negative texts is ever marked.
 */
import { describe, expect, test } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { EVAL_DIR, evaluate, parseMarked } from "../../../src/cli/eval";

const marked = readdirSync(EVAL_DIR).filter((f) => f.endsWith(".marked.txt"));

describe("evaluation corpus", () => {
  test.each(marked)("%s: plain text and gold labels are in step with the marked source", (file) => {
    const { text, gold } = parseMarked(readFileSync(join(EVAL_DIR, file), "utf8"));
    const base = file.replace(/\.marked\.txt$/, "");
    expect(readFileSync(join(EVAL_DIR, `${base}.txt`), "utf8")).toBe(text);
    const labels = JSON.parse(readFileSync(join(EVAL_DIR, `${base}.gold.json`), "utf8"));
    expect(labels.mentions).toEqual(gold.map(({ start, end, text: t, entity }) => ({ start, end, text: t, entity })));
    for (const g of gold) expect(text.slice(g.start, g.end)).toBe(g.text);
    if (file.startsWith("neg-")) expect(gold).toEqual([]);
  });

  test("parseMarked reads plain and context-dependent markers", () => {
    expect(parseMarked("[[조 차이|joe-tsai]]는 웃었다. [[차이|joe-tsai|ctx]] 회장")).toEqual({
      text: "조 차이는 웃었다. 차이 회장",
      gold: [
        { start: 0, end: 4, text: "조 차이", entity: "joe-tsai", category: "plain" },
        { start: 11, end: 13, text: "차이", entity: "joe-tsai", category: "context" },
      ],
      lookAlikes: [],
    });
  });

  test("parseMarked reads class tags and look-alikes, and refuses an unknown tag", () => {
    expect(parseMarked("[[알리|aliexpress|ctx|short]]와 {{티몰 지니|lookalike}}")).toEqual({
      text: "알리와 티몰 지니",
      gold: [{ start: 0, end: 2, text: "알리", entity: "aliexpress", category: "context", classes: ["short"] }],
      lookAlikes: [{ start: 4, end: 9, text: "티몰 지니" }],
    });
    expect(() => parseMarked("[[알리|aliexpress|shrt]]")).toThrow(/unknown tag shrt/);
  });

  test("every class of Korean as it is really written has at least ten labelled cases, and precision stays ≥ 99 %", () => {
    const result = evaluate();
    for (const [name, t] of result.byClass) expect(t.tp + t.fn, name).toBeGreaterThanOrEqual(10);
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.99);
  });

  test("no collision in the negative texts is marked", () => {
    const result = evaluate();
    expect(result.errors.filter((e) => e.includes("[collision]"))).toEqual([]);
  });
});
