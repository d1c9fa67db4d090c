/**
 * The content script's `webextension-polyfill` (content-script-plugin aliases the import to this file in
 * the content bundle only). Firefox has `browser` natively; Chrome's MV3 `chrome.*` already returns
 * promises, so the only thing left to adapt is an onMessage listener that answers with a promise (Chrome
 * wants sendResponse and `return true`), answered in the polyfill's own shape, including its rejection
 * marker, so the popup's polyfill reads it as before. The full polyfill (its size: bench/results/design-notes.md)
 * built a Proxy over every API on every page; this covers what the content script uses: runtime.{id,
 * sendMessage, getManifest, getURL, onMessage} and storage.
 */
type Listener = (message: unknown, sender: unknown) => unknown;
type ChromeListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;
// biome-ignore lint/suspicious/noExplicitAny: the two browsers' extension APIs, typed where they are called
type Api = any;

const scope = globalThis as { browser?: Api; chrome?: Api };

function forChrome(chrome: Api): Api {
  const wrapped = new WeakMap<Listener, ChromeListener>();
  const wrap = (listener: Listener): ChromeListener => {
    let chromeListener = wrapped.get(listener);
    if (!chromeListener) {
      chromeListener = (message, sender, sendResponse) => {
        const result = listener(message, sender);
        if (!result || typeof (result as Promise<unknown>).then !== "function") return false;
        (result as Promise<unknown>).then(sendResponse, (error: unknown) =>
          sendResponse({
            __mozWebExtensionPolyfillReject__: true,
            message: error instanceof Error ? error.message : String(error),
          }),
        );
        return true;
      };
      wrapped.set(listener, chromeListener);
    }
    return chromeListener;
  };
  return {
    runtime: {
      get id() {
        return chrome.runtime.id;
      },
      sendMessage: (message: unknown) => chrome.runtime.sendMessage(message),
      getManifest: () => chrome.runtime.getManifest(),
      getURL: (path: string) => chrome.runtime.getURL(path),
      onMessage: {
        addListener: (listener: Listener) => chrome.runtime.onMessage.addListener(wrap(listener)),
        removeListener: (listener: Listener) => chrome.runtime.onMessage.removeListener(wrap(listener)),
        hasListener: (listener: Listener) => chrome.runtime.onMessage.hasListener(wrap(listener)),
      },
    },
    get storage() {
      return chrome.storage;
    },
  };
}

const browser: Api = scope.browser?.runtime?.id ? scope.browser : forChrome(scope.chrome);
export default browser;
