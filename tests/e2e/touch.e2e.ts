/**
 * On an emulated phone (390 × 844, touch, mobile viewport), by touch alone, in real Chromium (CDP touch input) and
 * real Firefox (WebDriver BiDi touch actions): a tap opens each kind of card as a bottom sheet with the tapped line
 * kept visible, a tap elsewhere, × or a swipe down closes it; a mention inside a link keeps the link's tap and opens
 * on a long press, with the link one tap away in the card; a swipe opens nothing; the settings turn taps off or give
 * link mentions the tap; the sheet and the popup pass axe-core at 390 px and the popup fits 360 px.
 */
import { afterEach, describe, expect, test } from "vitest";
import type { BrowserName, PageLike } from "./support/browsers";
import { PHONE, waitFor } from "./support/browsers";
import type { SheetSnapshot } from "./support/page-probes";
import { boxOfMention, cardPoint, pointOfMention, readCard, readSheet } from "./support/page-probes";
import { settledHighlights } from "./support/steps";
import { useExtensionSuite } from "./support/suite";
import { CARD_CONTEXT, runAxe } from "./support/axe";
import type { Settings } from "../../src/core/settings";
import { defaultSettings, SETTINGS_KEY } from "../../src/core/settings";

const PAGE = "e2e-touch.html";
const LINKED = "e2e-touch-linked.html";
/** Every kind of card: organisation, product, person, figure. */
const KINDS = [
  { text: "알리바바", entity: "alibaba-group" },
  { text: "큐원", entity: "qwen" },
  { text: "우융밍", entity: "eddie-wu" },
  { text: "3800억 위안", entity: "capex-380b" },
];
/** Inside the body's 16 px padding, left of every line of text: a tap here hits no mention. */
const OUTSIDE = { x: 6, y: 120 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function saveSettings(page: PageLike, change: Partial<Settings>) {
  await page.evaluate(
    async ([key, settings]) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.sync.set({ [key]: settings });
    },
    [SETTINGS_KEY, { ...defaultSettings(), ...change }] as const,
  );
}

const openCard = (page: PageLike, entity: string) =>
  waitFor(
    async () => {
      const card = await page.evaluate(readCard, undefined);
      return card.open && card.entity === entity && card.title ? card : null;
    },
    8_000,
    `card for ${entity}`,
  );
const cardClosed = (page: PageLike) =>
  waitFor(async () => !(await page.evaluate(readCard, undefined)).open, 5_000, "card to close");
const sheetOf = (page: PageLike) =>
  waitFor(() => page.evaluate(readSheet, undefined), 5_000, "the sheet") as Promise<SheetSnapshot>;
const pathOf = (page: PageLike) => page.evaluate(() => location.pathname, undefined);

