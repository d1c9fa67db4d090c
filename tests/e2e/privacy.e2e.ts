/**
 * Privacy: the extension makes no network request of its own. Each browser runs behind a recording
 * proxy (tests/e2e/support/proxy.ts) that sees every request, loopback included, while the fixture pages load,
 * cards open on hover and the popup renders. Every request recorded must be one a fixture page caused (its own URL
 * or an asset of it on the fixture server) or browser housekeeping that the same browser also makes WITHOUT the
 * extension (a control session run first, same pages, same proxy set-up). A canary request made from the
 * extension's own popup shows the proxy would catch a request from Maekrak.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BrowserName, ExtensionSession } from "./support/browsers";
import { launch, waitFor } from "./support/browsers";
import type { FixtureServer } from "./support/server";
import { startServer } from "./support/server";
import type { ProxiedRequest, RecordingProxy } from "./support/proxy";
import { startRecordingProxy } from "./support/proxy";
import { closeCard, hoverMention, openPopupFor, popupRows, settledHighlights } from "./support/steps";

const PAGES: Array<{ path: string; hover?: string; popup?: boolean }> = [
  { path: "sample-news.html", hover: "알리바바", popup: true },
  { path: "e2e-basic.html", hover: "마윈", popup: true },
  { path: "e2e-verify.html", hover: "3800억 위안" },
  { path: "hostile/reset-css.html", hover: "마윈" },
  { path: "hostile/hydration.html" },
  { path: "hostile/spa.html" },
  { path: "hostile/shadow-iframe.html" },
  { path: "hostile/editable.html" },
  { path: "hostile/patched-globals.html", hover: "알리바바" },
];

const hostOf = (r: ProxiedRequest) => (r.kind === "http" ? new URL(r.url).host : r.url);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each<BrowserName>(["chromium", "firefox"])("%s: zero network requests of its own", (browserName) => {
  let server: FixtureServer;
  const proxies: RecordingProxy[] = [];

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const proxy of proxies) await proxy.close();
    await server?.close();
  });

  /** Runs the pages in a session behind a fresh proxy; returns the proxy's record and the session's extension id. */
  async function run(
    withExtension: boolean,
  ): Promise<{ records: ProxiedRequest[]; extensionId: string; canarySeen: boolean; blockedSeen: boolean }> {
    const proxy = await startRecordingProxy(server.origin);
    proxies.push(proxy);
    const session: ExtensionSession = await launch(browserName, { proxy: proxy.port, extension: withExtension });
    try {
      const page = await session.newPage();
      for (const { path, hover, popup } of PAGES) {
        await page.goto(server.url(path));
        if (!withExtension) {
          await pause(500);
          continue;
        }
        await settledHighlights(page, 1);
        if (hover) {
          await hoverMention(page, hover);
          await closeCard(page);
        }
        if (popup) {
          const opened = await openPopupFor(session, page);
          expect((await popupRows(opened)).length).toBeGreaterThan(0);
          await opened.close();
        }
      }
      await pause(2000); // anything late (badge updates, idle work) has time to show
      const records = [...proxy.records];
      let canarySeen = false;
      let blockedSeen = false;
      if (withExtension) {
        // The extension pages' CSP (connect-src 'none') refuses any fetch outright: nothing reaches the proxy.
        const popup = await session.openPopup();
        const fetchOutcome = await popup.evaluate(
          () =>
            fetch("http://blocked.maekrak.invalid/ping").then(
              () => "sent",
              (e: Error) => `refused: ${e.name}`,
            ),
          undefined,
        );
        expect(fetchOutcome).toMatch(/^refused/);
        // Canary: a request the extension causes (a tab it opens) is seen by the proxy (so one from Maekrak would be too).
        await popup.evaluate(
          () =>
            ((globalThis as any).browser ?? (globalThis as any).chrome).tabs.create({
              url: "http://canary.maekrak.invalid/ping",
              active: false,
            }),
          undefined,
        );
        canarySeen = await waitFor(
          async () => proxy.records.some((r) => r.url.includes("canary.maekrak.invalid")),
          5_000,
          "canary",
        ).catch(() => false);
        blockedSeen = proxy.records.some((r) => r.url.includes("blocked.maekrak.invalid"));
      }
      return { records, extensionId: new URL(session.popupUrl).host, canarySeen, blockedSeen };
    } finally {
      await session.close();
    }
  }

  test("every request is a fixture page's own or housekeeping the browser also does without Maekrak", async () => {
    const control = await run(false);
    const fixtureRequestsBefore = server.requests.length;
    const { records, extensionId, canarySeen, blockedSeen } = await run(true);
    const fixtureRequests = server.requests.slice(fixtureRequestsBefore);

    const own = records.filter((r) => r.kind === "http" && r.url.startsWith(`${server.origin}/`));
    const notOwn = records.filter((r) => !own.includes(r));
    const housekeepingHosts = new Set(
      control.records.filter((r) => !(r.kind === "http" && r.url.startsWith(`${server.origin}/`))).map(hostOf),
    );
    const unexplained = notOwn.filter((r) => !housekeepingHosts.has(hostOf(r)));
    console.info(
      `[privacy] ${browserName}: ${records.length} requests recorded with Maekrak: ${own.length} the fixture pages' own, ` +
        `${notOwn.length} browser housekeeping (${[...new Set(notOwn.map(hostOf))].join(", ") || "none"}; without Maekrak the same browser made ` +
        `${control.records.length - control.records.filter((r) => r.kind === "http" && r.url.startsWith(`${server.origin}/`)).length} to ` +
        `${[...housekeepingHosts].join(", ") || "none"}), ${unexplained.length} unexplained`,
    );

    // Every page was fetched through the proxy (nothing bypassed it): the proxy saw exactly what the server served.
    for (const { path } of PAGES)
      expect(
        own.map((r) => r.url),
        path,
      ).toContain(server.url(path));
    expect(own.map((r) => new URL(r.url).pathname).sort()).toEqual([...fixtureRequests].sort());
    // Nothing else, except what the browser does by itself, and none of that names the extension.
    expect(unexplained).toEqual([]);
    for (const r of notOwn) expect(`${r.url} ${r.body ?? ""}`).not.toMatch(new RegExp(`${extensionId}|maekrak`, "i"));
    expect(canarySeen, "a navigation the extension causes is recorded").toBe(true);
    expect(blockedSeen, "a fetch from an extension page never leaves the browser").toBe(false);
  }, 150_000);
});
