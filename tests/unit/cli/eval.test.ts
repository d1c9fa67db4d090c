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
    });
  });

  test("no collision in the negative texts is marked", () => {
    const result = evaluate();
    expect(result.errors.filter((e) => e.includes("[collision]"))).toEqual([]);
  });
});
