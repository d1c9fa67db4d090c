/**
 * The store listing (store/listing.json): checked against the stores' limits and against the manifest (a reason in
 * each language for every permission the extension asks for), and written out as one Markdown file per language.
 */
import * as v from "valibot";

export const LISTING_LANGUAGES = ["ko", "en"] as const;
/** Chrome Web Store: name ≤ 75 and summary ≤ 132 characters; addons.mozilla.org: name ≤ 50, summary ≤ 250. */
export const LIMITS = { name: 50, short: 132 } as const;

const text = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"));
const paragraphs = v.pipe(v.array(text), v.minLength(1, "needs at least one paragraph"));

const PermissionsSchema = v.record(v.string(), text);
const ListingSchema = v.strictObject({
  name: v.pipe(text, v.maxLength(LIMITS.name, `must be at most ${LIMITS.name} characters`)),
  short: v.pipe(text, v.maxLength(LIMITS.short, `must be at most ${LIMITS.short} characters`)),
  long: paragraphs,
  singlePurpose: text,
  permissions: PermissionsSchema,
  remoteCode: text,
  privacy: paragraphs,
});
const ListingsSchema = v.strictObject({
  $comment: v.optional(v.string()),
  ko: ListingSchema,
  en: ListingSchema,
});

export type Listing = v.InferOutput<typeof ListingSchema>;
export type Listings = Record<(typeof LISTING_LANGUAGES)[number], Listing>;

type ManifestAccess = {
  permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: unknown[];
};

/** What the listing must explain, from the manifest: each permission, optional host access, the content scripts. */
export function accessToExplain(manifest: ManifestAccess): string[] {
  return [
    ...(manifest.permissions ?? []),
    ...(manifest.host_permissions?.length ? ["hostPermissions"] : []),
    ...(manifest.optional_host_permissions?.length ? ["optionalHostPermissions"] : []),
    ...(manifest.content_scripts?.length ? ["contentScripts"] : []),
  ];
}

/** The listing, validated; throws naming the language and field of every problem. */
export function readListings(input: unknown, manifest: ManifestAccess): Listings {
  const parsed = v.safeParse(ListingsSchema, input);
  const problems = parsed.success
    ? []
    : parsed.issues.map((issue) => `${(issue.path ?? []).map((p) => p.key).join(".")}: ${issue.message}`);
  if (parsed.success) {
    const wanted = accessToExplain(manifest);
    for (const language of LISTING_LANGUAGES) {
      const given = Object.keys(parsed.output[language].permissions);
      for (const name of wanted)
        if (!given.includes(name)) problems.push(`${language}.permissions.${name}: the manifest asks for it; say why`);
      for (const name of given)
        if (!wanted.includes(name)) problems.push(`${language}.permissions.${name}: the manifest does not ask for it`);
    }
  }
  if (problems.length) throw new Error(`invalid store listing (store/listing.json):\n  ${problems.join("\n  ")}`);
  return parsed.output as Listings;
}

const HEADINGS = {
  ko: {
    short: "짧은 설명",
    long: "자세한 설명",
    singlePurpose: "단일 목적",
    permissions: "권한과 그 용도",
    remoteCode: "원격 코드",
    privacy: "개인정보 처리방침",
  },
  en: {
    short: "Summary",
    long: "Description",
    singlePurpose: "Single purpose",
    permissions: "Permissions and what each is for",
    remoteCode: "Remote code",
    privacy: "Privacy policy",
  },
} as const;

/** Markdown for one language, in the order the store forms ask for the fields; `{name}` takes `values[name]`. */
export function renderListing(
  listing: Listing,
  language: (typeof LISTING_LANGUAGES)[number],
  values: Record<string, string> = {},
): string {
  const h = HEADINGS[language];
  const filled = [
    `# ${listing.name}`,
    `## ${h.short}`,
    listing.short,
    `## ${h.long}`,
    ...listing.long,
    `## ${h.singlePurpose}`,
    listing.singlePurpose,
    `## ${h.permissions}`,
    Object.entries(listing.permissions)
      .map(([name, why]) => `- \`${name}\`: ${why}`)
      .join("\n"),
    `## ${h.remoteCode}`,
    listing.remoteCode,
    `## ${h.privacy}`,
    ...listing.privacy,
  ].join("\n\n");
  return filled.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (values[name] === undefined) throw new Error(`store listing (${language}): no value for ${whole}`);
    return values[name];
  });
}
