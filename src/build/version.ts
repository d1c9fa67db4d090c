/**
 * The version bump (`npm run version:bump`): one new version in package.json, package-lock.json and manifest.json,
 * and the changelog's Unreleased entries moved under it. Pure: text in, text out.
 */

export type BumpSpec = "major" | "minor" | "patch" | `${number}.${number}.${number}`;

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** The next version: a part to raise, or an explicit version that must be higher than the current one. */
export function nextVersion(current: string, spec: string): string {
  const now = SEMVER.exec(current);
  if (!now) throw new Error(`the current version ${current} is not major.minor.patch`);
  const [major, minor, patch] = now.slice(1).map(Number) as [number, number, number];
  if (spec === "major") return `${major + 1}.0.0`;
  if (spec === "minor") return `${major}.${minor + 1}.0`;
  if (spec === "patch") return `${major}.${minor}.${patch + 1}`;
  const next = SEMVER.exec(spec);
  if (!next) throw new Error(`${spec} is not major, minor, patch or a version x.y.z`);
  const order = next.slice(1).map(Number);
  const later = order[0]! - major || order[1]! - minor || order[2]! - patch;
  if (later <= 0) throw new Error(`${spec} is not later than ${current}`);
  return spec;
}

/** A JSON file with its `version` fields set (the lockfile's root package too), formatted as npm writes it. */
export function withVersion(json: string, version: string): string {
  const data = JSON.parse(json) as { version?: string; packages?: Record<string, { version?: string }> };
  data.version = version;
  if (data.packages?.[""]) data.packages[""].version = version;
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The changelog with its Unreleased entries under `## <version> — <date>` and an empty Unreleased above them. */
export function releaseChangelog(changelog: string, version: string, date: string): string {
  const heading = /^## Unreleased[ \t]*\n/m.exec(changelog);
  if (!heading) throw new Error("CHANGELOG.md has no '## Unreleased' section");
  const start = heading.index + heading[0].length;
  const rest = changelog.slice(start);
  const nextSection = /^## /m.exec(rest);
  const entries = (nextSection ? rest.slice(0, nextSection.index) : rest).trim();
  if (!entries) throw new Error("CHANGELOG.md: nothing under Unreleased to release");
  if (new RegExp(`^## ${version.replaceAll(".", "\\.")}\\b`, "m").test(changelog))
    throw new Error(`CHANGELOG.md already has a section for ${version}`);
  const after = nextSection ? rest.slice(nextSection.index) : "";
  return `${changelog.slice(0, start)}\n## ${version} — ${date}\n\n${entries}\n${after ? `\n${after}` : ""}`;
}
