/**
 * `npm run package` (on the release build that `npm test` made): the two store zips, the AMO source archive, the
 * listings and the store screenshots; archives are the same bytes each time; and the source archive, unpacked in an
 * empty folder and built by the steps its BUILDING.md gives (npm ci from the local cache), yields exactly the files of
 * the AMO zip.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./support/browsers";
import { distPath } from "../../src/build/variants";
import { hashes, readTree, unzip } from "../../src/build/release";
import { contentScriptMatches, NEWS_SITES } from "../../src/sites/news-sites";

const version: string = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")).version;
const temp: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `maekrak-${name}-`));
  temp.push(dir);
  return dir;
};

/** The environment of a fresh shell: none of the test runner's variables (VITEST, NODE_ENV …) or Maekrak's. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(VITEST|VITE_|MAEKRAK_|NODE_ENV$|TARGET$|TEST$)/.test(key)) env[key] = value;
  return { ...env, ...extra };
}

function packageInto(out: string) {
  const result = spawnSync("npx", ["tsx", "src/cli/package.ts", "--out", out], {
    cwd: ROOT,
    encoding: "utf8",
    env: cleanEnv(),
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim().split("\n");
}

const archive = (out: string, kind: string) => readFileSync(join(out, `maekrak-${kind}-${version}.zip`));

describe("npm run package", () => {
  let out: string;
  beforeAll(() => {
    out = tempDir("artifacts");
    packageInto(out);
  }, 120_000);
  afterAll(() => {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  });

  test("the store zips hold exactly the release builds: the default sites and no local host", async () => {
    for (const [kind, target] of [
      ["chrome", "chrome"],
      ["firefox", "firefox"],
    ] as const) {
      const files = await unzip(archive(out, kind));
      expect(hashes(files)).toEqual(hashes(readTree(distPath(ROOT, target, "release"))));
      const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
      expect(manifest.version).toBe(version);
      expect(manifest.content_scripts[0].matches).toEqual(contentScriptMatches(NEWS_SITES, false));
      expect(files.get("manifest.json")!.toString("utf8")).not.toMatch(/127\.0\.0\.1|localhost/);
    }
  });

  test("the source archive: the repository's sources, the lockfile and BUILDING.md, nothing built or installed", async () => {
    const files = [...(await unzip(archive(out, "source"))).keys()];
    for (const required of [
      "BUILDING.md",
      "package.json",
      "package-lock.json",
      "manifest.json",
      "vite.config.ts",
      "src/sites/news-sites.json",
      "src/kb/data/meta.json",
      "src/content/index.ts",
    ])
      expect(files, required).toContain(required);
    expect(files.filter((f) => /^(node_modules|dist|artifacts|test-results)\//.test(f))).toEqual([]);
  });

  test("listings in Korean and English: descriptions, a reason for every permission, the privacy statement", () => {
    for (const language of ["ko", "en"]) {
      const text = readFileSync(join(out, "store", `listing.${language}.md`), "utf8");
      for (const name of ["storage", "scripting", "activeTab", "optionalHostPermissions", "contentScripts"])
        expect(text, `${language} ${name}`).toContain(`\`${name}\`: `);
      expect(text).toMatch(language === "ko" ? /## 개인정보 처리방침/ : /## Privacy policy/);
      expect(text).toMatch(language === "ko" ? /수집하지 않으며/ : /collects no personal or usage data/);
    }
  });

  test("store screenshots, each 1280×800", () => {
    const shots = readTree(join(out, "store", "screenshots"));
    expect(shots.size).toBeGreaterThanOrEqual(2);
    for (const [name, png] of shots)
      expect({ name, width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({
        name,
        width: 1280,
        height: 800,
      });
  });

  test("packaging again gives the same bytes", () => {
    const again = tempDir("artifacts-again");
    packageInto(again);
    for (const kind of ["chrome", "firefox", "source"])
      expect(archive(again, kind).equals(archive(out, kind)), kind).toBe(true);
  }, 120_000);

  test("the source archive alone, built by the steps in its BUILDING.md, gives the AMO zip's files byte for byte", async () => {
    const dir = tempDir("source");
    for (const [name, data] of await unzip(archive(out, "source"))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    const building = readFileSync(join(dir, "BUILDING.md"), "utf8");
    const steps = /```sh\n([\s\S]*?)```/.exec(building)?.[1]?.trim().split("\n") ?? [];
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      // npm ci from the local cache (the machine already installed the same lockfile): no network needed.
      const result = spawnSync("bash", ["-c", step], {
        cwd: dir,
        encoding: "utf8",
        env: cleanEnv({ npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false" }),
      });
      expect(result.status, `${step}\n${result.stderr}`).toBe(0);
    }
    const amo = await unzip(archive(out, "firefox"));
    expect(hashes(readTree(join(dir, "dist", "firefox")))).toEqual(hashes(amo));
  }, 600_000);
});
