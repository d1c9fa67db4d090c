/**
 * The reader's path, end to end, in real Chromium and real Firefox with the
 * built extension: mentions highlighted (read from the highlight registry),
 * hover opens the right card, the popup lists the page's mentions with
 * counts, and the page's own markup is unchanged.
 */
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserName } from "./support/browsers";
import { PAGES_DIR } from "./support/server";
import { highlightedInside, integrityReport } from "./support/page-probes";
import { allTexts, closeCard, hoverMention, openPopupFor, popupRows, settledHighlights } from "./support/steps";
import { useExtensionSuite } from "./support/suite";
import { VERIFICATION_STATUSES } from "../../src/core/vocabulary";

type Expected = { mustFind: Array<{ text: string; entity: string }>; mustNotFind: string[] };
const expected = (page: string): Expected =>
  JSON.parse(readFileSync(join(PAGES_DIR, page.replace(".html", ".expected.json")), "utf8"));

const TYPE_OF: Record<string, string> = {
  "alibaba-group": "organization",
  "alibaba-cloud": "organization",
  "ant-group": "organization",
  qwen: "product",
  taobao: "product",
  tmall: "product",
  aliexpress: "product",
  alipay: "product",
  "qwen2.5-max": "product",
  qwen3: "product",
  "jack-ma": "person",
  "joe-tsai": "person",
  "eddie-wu": "person",
  "daniel-zhang": "person",
  "capex-380b": "figure",
  "antitrust-fine-2021": "figure",
};

describe.each<BrowserName>(["chromium", "firefox"])("%s: the reader path", (browserName) => {
  const suite = useExtensionSuite(browserName);

  test("highlights every expected mention with its type, and no trap", async () => {
    const { mustFind, mustNotFind } = expected("e2e-basic.html");
    await suite.page.goto(suite.server.url("e2e-basic.html"));
    const snapshot = await settledHighlights(suite.page, mustFind.length);
    for (const { text, entity } of mustFind) {
      expect(snapshot[`maekrak-${TYPE_OF[entity]}`], `${text} (${entity})`).toContain(text);
    }
    for (const trap of mustNotFind) {
      expect(
        allTexts(snapshot).some((t) => t.includes(trap)),
        trap,
      ).toBe(false);
    }
    expect(await suite.page.evaluate(highlightedInside, "ta")).toBe(false);
    expect(await suite.page.evaluate(highlightedInside, "ce")).toBe(false);
  });

  test("hovering a mention opens its card above or below the line, Esc closes it", async () => {
    const { card, point } = await hoverMention(suite.page, "마윈");
    expect(card.entity).toBe("jack-ma");
    expect(card.role).toBe("dialog");
    expect(card.title).toContain("마윈");
    expect(card.badges!.length).toBeGreaterThanOrEqual(2); // 2–3 key facts, each with its verification badge
    for (const badge of card.badges!) expect(VERIFICATION_STATUSES).toContain(badge);
    expect(card.sources).toBeGreaterThanOrEqual(2);
    expect(card.text).toMatch(/\d{4}\. \d{1,2}\./); // dated facts
    // Never over the line being read.
    expect(card.box!.top >= point.y + 4 || card.box!.bottom <= point.y - 4).toBe(true);
    await closeCard(suite.page);
  });

  test("the popup lists the page's mentions grouped by type with counts", async () => {
    const popup = await openPopupFor(suite.session, suite.page);
    const rows = await popupRows(popup);
    const { mustFind } = expected("e2e-basic.html");
    for (const entity of new Set(mustFind.map((m) => m.entity))) {
      expect(rows.map((r) => r.entity)).toContain(entity);
      const row = rows.find((r) => r.entity === entity)!;
      expect(row.count).toBeGreaterThanOrEqual(mustFind.filter((m) => m.entity === entity).length);
    }
    for (const row of rows) expect(TYPE_OF[row.entity!], `${row.entity} grouped under ${row.type}`).toBe(row.type);
    expect(rows.map((r) => r.type)).toEqual(expect.arrayContaining(["organization", "product", "person"]));
    // The toolbar badge of the content tab shows the number of mentions on it.
    const badge = await popup.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      return api.action.getBadgeText({ tabId: tab.id });
    }, undefined);
    expect(Number(badge)).toBe(rows.reduce((n, r) => n + r.count, 0));
    await popup.close();
  });

  test("the page's markup is unchanged; the only added node is the card's host", async () => {
    const report = await suite.page.evaluate(integrityReport, undefined);
    expect(report.bodySame).toBe(true);
    expect(report.added.filter((tag) => tag !== report.cardHost)).toEqual([]);
  });
});
