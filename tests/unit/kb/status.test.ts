/**
 * The verification rules, case by case, as a fact-checker would put them: copies and rewrites count as their
 * original, one outlet (or group) is one voice, undated pages and blogs do not corroborate, a company's release is
 * 1차 자료 however many outlets echo it, notation is never a dispute, and a source that says otherwise is no support.
 */
import { describe, expect, test } from "vitest";
import { compileKnowledgeBase } from "../../../src/kb/compile";
import { isRounding, precisionOf } from "../../../src/kb/status";
import { fact, kbWith, publisher, source } from "../support/kb";

const PUBLISHERS = [
  publisher("wire-a", "wire"),
  publisher("news-b", "news"),
  publisher("news-c", "news"),
  publisher("news-c-tv", "news", { partOf: "news-c" }),
  publisher("company", "primary"),
  publisher("blog", "blog"),
  publisher("wiki", "reference"),
  publisher("mirror-site", "aggregator"),
  publisher("owned-news", "news", { ownedBy: "alibaba-group" }),
];

/** Compiles one fact over these sources and returns it as the extension ships it. */
function judged(sources: Array<ReturnType<typeof source>>, claim: ReturnType<typeof fact>) {
  const kb = compileKnowledgeBase(kbWith({ publishers: PUBLISHERS, sources, facts: [claim] }));
  return kb.entities[0]!.facts.find((f) => f.id === claim.id)!;
}

const variant = (difference: string, sources: string[], extra: Record<string, unknown> = {}) => ({
  text: { ko: "다른 값", en: "another value" },
  sources,
  difference,
  ...extra,
});
const reason = { ko: "이유", en: "why" };

describe("independence", () => {
  test("two dated reports by different outlets corroborate", () => {
    const f = judged([source("a", "wire-a"), source("b", "news-b")], fact("x", ["a", "b"]));
    expect(f).toMatchObject({ status: "corroborated", independentReports: 2 });
  });

  test("the same publisher twice is one voice", () => {
    const f = judged([source("b1", "news-b"), source("b2", "news-b", { date: "2025-03-01" })], fact("x", ["b1", "b2"]));
    expect(f).toMatchObject({ status: "single-source", independentReports: 1 });
  });

  test("an outlet the company owns does not corroborate claims about it", () => {
    const f = judged([source("a", "wire-a"), source("o", "owned-news")], fact("x", ["a", "o"]));
    expect(f).toMatchObject({ status: "single-source", independentReports: 1 });
  });

  test("two outlets of one group are one voice", () => {
    const f = judged([source("c", "news-c"), source("c-tv", "news-c-tv")], fact("x", ["c", "c-tv"]));
    expect(f).toMatchObject({ status: "single-source", independentReports: 1 });
  });

  test("a copy of a copy counts as the original, and the reader is shown the original", () => {
    const f = judged(
      [
        source("orig", "wire-a", { url: null }),
        source("copy1", "news-b", { copyOf: "orig" }),
        source("copy2", "news-c", { copyOf: "copy1" }),
      ],
      fact("x", ["copy1", "copy2"]),
    );
    expect(f).toMatchObject({ status: "single-source", independentReports: 1, sources: ["orig"] });
  });

  test("a rewrite counts as its original but is cited as itself", () => {
    const f = judged([source("a", "wire-a"), source("b", "news-b", { basedOn: "a" })], fact("x", ["a", "b"]));
    expect(f).toMatchObject({ status: "single-source", independentReports: 1 });
    expect(f.sources.sort()).toEqual(["a", "b"]);
  });

  test("a blog's translation of a report is a blog: it does not lend the report a second voice", () => {
    const f = judged(
      [
        source("a", "wire-a"),
        source("report", "news-b", { url: null }),
        source("translation", "blog", { basedOn: "report" }),
      ],
      fact("x", ["a", "translation"]),
    );
    expect(f).toMatchObject({ status: "single-source", independentReports: 1, sources: ["a", "translation"] });
  });

  test("a mirror site's copy is shown as the original it copies", () => {
    const f = judged(
      [source("orig", "news-b"), source("mirror", "mirror-site", { copyOf: "orig" }), source("a", "wire-a")],
      fact("x", ["mirror", "a"]),
    );
    expect(f).toMatchObject({ status: "corroborated", sources: ["orig", "a"] });
  });

  test("an undated report does not corroborate", () => {
    const f = judged([source("a", "wire-a"), source("b", "news-b", { date: null })], fact("x", ["a", "b"]));
    expect(f).toMatchObject({ status: "single-source", independentReports: 1 });
  });

  test("blogs and reference works do not corroborate", () => {
    const f = judged(
      [source("a", "wire-a"), source("blog1", "blog"), source("wiki1", "wiki")],
      fact("x", ["a", "blog1", "wiki1"]),
    );
    expect(f).toMatchObject({ status: "single-source", independentReports: 1 });
  });
});

