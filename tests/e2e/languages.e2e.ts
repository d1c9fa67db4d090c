/**
 * The UI follows the browser's language: Korean by default, English in an
 * English browser — the popup's tabs and summary, and the card's labels
 * with the knowledge base's English text where it has it.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, type BrowserName, type ExtensionSession, type PageLike } from "./support/browsers";
import { startServer, type FixtureServer } from "./support/server";
import { closeCard, hoverMention, openPopupFor, popupRows, settledHighlights } from "./support/steps";

describe.each<BrowserName>(["chromium", "firefox"])("%s in English", (browserName) => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let page: PageLike;

  beforeAll(async () => {
    server = await startServer();
    session = await launch(browserName, { lang: "en" });
    page = await session.newPage();
    await page.goto(server.url("e2e-basic.html"));
    await settledHighlights(page, 5);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test("the card speaks English: labels, summary and facts from the knowledge base's English text", async () => {
    const { card } = await hoverMention(page, "마윈");
    expect(card.entity).toBe("jack-ma");
    expect(card.text).toMatch(/Person/);
    expect(card.text).toMatch(/Copy with source/);
    expect(card.text).toMatch(/Source /);
    expect(card.text).toMatch(/Alibaba/);
    expect(card.text).not.toMatch(/출처와 함께 복사|인물/);
    await closeCard(page);
  });

  test("the popup speaks English", async () => {
    const popup = await openPopupFor(session, page);
    await popupRows(popup);
    const text = await popup.evaluate(() => ({
      lang: document.documentElement.lang,
      tabs: [...document.querySelectorAll('[role="tab"]')].map((t) => t.textContent),
      total: document.querySelector('[data-testid="page-total"]')?.textContent ?? "",
    }), undefined);
    expect(text.lang).toBe("en");
    expect(text.tabs).toEqual(["This page", "Knowledge base", "Settings"]);
    expect(text.total).toMatch(/mentions/);
    await popup.close();
  });
});
