/**
 * The reader's controls, end to end in real Chromium and real Firefox: the
 * settings (applied live to the open page), the per-site switch (on the news
 * list and outside it, with the host permission), the keyboard path, the
 * card's pin/drag/close/copy/more-in-popup, the live region, and axe-core on
 * the popup and an open card.
 */
import { afterEach, describe, expect, test } from "vitest";
import type { BrowserName, PageLike } from "./support/browsers";
import { OTHER_SITE, waitFor } from "./support/browsers";
import { pointOfMention, readCard, readHighlights } from "./support/page-probes";
import {
  allTexts,
  closeCard,
  expandCard,
  hoverMention,
  openPopupFor,
  popupRows,
  settledHighlights,
} from "./support/steps";
import { useExtensionSuite } from "./support/suite";
import { CARD_CONTEXT, runAxe } from "./support/axe";

/** Presses modifier keys and a key together (both drivers accept key codes such as "KeyJ"). */
async function chord(page: PageLike, ...keys: string[]) {
  for (const key of keys.slice(0, -1)) await page.keyboard.down(key);
  await page.keyboard.press(keys.at(-1)!);
  for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Registry names that hold at least one range. */
const namesInUse = (snapshot: Record<string, string[]>) =>
  Object.entries(snapshot)
    .filter(([, r]) => r.length)
    .map(([n]) => n)
    .sort();

/** Resets the reader's settings (storage.sync) from an extension page. */
async function resetSettings(popup: PageLike) {
  await popup.evaluate(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    await api.storage.sync.clear();
  }, undefined);
}

/** What the card's shadow root has focused, and the live region's text. */
function cardFocusAndLive(): { focused: string; live: string; hostCount: number } {
  const { root } = __e2eProbe.card();
  const active = root?.activeElement as HTMLElement | null | undefined;
  return {
    focused: active
      ? `${active.tagName.toLowerCase()}${active.dataset.action ? `[${active.dataset.action}]` : ""}${active.classList.contains("panel") ? ".panel" : ""}`
      : "",
    live: root?.querySelector("[aria-live]")?.textContent ?? "",
    hostCount: __e2eProbe.added().length,
  };
}

/** Centre of an element inside the card (by selector), in viewport coordinates. */
function pointInCard(selector: string): { x: number; y: number } | null {
  const el = __e2eProbe.card().root?.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: "nearest" });
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

