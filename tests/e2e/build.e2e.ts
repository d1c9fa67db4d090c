/** The built extensions: one source, two manifests, Firefox's passes web-ext lint. */
import { describe, expect, test } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./support/browsers";
import type { Target, Variant } from "../../src/build/variants";
import { distPath, TARGETS } from "../../src/build/variants";
import { contentScriptMatches, hostCovers, NEWS_SITES } from "../../src/sites/news-sites";
import { REQUIRED_HOSTS } from "../support/news-hosts";
import { FIREFOX_ANDROID_MIN_VERSION } from "../../src/build/firefox-versions";
import { PROBE_EVENT } from "../../src/content/test-probe";

/** The release build (dist/<browser>) unless `variant` is "test" (dist/test/<browser>, what the other e2e suites drive). */
const dist = (target: Target, variant: Variant = "release") => distPath(ROOT, target, variant);
const manifest = (target: Target, variant: Variant = "release") =>
  JSON.parse(readFileSync(join(dist(target, variant), "manifest.json"), "utf8"));

/** Whether a match pattern's host part covers `host` ("*.chosun.com" covers chosun.com and biz.chosun.com). */
const covers = (pattern: string, host: string) => hostCovers(pattern.split("://")[1]!.split("/")[0]!, host);
const LOCAL = /127\.0\.0\.1|localhost|\[::1\]/;

describe("builds", () => {
  test("Chrome: MV3 service worker, content script at document_idle on every default news host", () => {
    const m = manifest("chrome");
    expect(m.manifest_version).toBe(3);
    expect(m.background.service_worker).toMatch(/\.js$/);
    const [script] = m.content_scripts;
    expect(script.run_at).toBe("document_idle");
    for (const host of REQUIRED_HOSTS)
      expect(
        script.matches.some((p: string) => covers(p, host)),
        host,
      ).toBe(true);
    for (const size of ["16", "32", "48", "128"])
      expect(existsSync(join(dist("chrome"), m.icons[size])), size).toBe(true);
  });

  test.each(TARGETS)(
    "%s: the release build covers at least 60 outlets and no local host; the test build adds them",
    (target) => {
      const released: string[] = manifest(target).content_scripts[0].matches;
      expect(released).toEqual(contentScriptMatches(NEWS_SITES, false));
      expect(NEWS_SITES.length).toBeGreaterThanOrEqual(60);
      expect(released.filter((p) => LOCAL.test(p))).toEqual([]);
      // Nothing else in the release manifest names a local host either (optional permissions, CSP, commands …).
      expect(readFileSync(join(dist(target), "manifest.json"), "utf8")).not.toMatch(LOCAL);
      const tested: string[] = manifest(target, "test").content_scripts[0].matches;
      expect(tested).toEqual([...released, "http://127.0.0.1/*", "http://localhost/*"]);
    },
  );

  test("Firefox: background scripts, gecko id, min version 140, no data collection", () => {
    const m = manifest("firefox");
    expect(m.background.scripts).toHaveLength(1);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(m.browser_specific_settings.gecko.strict_min_version).toBe("140.0");
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ["none"] });
    expect(m.browser_specific_settings.gecko_android).toEqual({ strict_min_version: FIREFOX_ANDROID_MIN_VERSION });
  });

  test.each(TARGETS)(
    "%s: least privilege — only the permissions used, strict CSP, nothing web-accessible, one classic content script",
    (target) => {
      const m = manifest(target);
      // storage: settings; scripting + optional host access: the per-site switch; activeTab: the popup reads the current tab's site.
      expect([...m.permissions].sort()).toEqual(["activeTab", "scripting", "storage"]);
      expect(m.optional_host_permissions).toEqual(["*://*/*"]);
      expect(m.host_permissions).toBeUndefined();
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
      const csp: string = m.content_security_policy.extension_pages;
      for (const directive of [
        "default-src 'none'",
        "script-src 'self'",
        "connect-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toMatch(/unsafe|http|\*/);
      const [script] = m.content_scripts;
      expect(script.js).toEqual(["content.js"]);
      const code = readFileSync(join(dist(target), "content.js"), "utf8");
      expect(code).not.toMatch(/\bimport\s*\(|^import\s|\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket/m);
      // The test build's probe channel (src/content/test-probe.ts) is dead code here; no css is injected at all.
      expect(code).not.toContain(PROBE_EVENT);
      expect(readFileSync(join(dist(target, "test"), "content.js"), "utf8")).toContain(PROBE_EVENT);
      expect(script.css).toBeUndefined();
      expect(Object.keys(m.commands).sort()).toEqual(["next-mention", "previous-mention"]);
    },
  );

  const lint = (dir: string) =>
    JSON.parse(
      spawnSync("npx", ["web-ext", "lint", "--source-dir", dir, "--output", "json"], { encoding: "utf8", cwd: ROOT })
        .stdout,
    ) as { summary: { errors: number }; warnings: { code: string; file: string }[]; notices: { code: string }[] };

  test("web-ext lint on dist/firefox: 0 errors, and only the warning explained in the README", () => {
    const report = lint(dist("firefox"));
    expect(report.summary.errors).toBe(0);
    // Preact's own dangerouslySetInnerHTML support in the popup chunk; no Maekrak code assigns HTML.
    for (const warning of report.warnings)
      expect(`${warning.code} ${warning.file}`).toMatch(/^UNSAFE_VAR_ASSIGNMENT assets\/index\.html-/);
  }, 60_000);

  // The linter checks Firefox for Android from browser_specific_settings.gecko_android: every manifest key and
  // permission against that version. A copy declaring an older Android shows the check runs.
  test("web-ext lint for Firefox for Android: nothing Android lacks at the declared version", () => {
    const report = lint(dist("firefox"));
    const android = [...report.warnings, ...report.notices].filter((m) => /ANDROID/.test(m.code));
    expect(android).toEqual([]);
    const older = mkdtempSync(join(tmpdir(), "maekrak-android-lint-"));
    try {
      cpSync(dist("firefox"), older, { recursive: true });
      const m = manifest("firefox");
      m.browser_specific_settings.gecko_android.strict_min_version = "113.0";
      writeFileSync(join(older, "manifest.json"), JSON.stringify(m));
      expect(lint(older).warnings.map((w) => w.code)).toContain("KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION");
    } finally {
      rmSync(older, { recursive: true, force: true });
    }
  }, 60_000);
});
