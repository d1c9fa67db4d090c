/**
 * Per-site access: Maekrak runs on the built-in news list by default; on any
 * other site only after the reader turned it on there, which asks for that
 * host's permission (optional_host_permissions) and registers the content
 * script for it (scripting.registerContentScripts, kept across restarts).
 *
 * The settings are the record of intent; `reconcileSiteScripts` makes the
 * registrations match them (and the permissions actually granted), so it is
 * safe to run at every start and after every change, in any order.
 */
import browser from "webextension-polyfill";
import type { Settings } from "../core/settings";
import { onBuiltInList, originPatternFor } from "../core/settings";

const SCRIPT_ID_PREFIX = "maekrak-site:";

type ContentScriptDeclaration = { matches?: string[]; js?: string[]; css?: string[] };

/** The manifest's content script, with file paths relative to the extension (Firefox reports them as full URLs). */
function declaredContentScript(): ContentScriptDeclaration {
  const declared = (browser.runtime.getManifest().content_scripts?.[0] ?? {}) as ContentScriptDeclaration;
  const base = browser.runtime.getURL("/");
  const relative = (files?: string[]) =>
    files?.map((file) => (file.startsWith(base) ? file.slice(base.length) : file.replace(/^\//, "")));
  return { ...declared, js: relative(declared.js), css: relative(declared.css) };
}

/** Whether `url` is on the built-in news list (the manifest's content-script matches). */
export function isBuiltInSite(url: string | URL): boolean {
  try {
    return onBuiltInList(declaredContentScript().matches ?? [], new URL(url));
  } catch {
    return false;
  }
}

/**
 * Puts the content script into one tab through activeTab (the grant the browser gives while the reader uses the
 * toolbar popup): no permission prompt, no registration, nothing kept. Throws when the tab is not accessible.
 */
export async function injectContentScript(tabId: number): Promise<void> {
  const { js = [], css = [] } = declaredContentScript();
  // From the root: Firefox resolves a relative path against the calling page (src/popup/).
  const fromRoot = (files: string[]) => files.map((file) => `/${file}`);
  if (css.length) await browser.scripting.insertCSS({ target: { tabId }, files: fromRoot(css) });
  const [result] = await browser.scripting.executeScript({ target: { tabId }, files: fromRoot(js) });
  // Firefox reports a script that could not load in the result rather than by rejecting.
  const error = (result as { error?: unknown } | undefined)?.error;
  if (error) throw new Error(String(error));
}

/** Asks the reader for access to `host`. Must run in a click handler (user gesture). */
export async function requestHostAccess(host: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPatternFor(host)] });
}

export async function hasHostAccess(host: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPatternFor(host)] });
}

/** Registrations = hosts the reader enabled and granted; no more, no less. Returns the registered hosts. */
export async function reconcileSiteScripts(settings: Settings): Promise<string[]> {
  const { js = [], css = [] } = declaredContentScript();
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = new Map(
    registered.filter((s) => s.id.startsWith(SCRIPT_ID_PREFIX)).map((s) => [s.id.slice(SCRIPT_ID_PREFIX.length), s]),
  );
  const wanted: string[] = [];
  for (const host of settings.enabledSites) if (await hasHostAccess(host)) wanted.push(host);

  const stale = [...ours.keys()].filter((host) => !wanted.includes(host));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale.map((h) => SCRIPT_ID_PREFIX + h) });
  // A host switched off gives its permission back (least privilege).
  for (const host of stale) await browser.permissions.remove({ origins: [originPatternFor(host)] }).catch(() => false);

  const missing = wanted.filter((host) => !ours.has(host));
  if (missing.length) {
    await browser.scripting.registerContentScripts(
      missing.map((host) => ({
        id: SCRIPT_ID_PREFIX + host,
        matches: [originPatternFor(host)],
        js,
        ...(css.length ? { css } : {}),
        runAt: "document_idle" as const,
        persistAcrossSessions: true,
      })),
    );
    // Tabs already open on a newly enabled host get the script now, not on their next load.
    for (const host of missing) {
      const tabs = await browser.tabs.query({ url: originPatternFor(host) }).catch(() => []);
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        if (css.length)
          await browser.scripting.insertCSS({ target: { tabId: tab.id }, files: css }).catch(() => undefined);
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: js }).catch(() => undefined);
      }
    }
  }
  return wanted;
}
