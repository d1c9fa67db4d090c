/**
 * The claim reader's parts on their own: sentences of a block of any length, periods as articles name them
 * (with word boundaries) and resolved against a page's date, the page's date from what it states, and the
 * comparison of one amount with one figure (precision, derived conversions, unit slips).
 */
import { describe, expect, test } from "vitest";
import type { Rate } from "../../../src/core/figure-check";
import { checkAmount, claimWindow, conversionFactors } from "../../../src/core/figure-check";
import { findMoneyAmounts } from "../../../src/core/money";
import { dateFromByline, dateFromIso, dateFromJsonLd, dateFromText } from "../../../src/core/page-date";
import { agreement, readPeriods, resolve } from "../../../src/core/periods";
import { clauses, sentences } from "../../../src/core/segment";

describe("sentences", () => {
  const split = (text: string) => sentences(text).map((s) => text.slice(s.start, s.end));
  test("a <br>-joined article (no space after the full stop) is still several sentences", () =>
    expect(split("투자한다고 밝혔다.알리바바는 또 말했다.“좋다.”그리고 끝")).toEqual([
      "투자한다고 밝혔다.",
      "알리바바는 또 말했다.",
      "“좋다.”",
      "그리고 끝",
    ]));
  test("decimals, dates, abbreviations and domains do not end a sentence", () =>
    expect(split("매출이 3.5% 늘어 2025.02.24 발표됐고 U.S. dollars로는 530억 달러다. alibaba.com 참고.")).toEqual([
      "매출이 3.5% 늘어 2025.02.24 발표됐고 U.S. dollars로는 530억 달러다.",
      "alibaba.com 참고.",
    ]));
  test("a blank line starts a new paragraph; a headline has no sentence end", () => {
    const text = "알리바바, 3800억 위안 투자\n\n알리바바는 밝혔다. 규모가 크다.";
    expect(sentences(text).map((s) => [s.paragraph, s.terminated])).toEqual([
      [0, false],
      [1, true],
      [1, true],
    ]);
  });
  test("clauses end after a connective ending, not in a list of nouns", () => {
    const text = "알리바바는 클라우드, AI 인프라에 투자하고, 텐센트는 게임에 쓴다.";
    const [sentence] = sentences(text);
    expect(clauses(text, sentence!).map(([s, e]) => text.slice(s, e).trim())).toEqual([
      "알리바바는 클라우드, AI 인프라에 투자하고,",
      "텐센트는 게임에 쓴다.",
    ]);
  });
});

describe("periods", () => {
  const kinds = (text: string) => readPeriods(text).map((p) => `${p.text}:${p.kind}`);
  test.each([
    ["2023년 매출", ["2023년:year"]],
    ["3년간 투자", ["3년간:span"]],
    ["향후 3년 동안", ["향후 3년 동안:span"]],
    ["앞으로 3년", ["앞으로 3년:span"]],
    ["3년 만에 최고", []],
    ["최근 4개 분기 동안", ["최근 4개 분기 동안:span"]],
    ["지난해 4분기 매출", ["지난해 4분기:quarter"]],
    ["2024년 10~12월", ["2024년 10~12월:months"]],
    ["12월 분기 실적", ["12월 분기:months"]],
    ["2025 회계연도 3분기", ["2025 회계연도 3분기:quarter"]],
    ["6분기 연속 성장", []],
    ["전년 동기 2603억 위안", ["전년 동기:prior"]],
    ["2021년 4월 10일", ["2021년 4월 10일:day"]],
    ["over the next three years", ["over the next three years:span"]],
    ["December-quarter revenue", ["December-quarter:months"]],
  ])("%s → %j", (text, expected) => expect(kinds(text)).toEqual(expected));

  const range = (text: string, date: string | undefined, fiscal = 4) => resolve(readPeriods(text)[0]!, date, fiscal);
  test("지난해 4분기 on a page of 21 Feb 2025 is October–December 2024", () =>
    expect(range("지난해 4분기", "2025-02-21")).toEqual([{ from: "2024-10-01", to: "2024-12-31" }]));
  test("Alibaba's fiscal year 2025 starts in April 2024: its third quarter is October–December 2024", () => {
    expect(range("2025 회계연도 3분기", undefined)).toEqual([{ from: "2024-10-01", to: "2024-12-31" }]);
    expect(range("2025 회계연도 4분기", undefined)).toEqual([{ from: "2025-01-01", to: "2025-03-31" }]);
  });
  test("a bare 3분기 means two quarters for a company whose year starts in April, one for a calendar year", () => {
    expect(range("3분기", "2025-02-21")).toHaveLength(2);
    expect(range("3분기", "2025-02-21", 1)).toEqual([{ from: "2024-07-01", to: "2024-09-30" }]);
  });
  test("올해 without the page's date cannot be placed", () => expect(range("올해", undefined)).toBeNull());

  const plan = { from: "2025-02-24", to: "2028-02-23", published: "2025-02-24", fiscalStartMonth: 4 };
  const quarter = { from: "2024-10-01", to: "2024-12-31", published: "2025-02-20", fiscalStartMonth: 4 };
  const agree = (text: string, figure: typeof plan, date?: string) => agreement(readPeriods(text)[0]!, figure, date);
  test("a three-year plan: 3년간 agrees, 지난 3년간 and 올해 do not", () => {
    expect(agree("향후 3년간", plan)).toBe("agree");
    expect(agree("지난 3년간", plan)).toBe("conflict");
    expect(agree("올해", plan, "2025-03-01")).toBe("conflict");
    // Seven years before the plan, 향후 3년간 is another plan.
    expect(agree("향후 3년간", plan, "2018-03-01")).toBe("conflict");
  });
  test("a quarter: the same quarter agrees, another conflicts, a bare one is unclear", () => {
    expect(agree("2024년 4분기", quarter)).toBe("agree");
    expect(agree("2023년 4분기", quarter)).toBe("conflict");
    expect(agree("2024년", quarter)).toBe("conflict");
    expect(agree("4분기", quarter, "2025-02-21")).toBe("unknown");
    expect(agree("지난 20일", quarter, "2025-02-21")).toBe("agree"); // the day it was published
  });
});

