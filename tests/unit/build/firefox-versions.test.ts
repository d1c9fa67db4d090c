/**
 * The Firefox minimum versions follow from what the code uses: every extension API called in src/, every manifest
 * key and permission, and the web platform features without a fallback, looked up in @mdn/browser-compat-data.
 * An API Firefox for Android lacks may only be reached through `?.` (it degrades to nothing, without an error).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { FIREFOX_ANDROID_MIN_VERSION } from "../../../src/build/firefox-versions";
import { highlightRules, randomNames } from "../../../src/content/highlight-style";
import base from "../../../manifest.json" with { type: "json" };

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
// Loaded by Node, not transformed by Vite (a 16 MB JSON file).
const bcd: unknown = createRequire(import.meta.url)("@mdn/browser-compat-data");

type Support = { version_added: string | boolean | null; flags?: unknown[]; notes?: string | string[] };
type Compat = { __compat?: { support: Record<string, Support | Support[]> } };
type Tree = Compat & { [key: string]: Tree };

/** The first version without a flag (null: not supported at all). */
function firstVersion(tree: Tree | undefined, browser: string): number | null {
  const support = tree?.__compat?.support[browser];
  const entries = support ? (Array.isArray(support) ? support : [support]) : [];
  const versions = entries
    .filter((entry) => !entry.flags && typeof entry.version_added === "string")
    .map((entry) => Number.parseFloat(entry.version_added as string));
  return versions.length ? Math.min(...versions) : null;
}

const at = (path: string[]): Tree | undefined =>
  path.reduce<Tree | undefined>((node, key) => node?.[key], bcd as unknown as Tree);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "data" ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every `browser.ns.member(.sub)` in the extension's code, and whether the namespace was reached with `?.`. */
function apiUses(): Array<{ api: string; optional: boolean; file: string }> {
  const uses: Array<{ api: string; optional: boolean; file: string }> = [];
  for (const file of sources(join(ROOT, "src")).filter((f) => !/src\/(build|cli)\//.test(f))) {
    const code = readFileSync(file, "utf8");
    for (const match of code.matchAll(/\b(?:browser|chrome)\.(\w+)(\?)?\.(\w+)(?:\.(\w+))?/g)) {
      const [, namespace, optional, member, sub] = match;
      const node = at(["webextensions", "api", namespace!, member!]);
      const api = sub && node?.[sub] ? `${namespace}.${member}.${sub}` : `${namespace}.${member}`;
      uses.push({ api, optional: Boolean(optional), file: file.slice(ROOT.length + 1) });
    }
  }
  return uses;
}

/** Features the code relies on outside the extension APIs, with no fallback. */
const WEB_FEATURES = [
  { feature: "CSS Custom Highlight API", path: ["api", "Highlight"] },
  { feature: "CSS.highlights", path: ["api", "HighlightRegistry"] },
  { feature: "caretPositionFromPoint (hit-testing)", path: ["api", "Document", "caretPositionFromPoint"] },
  { feature: "pointerType (touch or mouse)", path: ["api", "PointerEvent", "pointerType"] },
  // The highlight rules reach the page as a constructed sheet the document adopts (highlight-style.ts).
  { feature: "document.adoptedStyleSheets", path: ["api", "Document", "adoptedStyleSheets"] },
  { feature: "CSSStyleSheet.replaceSync", path: ["api", "CSSStyleSheet", "replaceSync"] },
];

/** The version in a compat note such as "Before Firefox for Android 146, cannot be used with text-decoration". */
function versionInNote(path: string[], browser: string, subject: string): number | null {
  const support = at(path)?.__compat?.support[browser];
  const notes = (Array.isArray(support) ? support : [support]).flatMap((entry) => entry?.notes ?? []);
  for (const note of notes) {
    const match = new RegExp(`Before Firefox(?: for Android)? (\\d+), cannot be used with <code>${subject}`).exec(note);
    if (match) return Number(match[1]);
  }
  return null;
}

describe("Firefox for Android", () => {
  const declared = Number.parseFloat(FIREFOX_ANDROID_MIN_VERSION);
  const uses = apiUses();

  test("the code's extension API calls are found (the scan itself works)", () => {
    const apis = new Set(uses.map((u) => u.api));
    for (const api of ["storage.session.get", "scripting.registerContentScripts", "commands.onCommand"])
      expect(apis, api).toContain(api);
  });

  test("every extension API the code calls exists at the declared version, or is reached with ?.", () => {
    const problems: string[] = [];
    for (const { api, optional, file } of uses) {
      const version = firstVersion(at(["webextensions", "api", ...api.split(".")]), "firefox_android");
      if (version === null && !optional) problems.push(`${file}: ${api} is missing on Android and not reached with ?.`);
      if (version !== null && version > declared) problems.push(`${file}: ${api} needs ${version}`);
    }
    expect(problems).toEqual([]);
  });

  test("the manifest's keys and permissions exist at the declared version (commands: ignored there)", () => {
    const manifest = at(["webextensions", "manifest"]);
    const problems: string[] = [];
    for (const key of Object.keys(base)) {
      const version = firstVersion(manifest?.[key], "firefox_android");
      if (version === null && key !== "commands") problems.push(`${key} is not supported`);
      if (version !== null && version > declared) problems.push(`${key} needs ${version}`);
    }
    for (const permission of base.permissions) {
      const version = firstVersion(manifest?.permissions?.[permission], "firefox_android");
      if (version === null || version > declared) problems.push(`permission ${permission}: ${version}`);
    }
    expect(problems).toEqual([]);
  });

  test("the declared minimum is the highest version any of them needs, and says which", () => {
    const needs: Array<{ what: string; version: number }> = [];
    for (const { api } of uses) {
      const version = firstVersion(at(["webextensions", "api", ...api.split(".")]), "firefox_android");
      if (version !== null) needs.push({ what: api, version });
    }
    for (const { feature, path } of WEB_FEATURES)
      needs.push({ what: feature, version: firstVersion(at(path), "firefox_android") ?? Number.POSITIVE_INFINITY });
    needs.push({
      what: "data_collection_permissions",
      version: firstVersion(
        at(["webextensions", "manifest", "browser_specific_settings", "gecko", "data_collection_permissions"]),
        "firefox_android",
      )!,
    });
    // The highlight rules draw the underline style and a differing figure's wavy mark with text-decoration.
    const css = highlightRules(randomNames(), "underline", "", 0);
    expect(css).toMatch(/::highlight\([^)]+\)\s*\{[^}]*text-decoration/);
    needs.push({
      what: "::highlight() with text-decoration",
      version: versionInNote(["css", "selectors", "highlight"], "firefox_android", "text-decoration")!,
    });
    const highest = Math.max(...needs.map((n) => n.version));
    expect(highest).toBe(declared);
    expect(needs.filter((n) => n.version === highest).map((n) => n.what)).toEqual([
      "::highlight() with text-decoration",
    ]);
  });

  test("keyboard commands are desktop-only: the background and the popup reach them with ?.", () => {
    const commands = uses.filter((u) => u.api.startsWith("commands."));
    expect(commands.map((u) => u.file).sort()).toEqual(["src/background/index.ts", "src/popup/connector.ts"]);
    expect(commands.every((u) => u.optional)).toBe(true);
  });
});
