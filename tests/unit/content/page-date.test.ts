// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { pageDateFromDocument } from "../../../src/content/page-date";

/** A page from its head and body markup (test fixture only). */
function page(head: string, body: string): Document {
  const doc = document.implementation.createHTMLDocument("기사");
  doc.head.innerHTML = head;
  doc.body.innerHTML = body;
  return doc;
}

const JSON_LD = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-02-25T09:00:00+09:00"}</script>`;
const TIME = `<time itemprop="datePublished" datetime="2025-02-26">2월 26일</time>`;
const BYLINE = `<p>입력 2025.02.27 10:00</p>`;

describe("the page's publication date", () => {
  test("is read in order of trust: the head's meta tag, JSON-LD, a published <time>, a byline", () => {
    const meta = `<meta property="article:published_time" content="2025-02-24T08:00:00+09:00">`;
    expect(pageDateFromDocument(page(meta, JSON_LD + TIME + BYLINE))).toBe("2025-02-24");
    expect(pageDateFromDocument(page("", TIME + JSON_LD + BYLINE))).toBe("2025-02-25");
    expect(pageDateFromDocument(page("", `<p>본문</p>${TIME}${BYLINE}`))).toBe("2025-02-26");
    expect(pageDateFromDocument(page("", BYLINE))).toBe("2025-02-27");
    expect(pageDateFromDocument(page("", "<p>날짜 없는 글</p>"))).toBeUndefined();
  });
});
