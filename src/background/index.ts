/**
 * Background (service worker in Chrome, event page in Firefox): owns the
 * compiled knowledge base for cards, and keeps the toolbar badge in step
 * with the number of mentions on each tab.
 */
import browser from "webextension-polyfill";
import kb from "virtual:maekrak/kb";
import { ContentToBackground } from "../messages/protocol";
import { handleMessages } from "../messages/bus";
import { entityDetails } from "../kb/details";

handleMessages(ContentToBackground, {
  mentionsChanged: async ({ count }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return;
    await browser.action.setBadgeText({ tabId, text: count > 0 ? (count > 999 ? "999+" : String(count)) : "" });
    await browser.action.setBadgeBackgroundColor({ tabId, color: "#2b6cb0" });
  },
  getEntityDetails: ({ entity }) => entityDetails(kb, entity),
});
