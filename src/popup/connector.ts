/** The popup's only link to other contexts (mockable in tests). */
import browser from "webextension-polyfill";
import { sendToTab } from "../messages/bus";
import type { PageMentions, ScrollResult } from "../messages/protocol";

export type Connector = {
  getPageMentions(): Promise<PageMentions>;
  scrollToMention(entity: string, direction: "next" | "previous"): Promise<ScrollResult>;
};

async function activeTabId(): Promise<number> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error("no active tab");
  return tab.id;
}

export const browserConnector: Connector = {
  async getPageMentions() {
    return sendToTab(await activeTabId(), { type: "getPageMentions" });
  },
  async scrollToMention(entity, direction) {
    return sendToTab(await activeTabId(), { type: "scrollToMention", entity, direction });
  },
};
