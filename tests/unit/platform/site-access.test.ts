/**
 * Per-site registrations follow the settings and the permissions actually
 * granted, whatever state the browser restarts in: registered where the
 * reader turned a site on and granted it, removed (with the permission given
 * back) where they turned it off, and open tabs of a newly enabled site get
 * the script at once.
 */
import { beforeEach, describe, expect, test, vi } from "vitest";
import { defaultSettings } from "../../../src/core/settings";

type Registered = {
  id: string;
  matches: string[];
  js?: string[];
  css?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
};
const state = {
  granted: new Set<string>(),
  registered: [] as Registered[],
  tabs: [] as Array<{ id: number; url: string }>,
  injected: [] as string[],
  removed: [] as string[],
};

vi.mock("webextension-polyfill", () => ({
  default: {
    runtime: {
      // Firefox reports content-script files as full URLs; Chrome as paths.
      getManifest: () => ({
        content_scripts: [
          {
            matches: ["*://*.chosun.com/*", "http://127.0.0.1/*"],
            js: ["moz-extension://abc/content.js"],
            css: ["content.css"],
          },
        ],
      }),
      getURL: (path: string) => `moz-extension://abc${path}`,
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)),
      remove: async ({ origins }: { origins: string[] }) => {
        for (const o of origins) {
          state.granted.delete(o);
          state.removed.push(o);
        }
        return true;
      },
      request: async () => true,
    },
    scripting: {
      getRegisteredContentScripts: async () => state.registered.map((s) => ({ ...s })),
      registerContentScripts: async (scripts: Registered[]) => {
        for (const s of scripts)
          if (state.registered.some((r) => r.id === s.id)) throw new Error(`duplicate id ${s.id}`);
        state.registered.push(...scripts);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.registered = state.registered.filter((s) => !ids.includes(s.id));
      },
      insertCSS: async ({ target }: { target: { tabId: number } }) => {
        state.injected.push(`css:${target.tabId}`);
      },
      executeScript: async ({ target }: { target: { tabId: number } }) => {
        state.injected.push(`js:${target.tabId}`);
      },
    },
    tabs: {
      query: async ({ url }: { url: string }) =>
        state.tabs.filter((t) => new URL(t.url).hostname === url.split("://")[1]!.split("/")[0]),
    },
  },
}));

// The unit files share one module graph: a fresh copy, bound to this file's mock.
vi.resetModules();
const { reconcileSiteScripts, isBuiltInSite } = await import("../../../src/platform/site-access");

describe("per-site registrations", () => {
  beforeEach(() => {
    state.granted = new Set();
    state.registered = [];
    state.tabs = [];
    state.injected = [];
    state.removed = [];
  });

  test("a site turned on and granted is registered (kept across restarts), with relative file paths, and its open tabs get the script now", async () => {
    state.granted.add("*://blog.example.com/*");
    state.tabs = [
      { id: 7, url: "https://blog.example.com/a" },
      { id: 8, url: "https://other.example.org/" },
    ];
    const registered = await reconcileSiteScripts({ ...defaultSettings(), enabledSites: ["blog.example.com"] });
    expect(registered).toEqual(["blog.example.com"]);
    expect(state.registered).toEqual([
      {
        id: "maekrak-site:blog.example.com",
        matches: ["*://blog.example.com/*"],
        js: ["content.js"],
        css: ["content.css"],
        runAt: "document_idle",
        persistAcrossSessions: true,
      },
    ]);
    expect(state.injected).toEqual(["css:7", "js:7"]);
  });

  test("a site turned on without its permission (the reader refused) is not registered", async () => {
    expect(await reconcileSiteScripts({ ...defaultSettings(), enabledSites: ["blog.example.com"] })).toEqual([]);
    expect(state.registered).toEqual([]);
  });

  test("running again changes nothing (safe at every start and after every change)", async () => {
    state.granted.add("*://blog.example.com/*");
    const settings = { ...defaultSettings(), enabledSites: ["blog.example.com"] };
    await reconcileSiteScripts(settings);
    await reconcileSiteScripts(settings);
    expect(state.registered).toHaveLength(1);
  });

  test("a site turned off is unregistered and its permission given back; others stay", async () => {
    state.granted.add("*://a.example.com/*").add("*://b.example.com/*");
    await reconcileSiteScripts({ ...defaultSettings(), enabledSites: ["a.example.com", "b.example.com"] });
    await reconcileSiteScripts({ ...defaultSettings(), enabledSites: ["b.example.com"] });
    expect(state.registered.map((s) => s.id)).toEqual(["maekrak-site:b.example.com"]);
    expect(state.removed).toEqual(["*://a.example.com/*"]);
  });

  test("a permission revoked in the browser's own settings removes the registration", async () => {
    state.granted.add("*://a.example.com/*");
    const settings = { ...defaultSettings(), enabledSites: ["a.example.com"] };
    await reconcileSiteScripts(settings);
    state.granted.clear();
    await reconcileSiteScripts(settings);
    expect(state.registered).toEqual([]);
  });

  test("the news list is the manifest's content-script matches", () => {
    expect(isBuiltInSite("https://biz.chosun.com/x")).toBe(true);
    expect(isBuiltInSite("http://127.0.0.1:8080/page.html")).toBe(true);
    expect(isBuiltInSite("https://blog.example.com/")).toBe(false);
    expect(isBuiltInSite("not a url")).toBe(false);
  });
});
