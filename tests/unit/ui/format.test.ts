/** Dates and source lines as readers see them, in Korean and in English; the few words beside a badge. */
import { describe, expect, test } from "vitest";
import {
  formatApproximateDate,
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
