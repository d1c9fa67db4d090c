/**
 * What a page sees of Maekrak, in real Chromium and Firefox: nothing a page script can enumerate
 * names it — highlight names and rule text are random per page, the card's host has a random tag and a closed
 * shadow root — with highlights shown, with a card open, and after a jump from the popup; those rules really paint
 * (Blink inherits them from the root, Gecko needs them on every element); a page without a
 * mention gets no rule, no highlight and no node at all; mentions the reader cannot see (display:none, hidden,
 * visibility:hidden, transparent, a collapsed menu) are neither counted in the popup and badge nor hoverable.
 */
import { describe, expect, test } from "vitest";
import type { BrowserName, PageLike } from "./support/browsers";
import { waitFor } from "./support/browsers";
import { pageView, readCard } from "./support/page-probes";
import { closeCard, hoverMention, openPopupFor, popupRows, settledHighlights } from "./support/steps";
import { useExtensionSuite } from "./support/suite";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function badgeOf(popup: PageLike): Promise<string> {
  return popup.evaluate(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return api.action.getBadgeText({ tabId: tab.id });
  }, undefined);
}

describe.each<BrowserName>(["chromium", "firefox"])("%s: what a page sees of Maekrak", (browserName) => {
  const suite = useExtensionSuite(browserName);

  test("a page script finds no trace of Maekrak: highlights shown, a card open, after a jump from the popup", async () => {
    await suite.page.goto(suite.server.url("e2e-basic.html"));
    await settledHighlights(suite.page, 5);
    const shown = await suite.page.evaluate(pageView, "maekrak");
    expect(shown.traces).toEqual([]);
    // Not vacuous: the page does see five highlights and their rules, under names of its own look.
    expect(shown.highlightNames.length).toBe(5);
    for (const name of shown.highlightNames) {
      expect(name).toMatch(/^[a-z]{6,10}$/);
      expect(shown.highlightRules.some((rule) => rule.includes(`::highlight(${name})`))).toBe(true);
    }

    await hoverMention(suite.page, "마윈");
    const withCard = await suite.page.evaluate(pageView, "maekrak");
    expect(withCard.traces).toEqual([]);
    expect(withCard.added).toHaveLength(1);
    expect(withCard.added[0]).toMatch(/^[a-z]+-[a-z]+$/);
    expect(withCard.openShadowRoots).toBe(0); // the host's shadow root is closed
    expect(await suite.page.evaluate(() => __e2eProbe.card().host?.shadowRoot ?? null, undefined)).toBeNull();
    await closeCard(suite.page);

    const popup = await openPopupFor(suite.session, suite.page);
    await popupRows(popup);
    await popup.click('li.page-row:has([data-entity="jack-ma"]) [data-jump="next"]');
    await waitFor(
      () => suite.page.evaluate(() => __e2eProbe.highlights().some(([key]) => key === "maekrak-flash"), undefined),
      5_000,
      "the jump's flash",
    );
    const afterJump = await suite.page.evaluate(pageView, "maekrak");
    expect(afterJump.traces).toEqual([]);
    expect(afterJump.highlightNames.length).toBe(6);
    await popup.close();
    await closeCard(suite.page).catch(() => undefined);

    // Random per page: the next load of the same page uses other names.
    await suite.page.goto(suite.server.url("e2e-basic.html"));
    await settledHighlights(suite.page, 5);
    const again = await suite.page.evaluate(pageView, "maekrak");
    expect(again.highlightNames.filter((n) => shown.highlightNames.includes(n))).toEqual([]);
  });

  test("the rules written per page really paint the highlights (the same pixels without them differ)", async () => {
    await suite.page.goto(suite.server.url("e2e-basic.html"));
    await settledHighlights(suite.page, 5);
    const box = await suite.page.evaluate(() => {
      const r = document.getElementById("p2")!.getBoundingClientRect();
      return { x: Math.max(0, r.left), y: Math.max(0, r.top), width: Math.min(600, r.width), height: r.height };
    }, undefined);
    type Shooter = { screenshot(options: { clip: typeof box }): Promise<Uint8Array> };
    const shot = () => (suite.page as unknown as Shooter).screenshot({ clip: box }).then((b) => Buffer.from(b));
    const painted = await shot();
    await suite.page.evaluate(() => CSS.highlights.clear(), undefined); // as a page script may
    await sleep(300);
    expect(painted.equals(await shot())).toBe(false);
  });

  test("a page without a mention gets no rule, no highlight and no node", async () => {
    await suite.page.goto(suite.server.url("no-mentions.html"));
    await sleep(1500); // the scan and anything late
    const view = await suite.page.evaluate(pageView, "maekrak");
    expect(view).toEqual({ traces: [], highlightNames: [], highlightRules: [], added: [], openShadowRoots: 0 });
    expect(await suite.page.evaluate(() => document.adoptedStyleSheets.length, undefined)).toBe(0);
  });

  test("hidden mentions are not counted in the popup or the badge, nor hoverable; a menu opened is", async () => {
    await suite.page.goto(suite.server.url("hidden-text.html"));
    await settledHighlights(suite.page, 2);
    let popup = await openPopupFor(suite.session, suite.page);
    const rows = await popupRows(popup);
    expect(rows.map((r) => r.entity).sort()).toEqual(["alibaba-group", "jack-ma"]);
    expect(await waitFor(async () => ((await badgeOf(popup)) === "2" ? "2" : null), 5_000, "badge 2")).toBe("2");
    await popup.close();

    // Pointing where the invisible 티몰 is laid out opens nothing.
    const ghost = await suite.page.evaluate(() => {
      const r = document.getElementById("ghost")!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, undefined);
    await suite.page.mouse.move(ghost.x - 30, ghost.y + 40);
    await suite.page.mouse.move(ghost.x, ghost.y, { steps: 4 });
    await sleep(800);
    expect((await suite.page.evaluate(readCard, undefined)).open).toBe(false);
    // A visible one does (the same page, the same pointer).
    expect((await hoverMention(suite.page, "마윈")).card.entity).toBe("jack-ma");
    await closeCard(suite.page);

    // The reader opens the menu: its mention is now seen, and counted.
    await suite.page.click("#menu-button");
    popup = await openPopupFor(suite.session, suite.page);
    const opened = await waitFor(
      async () => {
        const r = await popupRows(popup);
        return r.length === 3 ? r : null;
      },
      5_000,
      "the menu's mention counted",
    );
    expect(opened.map((r) => r.entity).sort()).toEqual(["alibaba-group", "ant-group", "jack-ma"]);
    await popup.close();
  });
});
