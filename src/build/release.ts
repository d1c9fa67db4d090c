/**
 * What a release is made of (Node tooling for `npm run package` and its tests): zips whose bytes depend only on the
 * files in them, the list of repository sources for the AMO source archive, and file hashes to compare builds.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import JSZip from "jszip";

/** Every zip entry gets this date, so a zip's bytes depend on its files only (not on when they were built). */
const FIXED_DATE = new Date("2026-01-01T00:00:00Z");

export type FileMap = Map<string, Buffer>;

/** Every file under `dir`, by its path relative to `dir` with forward slashes, in sorted order. */
export function readTree(dir: string): FileMap {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return new Map(files.sort().map((file) => [file, readFileSync(join(dir, file))]));
}

/** A zip of `files` in sorted order, with fixed dates and permissions: the same files always give the same bytes. */
export async function deterministicZip(files: FileMap): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of [...files.keys()].sort()) {
    zip.file(name, files.get(name)!, { date: FIXED_DATE, unixPermissions: 0o644, createFolders: false });
  }
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
    platform: "UNIX",
  });
}

export async function unzip(data: Buffer): Promise<FileMap> {
  const zip = await JSZip.loadAsync(data);
  const files: FileMap = new Map();
  for (const entry of Object.values(zip.files).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.dir) files.set(entry.name, await entry.async("nodebuffer"));
  }
  return files;
}

export const sha256 = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

/** path → sha256 of each file: what two builds are compared by. */
export const hashes = (files: FileMap): Record<string, string> =>
  Object.fromEntries([...files].map(([name, data]) => [name, sha256(data)]));

/**
 * The repository's sources for the AMO source archive: every file git tracks or would track (the .gitignore keeps
 * out node_modules, dist, artifacts …), read from the working tree.
 */
export function repositorySources(root: string): FileMap {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  });
  const names = listed
    .split("\0")
    .filter(Boolean)
    .filter((name) => statSync(join(root, name), { throwIfNoEntry: false })?.isFile());
  return new Map(names.sort().map((name) => [name, readFileSync(join(root, name))]));
}
