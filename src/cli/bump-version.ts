/**
 * `npm run version:bump -- <patch|minor|major|x.y.z>`: sets the new version in package.json, package-lock.json and
 * manifest.json and moves the changelog's Unreleased entries under it, dated today (UTC). Changes nothing on error.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { nextVersion, releaseChangelog, withVersion } from "../build/version.ts";

const ROOT = resolve(process.env.MAEKRAK_ROOT ?? join(import.meta.dirname, "..", ".."));
const spec = process.argv[2];
if (!spec) {
  console.error("usage: npm run version:bump -- <patch|minor|major|x.y.z>");
  process.exit(2);
}
const read = (name: string) => readFileSync(join(ROOT, name), "utf8");
try {
  const current = (JSON.parse(read("manifest.json")) as { version: string }).version;
  const version = nextVersion(current, spec);
  const date = new Date().toISOString().slice(0, 10);
  // Everything is computed before anything is written.
  const files: Record<string, string> = {
    "CHANGELOG.md": releaseChangelog(read("CHANGELOG.md"), version, date),
    "package.json": withVersion(read("package.json"), version),
    "package-lock.json": withVersion(read("package-lock.json"), version),
    "manifest.json": withVersion(read("manifest.json"), version),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ROOT, name), text);
  console.log(`${current} → ${version}`);
} catch (error) {
  console.error(`version:bump: ${(error as Error).message}`);
  process.exit(1);
}
