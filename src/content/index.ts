/**
 * Content script entry: wiring only. Reads the reader's settings, runs a
 * ContentSession while Maekrak is on for this site, follows setting changes
 * live (on/off, categories, style, density, hover), and answers the popup
 * and the keyboard commands.
 */
import type { Settings } from "../core/settings";
import { onBuiltInList, siteEnabled } from "../core/settings";
import { PopupToContent } from "../messages/protocol";
import { handleMessages, sendToBackground } from "../messages/bus";
import { loadSettings, watchSettings } from "../platform/settings-store";
import newsSites from "virtual:maekrak/news-sites";
import type { EntityDetails } from "../kb/details";
import type { ClaimBlock } from "../core/claim-blocks";
import { ContentSession } from "./session";

/** A second injection (the reader re-enabled a site in an open tab) finds the first one running. */
const LOADED = Symbol.for("maekrak.content");

/** One retry: a background that was asleep (Firefox event page, Chrome worker) may miss the first message. */
const askTwice = <T>(ask: () => Promise<T>): Promise<T> =>
  ask().catch(() => new Promise((r) => setTimeout(r, 300)).then(ask));

async function main(): Promise<void> {
  const builtIn = onBuiltInList(newsSites, new URL(location.href));
  const detailsCache = new Map<string, Promise<EntityDetails | null>>();
  const services = {
    loadDetails: (entity: string) => {
      let cached = detailsCache.get(entity);
      if (!cached) {
        cached = askTwice(() => sendToBackground({ type: "getEntityDetails", entity })).catch(() => null);
        detailsCache.set(entity, cached);
        // A failure is not remembered: the next hover asks again.
        void cached.then((details) => {
          if (!details) detailsCache.delete(entity);
        });
      }
      return cached;
    },
    announcement: (count: number) => sendToBackground({ type: "getAnnouncement", count }).catch(() => null),
    setBadge: (count: number) => void sendToBackground({ type: "mentionsChanged", count }).catch(() => undefined),
    openInPopup: (entity: string) => void sendToBackground({ type: "openInPopup", entity }).catch(() => undefined),
    readClaims: (page: string, pageDate: string | undefined, blocks: ClaimBlock[]) => {
      const message = { type: "readClaims" as const, page, ...(pageDate ? { pageDate } : {}), blocks };
      return askTwice(() => sendToBackground(message));
    },
  };

  let session: ContentSession | null = null;
  let current: Settings | null = null;
  /** Run on this page only (the popup's "이 페이지에서 실행"), until the reader turns the site off or reloads. */
  let runHere = false;
  let siteWasOn = false;
  const apply = (settings: Settings) => {
    current = settings;
    const siteOn = siteEnabled(settings, location.hostname, builtIn);
    if (siteWasOn && !siteOn) runHere = false;
    siteWasOn = siteOn;
    const enabled = siteOn || runHere;
    if (enabled && !session) {
      session = new ContentSession(document, settings, services);
      session.start();
    } else if (!enabled && session) {
      session.stop();
      session = null;
    } else session?.apply(settings);
  };

  const summary = () =>
    session?.summary() ?? {
      url: location.href,
      title: document.title,
      total: 0,
      entities: [],
      claims: [],
      enabled: false,
    };
  handleMessages(PopupToContent, {
    getPageMentions: summary,
    runOnPage: async () => {
      runHere = true;
      apply(current ?? (await loadSettings()));
      return summary();
    },
    scrollToMention: ({ entity, direction }) => session?.scrollToEntity(entity, direction) ?? null,
    stepMention: ({ direction }) => session?.step(direction) ?? null,
    showClaim: ({ index }) => session?.showClaim(index) ?? null,
  });
  watchSettings(apply);
  apply(await loadSettings());
}

const scope = globalThis as { [LOADED]?: boolean };
if (!scope[LOADED]) {
  scope[LOADED] = true;
  void main();
}
