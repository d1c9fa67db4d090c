/**
 * Every UI string the code asks for exists in both languages, with the same placeholders: a missing key would
 * show its bare name to the reader (t() falls back to it), a missing $2 would drop part of a sentence.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import {
  ENTITY_TYPES,
  FIGURE_VERDICTS,
  VARIANT_DIFFERENCES,
  VERIFICATION_STATUSES,
} from "../../../src/core/vocabulary";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
type Catalog = Record<string, { message: string }>;
const catalog = (lang: string): Catalog =>
  JSON.parse(readFileSync(join(ROOT, "src", "public", "_locales", lang, "messages.json"), "utf8"));
const ko = catalog("ko");
const en = catalog("en");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}
const code = sourceFiles(join(ROOT, "src"))
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");
const manifest = readFileSync(join(ROOT, "manifest.json"), "utf8");

const placeholders = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

describe("locale catalogs", () => {
  test("ko and en have the same keys, each with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const key of Object.keys(ko)) {
      expect(placeholders(en[key]?.message ?? ""), key).toEqual(placeholders(ko[key]!.message));
      expect(ko[key]!.message.trim(), `ko ${key}`).not.toBe("");
      expect(en[key]?.message.trim(), `en ${key}`).not.toBe("");
    }
  });

  test('every t("key") in the code and every __MSG_key__ in the manifest exists', () => {
    const used = new Set([
      ...[...code.matchAll(/\bt\(\s*"([^"]+)"/g)].map((m) => m[1]!),
      ...[...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!),
    ]);
    expect(used.size).toBeGreaterThan(50);
    // "@@ui_locale" and the other "@@" names are the browser's own predefined messages.
    const missing = [...used].filter((key) => !key.startsWith("@@") && !(key in ko));
    expect(missing).toEqual([]);
  });

  test("every key built from a vocabulary (type_…, verdict_…, tab_…) exists for each of its values", () => {
    const families: Record<string, readonly string[]> = {
      type_: ENTITY_TYPES,
      verdict_: FIGURE_VERDICTS.map((v) => v.replace("-", "_")),
      tab_: ["page", "kb", "settings"],
      status_: VERIFICATION_STATUSES.map((v) => v.replace("-", "_")),
      legend_: VERIFICATION_STATUSES.map((v) => v.replace("-", "_")),
      legend_difference_: VARIANT_DIFFERENCES,
      legend_kind_: ["primary", "reference", "blog"],
    };
    for (const [prefix, values] of Object.entries(families)) {
      expect(code, `the code builds ${prefix} keys`).toContain(`t(\`${prefix}\${`);
      for (const value of values) expect(ko, `${prefix}${value}`).toHaveProperty(`${prefix}${value}`);
    }
    // Each status has its short basis beside the badge (status_…_explain).
    for (const status of VERIFICATION_STATUSES) expect(ko).toHaveProperty(`status_${status.replace("-", "_")}_explain`);
    // Templates of other families must at least have one key of their prefix.
    for (const [, prefix] of code.matchAll(/\bt\(`([a-z_]+)\$\{/g)) {
      expect(
        Object.keys(ko).some((key) => key.startsWith(prefix!)),
        prefix,
      ).toBe(true);
    }
  });
});
