import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { findMoneyAmounts } from "../../../src/core/money";
import { runs } from "../support/runs";

type Row = [input: string, text: string, value: number, currency: "CNY" | "KRW" | "USD", qualifier: string];

/** Amounts as Korean (and a few Chinese and English) news pages write them. */
const AMOUNTS: Row[] = [
  // digits, commas, Korean units
  ["3800억 위안을", "3800억 위안", 380e9, "CNY", "exact"],
  ["3800억위안", "3800억위안", 380e9, "CNY", "exact"],
  ["3,800억 위안", "3,800억 위안", 380e9, "CNY", "exact"],
  ["3,800억위안을", "3,800억위안", 380e9, "CNY", "exact"],
  ["3천800억 위안", "3천800억 위안", 380e9, "CNY", "exact"],
  ["3천800억위안", "3천800억위안", 380e9, "CNY", "exact"],
  ["74조9000억원", "74조9000억원", 74.9e12, "KRW", "exact"],
  ["74조9000억 원", "74조9000억 원", 74.9e12, "KRW", "exact"],
  ["74조5484억원", "74조5484억원", 74.5484e12, "KRW", "exact"],
  ["73조7000억원을", "73조7000억원", 73.7e12, "KRW", "exact"],
  ["75조원", "75조원", 75e12, "KRW", "exact"],
  ["75조 원이", "75조 원", 75e12, "KRW", "exact"],
  ["182억2800만 위안", "182억2800만 위안", 18.228e9, "CNY", "exact"],
  ["182억 2800만 위안의", "182억 2800만 위안", 18.228e9, "CNY", "exact"],
  ["182억2천800만 위안", "182억2천800만 위안", 18.228e9, "CNY", "exact"],
  ["3조1124억원", "3조1124억원", 3.1124e12, "KRW", "exact"],
  ["3조1천124억원", "3조1천124억원", 3.1124e12, "KRW", "exact"],
  ["2802억위안", "2802억위안", 280.2e9, "CNY", "exact"],
  ["2801억5000만 위안", "2801억5000만 위안", 280.15e9, "CNY", "exact"],
  ["2,801억 5,400만 위안", "2,801억 5,400만 위안", 280.154e9, "CNY", "exact"],
  ["317억 4200만 위안", "317억 4200만 위안", 31.742e9, "CNY", "exact"],
  ["6조3000억원", "6조3000억원", 6.3e12, "KRW", "exact"],
  ["55조2000억원", "55조2000억원", 55.2e12, "KRW", "exact"],
  ["534억 달러", "534억 달러", 53.4e9, "USD", "exact"],
  ["534억달러를", "534억달러", 53.4e9, "USD", "exact"],
  ["530억 달러", "530억 달러", 53e9, "USD", "exact"],
  ["28억 달러", "28억 달러", 2.8e9, "USD", "exact"],
  ["27억8000만 달러", "27억8000만 달러", 2.78e9, "USD", "exact"],
  ["2억 달러(약 2290억원)", "2억 달러", 2e8, "USD", "exact"],
  ["1만 원", "1만 원", 1e4, "KRW", "exact"],
  ["5000원", "5000원", 5000, "KRW", "exact"],
  ["1,000원", "1,000원", 1000, "KRW", "exact"],
  ["1000억 달러화", "1000억 달러화", 1e11, "USD", "exact"],
  ["300억 위안화", "300억 위안화", 3e10, "CNY", "exact"],
  ["2.5억 달러", "2.5억 달러", 2.5e8, "USD", "exact"],
  ["1.5조 원", "1.5조 원", 1.5e12, "KRW", "exact"],
  ["530억 달러다", "530억 달러", 53e9, "USD", "exact"],
  ["3800억 위안이었다", "3800억 위안", 380e9, "CNY", "exact"],
  // approximations and bounds
  ["약 75조 원", "약 75조 원", 75e12, "KRW", "about"],
  ["약 74조9000억원", "약 74조9000억원", 74.9e12, "KRW", "about"],
  ["약 530억 달러", "약 530억 달러", 53e9, "USD", "about"],
  ["대략 530억 달러", "대략 530억 달러", 53e9, "USD", "about"],
  ["최소 3800억 위안", "최소 3800억 위안", 380e9, "CNY", "at-least"],
  ["최소 75조원", "최소 75조원", 75e12, "KRW", "at-least"],
  ["적어도 3800억 위안", "적어도 3800억 위안", 380e9, "CNY", "at-least"],
  ["최대 100억 달러", "최대 100억 달러", 1e10, "USD", "at-most"],
  ["총 3800억 위안", "총 3800억 위안", 380e9, "CNY", "exact"],
  ["3800억 위안 이상", "3800억 위안", 380e9, "CNY", "at-least"],
  ["3800억 위안 이상을", "3800억 위안", 380e9, "CNY", "at-least"],
  ["3800억 위안을 넘는", "3800억 위안", 380e9, "CNY", "at-least"],
  ["3조 원을 밑도는", "3조 원", 3e12, "KRW", "at-most"],
  ["3000억에서 3500억 위안 사이", "3000억에서 3500억 위안", 300e9, "CNY", "range"],
  ["3000억 위안~3500억 위안", "3000억 위안~3500억 위안", 300e9, "CNY", "range"],
  ["3조8000억 위안", "3조8000억 위안", 3.8e12, "CNY", "exact"],
  ["3800억 위안 넘는", "3800억 위안", 380e9, "CNY", "at-least"],
  ["530억 달러 가량", "530억 달러", 53e9, "USD", "about"],
  ["530억 달러가량", "530억 달러", 53e9, "USD", "about"],
  ["75조 원 안팎", "75조 원", 75e12, "KRW", "about"],
  ["75조 원 규모", "75조 원", 75e12, "KRW", "exact"],
  ["73조원대", "73조원대", 73e12, "KRW", "range"],
  ["3조원대 과징금", "3조원대", 3e12, "KRW", "range"],
  ["100억 달러 미만", "100억 달러", 1e10, "USD", "at-most"],
  // ranges
  ["73~75조 원", "73~75조 원", 73e12, "KRW", "range"],
  ["73∼75조원", "73∼75조원", 73e12, "KRW", "range"],
  ["524억~534억 달러", "524억~534억 달러", 52.4e9, "USD", "range"],
  // Chinese units
  ["3800亿元", "3800亿元", 380e9, "CNY", "exact"],
  ["3800億元", "3800億元", 380e9, "CNY", "exact"],
  ["182.28亿元", "182.28亿元", 18.228e9, "CNY", "exact"],
  ["317.42亿元", "317.42亿元", 31.742e9, "CNY", "exact"],
  ["2801.54亿元", "2801.54亿元", 280.154e9, "CNY", "exact"],
  ["530億美元", "530億美元", 53e9, "USD", "exact"],
  ["1000万元", "1000万元", 1e7, "CNY", "exact"],
  // English
  ["380 billion yuan", "380 billion yuan", 380e9, "CNY", "exact"],
  ["380bn yuan", "380bn yuan", 380e9, "CNY", "exact"],
  ["RMB380 billion", "RMB380 billion", 380e9, "CNY", "exact"],
  ["RMB 380 billion", "RMB 380 billion", 380e9, "CNY", "exact"],
  ["CNY380 billion", "CNY380 billion", 380e9, "CNY", "exact"],
  ["¥380 billion", "¥380 billion", 380e9, "CNY", "exact"],
  ["$53.4 billion", "$53.4 billion", 53.4e9, "USD", "exact"],
  ["$53.4bn", "$53.4bn", 53.4e9, "USD", "exact"],
  ["US$52.4 billion", "US$52.4 billion", 52.4e9, "USD", "exact"],
  ["US$53b", "US$53b", 53e9, "USD", "exact"],
  ["53 bln USD", "53 bln USD", 53e9, "USD", "exact"],
  ["53 billion U.S. dollars", "53 billion U.S. dollars", 53e9, "USD", "exact"],
  ["$2.8 billion fine", "$2.8 billion", 2.8e9, "USD", "exact"],
  ["18.228 billion yuan", "18.228 billion yuan", 18.228e9, "CNY", "exact"],
  ["about $53 billion", "about $53 billion", 53e9, "USD", "about"],
  ["more than $50 billion", "more than $50 billion", 50e9, "USD", "at-least"],
  ["USD 38.4 billion", "USD 38.4 billion", 38.4e9, "USD", "exact"],
  ["$3.75 billion", "$3.75 billion", 3.75e9, "USD", "exact"],
  ["280.2 billion yuan", "280.2 billion yuan", 280.2e9, "CNY", "exact"],
  ["31.7 billion yuan", "31.7 billion yuan", 31.7e9, "CNY", "exact"],
];

