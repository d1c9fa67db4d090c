/** The built extensions: one source, two manifests, Firefox's passes web-ext lint. */
import { describe, expect, test } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./support/browsers";

const manifest = (target: string) => JSON.parse(readFileSync(join(ROOT, "dist", target, "manifest.json"), "utf8"));

const NEWS_HOSTS = [
  "news.naver.com",
  "n.news.naver.com",
  "v.daum.net",
  "news.daum.net",
  "chosun.com",
  "biz.chosun.com",
  "joongang.co.kr",
  "donga.com",
  "hani.co.kr",
  "khan.co.kr",
  "mk.co.kr",
  "hankyung.com",
  "sedaily.com",
  "etnews.com",
  "zdnet.co.kr",
  "yna.co.kr",
  "etoday.co.kr",
  "mt.co.kr",
  "news1.kr",
  "newsis.com",
  "edaily.co.kr",
  "asiae.co.kr",
  "bloter.net",
  "127.0.0.1",
  "localhost",
];

/** Whether a match pattern's host part covers `host` ("*.chosun.com" covers chosun.com and biz.chosun.com). */
const covers = (pattern: string, host: string) => {
  const patternHost = pattern.split("://")[1]!.split("/")[0]!;
  return (
    patternHost === host ||
    (patternHost.startsWith("*.") && (host === patternHost.slice(2) || host.endsWith(patternHost.slice(1))))
  );
};

describe("builds", () => {
  test("Chrome: MV3 service worker, content script at document_idle on every default news host", () => {
    const m = manifest("chrome");
    expect(m.manifest_version).toBe(3);
    expect(m.background.service_worker).toMatch(/\.js$/);
    const [script] = m.content_scripts;
    expect(script.run_at).toBe("document_idle");
    for (const host of NEWS_HOSTS)
      expect(
        script.matches.some((p: string) => covers(p, host)),
        host,
      ).toBe(true);
    for (const size of ["16", "32", "48", "128"])
      expect(existsSync(join(ROOT, "dist", "chrome", m.icons[size])), size).toBe(true);
  });

  test("Firefox: background scripts, gecko id, min version 140, no data collection", () => {
    const m = manifest("firefox");
    expect(m.background.scripts).toHaveLength(1);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(m.browser_specific_settings.gecko.strict_min_version).toBe("140.0");
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ["none"] });
  });

  test.each(["chrome", "firefox"])(
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
      const code = readFileSync(join(ROOT, "dist", target, "content.js"), "utf8");
      expect(code).not.toMatch(/\bimport\s*\(|^import\s|\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket/m);
      expect(Object.keys(m.commands).sort()).toEqual(["next-mention", "previous-mention"]);
    },
  );

  test("web-ext lint on dist/firefox: 0 errors, and only the warning explained in the README", () => {
    const result = spawnSync(
      "npx",
      ["web-ext", "lint", "--source-dir", join(ROOT, "dist", "firefox"), "--output", "json"],
      { encoding: "utf8", cwd: ROOT },
    );
    const report = JSON.parse(result.stdout);
    expect(report.summary.errors).toBe(0);
    // Preact's own dangerouslySetInnerHTML support in the popup chunk; no Maekrak code assigns HTML.
    for (const warning of report.warnings)
      expect(`${warning.code} ${warning.file}`).toMatch(/^UNSAFE_VAR_ASSIGNMENT assets\/index\.html-/);
  }, 60_000);
});
