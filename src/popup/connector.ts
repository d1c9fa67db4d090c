/** The popup's only link to other contexts (mockable in tests). */
import browser from "webextension-polyfill";
import { sendToTab } from "../messages/bus";
import type { PageMentions, ScrollResult } from "../messages/protocol";
import type { Settings } from "../core/settings";
import type { Direction } from "../core/vocabulary";
import { loadSettings, saveSettings, watchSettings } from "../platform/settings-store";
import { hasHostAccess, injectContentScript, isBuiltInSite, requestHostAccess } from "../platform/site-access";
import { takeRequestedEntity } from "../platform/popup-request";

export type ActiveSite = { host: string; builtIn: boolean; hasAccess: boolean } | null;

export type Connector = {
  getPageMentions(): Promise<PageMentions>;
  scrollToMention(entity: string, direction: Direction): Promise<ScrollResult>;
  /** The active tab's site (null when its address cannot be read or it is not a web page). */
  activeSite(): Promise<ActiveSite>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  /** Asks for access to `host`; must be called straight from a click (user gesture). */
  requestHostAccess(host: string): Promise<boolean>;
  /** Runs Maekrak once on the active tab through activeTab (no prompt, nothing kept); rejects when it cannot. */
  runOnPage(): Promise<PageMentions>;
  /**
   * Shortcuts of the keyboard commands, as the browser has them (the reader may have changed them); null where the
   * browser has no commands API (Firefox for Android).
   */
  shortcuts(): Promise<Record<string, string> | null>;
  requestedEntity(): Promise<string | null>;
};

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error("no active tab");
  return tab;
}

export const browserConnector: Connector = {
  async getPageMentions() {
    return sendToTab((await activeTab()).id!, { type: "getPageMentions" });
  },
  async scrollToMention(entity, direction) {
    return sendToTab((await activeTab()).id!, { type: "scrollToMention", entity, direction });
  },
  async activeSite() {
    const tab = await activeTab().catch(() => null);
    // tab.url is there with activeTab (popup opened from the toolbar); else ask the page's script, if it runs there.
    let url = tab?.url;
    if (!url && tab?.id !== undefined)
      url = (await sendToTab(tab.id, { type: "getPageMentions" }).catch(() => null))?.url;
    if (!url || !/^https?:/.test(url)) return null;
    const host = new URL(url).hostname;
    return { host, builtIn: isBuiltInSite(url), hasAccess: await hasHostAccess(host).catch(() => false) };
  },
  loadSettings,
  saveSettings,
  watchSettings,
  requestHostAccess,
  async runOnPage() {
    const { id } = await activeTab();
    await injectContentScript(id!);
    return sendToTab(id!, { type: "runOnPage" });
  },
  async shortcuts() {
    const commands = await browser.commands?.getAll().catch(() => []);
    if (!commands) return null;
    return Object.fromEntries(commands.filter((c) => c.name).map((c) => [c.name!, c.shortcut ?? ""]));
  },
  requestedEntity: takeRequestedEntity,
};

/**
 * Whether the popup was opened as a page (a tab; on Firefox for Android every popup opens as a full page) rather than
 * as the toolbar's popup, which sizes itself to its content.
 */
export function openedAsPage(): boolean {
  const popups = browser.extension?.getViews?.({ type: "popup" }) ?? [];
  return !popups.includes(window);
}