/** Things with numbers that are not amounts. */
const NOT_AMOUNTS = [
  "2025년 2월 24일",
  "2025.02.24",
  "15% 늘었다",
  "13% 성장",
  "1위",
  "2위를 차지",
  "010-1234-5678",
  "02-123-4567",
  "Qwen2.5",
  "Qwen3-235B",
  "1조 차이",
  "3800억",
  "3800억 규모",
  "3년간",
  "10주년",
  "18명",
  "9988.HK",
  "7.12배 늘었다",
  "GPT-4o",
  "오전 9시 30분",
  "3 원칙",
  "제3 원칙을",
  "10원칙",
  "5 원숭이",
  "3 원고를",
  "2 원래",
  "1200원짜리",
  "200 달러구트",
  "100 yuanfeng",
  "A4 용지",
  "3분기",
  "4분기 실적",
  "119개 언어",
  "0.6B",
  "36조 토큰",
  "20조 개",
];

describe("money expressions", () => {
  test(`the table has at least 80 amounts (${AMOUNTS.length}) and 30 non-amounts (${NOT_AMOUNTS.length})`, () => {
    expect(AMOUNTS.length).toBeGreaterThanOrEqual(80);
    expect(NOT_AMOUNTS.length).toBeGreaterThanOrEqual(30);
  });

  test.each(AMOUNTS)("%s", (input, text, value, currency, qualifier) => {
    const [amount] = findMoneyAmounts(input);
    expect(amount).toMatchObject({ text, currency, qualifier });
    expect(amount!.value).toBeCloseTo(value, -3);
    expect(input.slice(amount!.start, amount!.end)).toBe(text);
  });

  test("ranges keep both bounds", () => {
    expect(findMoneyAmounts("73~75조 원")[0]).toMatchObject({
      value: 73e12,
      max: 75e12,
      qualifier: "range",
      currency: "KRW",
    });
  });

  test.each(NOT_AMOUNTS)("%s is not an amount", (input) => {
    expect(findMoneyAmounts(input)).toEqual([]);
  });
});

