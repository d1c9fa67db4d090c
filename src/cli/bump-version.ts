/**
 * `npm run version:bump -- <patch|minor|major|x.y.z>`: sets the new version in package.json, package-lock.json and
 * manifest.json and moves the changelog's Unreleased entries under it, dated today (UTC). Changes nothing on error.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { nextVersion, releaseChangelog, withVersion } from "../build/version.ts";
import type { CliIo } from "./io.ts";
import { isMain, processIo } from "./io.ts";

const ROOT = resolve(process.env.MAEKRAK_ROOT ?? join(import.meta.dirname, "..", ".."));

export function main(argv: string[], io: CliIo = processIo, root = ROOT): number {
  const spec = argv[0];
  if (!spec) {
    io.err("usage: npm run version:bump -- <patch|minor|major|x.y.z>\n");
    return 2;
  }
  const read = (name: string) => readFileSync(join(root, name), "utf8");
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
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
    io.out(`${current} → ${version}\n`);
    return 0;
  } catch (error) {
    io.err(`version:bump: ${(error as Error).message}\n`);
    return 1;
  }
}

if (isMain(import.meta.url)) process.exitCode = main(process.argv.slice(2));
