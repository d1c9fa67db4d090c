/**
 * The default sites as data: `news-sites.json` names each outlet (Korean and English) and its hosts. From it come the
 * manifest's content-script matches (at build time), the list the popup shows as 기본 사이트, and the content
 * script's own check. Pure: no DOM, no browser API.
 */
import * as v from "valibot";
import data from "./news-sites.json" with { type: "json" };

export const SITE_KINDS = ["portal", "national", "economy", "tech", "wire", "broadcast", "online", "regional"] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** A host as in a match pattern: `*.example.com` is the domain and all its subdomains, `news.example.com` that host. */
const HOST_PATTERN = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"));
const SiteSchema = v.strictObject({
  kind: v.picklist(SITE_KINDS),
  ko: nonEmpty,
  en: nonEmpty,
  hosts: v.pipe(
    v.array(v.pipe(v.string(), v.regex(HOST_PATTERN, "must be a lower-case host, or *. and a domain"))),
    v.minLength(1, "an outlet needs at least one host"),
  ),
});
const SiteListSchema = v.strictObject({ $comment: v.optional(v.string()), sites: v.array(SiteSchema) });

export type NewsSite = v.InferOutput<typeof SiteSchema>;

/** Hosts only the test build matches: the e2e fixture server and `npm start` serve pages there. */
export const LOCAL_TEST_PATTERNS: readonly string[] = ["http://127.0.0.1/*", "http://localhost/*"];

export class SiteListError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid default site list (src/sites/news-sites.json):\n  ${problems.join("\n  ")}`);
    this.name = "SiteListError";
  }
}

/** The host part `*.chosun.com` / `news.kbs.co.kr` covers `host` (as the browser reads a match pattern). */
export function hostCovers(pattern: string, host: string): boolean {
  if (!pattern.startsWith("*.")) return host === pattern;
  const domain = pattern.slice(2);
  return host === domain || host.endsWith(`.${domain}`);
}

/** Validates the list: each outlet's fields, and no host listed twice or already covered by another entry. */
export function readSiteList(input: unknown): NewsSite[] {
  const parsed = v.safeParse(SiteListSchema, input);
  if (!parsed.success) {
    throw new SiteListError(
      parsed.issues.map((issue) => {
        const path = (issue.path ?? []).map((step) => step.key as string | number);
        const index = path[1];
        const name = typeof index === "number" ? (input as { sites: { ko?: unknown }[] }).sites[index]?.ko : undefined;
        const where = path.map((key) => (typeof key === "number" ? `[${key}]` : `.${key}`)).join("");
        return `${where.replace(/^\./, "")}${name ? ` (${String(name)})` : ""}: ${issue.message}`;
      }),
    );
  }
  const sites = parsed.output.sites;
  const problems: string[] = [];
  const all = sites.flatMap((site, i) =>
    site.hosts.map((host, j) => ({ site, host, where: `sites[${i}].hosts[${j}]` })),
  );
  all.forEach((a, i) => {
    all.forEach((b, j) => {
      if (a.host === b.host) {
        if (i < j) problems.push(`${b.where} (${b.site.ko}): ${b.host} is listed twice`);
      } else if (a.host.startsWith("*.") && hostCovers(a.host, b.host.replace(/^\*\./, "")))
        problems.push(`${b.where} (${b.site.ko}): ${b.host} is already covered by ${a.host} (${a.site.ko})`);
    });
  });
  if (problems.length) throw new SiteListError(problems);
  return sites;
}

export const NEWS_SITES: readonly NewsSite[] = readSiteList(data);

/** The content-script match pattern of one listed host. */
export const matchPatternFor = (host: string): string => `*://${host}/*`;

/** The manifest's content-script matches: every listed host, plus the local test hosts in the test build. */
export function contentScriptMatches(sites: readonly NewsSite[], testBuild: boolean): string[] {
  const patterns = sites.flatMap((site) => site.hosts.map(matchPatternFor));
  return testBuild ? [...patterns, ...LOCAL_TEST_PATTERNS] : patterns;
}

/** The outlet a host belongs to, if it is on the list. */
export function siteForHost(sites: readonly NewsSite[], host: string): NewsSite | undefined {
  const key = host.toLowerCase();
  return sites.find((site) => site.hosts.some((pattern) => hostCovers(pattern, key)));
}