describe("the page's date", () => {
  test.each([
    ["2025-02-24T09:30:00+09:00", "2025-02-24"],
    ["2025-02-23T16:00:00Z", "2025-02-24"],
    ["2025-02-24", "2025-02-24"],
    ["2025-02-30T09:00:00+09:00", null],
    ["yesterday", null],
  ])("ISO %s → %s", (value, expected) => expect(dateFromIso(value)).toBe(expected));
  test.each([
    ["2025.02.24", "2025-02-24"],
    ["2025. 2. 24.", "2025-02-24"],
    ["2025/02/24", "2025-02-24"],
    ["2025년 2월 24일", "2025-02-24"],
  ])("written %s → %s", (value, expected) => expect(dateFromText(value)).toBe(expected));
  test.each([
    ["입력 2025.02.24 09:30 | 수정 2025.02.25", "2025-02-24"],
    ["기사입력 2025-02-24 오전 9:30", "2025-02-24"],
    ["등록 : 2025년 02월 24일", "2025-02-24"],
    ["송고시간 2025-02-24 10:00", "2025-02-24"],
    ["2025.02.24 발행 예정이던 보고서", null],
  ])("byline %s → %s", (value, expected) => expect(dateFromByline(value)).toBe(expected));
  test("JSON-LD: datePublished in an array, nothing from broken JSON", () => {
    expect(dateFromJsonLd('[{"@type":"NewsArticle","datePublished":"2021-04-10T20:00:00+08:00"}]')).toBe("2021-04-10");
    expect(dateFromJsonLd("{not json")).toBeNull();
  });
});

describe("one amount against one figure", () => {
  const amount = (text: string) => findMoneyAmounts(text)[0]!;
  test("a stated number covers its rounding and truncation, never 2.5 % beyond it", () => {
    const window = (text: string) => claimWindow(amount(text));
    expect(window("2801억 위안").hi).toBeGreaterThan(280.154e9);
    expect(window("4000억 위안").lo).toBeGreaterThan(380e9);
    expect(window("약 75조 원")).toEqual({ lo: 74e12, hi: 76e12 });
  });

  const rates: Rate[] = [
    { id: "feb", base: "CNY", quote: "KRW", rate: 197.1, date: "2025-02-24" },
    { id: "sep", base: "CNY", quote: "KRW", rate: 193.9, date: "2025-09-16" },
    { id: "usd", base: "USD", quote: "CNY", rate: 7.25, date: "2025-02-24" },
    { id: "old", base: "CNY", quote: "KRW", rate: 170.75, date: "2021-04-10" },
  ];
  const plan = { amount: 380e9, currency: "CNY" as const, precision: 1e8, qualifier: "at-least" as const };
  const check = (text: string, until = "2025-02-25") =>
    checkAmount(amount(text), plan, [], { rates, published: "2025-02-24", until });
  test("conversions come from the rates dated between the figure's publication and the page", () => {
    expect(conversionFactors(rates, "CNY", "KRW", "2025-02-24", "2025-02-25").map((f) => f.rate)).toEqual(["feb"]);
    expect(check("약 74조9000억원")).toMatchObject({ verdict: "conversion", rate: "feb" });
    // 73조7000억 is September's rate: on a page of February it is no conversion, on one of September it is.
    expect(check("73조7000억원").verdict).not.toBe("conversion");
    expect(check("73조7000억원", "2025-09-16")).toMatchObject({ verdict: "conversion", rate: "sep" });
  });
  test("a tenfold slip says what was meant, in the article's currency", () => {
    expect(check("3조8000억 위안")).toEqual({ verdict: "unit-slip", intended: 380e9 });
    expect(check("53억 달러")).toMatchObject({ verdict: "unit-slip", intended: 53e9 });
  });
  test("a lower bound the figure meets is not a statement of it; a far-off amount differs", () => {
    expect(check("3000억 위안 이상").verdict).toBe("near");
    expect(check("4000억 위안").verdict).toBe("differs");
    expect(check("약 50조 원").verdict).toBe("differs");
  });
  test("with no rate within a year of the dates, nothing is derived and nothing is said", () =>
    expect(
      checkAmount(amount("1조 원"), { ...plan, amount: 5e9 }, [], {
        rates,
        published: "2017-01-01",
        until: "2017-06-01",
      }).verdict,
    ).toBe("none"));
});
