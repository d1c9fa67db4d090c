/**
 * The reader's settings: shape, defaults, and a forgiving reader for whatever
 * storage hands back. Stored values can be corrupt (hand-edited, a sync
 * conflict, an older or newer version), so `readSettings` never throws: it
 * keeps every field that is valid, falls back to the default for each field
 * that is not, and reports what it changed so the caller can warn once.
 * Pure: no browser API (the storage seam is src/settings/store.ts).
 */

export const SETTINGS_VERSION = 1;
export const SETTINGS_KEY = "settings";

export const CATEGORIES = ["organization", "product", "person", "figure"] as const;
export type Category = (typeof CATEGORIES)[number];
export const HOLD_KEYS = ["none", "Alt", "Shift", "Control"] as const;
export type HoldKey = (typeof HOLD_KEYS)[number];
export const HIGHLIGHT_STYLES = ["background", "underline"] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export const DENSITIES = ["all", "first"] as const;
export type Density = (typeof DENSITIES)[number];
/** A tap on a mention inside a link: the link as always (the card opens on a long press), or the card. */
export const LINK_TAPS = ["follow", "card"] as const;
export type LinkTap = (typeof LINK_TAPS)[number];

export const MAX_HOVER_DELAY_MS = 1000;
/** storage.sync allows 8 KB per item: a bounded list of hosts keeps the item well under it. */
export const MAX_SITES = 200;

export type Settings = {
  version: typeof SETTINGS_VERSION;
  categories: Record<Category, boolean>;
  style: HighlightStyle;
  density: Density;
  hoverDelayMs: number;
  holdKey: HoldKey;
  /** Touch: a tap on a mention opens its card (off: touch leaves mentions alone). */
  tapToOpen: boolean;
  linkTap: LinkTap;
  /** Hosts of the built-in news list where the reader turned Maekrak off. */
  disabledSites: string[];
  /** Hosts outside the built-in list where the reader turned Maekrak on (with their permission). */
  enabledSites: string[];
};

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  categories: Object.freeze({ organization: true, product: true, person: true, figure: true }) as Record<
    Category,
    boolean
  >,
  style: "background",
  density: "all",
  hoverDelayMs: 250,
  holdKey: "none",
  tapToOpen: true,
  linkTap: "follow",
  disabledSites: [] as string[],
  enabledSites: [] as string[],
}) as Readonly<Settings>;

export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories }, disabledSites: [], enabledSites: [] };
}

