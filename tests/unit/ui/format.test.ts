/** Dates and source lines as readers see them, in Korean and in English; the few words beside a badge. */
import { describe, expect, test } from "vitest";
import {
  formatAmount,
  formatApproximateDate,
  formatDateInWords,
  formatRate,
  formatDate,
  sourceKindTag,
  sourceLabel,
  statusExplanation,
} from "../../../src/ui/format";

const t = (name: string, ...subs: string[]) => [name, ...subs].join("|");
const yonhap = { publisher: { ko: "연합뉴스", en: "Yonhap News Agency" } };

describe("dates", () => {
  test.each([
    ["2025-02-24", "2025. 2. 24.", "Feb 24, 2025"],
    ["2025-02", "2025. 2.", "Feb 2025"],
    ["2025", "2025", "2025"],
  ])("%s", (iso, ko, en) => {
    expect(formatDate(iso)).toBe(ko);
    expect(formatDate(iso, "en")).toBe(en);
  });

  test.each([
    ["2025-09-16", "2025년 9월 16일경", "around Sep 16, 2025"],
    ["2025-02", "2025년 2월경", "around Feb 2025"],
    ["2016", "2016년경", "around 2016"],
  ])("an inferred %s is said in words, never with a question mark", (iso, ko, en) => {
    expect(formatApproximateDate(iso, "ko")).toBe(ko);
    expect(formatApproximateDate(iso, "en")).toBe(en);
  });
});

describe("source lines", () => {
  test("the publisher in the reader's language and the date", () => {
    expect(sourceLabel({ ...yonhap, date: "2018-09-10" }, "ko", "날짜 미상")).toBe("연합뉴스 · 2018. 9. 10.");
    expect(sourceLabel({ ...yonhap, date: "2018-09-10" }, "en", "undated")).toBe("Yonhap News Agency · Sep 10, 2018");
  });
  test("an inferred date in words; no date says so", () => {
    const label = sourceLabel({ ...yonhap, date: "2025-09-16", dateApprox: true }, "ko", "날짜 미상");
    expect(label).toBe("연합뉴스 · 2025년 9월 16일경");
    expect(label).not.toContain("?");
    expect(sourceLabel({ ...yonhap, date: null }, "ko", "날짜 미상")).toBe("연합뉴스 · 날짜 미상");
  });
  test("only kinds worth telling are tagged", () => {
    expect(sourceKindTag("primary", t)).toBe("legend_kind_primary");
    expect(sourceKindTag("blog", t)).toBe("legend_kind_blog");
    expect(sourceKindTag("news", t)).toBeNull();
    expect(sourceKindTag("wire", t)).toBeNull();
  });
});

describe("why a badge", () => {
  test("counts independent reports, and names whose statement a 1차 자료 fact rests on", () => {
    expect(statusExplanation({ status: "corroborated", independentReports: 3 }, [], t)).toBe(
      "status_corroborated_explain|3",
    );
    expect(statusExplanation({ status: "company", independentReports: 2 }, ["알리바바그룹"], t)).toBe(
      "status_company_explain|알리바바그룹|2",
    );
    expect(statusExplanation({ status: "company", independentReports: 0 }, ["알리바바그룹"], t)).toBe(
      "status_company_explain_unreported|알리바바그룹|0",
    );
    expect(statusExplanation({ status: "single-source", independentReports: 1 }, [], t)).toBe(
      "status_single_source_explain|1",
    );
  });
});

describe("amounts and rates in the reader's language", () => {
  test.each([
    [380_000_000_000, "CNY", "3800억 위안", "380 billion yuan"],
    [75_000_000_000_000, "KRW", "75조 원", "₩75 trillion"],
    [53_000_000_000, "USD", "530억 달러", "$53 billion"],
    [4_350_000_000, "USD", "43억5000만 달러", "$4.35 billion"],
    [18_228_000_000, "CNY", "182억2800만 위안", "18.228 billion yuan"],
    [1450, "KRW", "1450 원", "₩1,450"],
  ])("%d %s", (amount, currency, ko, en) => {
    expect(formatAmount(amount, currency)).toBe(ko);
    expect(formatAmount(amount, currency, "en")).toBe(en);
    expect(formatAmount(amount, currency, "en")).not.toMatch(/[가-힣]/);
  });

  test("a rate", () => {
    expect(formatRate("USD/CNY", 7.246)).toBe("1달러 = 7.246위안");
    expect(formatRate("USD/CNY", 7.246, "en")).toBe("$1 = 7.246 yuan");
    expect(formatRate("CNY/KRW", 197.5, "en")).toBe("1 yuan = ₩197.5");
  });

  test("English dates come from Intl, not the Korean pattern", () => {
    expect(formatDate("2019-09-10", "en")).toBe("Sep 10, 2019");
    expect(formatDateInWords("2026-09", "en")).toBe("Sep 2026");
  });
});
