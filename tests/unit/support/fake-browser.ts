/**
 * A fake of the WebExtension API the entries and the platform modules use, standing in for
 * webextension-polyfill's default export (vi.mock it with `fake.browser`): events a test fires, storage in
 * memory that fires onChanged, messages a test delivers to the context's listeners, and a log of the calls
 * that have effects outside it (badge, tabs, popup, scripts).
 */
type Listener = (...args: any[]) => unknown;

export class FakeEvent {
  readonly listeners = new Set<Listener>();
  addListener(listener: Listener): void {
    this.listeners.add(listener);
  }
  removeListener(listener: Listener): void {
    this.listeners.delete(listener);
  }
  hasListener(listener: Listener): boolean {
    return this.listeners.has(listener);
  }
  /** Calls every listener with `args`; their return values, in order. */
  fire(...args: unknown[]): unknown[] {
    return [...this.listeners].map((listener) => listener(...args));
  }
}

export type FakeBrowserOptions = {
  /** What the other side answers to runtime.sendMessage (the background, for a content script under test). */
  answer?: (message: any) => unknown;
  /** action.openPopup throws, as in Firefox without a user gesture. */
  popupFails?: boolean;
};

export const EXTENSION_ID = "maekrak-test-id";

export function fakeBrowser(options: FakeBrowserOptions = {}) {
  const calls: Array<[string, any]> = [];
  const logged =
    (name: string, reply?: unknown) =>
    async (arg: unknown): Promise<any> => {
      calls.push([name, arg]);
      return reply;
    };
  const onChanged = new FakeEvent();
  const area = (name: string) => {
    const store = new Map<string, unknown>();
    return {
      store,
      get: async (key: string) => (store.has(key) ? { [key]: structuredClone(store.get(key)) } : {}),
      set: async (items: Record<string, unknown>) => {
        const changes: Record<string, { oldValue?: unknown; newValue: unknown }> = {};
        for (const [key, value] of Object.entries(items)) {
          changes[key] = { oldValue: store.get(key), newValue: structuredClone(value) };
          store.set(key, structuredClone(value));
        }
        onChanged.fire(changes, name);
      },
      remove: async (key: string) => void store.delete(key),
    };
  };
  const onMessage = new FakeEvent();
  const browser = {
    runtime: {
      id: EXTENSION_ID,
      onMessage,
      onStartup: new FakeEvent(),
      onInstalled: new FakeEvent(),
      sendMessage: async (message: unknown) => {
        calls.push(["runtime.sendMessage", message]);
        return options.answer?.(message);
      },
      getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, "")}`,
      getManifest: () => ({ content_scripts: [{ matches: ["*://*.chosun.com/*"], js: ["content.js"] }] }),
    },
    storage: { sync: area("sync"), session: area("session"), onChanged },
    tabs: {
      query: async () => [{ id: 7, url: "https://www.chosun.com/a" }],
      create: logged("tabs.create"),
      sendMessage: async (tabId: number, message: unknown) => void calls.push(["tabs.sendMessage", { tabId, message }]),
    },
    action: {
      setBadgeText: logged("action.setBadgeText"),
      setBadgeBackgroundColor: logged("action.setBadgeBackgroundColor"),
      openPopup: async () => {
        calls.push(["action.openPopup", undefined]);
        if (options.popupFails) throw new Error("openPopup needs a user gesture");
      },
    },
    commands: { onCommand: new FakeEvent() },
    permissions: {
      onAdded: new FakeEvent(),
      onRemoved: new FakeEvent(),
      contains: async () => false,
      request: async () => true,
      remove: async () => true,
    },
    scripting: {
      getRegisteredContentScripts: async () => [],
      registerContentScripts: logged("scripting.registerContentScripts"),
      unregisterContentScripts: logged("scripting.unregisterContentScripts"),
      executeScript: async () => [{}],
      insertCSS: async () => undefined,
    },
  };
  /** A message as the browser delivers it to this context: every listener, the first reply that is not undefined. */
  const deliver = async (message: unknown, sender: object = { id: EXTENSION_ID }): Promise<unknown> => {
    for (const reply of onMessage.fire(message, sender)) if (reply !== undefined) return reply;
    return undefined;
  };
  /** The calls made under `name`, their arguments in order. */
  const callsTo = (name: string) => calls.filter(([n]) => n === name).map(([, arg]) => arg);
  return { browser, calls, callsTo, deliver };
}

/** Lets pending promise callbacks (and those they queue) run. */
export const settle = async (rounds = 5): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
