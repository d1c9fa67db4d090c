/**
 * Real screenshots of the card and the popup, light and dark (Chromium), for
 * the README: `npm run screenshots` writes them to docs/screenshots; in `npm
 * test` they go to artifacts/screenshots. The test also checks what the
 * pictures show: dark mode really is dark, the card is inside the picture.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ExtensionSession, PageLike } from "./support/browsers";
import { launch, ROOT } from "./support/browsers";
import type { FixtureServer } from "./support/server";
import { startServer } from "./support/server";
import { hoverMention, openPopupFor, popupRows, settledHighlights } from "./support/steps";

const OUT = join(ROOT, process.env.MAEKRAK_SCREENSHOTS ?? join("artifacts", "screenshots"));

/** Playwright's page (Chromium) behind the shared interface: screenshots and colour-scheme emulation. */
type ShotPage = PageLike & {
  screenshot(options: {
    path: string;
    clip?: { x: number; y: number; width: number; height: number };
  }): Promise<Buffer>;
  emulateMedia(options: { colorScheme: "light" | "dark" }): Promise<void>;
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

describe("chromium: screenshots for the README", () => {
  let server: FixtureServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
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

      const popup = (await openPopupFor(session, page)) as ShotPage;
      await popup.emulateMedia({ colorScheme: scheme });
      await popupRows(popup);
      const box = await popup.evaluate(() => {
        const r = document.querySelector(".popup")!.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }, undefined);
      const popupShot = await popup.screenshot({ path: join(OUT, `popup-${scheme}.png`), clip: box });
      await popup.close();

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
});
