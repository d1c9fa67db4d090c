/**
 * Background (service worker in Chrome, event page in Firefox): owns the
 * compiled knowledge base for cards, reads the amounts the content scripts
 * hand on (the claim reader, warm from page to page), keeps the toolbar badge in step with
 * the number of mentions on each tab, routes the keyboard commands to the
 * active tab, opens the popup on an entity ("more in the popup"), and keeps
 * the per-site content-script registrations in step with the settings.
 */
import browser from "webextension-polyfill";
import kb from "virtual:maekrak/kb";
import claimData from "virtual:maekrak/claims";
import { ContentToBackground } from "../messages/protocol";
import { handleMessages, sendToTab } from "../messages/bus";
import { entityDetails } from "../kb/details";
import { t } from "../ui/i18n";
import { loadSettings, watchSettings } from "../platform/settings-store";
import { reconcileSiteScripts } from "../platform/site-access";
import { requestEntity } from "../platform/popup-request";
import { ClaimPages } from "./claim-pages";

const claimPages = new ClaimPages(claimData);

handleMessages(ContentToBackground, {
  mentionsChanged: async ({ count }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return;
    await browser.action.setBadgeText({ tabId, text: count > 0 ? (count > 999 ? "999+" : String(count)) : "" });
    await browser.action.setBadgeBackgroundColor({ tabId, color: "#2b6cb0" });
  },
  getEntityDetails: ({ entity }) => entityDetails(kb, entity),
  getAnnouncement: ({ count }) => t("live_mentions", String(count)),
  readClaims: ({ page, pageDate, blocks }) => claimPages.read(page, pageDate, blocks),
  openInPopup: async ({ entity }) => {
    await requestEntity(entity);
    try {
      await browser.action.openPopup();
    } catch {
      // No popup without a focused window or a user gesture (Firefox), or no openPopup at all (then the call
      // throws a TypeError here): the same view in a tab instead.
      await browser.tabs.create({
        url: browser.runtime.getURL(`src/popup/index.html?entity=${encodeURIComponent(entity)}`),
      });
    }
  },
});

// Firefox for Android has no keyboard commands (no `commands` namespace): the rest of the background runs as elsewhere.
browser.commands?.onCommand.addListener(async (command) => {
  const direction = command === "next-mention" ? "next" : command === "previous-mention" ? "previous" : null;
  if (!direction) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) await sendToTab(tab.id, { type: "stepMention", direction }).catch(() => null);
});

/** Registrations follow the settings and the granted permissions: at every start and after every change. */
let reconciling: Promise<unknown> = Promise.resolve();
const reconcile = () => {
  reconciling = reconciling
    .then(async () => reconcileSiteScripts(await loadSettings()))
    .catch((error) => console.warn("[maekrak] could not update the per-site content scripts", error));
  return reconciling;
};
watchSettings(() => void reconcile());
browser.permissions.onAdded.addListener(() => void reconcile());
browser.permissions.onRemoved.addListener(() => void reconcile());
browser.runtime.onStartup.addListener(() => void reconcile());
browser.runtime.onInstalled.addListener(() => void reconcile());
