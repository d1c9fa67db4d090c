/**
 * Launches real browsers with the built extension: Debian Chromium through
 * playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi.
 * Both are wrapped in one small interface so each e2e suite runs unchanged
 * in both browsers.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomUUID } from "node:crypto";
import { installProbeChannel } from "./page-probes";
import { distPath } from "../../../src/build/variants";

export const ROOT = resolve(import.meta.dirname, "..", "..", "..");
export const GECKO_ID = "maekrak@maekrak.app";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

export type BrowserName = "chromium" | "firefox";

/** What the suites need from a page: the same calls in Playwright and Puppeteer. */
export type PageLike = {
  goto(url: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A real (trusted) click on the element matching `selector`: counts as a user gesture. */
  click(selector: string): Promise<void>;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  keyboard: { press(key: string): Promise<void>; down(key: string): Promise<void>; up(key: string): Promise<void> };
  /** A touch tap at a point (the session needs `touch: true`). */
  touchscreen: { tap(x: number, y: number): Promise<void> };
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /** A finger on the screen (pages of a session launched with `phone`; both drivers send real touch input). */
  touch: Touch;
  /** Sets the viewport's size in CSS pixels. */
  resize(width: number, height: number): Promise<void>;
};

export type Touch = {
  tap(x: number, y: number): Promise<void>;
  /** Holds one finger still at (x, y) for `ms`. */
  press(x: number, y: number, ms: number): Promise<void>;
  /** One finger from `from` to `to` in `steps` moves, about a frame apart. */
  swipe(from: { x: number; y: number }, to: { x: number; y: number }, steps?: number): Promise<void>;
  /** Two fingers put down at `a` and `b`, spread apart by `spread` px each (a pinch-zoom), then lifted. */
  pinch(a: { x: number; y: number }, b: { x: number; y: number }, spread: number): Promise<void>;
};
/** Where each of two fingers is after `step` of 5 moves apart (horizontally, by `spread` in all). */
const apart = (a: { x: number; y: number }, b: { x: number; y: number }, spread: number, step: number) => {
  const d = (spread * step) / 5;
  return [
    { x: a.x - d, y: a.y },
    { x: b.x + d, y: b.y },
  ];
};

/** The phone the touch suites emulate: 390 × 844 CSS pixels, touch, mobile viewport. */
export const PHONE = { width: 390, height: 844 } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const along = (from: { x: number; y: number }, to: { x: number; y: number }, steps: number) =>
  Array.from({ length: steps }, (_, i) => ({
    x: from.x + ((to.x - from.x) * (i + 1)) / steps,
    y: from.y + ((to.y - from.y) * (i + 1)) / steps,
  }));

/** A host name outside the built-in news list that both browsers resolve to 127.0.0.1 (per-site tests). */
export const OTHER_SITE = "other-news.test";

export type ExtensionSession = {
  name: BrowserName;
  newPage(): Promise<PageLike>;
  /** Opens the popup page in a tab (after the content page was brought to front) and waits until it rendered. */
  openPopup(query?: string): Promise<PageLike>;
  popupUrl: string;
  /**
   * The reader clicks Maekrak's toolbar button while `page` is the selected tab: the browser's own path, which grants
   * activeTab for that tab and opens the real popup (reach it with extension.getViews({ type: "popup" })).
   */
  clickAction(page: PageLike): Promise<void>;
  /** URLs of every open tab (to see what the extension opened). */
  pageUrls(): Promise<string[]>;
  close(): Promise<void>;
};

export type LaunchOptions = {
  /** Port of an HTTP proxy on 127.0.0.1 that every request (loopback included) must go through. */
  proxy?: number;
  /** false: the same browser without Maekrak (a control; openPopup is then unavailable). Default true. */
  extension?: boolean;
  /** The browser's UI language (the extension's follows it). Default ko. */
  lang?: "ko" | "en";
  /** A touch screen, for touchscreen.tap (Chromium: hasTouch; Firefox: touch events on). */
  touch?: boolean;
  /** An emulated phone (PHONE: touch, a mobile viewport) instead of a 1100 × 800 desktop window. */
  phone?: boolean;
};

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionSession> {
  return name === "chromium" ? launchChromium(options) : launchFirefox(options);
}

/**
 * Behind the recording proxy, Chromium's own background traffic is cut down so that the record holds mostly what
 * pages cause: form-field crowdsourcing (content-autofill.googleapis.com) stops; the Gaia account check is sent to an
 * .invalid host instead of accounts.google.com. A later --disable-features replaces Playwright's, so its list
 * (playwright-core chromiumSwitches) is repeated here.
 */
const QUIET_CHROMIUM = [
  "--disable-features=" +
    [
      "AvoidUnnecessaryBeforeUnloadCheckSync",
      "DestroyProfileOnBrowserClose",
      "HttpsUpgrades",
      "HttpsFirstBalancedModeAutoEnable",
      "LensOverlay",
      "MediaRouter",
      "PaintHolding",
      "ThirdPartyStoragePartitioning",
      "AvoidCorsURLLoaderRestartOnRedirect",
      "OptimizationHints",
      "NetworkTimeServiceQuerying",
      "AimEnabled",
      "PreconnectToSearch",
      "AutofillServerCommunication",
      "AutofillCrowdsourcing",
      "ComponentUpdater",
    ].join(","),
  "--gaia-url=http://gaia.disabled.invalid",
  "--google-base-url=http://google.disabled.invalid",
];

async function launchChromium(options: LaunchOptions): Promise<ExtensionSession> {
  const { chromium } = await import("playwright-core");
  const extension = distPath(ROOT, "chrome", "test");
  const profile = mkdtempSync(join(tmpdir(), "maekrak-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.phone ? PHONE : { width: 1100, height: 800 },
    hasTouch: options.touch ?? false,
    ...(options.phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
    locale: options.lang === "en" ? "en-US" : "ko-KR",
    // The extension's UI language follows the browser's.
    env: {
      ...process.env,
      LANG: options.lang === "en" ? "en_US.UTF-8" : "ko_KR.UTF-8",
      LANGUAGE: options.lang ?? "ko",
    },
    args: [
      ...(options.extension === false
        ? []
        : [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`]),
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--lang=${options.lang ?? "ko"}`,
      // The phone's pixel ratio for real, not only emulated: with an emulated ratio unlike the screen's, Chromium's
      // highlightsFromPoint finds nothing (the emulation's artefact; hit-testing on a real phone is unaffected).
      ...(options.phone ? ["--force-device-scale-factor=2"] : []),
      `--host-resolver-rules=MAP ${OTHER_SITE} 127.0.0.1`,
      // Lets the test press the toolbar button (CDP Extensions.triggerAction, over Playwright's debugging pipe).
      "--enable-unsafe-extension-debugging",
      // `<-loopback>` removes the implicit bypass of 127.0.0.1/localhost, so the fixture server is proxied too.
      ...(options.proxy
        ? [`--proxy-server=http://127.0.0.1:${options.proxy}`, "--proxy-bypass-list=<-loopback>", ...QUIET_CHROMIUM]
        : []),
    ],
  });
  // Lets the tests read back what the card copied.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // The page side of the test build's probe channel, in every page (page-probes.ts).
  await context.addInitScript(installProbeChannel);
  const worker =
    options.extension === false
      ? null
      : (context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 })));
  const extensionId = worker ? new URL(worker.url()).host : "none";
  const popupUrl = `chrome-extension://${extensionId}/src/popup/index.html`;
  type PlaywrightPage = Awaited<ReturnType<typeof context.newPage>>;
  // Touch input as the browser gets it from a touchscreen (CDP Input.dispatchTouchEvent): taps, holds and pans.
  const withTouch = async (page: PlaywrightPage): Promise<PageLike> => {
    const cdp = await context.newCDPSession(page);
    const send = (type: string, points: { x: number; y: number }[]) =>
      cdp.send("Input.dispatchTouchEvent", { type: type as "touchStart", touchPoints: points });
    const touch: Touch = {
      tap: (x, y) => page.touchscreen.tap(x, y),
      press: async (x, y, ms) => {
        await send("touchStart", [{ x, y }]);
        await sleep(ms);
        await send("touchEnd", []);
      },
      swipe: async (from, to, steps = 10) => {
        await send("touchStart", [from]);
        for (const point of along(from, to, steps)) {
          await send("touchMove", [point]);
          await sleep(16);
        }
        await send("touchEnd", []);
      },
      pinch: async (a, b, spread) => {
        await send("touchStart", [a]);
        await send("touchStart", [a, b]);
        for (let step = 1; step <= 5; step++) {
          await send("touchMove", apart(a, b, spread, step));
          await sleep(16);
        }
        await send("touchEnd", []);
      },
    };
    const resize = (width: number, height: number) => page.setViewportSize({ width, height });
    return Object.assign(page, { touch, resize }) as unknown as PageLike;
  };
  return {
    name: "chromium",
    popupUrl,
    newPage: async () => withTouch(await context.newPage()),
    openPopup: async (query = "") => {
      const popup = await context.newPage();
      await popup.goto(popupUrl + query);
      return withTouch(popup);
    },
    clickAction: async (page) => {
      await page.bringToFront();
      const href = await page.evaluate(() => location.href, undefined);
      const cdp = await context.browser()!.newBrowserCDPSession();
      // The action runs on a tab target (hidden from the default target list), found by its address.
      const { targetInfos } = (await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] } as never)) as {
        targetInfos: { targetId: string; url: string }[];
      };
      const tab = targetInfos.find((t) => t.url === href);
      if (!tab) throw new Error(`no tab target for ${href}`);
      await cdp.send("Extensions.triggerAction" as never, { id: extensionId, targetId: tab.targetId } as never);
      await cdp.detach();
    },
    pageUrls: async () => context.pages().map((p) => p.url()),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(options: LaunchOptions): Promise<ExtensionSession> {
  const puppeteer = (await import("puppeteer-core")).default;
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    protocol: "webDriverBiDi",
    defaultViewport: options.phone
      ? { ...PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }
      : { width: 1100, height: 800 },
    extraPrefsFirefox: {
      // Touch input from WebDriver BiDi (pointerType "touch") reaches pages as touch and pointer events.
      ...(options.phone || options.touch ? { "dom.w3c_touch_events.enabled": 1 } : {}),
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: uuid }),
      "extensions.originControls.grantByDefault": true,
      "intl.locale.requested": options.lang ?? "ko",
      // Optional permissions are granted without the doorhanger (no UI to click in headless Firefox).
      "extensions.webextOptionalPermissionPrompts": false,
      "network.dns.localDomains": OTHER_SITE,
      ...(options.proxy
        ? {
            "network.proxy.type": 1,
            "network.proxy.http": "127.0.0.1",
            "network.proxy.http_port": options.proxy,
            "network.proxy.ssl": "127.0.0.1",
            "network.proxy.ssl_port": options.proxy,
            "network.proxy.share_proxy_settings": false,
            "network.proxy.allow_hijacking_localhost": true, // proxy 127.0.0.1 too
            "network.proxy.no_proxies_on": "",
            "network.proxy.socks_remote_dns": false,
          }
        : {}),
    },
    args: ["--remote-allow-system-access"],
  });
  if (options.extension !== false) await browser.installExtension(distPath(ROOT, "firefox", "test"));
  const popupUrl = `moz-extension://${uuid}/src/popup/index.html`;
  // Touch actions over WebDriver BiDi (input.performActions with pointerType "touch", through puppeteer's touchscreen).
  const adapt = (page: any): PageLike => {
    const touch: Touch = {
      tap: (x, y) => page.touchscreen.tap(x, y),
      press: async (x, y, ms) => {
        await page.touchscreen.touchStart(x, y);
        await sleep(ms);
        await page.touchscreen.touchEnd();
      },
      swipe: async (from, to, steps = 10) => {
        await page.touchscreen.touchStart(from.x, from.y);
        for (const point of along(from, to, steps)) {
          await page.touchscreen.touchMove(point.x, point.y);
          await sleep(16);
        }
        await page.touchscreen.touchEnd();
      },
      pinch: async (a, b, spread) => {
        const first = await page.touchscreen.touchStart(a.x, a.y);
        const second = await page.touchscreen.touchStart(b.x, b.y);
        for (let step = 1; step <= 5; step++) {
          const [p, q] = apart(a, b, spread, step);
          await first.move(p!.x, p!.y);
          await second.move(q!.x, q!.y);
          await sleep(16);
        }
        await second.end();
        await first.end();
      },
    };
    const resize = (width: number, height: number) =>
      page.setViewport({ ...page.viewport(), width, height }) as Promise<void>;
    return Object.assign(page, { touch, resize }) as PageLike;
  };
  return {
    name: "firefox",
    popupUrl,
    newPage: async () => {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(installProbeChannel); // the probe channel's page side (page-probes.ts)
      return adapt(page);
    },
    openPopup: async (query = "") => {
      const popup = await browser.newPage();
      // Navigations into the extension process never resolve over BiDi (toolchain.md P5): don't await, poll.
      popup.goto(popupUrl + query).catch(() => undefined);
      const started = Date.now();
      for (;;) {
        const ready = await popup
          .evaluate(() => location.protocol === "moz-extension:" && document.readyState === "complete")
          .catch(() => false);
        if (ready) break;
        if (Date.now() - started > 15_000) throw new Error("popup did not load");
        await new Promise((r) => setTimeout(r, 100));
      }
      return adapt({
        ...popup,
        evaluate: popup.evaluate.bind(popup),
        click: popup.click.bind(popup),
        mouse: popup.mouse,
        keyboard: popup.keyboard,
        touchscreen: popup.touchscreen,
        bringToFront: popup.bringToFront.bind(popup),
        close: popup.close.bind(popup),
        setViewport: popup.setViewport.bind(popup),
        viewport: popup.viewport.bind(popup),
        goto: async () => undefined,
      });
    },
    clickAction: async (page) => {
      await page.bringToFront();
      // The browser window's own document (WebDriver BiDi's chrome scope, allowed by --remote-allow-system-access):
      // open the extensions panel and click Maekrak's button in it, as the reader does.
      const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<any> } })
        .connection;
      const tree = await bidi.send("browsingContext.getTree", { "moz:scope": "chrome" });
      const chrome = tree.result.contexts.find(
        (c: { url: string }) => c.url === "chrome://browser/content/browser.xhtml",
      );
      const widget = `${GECKO_ID.replace(/[^a-z0-9_-]/g, "_")}-browser-action`;
      const { result } = await bidi.send("script.evaluate", {
        expression: `(async () => {
          await window.gUnifiedExtensions.openPanel(null, "maekrak-e2e");
          const node = CustomizableUI.getWidget(${JSON.stringify(widget)}).forWindow(window).node;
          node.querySelector(".unified-extensions-item-action-button").click();
          return true;
        })()`,
        target: { context: chrome.context },
        awaitPromise: true,
      });
      if (result.type !== "success") throw new Error(`toolbar click failed: ${JSON.stringify(result)}`);
    },
    pageUrls: async () => (await browser.pages()).map((p) => p.url()),
    close: async () => {
      await browser.close();
    },
  };
}

/** Polls `probe` until it returns a truthy value (or throws after `timeout` ms). */
export async function waitFor<T>(
  probe: () => Promise<T>,
  timeout = 10_000,
  what = "condition",
): Promise<NonNullable<T>> {
  const started = Date.now();
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
      if (last) return last as NonNullable<T>;
    } catch {
      /* page not ready yet */
    }
    if (Date.now() - started > timeout)
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