describe.each<BrowserName>(["chromium", "firefox"])("%s: the reader's controls", (browserName) => {
  const suite = useExtensionSuite(browserName, { path: "e2e-basic.html", minimum: 5 });
  afterEach(async () => {
    // Each test starts from the default settings and a freshly scanned page.
    const popup = await suite.session.openPopup();
    await resetSettings(popup);
    await popup.close();
    await suite.page.bringToFront();
  });

  test("settings apply live to the open page: categories, style, density", async () => {
    await suite.page.goto(suite.server.url("sample-news.html"));
    const before = await settledHighlights(suite.page, 10);
    expect(namesInUse(before)).toEqual(
      expect.arrayContaining(["maekrak-organization", "maekrak-person", "maekrak-product"]),
    );
    const popup = await openPopupFor(suite.session, suite.page);
    await popup.click("#tab-settings");
    await waitFor(
      () => popup.evaluate(() => document.querySelector('input[name="category"][value="person"]') !== null, undefined),
      5_000,
      "settings tab",
    );

    await popup.click('input[name="category"][value="person"]');
    const noPeople = await waitFor(
      async () => {
        const s = await suite.page.evaluate(readHighlights, undefined);
        return !namesInUse(s).includes("maekrak-person") && namesInUse(s).length === namesInUse(before).length - 1
          ? s
          : null;
      },
      5_000,
      "person highlights removed",
    );
    expect(allTexts(noPeople)).not.toContain("마윈");

    await popup.click('input[name="style"][value="underline"]');
    await waitFor(
      async () => {
        const names = namesInUse(await suite.page.evaluate(readHighlights, undefined));
        const expected = namesInUse(noPeople)
          .map((n) => n.replace("maekrak-", "maekrak-underline-"))
          .join();
        return names.join() === expected ? names : null;
      },
      5_000,
      "underline highlight names",
    );

    await popup.click('input[name="density"][value="first"]');
    // One highlight per entity the page mentions (the popup still counts every mention of the chosen categories).
    await popup.click("#tab-page");
    const rows = await popupRows(popup);
    expect(rows.every((r) => r.type !== "person")).toBe(true);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBeGreaterThan(rows.length); // the page repeats some names
    const firstOnly = await waitFor(
      async () => {
        const s = await suite.page.evaluate(readHighlights, undefined);
        return allTexts(s).length === rows.length ? s : null;
      },
      5_000,
      "first mentions only",
    );
    expect(allTexts(firstOnly)).toContain("알리바바");
    await suite.page.goto(suite.server.url("e2e-basic.html"));
    await popup.close();
  });

  test("hover delay and hold-a-key: with Alt chosen, the card opens only while Alt is held", async () => {
    const popup = await openPopupFor(suite.session, suite.page);
    await popup.click("#tab-settings");
    await waitFor(
      () => popup.evaluate(() => document.querySelector("#hold-key") !== null, undefined),
      5_000,
      "settings tab",
    );
    await popup.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>("#hold-key")!;
      select.value = "Alt";
      select.dispatchEvent(new Event("change", { bubbles: true }));
      const delay = document.querySelector<HTMLInputElement>("#hover-delay")!;
      delay.value = "0";
      delay.dispatchEvent(new Event("change", { bubbles: true }));
    }, undefined);
    await waitFor(
      () =>
        popup.evaluate(async () => {
          const api = (globalThis as any).browser ?? (globalThis as any).chrome;
          const { settings } = await api.storage.sync.get("settings");
          return settings?.holdKey === "Alt" && settings?.hoverDelayMs === 0;
        }, undefined),
      5_000,
      "settings saved",
    );
    await popup.close();
    await suite.page.bringToFront();

    const point = await waitFor(() => suite.page.evaluate(pointOfMention, "마윈"), 5_000, "마윈 highlighted");
    await suite.page.mouse.move(point.x - 30, point.y + 50);
    await suite.page.mouse.move(point.x, point.y, { steps: 4 });
    await sleep(800);
    expect((await suite.page.evaluate(readCard, undefined)).open).toBe(false);
    await suite.page.keyboard.down("Alt");
    const card = await waitFor(
      async () => {
        const c = await suite.page.evaluate(readCard, undefined);
        if (!c.open) await suite.page.mouse.move(point.x + 1, point.y, { steps: 2 });
        return c.open ? c : null;
      },
      5_000,
      "card while Alt is held",
    );
    await suite.page.keyboard.up("Alt");
    expect(card.entity).toBe("jack-ma");
    await closeCard(suite.page);
  });

  test("the per-site switch turns Maekrak off and on for a news-list site, live and across reloads", async () => {
    let popup = await openPopupFor(suite.session, suite.page);
    await waitFor(
      () =>
        popup.evaluate(
          () => (document.querySelector<HTMLInputElement>('[data-testid="site-switch"]')?.checked ?? null) === true,
          undefined,
        ),
      5_000,
      "switch on",
    );
    await popup.click('[data-testid="site-switch"]');
    await waitFor(
      async () =>
        allTexts(await suite.page.evaluate(readHighlights, undefined)).length === 0 &&
        (await suite.page.evaluate(() => __e2eProbe.added().length, undefined)) === 0,
      5_000,
      "highlights and host removed",
    );
    await popup.close();

    await suite.page.goto(suite.server.url("e2e-basic.html"));
    await sleep(1500);
    expect(allTexts(await suite.page.evaluate(readHighlights, undefined))).toEqual([]);
    popup = await openPopupFor(suite.session, suite.page);
    await waitFor(
      () => popup.evaluate(() => document.querySelector('[data-testid="page-off"]') !== null, undefined),
      5_000,
      "popup says off",
    );
    await popup.click('[data-testid="site-switch"]');
    await settledHighlights(suite.page, 5);
    await popup.close();
  });

  test(`a site outside the news list (${OTHER_SITE}) is off until the reader turns it on, which asks for that host's permission`, async () => {
    const { origin } = suite.server;
    const url = `${origin.replace("127.0.0.1", OTHER_SITE)}/e2e-basic.html`;
    const other = await suite.session.newPage();
    await other.goto(url);
    await sleep(1200);
    expect(allTexts(await other.evaluate(readHighlights, undefined))).toEqual([]);

    const popup = await suite.session.openPopup();
    await popup.click("#tab-settings");
    await waitFor(
      () => popup.evaluate(() => document.querySelector("#add-site-host") !== null, undefined),
      5_000,
      "settings tab",
    );
    await popup.evaluate((host) => {
      const input = document.querySelector<HTMLInputElement>("#add-site-host")!;
      input.value = host;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }, OTHER_SITE);
    await popup.click("form.add-site button[type=submit]");
    const registered = () =>
      popup.evaluate(async () => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        return (await api.scripting.getRegisteredContentScripts()).map(
          (s: any) => `${s.id} ${s.matches.join(",")} ${s.persistAcrossSessions}`,
        );
      }, undefined);

    if (browserName === "chromium") {
      // Headless Chromium shows the permission prompt with no way to answer it: nothing may run before the reader agrees.
      await sleep(1500);
      expect(await registered()).toEqual([]);
      expect(
        await popup.evaluate(
          async (host) => (globalThis as any).chrome.permissions.contains({ origins: [`*://${host}/*`] }),
          OTHER_SITE,
        ),
      ).toBe(false);
      expect(allTexts(await other.evaluate(readHighlights, undefined))).toEqual([]);
    } else {
      // Firefox grants optional permissions without the doorhanger here (test profile pref): the whole path runs.
      expect(
        await waitFor(
          async () => {
            const r = await registered();
            return r.length ? r : null;
          },
          10_000,
          "registration",
        ),
      ).toEqual([`maekrak-site:${OTHER_SITE} *://${OTHER_SITE}/* true`]);
      // The open tab gets the script at once, and a reload keeps it.
      await settledHighlights(other, 5);
      await other.goto(url);
      await settledHighlights(other, 5);
      // Turning the site off removes the registration, the permission and, live, the highlights.
      await waitFor(
        () => popup.evaluate(() => document.querySelector(".site-list button") !== null, undefined),
        5_000,
        "site listed",
      );
      await popup.click(".site-list button");
      await waitFor(
        async () => allTexts(await other.evaluate(readHighlights, undefined)).length === 0,
        5_000,
        "highlights removed",
      );
      await waitFor(async () => (await registered()).length === 0, 5_000, "registration removed");
      // The permission is given back after the registration goes (reconcile runs them in turn).
      await waitFor(
        async () =>
          !(await popup.evaluate(
            async (host) => (globalThis as any).browser.permissions.contains({ origins: [`*://${host}/*`] }),
            OTHER_SITE,
          )),
        5_000,
        "permission given back",
      );
      await other.goto(url);
      await sleep(1200);
      expect(allTexts(await other.evaluate(readHighlights, undefined))).toEqual([]);
    }
    await popup.close();
    await other.close();
    await suite.page.bringToFront();
  });

  test("keyboard: Alt+Shift+J/K step through mentions with the card focused; Tab reaches its buttons; Esc closes it", async () => {
    await suite.page.goto(suite.server.url("e2e-basic.html"));
    await settledHighlights(suite.page, 5);
    await suite.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), undefined);
    await chord(suite.page, "Alt", "Shift", "KeyJ");
    const first = await waitFor(
      async () => {
        const c = await suite.page.evaluate(readCard, undefined);
        return c.open ? c : null;
      },
      5_000,
      "first card",
    );
    expect((await suite.page.evaluate(cardFocusAndLive, undefined)).focused).toBe("div.panel");
    await chord(suite.page, "Alt", "Shift", "KeyJ");
    const second = await waitFor(
      async () => {
        const c = await suite.page.evaluate(readCard, undefined);
        return c.open && c.text !== first.text ? c : null;
      },
      5_000,
      "second card",
    );
    await chord(suite.page, "Alt", "Shift", "KeyK");
    await waitFor(
      async () => (await suite.page.evaluate(readCard, undefined)).text === first.text,
      5_000,
      "back to the first",
    );
    expect(second.text).not.toBe(first.text);
    await suite.page.keyboard.press("Tab");
    expect((await suite.page.evaluate(cardFocusAndLive, undefined)).focused).toBe("button[pin]");
    await suite.page.keyboard.press("Tab");
    expect((await suite.page.evaluate(cardFocusAndLive, undefined)).focused).toBe("button[close]");
    await suite.page.keyboard.press("Escape");
    await waitFor(async () => !(await suite.page.evaluate(readCard, undefined)).open, 5_000, "card closed by Esc");
  });

  test("the popup's ↓ beside an entity scrolls to its next mention, flashes it and opens its card", async () => {
    await suite.page.goto(suite.server.url("sample-news.html"));
    await settledHighlights(suite.page, 10);
    await suite.page.evaluate(() => window.scrollTo(0, 0), undefined);
    const popup = await openPopupFor(suite.session, suite.page);
    await popupRows(popup);
    await popup.click('li.page-row:has([data-entity="ant-group"]) [data-jump="next"]');
    const flashed = await waitFor(
      () =>
        suite.page.evaluate(() => {
          const flash = __e2eProbe.highlights().find(([key]) => key === "maekrak-flash")?.[1] as Set<Range> | undefined;
          const range = flash ? [...flash][0] : undefined;
          if (!range) return null;
          return { text: range.toString() };
        }, undefined),
      5_000,
      "flash",
    );
    expect(flashed.text).toMatch(/앤트/);
    await waitFor(
      async () =>
        (await suite.page.evaluate(() => {
          const r = __e2eProbe.highlights().find(([key]) => key === "maekrak-flash")?.[1] as Set<Range> | undefined;
          return r ? [...r][0]!.getBoundingClientRect().top : -1;
        }, undefined)) >= 0,
      5_000,
      "scrolled into view",
    );
    const card = await waitFor(
      async () => {
        const c = await suite.page.evaluate(readCard, undefined);
        return c.open ? c : null;
      },
      5_000,
      "card",
    );
    expect(card.entity).toBe("ant-group");
    await popup.close();
    await suite.page.bringToFront();
    await closeCard(suite.page);
    await suite.page.goto(suite.server.url("e2e-basic.html"));
    await settledHighlights(suite.page, 5);
  });

  test("the popup works from the keyboard alone: tabs by arrow keys, controls by Tab and Space", async () => {
    const popup = await openPopupFor(suite.session, suite.page);
    await popupRows(popup);
    await popup.bringToFront(); // keys go to the window in front, as when the reader uses the popup
    const focused = () =>
      popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? `${el.tagName.toLowerCase()}#${el.id}[${el.getAttribute("value") ?? ""}]` : "";
      }, undefined);
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), undefined);
    await popup.keyboard.press("Tab");
    expect(await focused()).toBe("button#tab-page[]");
    await popup.keyboard.press("ArrowRight");
    await popup.keyboard.press("ArrowRight");
    expect(await focused()).toBe("button#tab-settings[]");
    expect(
      await popup.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.id, undefined),
    ).toBe("tab-settings");
    // Tab through the settings until the "people" category, then Space unticks it.
    for (let i = 0; i < 20 && (await focused()) !== "input#[person]"; i++) await popup.keyboard.press("Tab");
    expect(await focused()).toBe("input#[person]");
    await popup.keyboard.press(" ");
    await waitFor(
      () =>
        popup.evaluate(async () => {
          const api = (globalThis as any).browser ?? (globalThis as any).chrome;
          return (await api.storage.sync.get("settings")).settings?.categories?.person === false;
        }, undefined),
      5_000,
      "saved from the keyboard",
    );
    await popup.close();
  });

  test("a polite live region announces the number of mentions once", async () => {
    await suite.page.goto(suite.server.url("e2e-basic.html"));
    const snapshot = await settledHighlights(suite.page, 5);
    const { live, hostCount } = await waitFor(
      async () => {
        const r = await suite.page.evaluate(cardFocusAndLive, undefined);
        return r.live ? r : null;
      },
      5_000,
      "announcement",
    );
    expect(hostCount).toBe(1);
    expect(live).toContain(String(allTexts(snapshot).length));
    expect(live).toMatch(/언급/);
  });

  test("the card: pin keeps it open, drag moves it, × closes it; copy cites the source; links open only on click; more in the popup", async () => {
    const { point } = await hoverMention(suite.page, "마윈");
    const pin = await suite.page.evaluate(pointInCard, "[data-action=pin]");
    await suite.page.mouse.move(pin!.x, pin!.y, { steps: 3 });
    await suite.page.mouse.click(pin!.x, pin!.y);
    expect(
      await suite.page.evaluate(
        () => __e2eProbe.card().root!.querySelector("[data-action=pin]")!.getAttribute("aria-pressed"),
        undefined,
      ),
    ).toBe("true");
    await suite.page.mouse.move(5, 700, { steps: 3 });
    await sleep(700);
    expect((await suite.page.evaluate(readCard, undefined)).open).toBe(true);
    // A pinned card stays even when the pointer rests on another mention.
    await suite.page.mouse.move(point.x, point.y, { steps: 2 });

    const before = (await suite.page.evaluate(readCard, undefined)).box!;
    const handle = await suite.page.evaluate(pointInCard, ".toolbar .kind");
    await suite.page.mouse.move(handle!.x, handle!.y);
    await suite.page.mouse.down();
    await suite.page.mouse.move(handle!.x + 60, handle!.y - 150, { steps: 6 });
    await suite.page.mouse.up();
    const after = (await suite.page.evaluate(readCard, undefined)).box!;
    expect(Math.abs(after.top - before.top)).toBeGreaterThan(60);
    expect(after.top).toBeGreaterThanOrEqual(0); // kept whole inside the viewport
    expect(after.bottom).toBeLessThanOrEqual(800);

    // Source links: real links to the source, opened in a new tab, never fetched by us.
    const links = await suite.page.evaluate(
      () =>
        [...__e2eProbe.card().root!.querySelectorAll<HTMLAnchorElement>(".sources a")].map((a) => ({
          href: a.href,
          target: a.target,
          rel: a.rel,
        })),
      undefined,
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links)
      expect(link).toMatchObject({
        href: expect.stringMatching(/^https?:\/\//),
        target: "_blank",
        rel: "noopener noreferrer",
      });

    // Copy sits with the fact's full record, under 더 보기.
    await expandCard(suite.page);
    const copy = await suite.page.evaluate(pointInCard, "[data-action=copy]");
    await suite.page.mouse.click(copy!.x, copy!.y);
    const announced = await waitFor(
      async () => {
        const { live } = await suite.page.evaluate(cardFocusAndLive, undefined);
        return /복사/.test(live) ? live : null;
      },
      5_000,
      "copy announced",
    );
    if (browserName === "chromium") {
      // Chromium lets the test read the clipboard back: the claim with its source, date and link.
      expect(announced).toMatch(/복사했습니다/);
      const clip = await suite.page.evaluate(
        () => navigator.clipboard.readText().catch((e: Error) => `error: ${e.message}`),
        undefined,
      );
      expect(clip).toMatch(/^마윈: [\s\S]+\n출처 .+https?:\/\//);
    }

    const more = await suite.page.evaluate(pointInCard, "[data-action=more]");
    await suite.page.mouse.click(more!.x, more!.y);
    // The toolbar popup opens on the entity (or, where the browser refuses, the same view in a tab).
    const viewer = await suite.session.openPopup("?entity=qwen"); // a tab on another entity: it leaves the pending request alone
    const shown = await waitFor(
      async () => {
        const inPopup = await viewer.evaluate(() => {
          const api = (globalThis as any).browser ?? (globalThis as any).chrome;
          return api.extension
            .getViews({ type: "popup" })
            .map(
              (view: Window) => view.document.querySelector<HTMLElement>("article.details")?.dataset.entity ?? "none",
            );
        }, undefined);
        const inTab = (await suite.session.pageUrls()).filter((u) => /popup\/index\.html\?entity=jack-ma/.test(u));
        return inPopup.includes("jack-ma") || inTab.length ? { inPopup, inTab } : null;
      },
      5_000,
      "popup opened on the entity",
    );
    expect([...shown.inPopup, ...shown.inTab.map((u) => new URL(u).searchParams.get("entity"))]).toContain("jack-ma");
    await viewer.close();

    await suite.page.bringToFront();
    const close = await suite.page.evaluate(pointInCard, "[data-action=close]");
    await suite.page.mouse.click(close!.x, close!.y);
    await waitFor(async () => !(await suite.page.evaluate(readCard, undefined)).open, 5_000, "card closed by ×");
  });

  test("axe-core: no violations on an open card, nor on the popup's three tabs", async () => {
    await hoverMention(suite.page, "알리바바 클라우드");
    const onCard = await runAxe(suite.page, CARD_CONTEXT);
    expect(onCard).toEqual([]);
    await closeCard(suite.page);

    const popup = await openPopupFor(suite.session, suite.page);
    await popupRows(popup);
    expect(await runAxe(popup, null)).toEqual([]);
    await popup.click("#tab-kb");
    expect(await runAxe(popup, null)).toEqual([]);
    await popup.click("#tab-settings");
    await waitFor(
      () => popup.evaluate(() => document.querySelector("#hover-delay") !== null, undefined),
      5_000,
      "settings tab",
    );
    expect(await runAxe(popup, null)).toEqual([]);
    await popup.close();
  });
});