describe.each<BrowserName>(["chromium", "firefox"])("%s on a phone: touch", (browserName) => {
  const suite = useExtensionSuite(browserName, { launch: { phone: true }, path: PAGE, minimum: 6 });

  /** Back on the touch page, scanned, default settings, no card. */
  afterEach(async () => {
    const popup = await suite.session.openPopup();
    await popup.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.sync.clear();
    }, undefined);
    await popup.close();
    await suite.page.bringToFront();
    await suite.page.goto(suite.server.url(PAGE));
    await settledHighlights(suite.page, 6);
  });

  test("a tap opens each kind of card as a bottom sheet over the page, the tapped line above it; a tap elsewhere closes it", async () => {
    const { page } = suite;
    expect(await page.evaluate(() => innerWidth, undefined)).toBe(PHONE.width);
    for (const { text, entity } of KINDS) {
      const point = await waitFor(() => page.evaluate(pointOfMention, text), 5_000, text);
      await page.touch.tap(point.x, point.y);
      const card = await openCard(page, entity);
      expect(card.role).toBe("dialog");
      const sheet = await sheetOf(page);
      expect(sheet.sheet).toBe(true);
      // Full width, at the bottom, at most 60 % of the window high.
      expect(sheet.box.left).toBe(0);
      expect(Math.round(sheet.box.right)).toBe(sheet.viewport.width);
      expect(Math.round(sheet.box.bottom)).toBe(sheet.viewport.height);
      expect(sheet.box.bottom - sheet.box.top).toBeLessThanOrEqual(sheet.viewport.height * 0.6 + 1);
      // The tapped line is on screen, above the sheet.
      const line = (await page.evaluate(boxOfMention, text))!;
      expect(line.top).toBeGreaterThanOrEqual(0);
      expect(line.bottom).toBeLessThanOrEqual(sheet.box.top);
      // Every button is at least 44 × 44 px.
      const buttons = sheet.targets.filter((t) => ["pin", "close", "copy", "more"].includes(t.name));
      expect(buttons.map((b) => b.name)).toEqual(expect.arrayContaining(["pin", "close"]));
      for (const button of buttons) {
        expect(button.width, button.name).toBeGreaterThanOrEqual(44);
        expect(button.height, button.name).toBeGreaterThanOrEqual(44);
      }
      await page.touch.tap(OUTSIDE.x, OUTSIDE.y);
      await cardClosed(page);
    }
  });

  test("the figure near the bottom of the window: the page scrolls so its line stays visible above the sheet", async () => {
    const { page } = suite;
    const point = await waitFor(() => page.evaluate(pointOfMention, "3800억 위안"), 5_000, "figure");
    // Bring the figure's line to the bottom quarter of the window, where the sheet will be.
    const scrolled = await page.evaluate((y) => {
      scrollBy(0, y - innerHeight * 0.8);
      return scrollY;
    }, point.y);
    const low = (await page.evaluate(boxOfMention, "3800억 위안"))!;
    expect(low.top).toBeGreaterThan(PHONE.height * 0.6);
    await page.touch.tap(point.x, low.top + (low.bottom - low.top) / 2);
    await openCard(page, "capex-380b");
    const sheet = await sheetOf(page);
    const line = (await page.evaluate(boxOfMention, "3800억 위안"))!;
    expect(line.bottom).toBeLessThanOrEqual(sheet.box.top);
    expect(line.top).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => scrollY, undefined)).toBeGreaterThan(scrolled);
  });

  test("× and a swipe down on the sheet's header close it; a short drag lets it slide back", async () => {
    const { page } = suite;
    const point = await waitFor(() => page.evaluate(pointOfMention, "큐원"), 5_000, "큐원");
    await page.touch.tap(point.x, point.y);
    await openCard(page, "qwen");
    const close = (await page.evaluate(cardPoint, "[data-action=close]"))!;
    await page.touch.tap(close.x, close.y);
    await cardClosed(page);

    await page.touch.tap(point.x, point.y);
    await openCard(page, "qwen");
    const grip = (await page.evaluate(cardPoint, ".grabber"))!;
    await page.touch.swipe(grip, { x: grip.x, y: grip.y + 30 }, 4); // short: stays
    await sleep(300);
    expect((await page.evaluate(readCard, undefined)).open).toBe(true);
    const header = (await page.evaluate(cardPoint, ".toolbar .kind"))!;
    await page.touch.swipe(header, { x: header.x, y: header.y + 200 }, 10);
    await cardClosed(page);
  });

  test("a mention inside a link: a tap follows the link; a long press opens the card, whose link row follows it", async () => {
    const { page } = suite;
    let point = await waitFor(() => page.evaluate(pointOfMention, "마윈"), 5_000, "마윈");
    await page.touch.press(point.x, point.y, 800);
    await openCard(page, "jack-ma");
    const sheet = await sheetOf(page);
    expect(sheet.pageLink).toContain("창업자 마윈, 오랜만에 공개 석상에");
    const row = sheet.targets.find((t) => t.name === "page-link")!;
    expect(row.height).toBeGreaterThanOrEqual(44);
    await sleep(400);
    expect(await pathOf(page)).toBe(`/${PAGE}`); // the long press did not follow the link

    // The link is one tap away in the card.
    const link = (await page.evaluate(cardPoint, ".page-link"))!;
    await page.touch.tap(link.x, link.y);
    await waitFor(async () => (await pathOf(page)) === `/${LINKED}`, 8_000, "the linked page");

    // A plain tap on the link mention is the link's: it is followed, no card opens.
    await page.goto(suite.server.url(PAGE));
    await settledHighlights(page, 6);
    point = await waitFor(() => page.evaluate(pointOfMention, "마윈"), 5_000, "마윈");
    await page.touch.tap(point.x, point.y);
    await waitFor(async () => (await pathOf(page)) === `/${LINKED}`, 8_000, "the linked page");
  });

  test("a swipe that starts on a mention pans the page and opens nothing", async () => {
    const { page } = suite;
    // The figure can sit mid-window (the page scrolls past it), so there is room to swipe up from it.
    const point = await waitFor(() => page.evaluate(pointOfMention, "3800억 위안"), 5_000, "figure");
    expect(point.y).toBeGreaterThan(320);
    const before = await page.evaluate(() => scrollY, undefined);
    await page.touch.swipe(point, { x: point.x, y: point.y - 300 }, 12);
    await sleep(800);
    expect((await page.evaluate(readCard, undefined)).open).toBe(false);
    // Headless Firefox does not pan from synthetic touch input (no compositor-driven scrolling); Chromium does.
    if (browserName === "chromium") expect(await page.evaluate(() => scrollY, undefined)).toBeGreaterThan(before);
  });

  test("a pinch or a long press on a plain mention is the browser's (zoom, text selection): no card opens", async () => {
    const { page } = suite;
    const point = await waitFor(() => page.evaluate(pointOfMention, "우융밍"), 5_000, "우융밍");
    await page.touch.press(point.x, point.y, 800);
    await sleep(600);
    expect((await page.evaluate(readCard, undefined)).open).toBe(false);
    // With text selected, a tap on a mention only dismisses the selection.
    await page.evaluate(() => {
      const text = document.getElementById("person")!.firstChild!;
      getSelection()!.setBaseAndExtent(text, 0, text, 5);
    }, undefined);
    await page.touch.tap(point.x, point.y);
    await sleep(600);
    expect((await page.evaluate(readCard, undefined)).open).toBe(false);
    // Once nothing is selected, the same tap opens the card.
    await page.evaluate(() => getSelection()!.removeAllRanges(), undefined);
    await page.touch.tap(point.x, point.y);
    await openCard(page, "eddie-wu");
    await page.touch.tap(OUTSIDE.x, OUTSIDE.y);
    await cardClosed(page);
    // Last, as Chromium zooms the page: two fingers starting on the mention.
    await page.touch.pinch(point, { x: point.x + 60, y: point.y }, 50);
    await sleep(600);
    expect((await page.evaluate(readCard, undefined)).open).toBe(false);
  });

  test("a device with both: the mouse still hovers (card after the delay, gone when it leaves), taps still open", async () => {
    const { page } = suite;
    const point = await waitFor(() => page.evaluate(pointOfMention, "큐원"), 5_000, "큐원");
    await page.mouse.move(point.x, point.y + 80);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await openCard(page, "qwen");
    await page.mouse.move(OUTSIDE.x, OUTSIDE.y, { steps: 4 });
    await cardClosed(page);
    const person = await waitFor(() => page.evaluate(pointOfMention, "우융밍"), 5_000, "우융밍");
    await page.touch.tap(person.x, person.y);
    await openCard(page, "eddie-wu");
  });

  test("settings: with link taps given to the card, a tap on the link mention opens it and stays; tap to open off, touch opens nothing", async () => {
    const { page } = suite;
    const popup = await suite.session.openPopup();
    await saveSettings(popup, { linkTap: "card" });
    await page.bringToFront();
    let point = await waitFor(() => page.evaluate(pointOfMention, "마윈"), 5_000, "마윈");
    await page.touch.tap(point.x, point.y);
    await openCard(page, "jack-ma");
    await sleep(500);
    expect(await pathOf(page)).toBe(`/${PAGE}`);
    await page.touch.tap(OUTSIDE.x, OUTSIDE.y);
    await cardClosed(page);

    await saveSettings(popup, { tapToOpen: false });
    await popup.close();
    await page.bringToFront();
    await sleep(300);
    point = await waitFor(() => page.evaluate(pointOfMention, "우융밍"), 5_000, "우융밍");
    await page.touch.tap(point.x, point.y);
    await sleep(800);
    expect((await page.evaluate(readCard, undefined)).open).toBe(false);
    point = await waitFor(() => page.evaluate(pointOfMention, "마윈"), 5_000, "마윈");
    await page.touch.press(point.x, point.y, 800);
    await sleep(300);
    expect((await page.evaluate(readCard, undefined)).open).toBe(false);
  });

  test("axe-core at 390 px: no violation on the sheet or the popup's tabs; the popup fits 390 and 360 px", async () => {
    const { page } = suite;
    const point = await waitFor(() => page.evaluate(pointOfMention, "3800억 위안"), 5_000, "figure");
    await page.touch.tap(point.x, point.y);
    await openCard(page, "capex-380b");
    expect((await sheetOf(page)).sheet).toBe(true);
    expect(await runAxe(page, CARD_CONTEXT)).toEqual([]);

    const popup = await suite.session.openPopup();
    for (const width of [PHONE.width, 360]) {
      await popup.resize(width, PHONE.height);
      for (const tab of ["#tab-page", "#tab-kb", "#tab-settings"]) {
        await popup.click(tab);
        await sleep(100);
        const fit = await popup.evaluate(
          () => ({
            width: innerWidth,
            scroll: document.documentElement.scrollWidth,
            wider: [...document.querySelectorAll<HTMLElement>("body *")]
              .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
              .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
              .slice(0, 5),
          }),
          undefined,
        );
        expect(fit.width, tab).toBe(width);
        expect(fit.wider, `${tab} at ${width}`).toEqual([]);
        expect(fit.scroll, `${tab} at ${width}`).toBeLessThanOrEqual(width);
        if (width === PHONE.width) expect(await runAxe(popup, null), tab).toEqual([]);
      }
    }
    await popup.close();
  });
});

describe.each<BrowserName>(["chromium", "firefox"])("%s on a desktop: the toolbar popup", (browserName) => {
  const suite = useExtensionSuite(browserName, { path: PAGE, minimum: 6 });

  test("keeps its own 380 px (it sizes itself to them): the phone's full-width layout is only for pages", async () => {
    const helper = await suite.session.openPopup();
    expect(await helper.evaluate(() => document.documentElement.classList.contains("as-page"), undefined)).toBe(true);
    await suite.session.clickAction(suite.page);
    const popup = await waitFor(
      () =>
        helper.evaluate(() => {
          const api = (globalThis as any).browser ?? (globalThis as any).chrome;
          const [view] = api.extension.getViews({ type: "popup" }) as Window[];
          if (!view?.document.querySelector(".top")) return null;
          return {
            asPage: view.document.documentElement.classList.contains("as-page"),
            width: view.document.body.getBoundingClientRect().width,
          };
        }, undefined),
      10_000,
      "the toolbar popup",
    );
    expect(popup).toEqual({ asPage: false, width: 380 });
    await helper.close();
  });
});
