/**
 * Every misreport the knowledge base knows reaches the card: corrections and the variants marked as errors, each
 * found where a paragraph repeats it, shown once, and worded without the label the card adds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { entityDetails } from "../../../src/kb/details";
import { misreportsOf, misreportsOnPage } from "../../../src/kb/misreports";

const kb = loadKnowledgeBase();
const messages = (lang: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, "../../../src/public/_locales", lang, "messages.json"), "utf8"),
  ) as Record<string, { message: string }>;
const onPage = (entity: string, text: string) => misreportsOnPage(entityDetails(kb, entity)!, text);

describe("misreports in the knowledge base", () => {
  test("no correction repeats the label the card puts before it (일부 기사: 일부 기사: …)", () => {
    const labels = { ko: messages("ko").correction_says!.message, en: messages("en").correction_says!.message };
    for (const c of kb.corrections) {
      expect(c.says.ko.startsWith(labels.ko), c.says.ko).toBe(false);
      expect(c.says.en.toLowerCase().startsWith(labels.en.toLowerCase()), c.says.en).toBe(false);
    }
  });

  test("every variant marked as an error says how pages write it, and becomes a misreport of its entity", () => {
    const errors = kb.entities.flatMap((e) =>
      e.facts.flatMap((f) => (f.variants ?? []).filter((v) => v.difference === "error").map((v) => ({ e, v }))),
    );
    expect(errors.length).toBeGreaterThan(10);
    for (const { e, v } of errors) {
      expect(v.misreported?.length, `${e.id}: ${v.text.ko}`).toBeGreaterThan(0);
      expect(misreportsOf(e, []).map((m) => m.says.ko)).toContain(v.text.ko);
    }
  });
});

describe("on a page", () => {
  test("an article dating 퉁이첸원's launch to May 2023 in words no correction lists gets the variant's box", () => {
    const found = onPage("qwen", "알리바바는 2023년 5월 선보인 퉁이첸원을 앞세워 시장을 넓혔다.");
    expect(found).toHaveLength(1);
    expect(found[0]!.actually.ko).toMatch(/4월 11일/);
  });

  test("a misreport told by a correction and by a variant is shown once", () => {
    const found = onPage("qwen", "퉁이첸원은 2023년 5월 출시된 뒤 빠르게 성장했다.");
    expect(found).toHaveLength(1);
    expect(found[0]!.says.ko).toBe(kb.corrections.find((c) => c.entity === "qwen")!.says.ko);
  });

  test("a variant's own error on the page (36 terabytes for 36 trillion tokens)", () => {
    expect(onPage("qwen3", "큐원3는 36테라바이트 분량의 데이터로 학습했다.")).toHaveLength(1);
  });

  test("a paragraph repeating nothing gets no box", () => {
    expect(onPage("qwen", "퉁이첸원은 2023년 4월 공개됐다.")).toEqual([]);
    expect(onPage("qwen3", "큐원3는 약 36조 토큰으로 학습했다.")).toEqual([]);
  });
});
