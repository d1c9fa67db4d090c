/**
 * Every misreport the knowledge base knows reaches the card: corrections and the variants marked as errors, each
 * found where a paragraph repeats it, shown once, and worded without the label the card adds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { entityDetails } from "../../../src/kb/details";
import { misreportsIn, misreportsOf, misreportsOnPage } from "../../../src/kb/misreports";

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
      if (v.formsWithheld) {
        // No form of it reads only as the error: the card stays silent rather than correct a true sentence.
        expect(v.misreported, `${e.id}: ${v.text.ko}`).toBeUndefined();
        expect(misreportsOf(e, []).map((m) => m.says.ko)).not.toContain(v.text.ko);
        continue;
      }
      expect(v.misreported?.length, `${e.id}: ${v.text.ko}`).toBeGreaterThan(0);
      expect(misreportsOf(e, []).map((m) => m.says.ko)).toContain(v.text.ko);
    }
  });

  test("a true sentence that shares words with a known error gets no correction box", () => {
    const byId = new Map(kb.entities.map((e) => [e.id, e]));
    const boxes = (id: string, text: string) => misreportsIn(misreportsOf(byId.get(id)!, []), text);
    expect(boxes("alibaba-group", "11월 27일 홍콩증시에서 알리바바 주가는 3% 올랐다.")).toEqual([]);
    expect(boxes("antitrust-fine-2021", "메이퇀 과징금은 알리바바의 182억 위안에 이어 역대 두 번째 규모다.")).toEqual(
      [],
    );
    expect(boxes("jiang-fan", "2022년 당시 장판은 인터내셔널 디지털커머스 CEO를 맡고 있었다.")).toEqual([]);
    expect(boxes("qwen2.5-max", "큐원2.5-맥스에 이어 4월 28일 공개된 큐원3는 하이브리드 추론을 넣었다.")).toEqual([]);
    // The error itself is still corrected.
    expect(boxes("alibaba-group", "알리바바의 홍콩 상장일은 11월 27일이다.")).toHaveLength(1);
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
