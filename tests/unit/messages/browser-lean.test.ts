/**
 * The content script's lean stand-in for webextension-polyfill, against fake `chrome` and `browser` globals: in
 * Firefox it is the native `browser`; in Chrome a listener that answers with a promise is answered through
 * sendResponse (with `return true`), a rejection arrives in the polyfill's own shape, and a listener is wrapped once.
 */
import { afterEach, describe, expect, test, vi } from "vitest";

type ChromeListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;

function fakeChrome() {
  const listeners = new Set<ChromeListener>();
  return {
    listeners,
    runtime: {
      id: "chrome-extension-id",
      sendMessage: vi.fn(async (message: unknown) => ({ echoed: message })),
      getManifest: () => ({ name: "Maekrak" }),
      getURL: (path: string) => `chrome-extension://chrome-extension-id/${path}`,
      onMessage: {
        addListener: (l: ChromeListener) => listeners.add(l),
        removeListener: (l: ChromeListener) => listeners.delete(l),
        hasListener: (l: ChromeListener) => listeners.has(l),
      },
    },
    storage: { sync: { get: vi.fn() } },
  };
}

/** Loads a fresh copy of the module with these globals (it picks its API once, at load). */
async function load(globals: { chrome?: unknown; browser?: unknown }) {
  vi.resetModules();
  vi.stubGlobal("chrome", globals.chrome);
  vi.stubGlobal("browser", globals.browser);
  return (await import("../../../src/messages/browser-lean")).default;
}

afterEach(() => vi.unstubAllGlobals());

describe("browser-lean", () => {
  test("Firefox: the native browser object is used as it is", async () => {
    const native = { runtime: { id: "firefox-id" }, storage: {} };
    expect(await load({ browser: native, chrome: fakeChrome() })).toBe(native);
  });

  test("Chrome: runtime calls and storage go to chrome.*", async () => {
    const chrome = fakeChrome();
    const browser = await load({ chrome });
    expect(browser.runtime.id).toBe("chrome-extension-id");
    await expect(browser.runtime.sendMessage({ type: "x" })).resolves.toEqual({ echoed: { type: "x" } });
    expect(browser.runtime.getURL("a.html")).toBe("chrome-extension://chrome-extension-id/a.html");
    expect(browser.runtime.getManifest().name).toBe("Maekrak");
    expect(browser.storage).toBe(chrome.storage);
  });

  test("Chrome: a promise reply is sent with sendResponse and the listener keeps the channel open", async () => {
    const chrome = fakeChrome();
    const browser = await load({ chrome });
    browser.runtime.onMessage.addListener(async (message: { n: number }) => ({ doubled: message.n * 2 }));
    const [listener] = chrome.listeners;
    const sendResponse = vi.fn();
    expect(listener!({ n: 21 }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ doubled: 42 }));
  });

  test("Chrome: no reply (undefined) lets other listeners answer; a rejection arrives in the polyfill's shape", async () => {
    const chrome = fakeChrome();
    const browser = await load({ chrome });
    browser.runtime.onMessage.addListener(() => undefined);
    browser.runtime.onMessage.addListener(async () => {
      throw new Error("no such entity");
    });
    const [silent, failing] = chrome.listeners;
    const sendResponse = vi.fn();
    expect(silent!({}, {}, sendResponse)).toBe(false);
    expect(failing!({}, {}, sendResponse)).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith({ __mozWebExtensionPolyfillReject__: true, message: "no such entity" }),
    );
  });

  test("Chrome: the same listener is wrapped once, so it can be found and removed", async () => {
    const chrome = fakeChrome();
    const browser = await load({ chrome });
    const listener = () => undefined;
    browser.runtime.onMessage.addListener(listener);
    expect(browser.runtime.onMessage.hasListener(listener)).toBe(true);
    browser.runtime.onMessage.removeListener(listener);
    expect(browser.runtime.onMessage.hasListener(listener)).toBe(false);
    expect(chrome.listeners.size).toBe(0);
  });
});
