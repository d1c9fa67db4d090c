/** The release tooling: version bump, changelog, store listing checks, deterministic zips. */
import { describe, expect, test } from "vitest";
import { main as bumpVersion } from "../../../src/cli/bump-version.ts";
import { bufferIo } from "../support/cli.ts";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nextVersion, releaseChangelog, withVersion } from "../../../src/build/version";
import { accessToExplain, readListings, renderListing } from "../../../src/build/listing";
import { deterministicZip, unzip } from "../../../src/build/release";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const read = (name: string) => readFileSync(join(ROOT, name), "utf8");

describe("version bump", () => {
  test.each([
    ["0.1.0", "patch", "0.1.1"],
    ["0.1.9", "minor", "0.2.0"],
    ["1.4.2", "major", "2.0.0"],
    ["0.1.0", "0.3.0", "0.3.0"],
    ["0.9.9", "0.10.0", "0.10.0"],
  ])("%s + %s = %s", (current, spec, next) => expect(nextVersion(current, spec)).toBe(next));

  test("refuses what is not later, not a version, or built on a malformed one", () => {
    expect(() => nextVersion("0.2.0", "0.1.9")).toThrow("not later than 0.2.0");
    expect(() => nextVersion("0.2.0", "0.2.0")).toThrow("not later");
    expect(() => nextVersion("0.2.0", "v1")).toThrow("not major, minor, patch");
    expect(() => nextVersion("0.2", "patch")).toThrow("not major.minor.patch");
  });

  test("package.json, the lockfile and manifest.json change in their version fields only, formatted as before", () => {
    for (const name of ["package.json", "package-lock.json", "manifest.json"]) {
      const before = read(name);
      expect(withVersion(before, JSON.parse(before).version), name).toBe(before);
      const after = JSON.parse(withVersion(before, "9.8.7"));
      expect(after.version).toBe("9.8.7");
      if (after.packages) expect(after.packages[""].version).toBe("9.8.7");
      expect({ ...after, version: undefined, packages: undefined }).toEqual({
        ...JSON.parse(before),
        version: undefined,
        packages: undefined,
      });
    }
  });

  test("the changelog's Unreleased entries move under the new version, dated; an empty Unreleased is refused", () => {
    const changelog =
      "# Changelog\n\nIntro.\n\n## Unreleased\n\n### Fixed\n\n- a fix\n\n## 0.1.0 — 2026-12-02\n\n- first\n";
    expect(releaseChangelog(changelog, "0.1.1", "2027-01-05")).toBe(
      "# Changelog\n\nIntro.\n\n## Unreleased\n\n## 0.1.1 — 2027-01-05\n\n### Fixed\n\n- a fix\n\n## 0.1.0 — 2026-12-02\n\n- first\n",
    );
    expect(() => releaseChangelog(releaseChangelog(changelog, "0.1.1", "2027-01-05"), "0.1.2", "x")).toThrow(
      "nothing under Unreleased",
    );
    expect(() => releaseChangelog(changelog, "0.1.0", "x")).toThrow("already has a section for 0.1.0");
    expect(() => releaseChangelog("# Changelog\n", "0.1.1", "x")).toThrow("no '## Unreleased'");
  });

  test("npm run version:bump writes all four files, or none when it refuses", () => {
    const dir = mkdtempSync(join(tmpdir(), "maekrak-bump-"));
    const files = ["package.json", "package-lock.json", "manifest.json", "CHANGELOG.md"];
    for (const name of files) copyFileSync(join(ROOT, name), join(dir, name));
    const bump = (spec: string) => {
      const io = bufferIo();
      const status = bumpVersion([spec], io, dir);
      return { status, stdout: io.stdout, stderr: io.stderr };
    };
    const current = JSON.parse(read("manifest.json")).version as string;
    const next = nextVersion(current, "minor");
    // The repository's Unreleased section may be empty: give it an entry as a release would have.
    const changelog = read("CHANGELOG.md").replace("## Unreleased\n", "## Unreleased\n\n- an entry\n");
    writeFileSync(join(dir, "CHANGELOG.md"), changelog);
    const done = bump("minor");
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout.trim()).toBe(`${current} → ${next}`);
    const readBack = (name: string) => readFileSync(join(dir, name), "utf8");
    expect(JSON.parse(readBack("package.json")).version).toBe(next);
    expect(JSON.parse(readBack("package-lock.json")).packages[""].version).toBe(next);
    expect(JSON.parse(readBack("manifest.json")).version).toBe(next);
    expect(readBack("CHANGELOG.md")).toMatch(
      new RegExp(`## Unreleased\\n\\n## ${next.replaceAll(".", "\\.")} — .*\\n\\n- an entry`),
    );
    // Now Unreleased is empty: refused, and nothing is written.
    const before = files.map(readBack);
    const refused = bump("patch");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("nothing under Unreleased");
    expect(files.map(readBack)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  });

  test("the repository's changelog has a section for the current version", () => {
    const version = JSON.parse(read("manifest.json")).version;
    expect(JSON.parse(read("package.json")).version).toBe(version);
    expect(read("CHANGELOG.md")).toMatch(
      new RegExp(`^## ${version.replaceAll(".", "\\.")} — \\d{4}-\\d{2}-\\d{2}$`, "m"),
    );
  });
});

describe("store listing", () => {
  const listing = JSON.parse(read("store/listing.json"));
  const manifest = { ...JSON.parse(read("manifest.json")), content_scripts: [{}] };

  test("explains every permission the manifest asks for, in both languages, within the stores' limits", () => {
    expect(accessToExplain(manifest)).toEqual([
      "storage",
      "scripting",
      "activeTab",
      "optionalHostPermissions",
      "contentScripts",
    ]);
    const listings = readListings(listing, manifest);
    for (const language of ["ko", "en"] as const) {
      const text = renderListing(listings[language], language, { sites: "87" });
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).toContain("87");
    }
  });

  test("a permission without a reason, a reason for none, or a summary over 132 characters fails, by field", () => {
    const broken = structuredClone(listing);
    delete broken.ko.permissions.activeTab;
    broken.en.permissions.tabs = "not asked for";
    broken.en.short = "가".repeat(133);
    expect(() => readListings(broken, manifest)).toThrow(/en\.short: must be at most 132 characters/);
    broken.en.short = "short";
    expect(() => readListings(broken, manifest)).toThrow(
      /ko\.permissions\.activeTab: the manifest asks for it; say why[\s\S]*en\.permissions\.tabs: the manifest does not ask for it/,
    );
    expect(() => renderListing(readListings(listing, manifest).en, "en")).toThrow("no value for {sites}");
  });
});

describe("deterministic zip", () => {
  test("the same files give the same bytes, whatever the order they come in; unzip gives them back", async () => {
    const a = new Map([
      ["b.txt", Buffer.from("둘")],
      ["a/x.json", Buffer.from("{}")],
    ]);
    const b = new Map([...a].reverse());
    const zipped = await deterministicZip(a);
    expect(zipped.equals(await deterministicZip(b))).toBe(true);
    expect([...(await unzip(zipped))]).toEqual([...a].sort(([x], [y]) => x.localeCompare(y)));
    const changed = await deterministicZip(new Map([...a, ["b.txt", Buffer.from("셋")]]));
    expect(changed.equals(zipped)).toBe(false);
  });
});