describe("the company's own statement", () => {
  test("a release plus the outlets that echo it is 1차 자료, with the echoes counted", () => {
    const f = judged(
      [source("release", "company"), source("a", "wire-a"), source("b", "news-b")],
      fact("x", ["a", "release", "b"]),
    );
    expect(f).toMatchObject({ status: "company", independentReports: 2 });
    expect(f.sources[0]).toBe("release"); // the statement itself comes first
  });

  test("reprints of the release are the release: no independent report", () => {
    const f = judged(
      [source("release", "company"), source("reprint", "news-b", { copyOf: "release" })],
      fact("x", ["release", "reprint"]),
    );
    expect(f).toMatchObject({ status: "company", independentReports: 0, sources: ["release"] });
  });
});

describe("notation is not a dispute; another account is", () => {
  const revenue = { value: { amount: 280154000000, unit: "CNY" } };
  const twoReports = [source("a", "wire-a"), source("b", "news-b"), source("c", "news-c")];

  test("rounding within the stated precision and conversions leave the fact corroborated", () => {
    const f = judged(
      twoReports,
      fact("x", ["a", "b", "c"], {
        ...revenue,
        variants: [
          variant("rounding", ["a"], { value: { amount: 280200000000, unit: "CNY" } }),
          variant("conversion", ["b"], { value: { amount: 55.2e12, unit: "KRW" }, reason }),
          variant("conversion", ["c"], { value: { amount: 38.6e9, unit: "USD" } }),
        ],
      }),
    );
    expect(f).toMatchObject({ status: "corroborated", independentReports: 3 });
  });

  test("a dated report with another account puts the fact in dispute", () => {
    const f = judged(twoReports, fact("x", ["a", "b"], { variants: [variant("contradiction", ["c"])] }));
    expect(f.status).toBe("disputed");
  });

  test("a primary source with another account puts the fact in dispute", () => {
    const f = judged(
      [...twoReports, source("release", "company")],
      fact("x", ["a", "b"], { variants: [variant("contradiction", ["release"])] }),
    );
    expect(f.status).toBe("disputed");
  });

  test("an outlier blog or an undated page does not", () => {
    const f = judged(
      [...twoReports, source("blog1", "blog"), source("old", "news-c", { date: null })],
      fact("x", ["a", "b"], { variants: [variant("contradiction", ["blog1"]), variant("contradiction", ["old"])] }),
    );
    expect(f.status).toBe("corroborated");
  });

  test("a supporter whose own version contradicts the claim is not counted, nor shown, as support", () => {
    const f = judged(twoReports, fact("x", ["a", "b", "c"], { variants: [variant("contradiction", ["c"])] }));
    expect(f).toMatchObject({ status: "disputed", independentReports: 2 });
    expect(f.sources).not.toContain("c");
  });

  test("a slip against an established claim is a note, and its source no support", () => {
    const f = judged(
      twoReports,
      fact("x", ["a", "b", "c"], { variants: [variant("error", ["c"], { reason, misreported: ["틀린 표기"] })] }),
    );
    expect(f).toMatchObject({ status: "corroborated", independentReports: 2 });
    expect(f.sources).not.toContain("c");
  });

  test("a copy's slip is checked against its original: the supporter it copies is dropped too", () => {
    const f = judged(
      [...twoReports, source("copy", "news-c-tv", { copyOf: "c" })],
      fact("x", ["a", "b", "c"], { variants: [variant("error", ["copy"], { reason, misreported: ["틀린 표기"] })] }),
    );
    expect(f.sources).toEqual(["a", "b"]);
  });
});

describe("precision", () => {
  test.each([
    [39_800_000_000, 1e8],
    [280_154_000_000, 1e6],
    [32.65, 0.01],
    [35.8, 0.1],
    [7, 1],
    [0, 1],
  ])("precisionOf(%d) = %d", (amount, step) => expect(precisionOf(amount)).toBe(step));

  test.each([
    [280_154_000_000, 280_200_000_000, true], // 2801억5400만 → 2802억
    [39_824_000_000, 39_800_000_000, true], // 398억2400만 → 398억
    [32.65, 33, true],
    [34.5, 35, true],
    [34.5, 34.4, false],
    [280_154_000_000, 285_000_000_000, false],
    [18_228_000_000, 18_200_000_000, true],
    [18_228_000_000, 18_300_000_000, false],
  ])("isRounding(%d, %d) = %s", (a, b, expected) => expect(isRounding(a, b)).toBe(expected));
});

describe("an error says how pages write it", () => {
  test("an error variant without page forms is refused: the card could not correct it where a page repeats it", () => {
    const sources = [source("a", "wire-a"), source("b", "news-b"), source("c", "news-c")];
    const claim = fact("x", ["a", "b", "c"], { variants: [variant("error", ["c"], { reason })] });
    expect(() => judged(sources, claim)).toThrow(/misreported/);
  });

  test("an error may instead say why no page form can be told from a true statement, but not both", () => {
    const sources = [source("a", "wire-a"), source("b", "news-b"), source("c", "news-c")];
    const formsWithheld = "every way to write it also reads as a true statement";
    const withheld = fact("x", ["a", "b", "c"], { variants: [variant("error", ["c"], { reason, formsWithheld })] });
    expect(() => judged(sources, withheld)).not.toThrow();
    const both = fact("x", ["a", "b", "c"], {
      variants: [variant("error", ["c"], { reason, formsWithheld, misreported: ["틀린 표기"] })],
    });
    expect(() => judged(sources, both)).toThrow(/not both/);
  });
});
