/**
 * Real screenshots of the card and the popup, light and dark (Chromium), for
 * the README and, at 1280×800, for the stores: `npm run screenshots` writes
 * them to docs/screenshots and store/screenshots; in `npm test` they go to
 * artifacts/screenshots. The test also checks what the pictures show: dark
 * mode really is dark, the card is inside the picture, the store size is exact.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ExtensionSession, PageLike } from "./support/browsers";
import { launch, ROOT } from "./support/browsers";
import type { FixtureServer } from "./support/server";
import { startServer } from "./support/server";
import { hoverMention, openPopupFor, popupRows, settledHighlights } from "./support/steps";
import { measureCard, pointOfMention, readCard, readSheet } from "./support/page-probes";
import { waitFor } from "./support/browsers";

const OUT = join(ROOT, process.env.MAEKRAK_SCREENSHOTS ?? join("artifacts", "screenshots"));
const STORE_OUT = join(ROOT, process.env.MAEKRAK_STORE_SCREENSHOTS ?? join("artifacts", "screenshots", "store"));
/** The size both stores take (Chrome Web Store 1280×800; addons.mozilla.org shows it as it is). */
const STORE_SIZE = { width: 1280, height: 800 };

/** A PNG's width and height, from its header. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** Playwright's page (Chromium) behind the shared interface: screenshots and colour-scheme emulation. */
type ShotPage = PageLike & {
  screenshot(options: {
    path?: string;
    clip?: { x: number; y: number; width: number; height: number };
  }): Promise<Buffer>;
  emulateMedia(options: { colorScheme: "light" | "dark" }): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  setContent(html: string): Promise<void>;
};

/** Mean luminance (0–255) of the pixels in a clip, read back in the page from the PNG the browser made. */
async function meanLuminance(page: PageLike, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
    return sum / (data.length / 4);
  }, png.toString("base64"));
}

/** The popup for `page`, listing its mentions, pictured in `scheme` (and written to `path`, if given). */
async function shootPopup(session: ExtensionSession, page: PageLike, scheme: "light" | "dark", path?: string) {
  const popup = (await openPopupFor(session, page)) as ShotPage;
  await popup.emulateMedia({ colorScheme: scheme });
  await popupRows(popup);
  const box = await popup.evaluate(() => {
    const r = document.querySelector(".popup")!.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }, undefined);
  const shot = await popup.screenshot({ path, clip: box });
  await popup.close();
  return { shot, box };
}

describe("chromium: screenshots for the README", () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    mkdirSync(STORE_OUT, { recursive: true });
    server = await startServer();
    session = await launch("chromium");
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the card and the popup, ${scheme}`, async () => {
      const page = (await session.newPage()) as ShotPage;
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url("sample-news.html"));
      await settledHighlights(page, 10);
      const { card, point } = await hoverMention(page, "알리바바 클라우드");
      const top = Math.max(0, Math.min(point.y - 40, card.box!.top - 10));
      const bottom = Math.min(800, Math.max(point.y + 20, card.box!.bottom + 10));
      const clip = { x: 0, y: top, width: 1100, height: bottom - top };
      const cardShot = await page.screenshot({ path: join(OUT, `card-${scheme}.png`), clip });

      const { shot: popupShot } = await shootPopup(session, page, scheme, join(OUT, `popup-${scheme}.png`));

      // What the pictures show: the popup follows the colour scheme; the card is in the picture.
      const luminance = await meanLuminance(page, popupShot);
      if (scheme === "dark") expect(luminance).toBeLessThan(90);
      else expect(luminance).toBeGreaterThan(180);
      expect(cardShot.length).toBeGreaterThan(10_000);
      expect(card.box!.top).toBeGreaterThanOrEqual(top);
      expect(card.box!.bottom).toBeLessThanOrEqual(bottom);
      await page.close();
    });
  }

  for (const scheme of ["light", "dark"] as const) {
    test(`store screenshots at 1280×800, ${scheme}: the card on the page, and the popup over it`, async () => {
      const page = (await session.newPage()) as ShotPage;
      await page.setViewportSize(STORE_SIZE);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url("sample-news.html"));
      await settledHighlights(page, 10);
      await hoverMention(page, "알리바바 클라우드");
      const cardShot = await page.screenshot({ path: join(STORE_OUT, `1-card-${scheme}.png`) });

      const { shot: popupShot, box } = await shootPopup(session, page, scheme);
      await page.keyboard.press("Escape");
      const pageShot = await page.screenshot({});

      // The popup drawn where the browser opens it, under the toolbar at the top right, over the page it describes.
      const sheet = (await session.newPage()) as ShotPage;
      await sheet.setViewportSize(STORE_SIZE);
      const image = (png: Buffer) => `data:image/png;base64,${png.toString("base64")}`;
      const height = Math.min(box.height, STORE_SIZE.height - 24);
      await sheet.setContent(
        `<body style="margin:0;width:1280px;height:800px;overflow:hidden;position:relative">` +
          `<img src="${image(pageShot)}" style="position:absolute;inset:0;width:1280px;height:800px">` +
          `<div style="position:absolute;top:8px;right:24px;width:${box.width}px;height:${height}px;overflow:hidden;` +
          `border-radius:8px;box-shadow:0 6px 28px rgba(0,0,0,.35)"><img src="${image(popupShot)}" style="display:block"></div></body>`,
      );
      const sheetShot = await sheet.screenshot({ path: join(STORE_OUT, `2-popup-${scheme}.png`) });
      await sheet.close();

      expect(pngSize(cardShot)).toEqual(STORE_SIZE);
      expect(pngSize(sheetShot)).toEqual(STORE_SIZE);
      // Not blank: the picture of the page with its card is as varied as a real page is (a flat picture compresses to little).
      expect(cardShot.length).toBeGreaterThan(40_000);
      const luminance = await meanLuminance(page, sheetShot);
      if (scheme === "dark") expect(luminance).toBeLessThan(120);
      else expect(luminance).toBeGreaterThan(150);
      await page.close();
    });
  }
});

