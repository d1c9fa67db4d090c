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
  bringToFront(): Promise<void>;
  close(): Promise<void>;
};

/** A host name outside the built-in news list that both browsers resolve to 127.0.0.1 (per-site tests). */
export const OTHER_SITE = "other-news.test";

export type ExtensionSession = {
  name: BrowserName;
  newPage(): Promise<PageLike>;
  /** Opens the popup page in a tab (after the content page was brought to front) and waits until it rendered. */
  openPopup(query?: string): Promise<PageLike>;
  popupUrl: string;
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
  const extension = join(ROOT, "dist", "chrome");
  const profile = mkdtempSync(join(tmpdir(), "maekrak-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 800 },
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
      `--host-resolver-rules=MAP ${OTHER_SITE} 127.0.0.1`,
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
  return {
    name: "chromium",
    popupUrl,
    newPage: async () => (await context.newPage()) as unknown as PageLike,
    openPopup: async (query = "") => {
      const popup = await context.newPage();
      await popup.goto(popupUrl + query);
      return popup as unknown as PageLike;
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
    defaultViewport: { width: 1100, height: 800 },
    extraPrefsFirefox: {
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
  if (options.extension !== false) await browser.installExtension(join(ROOT, "dist", "firefox"));
  const popupUrl = `moz-extension://${uuid}/src/popup/index.html`;
  const adapt = (page: any): PageLike => page as PageLike;
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
        bringToFront: popup.bringToFront.bind(popup),
        close: popup.close.bind(popup),
        goto: async () => undefined,
      });
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
