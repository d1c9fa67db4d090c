/**
 * 이 페이지에서 실행, end to end in both browsers: on a site outside the default list, the reader presses Maekrak's
 * toolbar button (the browser's real click, which grants activeTab) and, in the popup that opens, 이 페이지에서
 * 실행. The page is annotated at once, without a permission prompt: no host permission is granted, no script
 * registered, no setting saved, and the next load of the page is as before.
 *
 * Firefox's test profile grants optional permissions without asking, so a host permission requested by mistake
 * would pass silently: the test checks that none was granted, and that the extension could not reach the tab
 * before the toolbar click.
 */
import { describe, expect, test } from "vitest";
import type { BrowserName, PageLike } from "./support/browsers";
import { OTHER_SITE, waitFor } from "./support/browsers";
import { readHighlights } from "./support/page-probes";
import { allTexts, settledHighlights } from "./support/steps";
import { useExtensionSuite } from "./support/suite";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the extension itself can do and has: read from one of its pages (the popup's page, open in a tab). */
async function extensionState(helper: PageLike, host: string) {
  return helper.evaluate(async (host) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    const reach = await api.scripting.executeScript({ target: { tabId: tab.id }, func: () => location.hostname }).then(
      (results: { result: string }[]) => results[0]?.result ?? "no result",
      () => "refused",
    );
    return {
      reach,
      hostPermission: await api.permissions.contains({ origins: [`*://${host}/*`] }),
      origins: (await api.permissions.getAll()).origins as string[],
      registered: (await api.scripting.getRegisteredContentScripts()).length as number,
      enabledSites: ((await api.storage.sync.get("settings")).settings?.enabledSites ?? []) as string[],
    };
  }, host);
}

/** Runs `action` in the toolbar popup the browser opened (found from another extension page), once it is there. */
async function inToolbarPopup<R>(helper: PageLike, action: "read" | "run"): Promise<R> {
  return waitFor(
    () =>
      helper.evaluate((action) => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome;
        const [view] = api.extension.getViews({ type: "popup" }) as Window[];
        const button = view?.document.querySelector<HTMLButtonElement>('[data-testid="run-here"]');
        if (action === "run") {
          if (!button) return null;
          button.click();
          return true;
        }
        return view?.document.querySelector('[data-testid="run-here-active"]')?.textContent ?? null;
      }, action) as Promise<R | null>,
    10_000,
    `toolbar popup (${action})`,
  );
}

for (const browserName of ["chromium", "firefox"] as BrowserName[]) {
  describe(`${browserName}: 이 페이지에서 실행`, () => {
    const suite = useExtensionSuite(browserName);

    test(`annotates a page on ${OTHER_SITE} at once through activeTab: no prompt, no host permission, nothing kept`, async () => {
      const url = `${suite.server.origin.replace("127.0.0.1", OTHER_SITE)}/e2e-basic.html`;
      const page = await suite.session.newPage();
      await page.goto(url);
      await sleep(1200);
      expect(allTexts(await page.evaluate(readHighlights, undefined))).toEqual([]);

      const helper = await suite.session.openPopup();
      await page.bringToFront();
      // Before the reader's click the extension cannot reach the tab at all.
      const before = await extensionState(helper, OTHER_SITE);
      expect(before.reach).toBe("refused");
      expect(before.hostPermission).toBe(false);

      await suite.session.clickAction(page);
      await inToolbarPopup<boolean>(helper, "run");
      const highlights = await settledHighlights(page, 5);
      expect(allTexts(highlights)).toContain("알리바바");
      expect(await inToolbarPopup<string>(helper, "read")).toMatch(/이 페이지에서만 실행 중/);

      // It ran through activeTab: the tab is reachable now, yet no host permission, registration or setting exists.
      const after = await extensionState(helper, OTHER_SITE);
      expect(after.reach).toBe(OTHER_SITE);
      expect(after.hostPermission).toBe(false);
      expect(after.origins.filter((origin) => origin.includes(OTHER_SITE) || origin === "*://*/*")).toEqual([]);
      expect(after.registered).toBe(0);
      expect(after.enabledSites).toEqual([]);

      // Nothing kept: the next load of the page is not annotated.
      await page.goto(url);
      await sleep(1500);
      expect(allTexts(await page.evaluate(readHighlights, undefined))).toEqual([]);
      await helper.close();
      await page.close();
    });
  });
}
