import { describe, expect, test } from "vitest";
import { findMoneyAmounts } from "../../../src/core/money";

describe("money expressions", () => {
  test.each<[string, string, number, string, string]>([
    ["3800억 위안을", "3800억 위안", 380e9, "CNY", "exact"],
    ["3,800억위안", "3,800억위안", 380e9, "CNY", "exact"],
    ["3천800억 위안", "3천800억 위안", 380e9, "CNY", "exact"],
    ["약 74조9000억원", "약 74조9000억원", 74.9e12, "KRW", "about"],
    ["182억 2800만 위안의 벌금", "182억 2800만 위안", 18.228e9, "CNY", "exact"],
    ["$53.4 billion", "$53.4 billion", 53.4e9, "USD", "exact"],
    ["380 billion yuan", "380 billion yuan", 380e9, "CNY", "exact"],
    ["3800亿元", "3800亿元", 380e9, "CNY", "exact"],
    ["534억 달러", "534억 달러", 53.4e9, "USD", "exact"],
    ["최소 3800억 위안", "최소 3800억 위안", 380e9, "CNY", "at-least"],
    ["73조원대", "73조원대", 73e12, "KRW", "about"],
  ])("%s", (input, text, value, currency, qualifier) => {
    const [amount] = findMoneyAmounts(input);
    expect(amount).toMatchObject({ text, value, currency, qualifier });
  });

  test("ranges keep both bounds", () => {
    expect(findMoneyAmounts("73~75조 원")[0]).toMatchObject({ value: 73e12, max: 75e12, qualifier: "range", currency: "KRW" });
  });

  test.each(["2025년 2월 24일", "15% 늘었다", "1위", "010-1234-5678", "Qwen2.5", "1조 차이", "3800억"])("%s is not an amount", (input) => {
    expect(findMoneyAmounts(input)).toEqual([]);
  });

  test("never throws on odd input", () => {
    for (const input of ["", "억", "조원", "$", "1.2.3억 위안", "9".repeat(400) + "억 위안", "~~~", "1~", "$ billion"]) {
      expect(() => findMoneyAmounts(input)).not.toThrow();
    }
  });
});