describe("money expressions: properties", () => {
  test("never throws, and every span is the text it claims", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (input) => {
        for (const amount of findMoneyAmounts(input)) {
          expect(input.slice(amount.start, amount.end)).toBe(amount.text);
          expect(Number.isFinite(amount.value)).toBe(true);
        }
      }),
      { numRuns: runs(3000) },
    );
  });

  const word = fc.constantFrom(
    "알리바바",
    "클라우드",
    "투자",
    "매출",
    "분기",
    "성장",
    "발표",
    "기업",
    "시장",
    "연구원",
    "회원",
    "원칙",
    "원래",
    "위안부",
    "달러구트",
    "대표",
    "이상",
    "약",
    "총",
    "조",
    "억",
  );
  const counter = fc.constantFrom(
    "%",
    "년",
    "월",
    "일",
    "위",
    "명",
    "개",
    "배",
    "건",
    "번",
    "시",
    "분",
    "층",
    "호",
    "조",
    "억",
    "만",
    "천",
    "",
    ".",
    "-",
  );
  const number = fc.tuple(fc.integer({ min: 0, max: 99999 }), counter).map(([n, unit]) => `${n}${unit}`);
  const token = fc.oneof(word, number, fc.constantFrom(" ", ", ", ". ", "(", ")", "~"));

  test("random Korean text with numbers but no currency after them yields no amount", () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => {
        const text = tokens.join(" ");
        expect(findMoneyAmounts(text)).toEqual([]);
      }),
      { numRuns: runs(3000) },
    );
  });
});
