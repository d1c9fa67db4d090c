/** Stored settings of any shape become valid settings, with every repair reported (never a throw). */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_SETTINGS,
  MAX_SITES,
  SETTINGS_VERSION,
  matchesPattern,
  readSettings,
  siteEnabled,
  withSite,
  defaultSettings,
} from "../../../src/core/settings";
import { runs } from "../support/runs";

describe("readSettings", () => {
  test("nothing stored: the defaults, no complaint", () => {
    expect(readSettings(undefined)).toEqual({ settings: { ...DEFAULT_SETTINGS }, problems: [] });
  });

  test("valid settings round-trip unchanged", () => {
    const settings = {
      ...defaultSettings(),
      style: "underline" as const,
      density: "first" as const,
      hoverDelayMs: 600,
      holdKey: "Alt" as const,
      tapToOpen: false,
      linkTap: "card" as const,
      categories: { organization: true, product: false, person: true, figure: false },
      disabledSites: ["news.naver.com"],
      enabledSites: ["blog.example.com"],
    };
    expect(readSettings(JSON.parse(JSON.stringify(settings)))).toEqual({ settings, problems: [] });
  });

  test.each([
    ["a string", "garbage"],
    ["a number", 42],
    ["a list", [1, 2]],
    ["true", true],
  ])("not an object (%s): the defaults, with a problem reported", (_, stored) => {
    const { settings, problems } = readSettings(stored);
    expect(settings).toEqual(defaultSettings());
    expect(problems).toHaveLength(1);
  });

  test("wrong types field by field: each bad field falls back, the good ones are kept", () => {
    const { settings, problems } = readSettings({
      version: 1,
      style: 7,
      density: "some",
      hoverDelayMs: "fast",
      holdKey: "Meta",
      tapToOpen: "yes",
      linkTap: "open",
      categories: { organization: "yes", product: false },
      disabledSites: "naver",
      enabledSites: [3, "OK.example.com", "bad host!"],
    });
    expect(settings).toEqual({
      ...defaultSettings(),
      categories: { ...DEFAULT_SETTINGS.categories, product: false },
      enabledSites: ["ok.example.com"],
    });
    expect(problems.join("\n")).toMatch(
      /style[\s\S]*density[\s\S]*holdKey[\s\S]*tapToOpen[\s\S]*linkTap[\s\S]*hoverDelayMs[\s\S]*disabledSites[\s\S]*enabledSites/,
    );
    expect(problems.some((p) => p.startsWith("categories.organization"))).toBe(true);
  });

  test("huge values are bounded: delay clamped, site lists capped", () => {
    const hosts = Array.from({ length: 5000 }, (_, i) => `site${i}.example.com`);
    const { settings, problems } = readSettings({ version: 1, hoverDelayMs: 1e12, enabledSites: hosts });
    expect(settings.hoverDelayMs).toBe(1000);
    expect(settings.enabledSites).toHaveLength(MAX_SITES);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/hoverDelayMs/),
        expect.stringMatching(/enabledSites: kept the first 200/),
      ]),
    );
    expect(readSettings({ version: 1, hoverDelayMs: -5 }).settings.hoverDelayMs).toBe(0);
    expect(readSettings({ version: 1, hoverDelayMs: Number.NaN }).settings.hoverDelayMs).toBe(
      DEFAULT_SETTINGS.hoverDelayMs,
    );
  });

  test("missing keys take their defaults without complaint", () => {
    expect(readSettings({ version: 1, style: "underline" })).toEqual({
      settings: { ...defaultSettings(), style: "underline" },
      problems: [],
    });
  });

  test("version 0 is migrated (seconds → milliseconds, underline flag → style)", () => {
    const { settings, problems } = readSettings({ version: 0, hoverDelay: 0.5, underline: true });
    expect(settings).toMatchObject({ version: SETTINGS_VERSION, hoverDelayMs: 500, style: "underline" });
    expect(problems).toEqual(["migrated settings from version 0"]);
  });

  test("version 1 stored before the touch settings: tap to open on, links followed, nothing reported", () => {
    const stored = {
      version: 1,
      categories: { organization: true, product: true, person: false, figure: true },
      style: "underline",
      density: "all",
      hoverDelayMs: 400,
      holdKey: "Shift",
      disabledSites: ["news.naver.com"],
      enabledSites: [],
    };
    const { settings, problems } = readSettings(stored);
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...stored, tapToOpen: true, linkTap: "follow" });
  });

  test("version 0 carries no touch settings: they take their defaults", () => {
    const { settings } = readSettings({ version: 0, hoverDelay: 0.2 });
    expect(settings).toMatchObject({ tapToOpen: true, linkTap: "follow", hoverDelayMs: 200 });
  });

  test("an unknown (newer) version keeps what this version understands, and says so", () => {
    const { settings, problems } = readSettings({ version: 99, style: "underline", futureOption: { x: 1 } });
    expect(settings.style).toBe("underline");
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(problems[0]).toMatch(/unknown settings version 99/);
  });

  test("a host both disabled and enabled counts as disabled", () => {
    expect(
      readSettings({ version: 1, disabledSites: ["a.kr"], enabledSites: ["a.kr", "b.kr"] }).settings.enabledSites,
    ).toEqual(["b.kr"]);
  });

  test("any JSON value at all: never throws, always valid settings", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.option(
          fc.dictionary(
            fc.constantFrom(
              "version",
              "style",
              "density",
              "hoverDelayMs",
              "holdKey",
              "tapToOpen",
              "linkTap",
              "categories",
              "disabledSites",
              "enabledSites",
            ),
            fc.jsonValue(),
          ),
        ),
        (a, b) => {
          for (const stored of [a, b]) {
            const { settings } = readSettings(stored);
            expect(["background", "underline"]).toContain(settings.style);
            expect(["all", "first"]).toContain(settings.density);
            expect(typeof settings.tapToOpen).toBe("boolean");
            expect(["follow", "card"]).toContain(settings.linkTap);
            expect(settings.hoverDelayMs).toBeGreaterThanOrEqual(0);
            expect(settings.hoverDelayMs).toBeLessThanOrEqual(1000);
            expect(Object.values(settings.categories).every((v) => typeof v === "boolean")).toBe(true);
            expect(settings.enabledSites.every((h) => /^[a-z0-9.-]+$/.test(h))).toBe(true);
            // What is read is a fixed point: reading it again changes nothing and reports nothing.
            expect(readSettings(JSON.parse(JSON.stringify(settings)))).toEqual({ settings, problems: [] });
          }
        },
      ),
      { numRuns: runs(500) },
    );
  });
});

