// @vitest-environment jsdom
/**
 * The same article laid out as a news site does — paragraphs in <p>, or (as Naver does) one block whose
 * paragraphs are joined by <br>, with a "most read" sidebar — read the way the content script reads it: the
 * claim reader gives the same verdicts either way, says nothing about another company's figures in the same
 * block, and nothing about the sidebar. The page's own date (meta, JSON-LD, byline) places its periods.
 */
import { describe, expect, test } from "vitest";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { BlockReader } from "../../../src/content/page-text";
import { pageDateFromDocument } from "../../../src/content/page-date";
import { buildMatcher, createScanState } from "../../../src/core/matcher";
import { toMatcherData } from "../../../src/kb/matcher-data";

const data = toMatcherData(loadKnowledgeBase());
const matcher = buildMatcher(data.entities, data.otherPeople, data.options);

const PARAGRAPHS = [
  "중국 칭다오의 하이얼 본사를 찾았다. 하이얼의 지난해 전 세계 매출은 4016억위안(약 77조9000억원)이었다.",
  "이어 베이징의 알리바바 캠퍼스로 향했다. 알리바바는 올해 2월 3년간 클라우드와 AI 인프라에 3800억위안(약 73조7000억원)을 투자하겠다고 밝혔다. 일부 매체는 이 금액을 3조8000억 위안으로 잘못 옮겼다.",
  "한편 알리바바의 지난해 4분기 매출은 2700억 위안이라는 보도도 있었다.",
  "경쟁사 바이트댄스는 올해 AI 인프라에 1600억 위안을 쓴다.",
];
const SIDEBAR = ["올해 2분기 건설공사 계약액 76조 원", "반도체 설비 투자 75조 원 돌파"];

const head = (date: string) => `<head><meta property="article:published_time" content="${date}"></head>`;
const sidebar = `<aside><h3>많이 본 뉴스</h3><ul>${SIDEBAR.map((s) => `<li><a href="#">${s}</a></li>`).join("")}</ul></aside>`;
const LAYOUTS = {
  paragraphs: `<html>${head("2025-09-16T10:00:00+09:00")}<body><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article>${sidebar}</body></html>`,
  "one <br> block": `<html>${head("2025-09-16T01:00:00Z")}<body><div id="newsct_article">${PARAGRAPHS.join("<br><br>")}</div>${sidebar}</body></html>`,
};

function verdicts(html: string): { date: string | undefined; checked: string[] } {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const date = pageDateFromDocument(doc);
  const state = createScanState(date);
  const reader = new BlockReader(doc.body);
  const checked: string[] = [];
  for (let block = reader.next(); block; block = reader.next())
    for (const m of matcher.scanBlock(block.text, state))
      if (m.figure) checked.push(`${m.text} ${m.figure.verdict} ${m.figure.id}`);
  return { date, checked };
}

describe.each(Object.entries(LAYOUTS))("an article in %s", (_, html) => {
  const { date, checked } = verdicts(html);
  test("the page's date is read from its meta tag (on the Korean calendar day)", () => expect(date).toBe("2025-09-16"));
  test("Alibaba's plan and its conversion match; the misstatements are called so; nothing else is checked", () =>
    expect(checked).toEqual([
      "3800억위안 match capex-380b",
      "약 73조7000억원 conversion capex-380b",
      "3조8000억 위안 unit-slip capex-380b",
      "2700억 위안 differs revenue-q4-2024",
    ]));
});

describe("the page's date", () => {
  const date = (html: string) => pageDateFromDocument(new DOMParser().parseFromString(html, "text/html"));
  test("from JSON-LD datePublished, inside a @graph", () =>
    expect(
      date(
        `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-02-24T18:05:00+09:00"}]}</script><p>본문</p>`,
      ),
    ).toBe("2025-02-24"));
  test("from a Korean byline when no tag states it: 입력, not 수정", () =>
    expect(date(`<p class="byline">수정 2025.02.26 11:00 | 입력 2025.02.24 09:30</p><p>본문</p>`)).toBe("2025-02-24"));
  test("none when the page does not state one", () =>
    expect(date("<p>알리바바는 2월 24일 발표했다.</p>")).toBeUndefined());
});
