/**
 * `npm run package` (after the release build): writes into artifacts/ (or `--out DIR`)
 *   maekrak-chrome-<version>.zip   the Chrome Web Store upload (dist/chrome)
 *   maekrak-firefox-<version>.zip  the addons.mozilla.org upload (dist/firefox)
 *   maekrak-source-<version>.zip   the source archive AMO asks for: the repository's sources with the lockfile and
 *                                  BUILDING.md, whose steps rebuild dist/firefox byte for byte
 *   store/listing.{ko,en}.md       the listing texts; store/screenshots/*.png the 1280×800 store screenshots
 * Zips are deterministic (sorted entries, fixed dates), so the same build always gives the same archive.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Target } from "../build/variants.ts";
import { distPath, TARGETS } from "../build/variants.ts";
import { deterministicZip, readTree, repositorySources } from "../build/release.ts";
import { LISTING_LANGUAGES, readListings, renderListing } from "../build/listing.ts";
import { contentScriptMatches, NEWS_SITES } from "../sites/news-sites.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const args = process.argv.slice(2);
const OUT = resolve(args.includes("--out") ? args[args.indexOf("--out") + 1]! : join(ROOT, "artifacts"));
const STORE_SCREENSHOT = { width: 1280, height: 800 } as const;

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
const fail = (message: string): never => {
  console.error(`npm run package: ${message}`);
  process.exit(1);
};

const version: string = readJson(join(ROOT, "manifest.json")).version;
if (readJson(join(ROOT, "package.json")).version !== version)
  fail(`package.json and manifest.json disagree on the version (run npm run version:bump)`);
if (!new RegExp(`^## ${version.replaceAll(".", "\\.")}\\b`, "m").test(readFileSync(join(ROOT, "CHANGELOG.md"), "utf8")))
  fail(`CHANGELOG.md has no section for ${version}`);

const built = (target: Target) => readJson(join(distPath(ROOT, target, "release"), "manifest.json"));
for (const target of TARGETS) {
  const manifest = built(target);
  if (manifest.version !== version) fail(`dist/${target} is version ${manifest.version}, not ${version}: build again`);
  // A store build runs on the default sites only: never a test build with its local hosts.
  if (
    JSON.stringify(manifest.content_scripts?.[0]?.matches) !== JSON.stringify(contentScriptMatches(NEWS_SITES, false))
  )
    fail(`dist/${target} is not the release build (its content-script matches differ): run npm run build`);
}

mkdirSync(OUT, { recursive: true });
const written: string[] = [];
const write = (name: string, data: Buffer | string) => {
  const path = join(OUT, name);
  mkdirSync(resolve(path, ".."), { recursive: true });
  writeFileSync(path, data);
  written.push(path);
};

for (const target of TARGETS) {
  write(`maekrak-${target}-${version}.zip`, await deterministicZip(readTree(distPath(ROOT, target, "release"))));
}

const sources = repositorySources(ROOT);
for (const required of ["BUILDING.md", "package-lock.json", "package.json", "manifest.json"])
  if (!sources.has(required)) fail(`the source archive would lack ${required}`);
write(`maekrak-source-${version}.zip`, await deterministicZip(sources));

const listings = readListings(readJson(join(ROOT, "store", "listing.json")), built("chrome"));
for (const language of LISTING_LANGUAGES)
  write(
    `store/listing.${language}.md`,
    `${renderListing(listings[language], language, { sites: String(NEWS_SITES.length) })}\n`,
  );

const shots = join(ROOT, "store", "screenshots");
const pngs = readdirSync(shots, { withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith(".png"));
if (!pngs.length) fail("store/screenshots has no picture: run npm run screenshots");
rmSync(join(OUT, "store", "screenshots"), { recursive: true, force: true });
for (const { name } of pngs) {
  const png = readFileSync(join(shots, name));
  const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  if (size.width !== STORE_SCREENSHOT.width || size.height !== STORE_SCREENSHOT.height)
    fail(`store/screenshots/${name} is ${size.width}×${size.height}, not 1280×800`);
  write(`store/screenshots/${name}`, png);
}

for (const path of written) console.log(path);
