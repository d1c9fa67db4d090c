// @vitest-environment jsdom
/**
 * The content script entry and its ContentSession, through the fake browser on a jsdom page: it scans a page
 * on the built-in list with the stored settings, sets the badge to what it counts, answers the popup, asks the
 * background for a card's details when one opens, and stops (badge cleared) when the reader turns the site off, until "run on
 * this page".
 */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { SETTINGS_KEY, defaultSettings } from "../../../src/core/settings";
import type { PageMentions } from "../../../src/messages/protocol";
import { fakeBrowser, settle } from "../support/fake-browser";

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeBrowser> | null }));
vi.mock("webextension-polyfill", () => ({
  get default() {
    return fake.current!.browser;
  },
}));
vi.mock("virtual:maekrak/news-sites", () => ({ default: ["*://localhost/*"] }));
vi.mock("virtual:maekrak/matcher", async () => ({ default: (await import("../support/content-pipeline")).compiled }));
vi.mock("virtual:maekrak/sieve", async () => {
  const { sieveSource } = await import("../../../src/core/sieve");
  return { default: sieveSource((await import("../support/content-pipeline")).compiled) };
});

const asked: string[] = [];
const answer = (message: { type: string; entity?: string; count?: number }) => {
  if (message.type === "getEntityDetails") asked.push(message.entity!);
  if (message.type === "getAnnouncement") return Promise.resolve(`${message.count} mentions`);
  return Promise.resolve(null);
};
const badge = () =>
  fake
    .current!.callsTo("runtime.sendMessage")
    .filter((m) => m.type === "mentionsChanged")
    .map((m) => m.count);
const pageMentions = async () => (await fake.current!.deliver({ type: "getPageMentions" })) as PageMentions;
/** Waits until `check` holds (the scan and the badge run in later tasks), up to about two seconds. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

beforeAll(async () => {
  await import("./highlight-polyfill");
  // jsdom has neither: revealing a mention scrolls to it and asks about reduced motion.
  window.matchMedia = ((query: string) => ({ matches: false, media: query })) as unknown as typeof window.matchMedia;
  Element.prototype.scrollIntoView = () => undefined;
  document.body.innerHTML = "<article><p>알리바바는 새 모델을 공개했다. 마윈 창업자도 참석했다.</p></article>"; // fixture
  fake.current = fakeBrowser({ answer });
  vi.resetModules();
  await import("../../../src/content/index");
  await settle();
});

afterAll(async () => {
  // The unit files share one worker: stop the session, drop the modules bound to this fake (the site on, then off, ends "run on this page" too) and
  // forget the injection.
  const { sync } = fake.current!.browser.storage;
  await sync.set({ [SETTINGS_KEY]: defaultSettings() });
  await sync.set({ [SETTINGS_KEY]: { ...defaultSettings(), disabledSites: ["localhost"] } });
  expect((await pageMentions()).enabled).toBe(false);
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("maekrak.content")];
  vi.resetModules();
});

describe("content entry", () => {
  test("a page on the built-in list is scanned: the popup gets its mentions, the badge their count", async () => {
    await until(async () => (await pageMentions()).total === 2 && badge().includes(2));
    const summary = await pageMentions();
    expect(summary.enabled).toBe(true);
    expect(summary.entities.map((e) => e.entity).sort()).toEqual(["alibaba-group", "jack-ma"]);
    expect(badge().at(-1)).toBe(2);
  });

  test("the popup's scroll to a mention answers where it went and opens its card with the background's details", async () => {
    expect(asked).toEqual([]);
    expect(await fake.current!.deliver({ type: "scrollToMention", entity: "jack-ma", direction: "next" })).toEqual({
      index: 0,
      total: 1,
    });
    await until(() => asked.length > 0);
    expect(asked).toEqual(["jack-ma"]);
  });

  test("turning the site off stops the session and clears the badge; run on this page starts it again", async () => {
    const off = { ...defaultSettings(), disabledSites: ["localhost"] };
    await fake.current!.browser.storage.sync.set({ [SETTINGS_KEY]: off });
    expect(badge().at(-1)).toBe(0);
    expect(await pageMentions()).toMatchObject({ enabled: false, total: 0 });
    const ran = (await fake.current!.deliver({ type: "runOnPage" })) as PageMentions;
    expect(ran.enabled).toBe(true);
    await until(async () => (await pageMentions()).total === 2);
    expect((await pageMentions()).total).toBe(2);
  });

  test("a second injection finds the first one running and adds nothing", async () => {
    const listeners = fake.current!.browser.runtime.onMessage.listeners.size;
    vi.resetModules();
    await import("../../../src/content/index");
    expect(fake.current!.browser.runtime.onMessage.listeners.size).toBe(listeners);
  });
});
