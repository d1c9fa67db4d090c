/**
 * The storage seam for settings: the only module that reads or writes them.
 * Settings live in storage.sync under one key; whatever comes back is read
 * by core/settings.ts (never trusted), and problems are reported once in the
 * console instead of breaking the extension.
 */
import browser from "webextension-polyfill";
import type { Storage } from "webextension-polyfill";
import type { Settings } from "../core/settings";
import { SETTINGS_KEY, readSettings } from "../core/settings";

function warn(problems: string[]): void {
  if (problems.length)
    console.warn(`[maekrak] stored settings were repaired (${problems.length}): ${problems.join("; ")}`);
}

export async function loadSettings(): Promise<Settings> {
  let stored: unknown;
  try {
    stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch (error) {
    console.warn("[maekrak] could not read settings; using the defaults", error);
    return readSettings(undefined).settings;
  }
  const { settings, problems } = readSettings(stored);
  warn(problems);
  return settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

/** Calls `listener` with the new settings whenever they change (in any context); returns the unsubscribe function. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area !== "sync" || !(SETTINGS_KEY in changes)) return;
    const { settings, problems } = readSettings(changes[SETTINGS_KEY]!.newValue);
    warn(problems);
    listener(settings);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