export type SettingsReadResult = { settings: Settings; problems: string[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const HOST = /^[a-z0-9.-]{1,253}$/;

/** A host as stored: lower case, no port, no scheme. */
export function normaliseHost(host: string): string | null {
  const lower = host.trim().toLowerCase().replace(/\.$/, "");
  return HOST.test(lower) && !lower.startsWith(".") && !lower.includes("..") ? lower : null;
}

function readHosts(value: unknown, field: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${field}: expected a list of hosts`);
    return [];
  }
  const hosts = new Set<string>();
  for (const item of value) {
    const host = typeof item === "string" ? normaliseHost(item) : null;
    if (host) hosts.add(host);
    else problems.push(`${field}: dropped an invalid host`);
  }
  if (hosts.size > MAX_SITES) problems.push(`${field}: kept the first ${MAX_SITES} hosts`);
  return [...hosts].slice(0, MAX_SITES);
}

function pick<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  field: string,
  problems: string[],
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${field}: ${JSON.stringify(value)?.slice(0, 40)} is not one of ${allowed.join(", ")}`);
  return fallback;
}

/**
 * Older shapes. Version 0 is what a pre-release build stored: `enabled`
 * (global on/off), `hoverDelay` in seconds and `underline` (boolean).
 * Fields added later within version 1 (`tapToOpen`, `linkTap`) need no
 * migration: a stored version 1 without them takes their defaults silently.
 */
function migrate(raw: Record<string, unknown>, problems: string[]): Record<string, unknown> {
  const version = raw.version;
  if (version === SETTINGS_VERSION) return raw;
  if (version === undefined || version === 0) {
    const out: Record<string, unknown> = { ...raw };
    if (typeof raw.hoverDelay === "number" && out.hoverDelayMs === undefined) out.hoverDelayMs = raw.hoverDelay * 1000;
    if (typeof raw.underline === "boolean" && out.style === undefined)
      out.style = raw.underline ? "underline" : "background";
    if (version === 0) problems.push("migrated settings from version 0");
    return out;
  }
  problems.push(
    `unknown settings version ${JSON.stringify(version)?.slice(0, 20)}: kept the fields this version understands`,
  );
  return raw;
}

/** Reads stored settings of any shape into valid settings (never throws). */
export function readSettings(stored: unknown): SettingsReadResult {
  const problems: string[] = [];
  if (stored === undefined || stored === null) return { settings: defaultSettings(), problems };
  if (!isRecord(stored))
    return { settings: defaultSettings(), problems: ["settings are not an object: using the defaults"] };
  const raw = migrate(stored, problems);
  const settings = defaultSettings();

  if (raw.categories !== undefined) {
    if (isRecord(raw.categories)) {
      for (const category of CATEGORIES) {
        const value = raw.categories[category];
        if (typeof value === "boolean") settings.categories[category] = value;
        else if (value !== undefined) problems.push(`categories.${category}: expected true or false`);
      }
    } else problems.push("categories: expected an object");
  }
  settings.style = pick(raw.style, HIGHLIGHT_STYLES, settings.style, "style", problems);
  settings.density = pick(raw.density, DENSITIES, settings.density, "density", problems);
  settings.holdKey = pick(raw.holdKey, HOLD_KEYS, settings.holdKey, "holdKey", problems);
  if (typeof raw.tapToOpen === "boolean") settings.tapToOpen = raw.tapToOpen;
  else if (raw.tapToOpen !== undefined) problems.push("tapToOpen: expected true or false");
  settings.linkTap = pick(raw.linkTap, LINK_TAPS, settings.linkTap, "linkTap", problems);
  if (raw.hoverDelayMs !== undefined) {
    const delay = raw.hoverDelayMs;
    if (typeof delay === "number" && Number.isFinite(delay)) {
      settings.hoverDelayMs = Math.round(Math.min(MAX_HOVER_DELAY_MS, Math.max(0, delay)));
      if (settings.hoverDelayMs !== delay) problems.push(`hoverDelayMs: ${delay} clamped to ${settings.hoverDelayMs}`);
    } else problems.push("hoverDelayMs: expected a number of milliseconds");
  }
  settings.disabledSites = readHosts(raw.disabledSites, "disabledSites", problems);
  settings.enabledSites = readHosts(raw.enabledSites, "enabledSites", problems).filter(
    (h) => !settings.disabledSites.includes(h),
  );
  return { settings, problems };
}

/**
 * Whether Maekrak runs on `host`. On the built-in news list it runs unless the
 * reader turned it off; elsewhere only where the reader turned it on.
 */
export function siteEnabled(settings: Settings, host: string, onBuiltInList: boolean): boolean {
  const key = normaliseHost(host);
  if (!key) return false;
  return onBuiltInList ? !settings.disabledSites.includes(key) : settings.enabledSites.includes(key);
}

/** The settings with `host` switched on or off (lists stay bounded and free of duplicates). */
export function withSite(settings: Settings, host: string, onBuiltInList: boolean, enabled: boolean): Settings {
  const key = normaliseHost(host);
  if (!key) return settings;
  const without = (list: string[]) => list.filter((h) => h !== key);
  const next = {
    ...settings,
    disabledSites: without(settings.disabledSites),
    enabledSites: without(settings.enabledSites),
  };
  if (onBuiltInList && !enabled) next.disabledSites = [...next.disabledSites, key].slice(-MAX_SITES);
  if (!onBuiltInList && enabled) next.enabledSites = [...next.enabledSites, key].slice(-MAX_SITES);
  return next;
}

/**
 * Match patterns (`*://*.example.com/*`, `http://127.0.0.1/*`) against a URL,
 * as the browser does for content scripts (ports ignored).
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parsed = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)\//.exec(pattern);
  if (!parsed) return false;
  const [, scheme, host] = parsed;
  const protocol = url.protocol.replace(/:$/, "");
  if (scheme === "*" ? protocol !== "http" && protocol !== "https" : protocol !== scheme) return false;
  const hostname = url.hostname.toLowerCase();
  if (host === "*") return true;
  if (host!.startsWith("*.")) {
    const base = host!.slice(2).toLowerCase();
    return hostname === base || hostname.endsWith(`.${base}`);
  }
  return hostname === host!.toLowerCase();
}

export function onBuiltInList(patterns: readonly string[], url: URL): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, url));
}

/** The origin pattern a permission request and a registered content script use for a host. */
export const originPatternFor = (host: string): string => `*://${host}/*`;
