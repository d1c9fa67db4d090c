/**
 * The claim suite: Korean (and some English and Chinese) sentences and short paragraphs written for the claim
 * reader, every amount marked with the verdict it should get or none (tests/fixtures/claims/README.md).
 * Run against the real knowledge base, the same reader the content script and the scan CLI use. Done means
 * no false verdict at all (a verdict on an amount that is not the figure's, or differs/unit-slip where the
 * article is right) and at least 95 % of amounts right.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { buildMatcher, findMentions } from "../../../src/core/matcher";
import { findMoneyAmounts } from "../../../src/core/money";
import { FIGURE_VERDICTS } from "../../../src/core/vocabulary";
import { toMatcherData } from "../../../src/kb/matcher-data";

const DIR = resolve(import.meta.dirname, "..", "..", "fixtures", "claims");
const data = toMatcherData(loadKnowledgeBase());
const matcher = buildMatcher(data.entities, data.otherPeople, data.options);

type Expected = { start: number; end: number; text: string; verdict: string | null; figure: string | null };
type Case = { file: string; text: string; date?: string; amounts: Expected[] };

/** `{{amount|verdict figure}}` or `{{amount|-}}` → plain text and the expectations, with offsets into it. */
function parseCase(file: string, raw: string): Case {
  let body = raw.replace(/^\n+/, "");
  const dateLine = /^@date (\d{4}-\d{2}-\d{2})\n/.exec(body);
  if (dateLine) body = body.slice(dateLine[0].length);
  let text = "";
  let last = 0;
  const amounts: Expected[] = [];
  for (const m of body.matchAll(/\{\{([^|}]+)\|([^}]+)\}\}/g)) {
    text += body.slice(last, m.index);
    const [verdict, figure] = m[2]!.trim() === "-" ? [null, null] : m[2]!.trim().split(/\s+/);
    if (verdict !== null && !(FIGURE_VERDICTS as readonly string[]).includes(verdict!))
      throw new Error(`${file}: unknown verdict ${verdict} in ${m[0]}`);
    amounts.push({ start: text.length, end: text.length + m[1]!.length, text: m[1]!, verdict, figure: figure ?? null });
    text += m[1]!;
    last = m.index! + m[0].length;
  }
  text += body.slice(last);
  return { file, text: text.replace(/\n+$/, ""), ...(dateLine ? { date: dateLine[1]! } : {}), amounts };
}

const cases: Case[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .flatMap((file) =>
    readFileSync(join(DIR, file), "utf8")
      .split(/^===$/m)
      .filter((raw) => raw.trim())
      .map((raw) => parseCase(file, raw)),
  );

type Outcome = { c: Case; expected: Expected; got: { verdict: string; figure: string } | null };

/** What the reader says about each marked amount (the checked amount overlapping it, if any). */
function outcomes(): Outcome[] {
  const out: Outcome[] = [];
  for (const c of cases) {
    const found = findMentions(matcher, c.text, c.date).filter((m) => m.figure);
    for (const expected of c.amounts) {
      const hit = found.find((m) => m.start < expected.end && expected.start < m.end);
      out.push({ c, expected, got: hit ? { verdict: hit.figure!.verdict, figure: hit.figure!.id } : null });
    }
  }
  return out;
}

const right = (o: Outcome) =>
  o.expected.verdict === null
    ? o.got === null
    : o.got?.verdict === o.expected.verdict && o.got.figure === o.expected.figure;

/**
 * A false verdict: any verdict on an amount that is not that figure's (another company's, another metric or
 * period, or the wrong figure), or differs / unit-slip where the article states the figure right.
 */
const falseVerdict = (o: Outcome) => {
  if (!o.got) return false;
  if (o.expected.verdict === null || o.got.figure !== o.expected.figure) return true;
  const accuses = o.got.verdict === "differs" || o.got.verdict === "unit-slip";
  return accuses && (o.expected.verdict === "match" || o.expected.verdict === "conversion");
};

const describeOutcome = (o: Outcome) =>
  `${o.c.file}: ${o.expected.text} expected ${o.expected.verdict ?? "none"} ${o.expected.figure ?? ""}, got ${
    o.got ? `${o.got.verdict} ${o.got.figure}` : "none"
  } — ${o.c.text.replace(/\s+/g, " ").slice(0, 90)}`;

describe("the claim suite", () => {
  const results = outcomes();

  test(`has at least 150 cases and every amount in them is marked (${cases.length} cases, ${results.length} amounts)`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const c of cases) {
      const parsed = findMoneyAmounts(c.text);
      const unmarked = parsed.filter((a) => !c.amounts.some((e) => e.start < a.end && a.start < e.end));
      expect(
        unmarked.map((a) => a.text),
        `${c.file}: ${c.text}`,
      ).toEqual([]);
      const unparsed = c.amounts.filter((e) => !parsed.some((a) => e.start < a.end && a.start < e.end));
      expect(
        unparsed.map((e) => e.text),
        `${c.file}: marked but not an amount`,
      ).toEqual([]);
    }
  });

  test("every verdict and silence of every kind is represented", () => {
    for (const verdict of [...FIGURE_VERDICTS, null])
      expect(results.filter((o) => o.expected.verdict === verdict).length, String(verdict)).toBeGreaterThanOrEqual(8);
  });

  test("no false verdict: nothing said about another company's number, nothing accused that is right", () => {
    expect(results.filter(falseVerdict).map(describeOutcome)).toEqual([]);
  });

  test("at least 95 % of amounts get exactly the verdict they should (or none)", () => {
    const wrong = results.filter((o) => !right(o));
    const share = (results.length - wrong.length) / results.length;
    // The misses are listed so the rate can be read with them (every one is a silence, per the test above).
    expect(share, wrong.map(describeOutcome).join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});
