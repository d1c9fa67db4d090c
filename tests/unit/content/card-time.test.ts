// @vitest-environment jsdom
/**
 * What the card says about time, read as a reader sees it (the real catalogs): a fact that can go stale shows the
 * date it holds for ("2026년 9월 기준"), what it replaced is folded under it ("이전: …", newest first), the footer
 * gives the knowledge base's as-of and evidence dates, and a page dated after the evidence is told it may describe
 * later events. A Qwen generation names its family.
 */
import { afterEach, describe, expect, test } from "vitest";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { renderCard } from "../../../src/content/card-view";
import type { MentionRecord } from "../../../src/content/highlighter";
import { entityDetails } from "../../../src/kb/details";
import { useCatalog } from "../support/i18n";

const kb = loadKnowledgeBase();
const actions = { togglePin() {}, close() {}, openInPopup() {}, copy: async () => true };
const card = (entity: string, pageDate?: string) => {
  const details = entityDetails(kb, entity)!;
  const mention = { entity, text: details.entity.names.ko, blockText: "" } as unknown as MentionRecord;
  return renderCard(document, details, mention, actions, pageDate ? { date: pageDate } : {});
};
let restore = () => {};
afterEach(() => restore());

describe("the card in Korean", () => {
  test("큐원: the newest generation first, as of September 2026, with the three it replaced folded under it", () => {
    restore = useCatalog("ko");
    const root = card("qwen");
    const first = root.querySelector(".facts > li")!;
    expect(first.querySelector(".fact-head time")!.textContent).toBe("2026년 9월 기준");
    expect(first.querySelector(":scope > p")!.textContent).toMatch(/Qwen3\.8/);
    const earlier = first.querySelector("details.previous")!;
    expect(earlier.querySelector("summary")!.textContent).toBe("이전 내용 3건");
    const items = [...earlier.querySelectorAll(":scope > ul > li")];
    expect(items.map((li) => li.querySelector(".label")!.textContent)).toEqual(["이전:", "이전:", "이전:"]);
    expect(items.map((li) => li.querySelector("time")!.textContent)).toEqual([
      "2026년 5월 기준",
      "2026년 4월 기준",
      "2026년 3월 기준",
    ]);
    expect(items[0]!.textContent).toMatch(/Qwen3\.7-Max/);
    expect(items[0]!.querySelector(".badge")).not.toBeNull();
    // Superseded facts are not listed on their own.
    const listed = [...root.querySelectorAll(".facts > li > p")].map((p) => p.textContent).join(" ");
    expect(listed).not.toMatch(/Qwen3\.7-Max였다/);
  });

  test("저우징런: his April title first, the cloud CTO years and the acting role folded under it", () => {
    restore = useCatalog("ko");
    const first = card("zhou-jingren").querySelector(".facts > li")!;
    expect(first.querySelector(":scope > p")!.textContent).toMatch(/수석 AI 아키텍트/);
    expect(first.querySelector(".fact-head time")!.textContent).toBe("2026년 5월 기준");
    const earlier = [...first.querySelectorAll("details.previous > ul > li > p")].map((p) => p.textContent);
    expect(earlier).toHaveLength(2);
    expect(earlier.join(" ")).toMatch(/알리바바 클라우드 CTO/);
    expect(earlier.join(" ")).toMatch(/임시로/);
  });

  test("the footer gives the as-of and evidence dates", () => {
    restore = useCatalog("ko");
    const footer = card("qwen").querySelector("footer")!;
    expect(footer.querySelector(".kb-dates")!.textContent).toBe(
      `맥락 지식 베이스 ${kb.version} · 2026년 12월 2일 기준 · 근거 자료는 2026년 9월까지`,
    );
    expect(footer.querySelector(".page-newer")).toBeNull();
  });

  test("a page dated after the evidence is told it may describe later events; one inside it is not", () => {
    restore = useCatalog("ko");
    const later = card("qwen", "2026-11-03").querySelector(".page-newer")!;
    expect(later.getAttribute("role")).toBe("note");
    expect(later.textContent).toBe(
      "이 페이지의 날짜(2026년 11월 3일)는 지식 베이스의 근거 자료(2026년 9월까지)보다 나중이라, 그 뒤에 일어난 일을 다루고 있을 수 있습니다.",
    );
    expect(card("qwen", "2026-09-30").querySelector(".page-newer")).toBeNull();
  });

  test("a Qwen generation names its family; a fact that does not go stale shows its own date", () => {
    restore = useCatalog("ko");
    const root = card("qwen3.8");
    expect(root.querySelector(".kind")!.textContent).toBe("제품·서비스 · 큐원 (퉁이첸원) 계열");
    expect(root.querySelector(".facts time")!.textContent).toBe("2026. 8.");
  });
});

describe("the card in English", () => {
  test("as of, earlier versions and the evidence date", () => {
    restore = useCatalog("en");
    const root = card("qwen", "2026-10-05");
    expect(root.querySelector(".facts > li .fact-head time")!.textContent).toBe("as of Sep 2026");
    expect(root.querySelector("details.previous summary")!.textContent).toBe("Earlier (3)");
    expect(root.querySelector(".kb-dates")!.textContent).toBe(
      `Maekrak knowledge base ${kb.version} · as of Dec 2, 2026 · evidence through Sep 2026`,
    );
    expect(root.querySelector(".page-newer")!.textContent).toMatch(
      /dated Oct 5, 2026, later than the knowledge base's evidence \(through Sep 2026\)/,
    );
  });
});
