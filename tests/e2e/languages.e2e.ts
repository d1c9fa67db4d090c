/**
 * The UI follows the browser's language: Korean by default, English in an
 * English browser — the popup's tabs and summary, and the card's labels
 * with the knowledge base's English text where it has it.
 */
import { describe, expect, test } from "vitest";
import type { BrowserName } from "./support/browsers";
import { closeCard, hoverMention, openPopupFor, popupRows } from "./support/steps";
import { useExtensionSuite } from "./support/suite";

describe.each<BrowserName>(["chromium", "firefox"])("%s in English", (browserName) => {
  const suite = useExtensionSuite(browserName, { launch: { lang: "en" }, path: "e2e-basic.html", minimum: 5 });

  test("the card speaks English: labels, summary and facts from the knowledge base's English text", async () => {
    const { card } = await hoverMention(suite.page, "마윈");
    expect(card.entity).toBe("jack-ma");
    expect(card.text).toMatch(/Person/);
    expect(card.text).toMatch(/Copy with source/);
    expect(card.text).toMatch(/Source /);
    expect(card.text).toMatch(/Alibaba/);
    expect(card.text).not.toMatch(/출처와 함께 복사|인물/);
    await closeCard(suite.page);
  });

  test("the popup speaks English", async () => {
    const popup = await openPopupFor(suite.session, suite.page);
    await popupRows(popup);
    const text = await popup.evaluate(
      () => ({
        lang: document.documentElement.lang,
        tabs: [...document.querySelectorAll('[role="tab"]')].map((t) => t.textContent),
        total: document.querySelector('[data-testid="page-total"]')?.textContent ?? "",
      }),
      undefined,
    );
    expect(text.lang).toBe("en");
    expect(text.tabs).toEqual(["This page", "Knowledge base", "Settings"]);
    expect(text.total).toMatch(/mentions/);
    await popup.close();
  });
});
