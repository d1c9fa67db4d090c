/**
 * The background entry through the fake browser: the badge follows the content script's count (top frame
 * only), cards' details come from the knowledge base, the keyboard commands reach the active tab, and "more in
 * the popup" falls back to a tab when the popup cannot open, and the amounts a page hands on are read against
 * that page's own claim state.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { EXTENSION_ID, fakeBrowser, settle } from "../support/fake-browser";

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeBrowser> | null }));
vi.mock("webextension-polyfill", () => ({
  get default() {
    return fake.current!.browser;
  },
}));
vi.mock("virtual:maekrak/kb", async () => {
  const { loadKnowledgeBase } = await import("../../../src/build/kb-files");
  return { default: loadKnowledgeBase() };
});

vi.mock("virtual:maekrak/claims", async () => ({
  default: (await import("../support/content-pipeline")).compiled.claims,
}));

const fromTab = (frameId = 0) => ({ id: EXTENSION_ID, tab: { id: 3 }, frameId });

beforeAll(async () => {
  fake.current = fakeBrowser();
  vi.resetModules();
  await import("../../../src/background/index");
});

// The unit files share one module graph: the next file gets modules bound to its own mocks, not this fake.
afterAll(() => vi.resetModules());

describe("background entry", () => {
  test("the badge shows the top frame's count, 999+ beyond, nothing at zero; a subframe's count is ignored", async () => {
    const { deliver, callsTo } = fake.current!;
    await deliver({ type: "mentionsChanged", count: 12 }, fromTab());
    await deliver({ type: "mentionsChanged", count: 1200 }, fromTab());
    await deliver({ type: "mentionsChanged", count: 0 }, fromTab());
    await deliver({ type: "mentionsChanged", count: 5 }, fromTab(2));
    expect(callsTo("action.setBadgeText")).toEqual([
      { tabId: 3, text: "12" },
      { tabId: 3, text: "999+" },
      { tabId: 3, text: "" },
    ]);
  });

  test("a card's details come from the knowledge base; an unknown entity has none", async () => {
    const { deliver } = fake.current!;
    const details = (await deliver({ type: "getEntityDetails", entity: "alibaba-group" }, fromTab())) as {
      entity: { id: string };
    };
    expect(details.entity.id).toBe("alibaba-group");
    expect(await deliver({ type: "getEntityDetails", entity: "no-such-entity" }, fromTab())).toBeNull();
  });

  test("a page's amounts are read in the order handed on, against that page's state; another page starts afresh", async () => {
    const { deliver } = fake.current!;
    const plan = "알리바바는 지난달 향후 3년간 클라우드와 AI 인프라에 3800억 위안을 투자하겠다고 밝혔다.";
    const again = "회사는 이 계획에 3800억 위안을 쓴다고 거듭 강조했다."; // 회사는: the owner named before
    const named = { start: 0, end: 4, entity: "alibaba-group", type: "organization" };
    const read = async (page: string, blocks: unknown[]) =>
      (
        (await deliver({ type: "readClaims", page, pageDate: "2025-03-10", blocks }, fromTab())) as
          | Array<Array<{ text: string; start: number; figure: { verdict: string; id: string } }>>
          | undefined
      )?.map((figures) => figures.map((m) => `${m.text}@${m.start} ${m.figure.verdict} ${m.figure.id}`));
    expect(await read("onepage", [{ text: plan, names: [named], namedBefore: false }])).toEqual([
      ["3800억 위안@31 match capex-380b"],
    ]);
    expect(await read("onepage", [{ text: again, names: [], namedBefore: true }])).toEqual([
      ["3800억 위안@10 match capex-380b"],
    ]);
    // The same sentence on a page where nothing was named: no owner, so nothing is said.
    expect(await read("otherpage", [{ text: again, names: [], namedBefore: false }])).toEqual([[]]);
    // A malformed request (a name of no known kind) is not read.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await read("onepage", [{ text: plan, names: [{ ...named, type: "company" }], namedBefore: false }])).toBe(
      undefined,
    );
    warn.mockRestore();
  });

  test("messages outside the protocol, or from another extension, get no answer", async () => {
    const { deliver, callsTo } = fake.current!;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const before = callsTo("action.setBadgeText").length;
    expect(await deliver({ type: "mentionsChanged", count: -1 }, fromTab())).toBeUndefined();
    expect(await deliver({ type: "mentionsChanged", count: 4 }, { id: "other", tab: { id: 3 }, frameId: 0 })).toBe(
      undefined,
    );
    expect(callsTo("action.setBadgeText")).toHaveLength(before);
    warn.mockRestore();
  });

  test("the keyboard commands step the active tab's mentions; other commands do nothing", async () => {
    const { browser, callsTo } = fake.current!;
    browser.commands.onCommand.fire("next-mention");
    browser.commands.onCommand.fire("previous-mention");
    browser.commands.onCommand.fire("something-else");
    await settle();
    expect(callsTo("tabs.sendMessage")).toEqual([
      { tabId: 7, message: { type: "stepMention", direction: "next" } },
      { tabId: 7, message: { type: "stepMention", direction: "previous" } },
    ]);
  });

  test("more in the popup: the entity is kept for the popup, which opens; a tab when it cannot", async () => {
    const { browser, deliver, callsTo } = fake.current!;
    await deliver({ type: "openInPopup", entity: "qwen" }, fromTab());
    expect(callsTo("action.openPopup")).toHaveLength(1);
    expect(callsTo("tabs.create")).toEqual([]);
    expect([...browser.storage.session.store.values()]).toContain("qwen");
    browser.action.openPopup = async () => {
      throw new TypeError("browser.action.openPopup is not a function");
    };
    await deliver({ type: "openInPopup", entity: "jack-ma" }, fromTab());
    expect(callsTo("tabs.create")).toEqual([
      { url: `chrome-extension://${EXTENSION_ID}/src/popup/index.html?entity=jack-ma` },
    ]);
  });

  test("site registrations are reconciled at start-up and when permissions change", async () => {
    const { browser } = fake.current!;
    const registered = vi.spyOn(browser.scripting, "getRegisteredContentScripts");
    browser.runtime.onStartup.fire();
    browser.permissions.onAdded.fire({ origins: ["*://*.example.com/*"] });
    await settle();
    expect(registered).toHaveBeenCalledTimes(2);
  });
});