describe("chromium: screenshots of the bottom sheet on a phone", () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startServer();
    session = await launch("chromium", { phone: true });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the sheet a tap opens, ${scheme}`, async () => {
      const page = (await session.newPage()) as ShotPage;
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url("sample-news.html"));
      await settledHighlights(page, 10);
      const point = (await page.evaluate(pointOfMention, "3800억 위안"))!;
      await page.touch.tap(point.x, point.y);
      const sheet = await waitFor(
        async () => {
          const s = await page.evaluate(readSheet, undefined);
          return s?.sheet && (await page.evaluate(readCard, undefined)).title ? s : null;
        },
        10_000,
        "the sheet",
      );
      const shot = await page.screenshot({ path: join(OUT, `sheet-${scheme}.png`) });
      // The whole phone screen (2× pixels), the sheet at its bottom, dark really dark.
      expect(pngSize(shot)).toEqual({ width: sheet.viewport.width * 2, height: sheet.viewport.height * 2 });
      const luminance = await meanLuminance(
        page,
        await page.screenshot({ clip: { x: 0, y: sheet.box.top + 40, width: sheet.viewport.width, height: 120 } }),
      );
      if (scheme === "dark") expect(luminance).toBeLessThan(90);
      else expect(luminance).toBeGreaterThan(180);
      await page.close();
    });
  }
});

/**
 * The card at a glance (#18): the 3800억 위안 and 알리바바 cards and the popup, in Korean and English, as
 * card-<phase>-<lang>-<name>.png (phase: MAEKRAK_GLANCE_PHASE, "after" by default; "before" was taken once, before
 * the change). Prints what each first view asks of the reader: characters, source lines, Tab stops, height.
 */
describe.each(["ko", "en"] as const)("chromium: the card at a glance, %s", (lang) => {
  const phase = process.env.MAEKRAK_GLANCE_PHASE ?? "after";
  let server: FixtureServer;
  let session: ExtensionSession;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startServer();
    session = await launch("chromium", { lang });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`3800억 위안 and 알리바바, ${scheme}`, async () => {
      const page = (await session.newPage()) as ShotPage;
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url("sample-news.html"));
      await settledHighlights(page, 10);
      for (const [name, text] of [
        ["capex", "3800억 위안"],
        ["alibaba", "알리바바"],
      ] as const) {
        const { card, point } = await hoverMention(page, text);
        const measure = await page.evaluate(measureCard, undefined);
        console.log(`glance ${phase} ${lang} ${scheme} ${name}: ${JSON.stringify(measure)}`);
        const top = Math.max(0, Math.min(point.y - 40, card.box!.top - 10));
        const bottom = Math.min(800, Math.max(point.y + 20, card.box!.bottom + 10));
        await page.screenshot({
          path: join(OUT, `card-${phase}-${lang}-${name}-${scheme}.png`),
          clip: { x: 0, y: top, width: 1100, height: bottom - top },
        });
        expect(measure).not.toBeNull();
        await page.keyboard.press("Escape");
        await waitFor(async () => !(await page.evaluate(readCard, undefined)).open, 5_000, "card to close");
        await page.mouse.move(5, 5);
      }
      await shootPopup(session, page, scheme, join(OUT, `popup-${phase}-${lang}-${scheme}.png`));
      await page.close();
    });
  }
});
