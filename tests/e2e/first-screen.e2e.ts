/**
 * The first screen comes in one piece, in real Chromium and Firefox: on a page whose first screen holds more
 * mentions than one slice of scanning reaches, the first registration a page script sees already holds every
 * mention in the viewport (the rest of the page follows later). Registering part of it first would leave the rest
 * waiting for the end of the scan, a frame of restyling later.
 */
import { describe, expect, test } from "vitest";
import type { BrowserName } from "./support/browsers";
import { settledHighlights } from "./support/steps";
import { useExtensionSuite } from "./support/suite";

describe.each<BrowserName>(["chromium", "firefox"])("%s: the first screen", (browserName) => {
  const suite = useExtensionSuite(browserName);

  test("the first registration holds every mention in the viewport", async () => {
    await suite.page.goto(suite.server.url("first-screen.html"));
    // The page's 3,140 lines name at least two things each: past 6,000 ranges the whole page is registered (a
    // first registration that ran on past the fold could otherwise look settled until the next one).
    await settledHighlights(suite.page, 6_000);
    const seen = await suite.page.evaluate(() => {
      const first = (globalThis as unknown as { __firstRegistration: Set<Range> | null }).__firstRegistration;
      let inView = 0;
      let missing = 0;
      let total = 0;
      for (const [, highlight] of __e2eProbe.highlights())
        for (const range of highlight as unknown as Set<Range>) {
          total++;
          const box = range.getBoundingClientRect();
          const visible = box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.left < innerWidth;
          if (!visible) continue;
          inView++;
          if (!first?.has(range)) missing++;
        }
      return { inView, missing, total, first: first?.size ?? 0 };
    }, undefined);
    // Not vacuous: the viewport holds hundreds of mentions, and the first registration was not the whole page.
    expect(seen.inView).toBeGreaterThan(200);
    expect(seen.first).toBeLessThan(seen.total);
    expect(seen.missing).toBe(0);
  });
});
