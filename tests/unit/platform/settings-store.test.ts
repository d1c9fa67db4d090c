/**
 * The storage seams through the fake browser: settings are read repaired (one warning), never trusted, and
 * defaults when storage fails; a change is passed on only for the settings key in storage.sync; the popup's
 * requested entity is read once (from the address when the popup is a tab).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { SETTINGS_KEY, defaultSettings } from "../../../src/core/settings";
import { fakeBrowser } from "../support/fake-browser";

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeBrowser> | null }));
vi.mock("webextension-polyfill", () => ({
  get default() {
    return fake.current!.browser;
  },
}));

let store: typeof import("../../../src/platform/settings-store");
let popup: typeof import("../../../src/platform/popup-request");
beforeAll(async () => {
  fake.current = fakeBrowser();
  vi.resetModules();
  store = await import("../../../src/platform/settings-store");
  popup = await import("../../../src/platform/popup-request");
});
// The unit files share one module graph: the next file gets modules bound to its own mocks, not this fake.
afterAll(() => vi.resetModules());
afterEach(() => vi.restoreAllMocks());

describe("settings store", () => {
  test("nothing stored: the defaults, silently", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await store.loadSettings()).toEqual(defaultSettings());
    expect(warn).not.toHaveBeenCalled();
  });

  test("what is saved is read back", async () => {
    const settings = { ...defaultSettings(), hoverDelayMs: 600, disabledSites: ["chosun.com"] };
    await store.saveSettings(settings);
    expect(await store.loadSettings()).toEqual(settings);
  });

  test("a broken stored value is repaired field by field, with one warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    fake.current!.browser.storage.sync.store.set(SETTINGS_KEY, { ...defaultSettings(), hoverDelayMs: "soon" });
    const settings = await store.loadSettings();
    expect(settings.hoverDelayMs).toBe(defaultSettings().hoverDelayMs);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test("storage that fails gives the defaults and a warning, not an error", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(fake.current!.browser.storage.sync, "get").mockRejectedValueOnce(new Error("quota"));
    expect(await store.loadSettings()).toEqual(defaultSettings());
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test("watchSettings passes on changes of the settings key in sync storage only, until unsubscribed", async () => {
    const seen: number[] = [];
    const stop = store.watchSettings((s) => seen.push(s.hoverDelayMs));
    await store.saveSettings({ ...defaultSettings(), hoverDelayMs: 700 });
    await fake.current!.browser.storage.sync.set({ other: 1 });
    await fake.current!.browser.storage.session.set({ [SETTINGS_KEY]: { ...defaultSettings(), hoverDelayMs: 800 } });
    stop();
    await store.saveSettings({ ...defaultSettings(), hoverDelayMs: 900 });
    expect(seen).toEqual([700]);
  });
});

describe("popup request", () => {
  afterEach(() => vi.unstubAllGlobals());

  test("the entity the background asks for is read once", async () => {
    vi.stubGlobal("location", { search: "" });
    await popup.requestEntity("qwen");
    expect(await popup.takeRequestedEntity()).toBe("qwen");
    expect(await popup.takeRequestedEntity()).toBeNull();
  });

  test("a popup opened as a tab on an entity reads it from its address, leaving the stored request", async () => {
    vi.stubGlobal("location", { search: "?entity=jack-ma" });
    await popup.requestEntity("qwen");
    expect(await popup.takeRequestedEntity()).toBe("jack-ma");
    vi.stubGlobal("location", { search: "" });
    expect(await popup.takeRequestedEntity()).toBe("qwen");
  });
});