describe("sites", () => {
  test("news-list sites are on until turned off; other sites off until turned on", () => {
    let s = defaultSettings();
    expect(siteEnabled(s, "n.news.naver.com", true)).toBe(true);
    expect(siteEnabled(s, "blog.example.com", false)).toBe(false);
    s = withSite(s, "n.news.naver.com", true, false);
    s = withSite(s, "Blog.Example.com", false, true);
    expect(s.disabledSites).toEqual(["n.news.naver.com"]);
    expect(s.enabledSites).toEqual(["blog.example.com"]);
    expect(siteEnabled(s, "n.news.naver.com", true)).toBe(false);
    expect(siteEnabled(s, "blog.example.com", false)).toBe(true);
    s = withSite(withSite(s, "n.news.naver.com", true, true), "blog.example.com", false, false);
    expect(s).toEqual(defaultSettings());
  });

  test("match patterns as the browser reads them (ports ignored)", () => {
    const url = (u: string) => new URL(u);
    expect(matchesPattern("*://*.chosun.com/*", url("https://biz.chosun.com/a"))).toBe(true);
    expect(matchesPattern("*://*.chosun.com/*", url("https://chosun.com/"))).toBe(true);
    expect(matchesPattern("*://*.chosun.com/*", url("https://notchosun.com/"))).toBe(false);
    expect(matchesPattern("http://127.0.0.1/*", url("http://127.0.0.1:8123/x.html"))).toBe(true);
    expect(matchesPattern("http://127.0.0.1/*", url("https://127.0.0.1/"))).toBe(false);
    expect(matchesPattern("*://news.naver.com/*", url("ftp://news.naver.com/"))).toBe(false);
  });
});
