/**
 * The knowledge base's authoring schema. The JSON files in src/kb/data are
 * checked against it at build time (vite plugin) and in the unit tests; the
 * TypeScript types are inferred from it so data and code cannot drift.
 * Pure: no DOM, no browser API.
 */
import * as v from "valibot";
import { CURRENCIES, ENTITY_TYPES, PUBLISHER_KINDS, VARIANT_DIFFERENCES } from "../core/vocabulary.ts";

export { CURRENCIES, ENTITY_TYPES, PUBLISHER_KINDS, VARIANT_DIFFERENCES };
export type { EntityType, PublisherKind, VariantDifference } from "../core/vocabulary.ts";

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"));
const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]*$/, "must be a lower-case id (a-z, 0-9, '.', '-')"));
/** "2025", "2025-02" or "2025-02-24". */
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD"));
const bilingual = v.strictObject({ ko: nonEmpty, en: nonEmpty });

/** An outlet, agency, company or site that publishes sources: one record each, named in both languages. */
export const PublisherSchema = v.strictObject({
  id,
  names: bilingual,
  kind: v.picklist(PUBLISHER_KINDS),
  /**
   * The wire or publishing group this outlet belongs to (연합뉴스TV → 연합뉴스, 한경비즈니스 → 한국경제):
   * outlets of one group are one voice when independence is counted.
   */
  partOf: v.optional(id),
  /**
   * The in-scope company that owns this outlet (the South China Morning Post is Alibaba's): its reports are not
   * independent of the company they write about, so they never corroborate.
   */
  ownedBy: v.optional(id),
  note: v.optional(nonEmpty),
});

const url = v.pipe(v.string(), v.url("must be a URL"));

export const SourceSchema = v.strictObject({
  id,
  /** A publisher id (publishers.json). */
  publisher: id,
  /** As published; null when the copy that was read had none (never invented). */
  title: v.nullable(nonEmpty),
  date: v.nullable(isoDate),
  /** True when the date is inferred from internal evidence rather than printed. */
  dateApprox: v.optional(v.boolean()),
  /** The publication's own address; null when it is not known (a copy's address never goes here). */
  url: v.nullable(url),
  /** A reprint or verbatim copy of another source: readers are sent to that original instead. */
  copyOf: v.optional(id),
  /**
   * A rewrite or translation of another source by this publisher, in its own words (and with its own slips): cited as
   * itself, but not independent of what it is based on.
   */
  basedOn: v.optional(id),
  /** Provenance: where the text was read when that was not `url` (a mirror, a reposting). Never shown to readers. */
  readAt: v.optional(url),
  note: v.optional(nonEmpty),
});

export const ValueSchema = v.strictObject({
  amount: v.number(),
  /** A currency code, "percent", or a plain counting unit ("employees", "users" …). */
  unit: nonEmpty,
  /** "about 33 %", "at least 1 trillion parameters", "at most $3.75bn". */
  qualifier: v.optional(v.picklist(["about", "at-least", "at-most"])),
  /** What the number measures when the unit alone does not say (planned raise, net income attributable …). */
  measure: v.optional(bilingual),
});

export const VariantSchema = v.strictObject({
  /** What this source (or group of sources) says, in our words. */
  text: bilingual,
  value: v.optional(ValueSchema),
  sources: v.pipe(v.array(id), v.minLength(1, "a variant names the sources that state it")),
  /**
   * How it differs from the claim. conversion, rounding, spelling: the same fact written differently (표기 차이);
   * basis: another measure or counting basis; detail: a detail the claim leaves out; error: a slip the claim's own
   * evidence shows; contradiction: a different account. Sources of an error or a contradiction do not support the claim.
   */
  difference: v.picklist(VARIANT_DIFFERENCES),
  /** Why it differs (exchange-rate date, scope, rounding …). */
  reason: v.optional(bilingual),
});

export const FactSchema = v.strictObject({
  id,
  claim: bilingual,
  date: isoDate,
  value: v.optional(ValueSchema),
  sources: v.pipe(v.array(id), v.minLength(1, "a fact needs at least one source")),
  /** What sources state differently, and how (see VariantSchema.difference). */
  variants: v.optional(v.array(VariantSchema)),
  note: v.optional(bilingual),
  /** Roles and running figures that may have changed since: shown with 기준일. */
  mayChange: v.optional(v.boolean()),
});

/** Context rule for an alias that must not be marked on its own. */
export const CONTEXT_RULES = [
  /** Title forms (차이 회장): only after a full-name mention of the same entity on the page. */
  "after-full-name",
  /** Short forms (알리 as AliExpress): only next to one of `cues` in the same sentence. */
  "near-cue",
] as const;

export const ContextAliasSchema = v.strictObject({
  text: nonEmpty,
  rule: v.picklist(CONTEXT_RULES),
  cues: v.optional(v.array(nonEmpty)),
  note: v.optional(nonEmpty),
});

export const FigureSchema = v.strictObject({
  /** The verified value in its own currency. */
  amount: v.number(),
  currency: v.picklist(CURRENCIES),
  /** "at-least" for "최소/이상" figures such as the 380bn plan. */
  qualifier: v.optional(v.picklist(["exact", "at-least", "about"])),
  /** Words that place an amount in this figure's topic (투자, 클라우드, 벌금 …). */
  topicWords: v.pipe(v.array(nonEmpty), v.minLength(1)),
  /**
   * Words that pin down this very figure (its period: 3년, 2021, 4분기 …). A different amount is called a
   * differing statement of the figure only when one of them is in the same block; else nothing is said.
   */
  identifyingWords: v.optional(v.array(nonEmpty)),
  /** Conversions seen in reporting, each with the rate and its date. */
  conversions: v.array(
    v.strictObject({
      currency: v.picklist(CURRENCIES),
      /** Accepted band of converted values for the article's period. */
      min: v.number(),
      max: v.number(),
      rate: nonEmpty,
      rateDate: isoDate,
      sources: v.array(id),
    }),
  ),
});

export const EntitySchema = v.strictObject({
  id,
  type: v.picklist(ENTITY_TYPES),
  names: v.strictObject({ ko: nonEmpty, en: nonEmpty, zh: v.optional(nonEmpty) }),
  /** Forms that always refer to this entity (spacing variants are matched automatically). */
  aliases: v.pipe(v.array(nonEmpty), v.minLength(1, "an entity needs at least one alias")),
  contextAliases: v.optional(v.array(ContextAliasSchema)),
  summary: bilingual,
  facts: v.pipe(v.array(FactSchema), v.minLength(2, "an entity needs at least two facts")),
  figure: v.optional(FigureSchema),
});

export const CorrectionSchema = v.strictObject({
  entity: id,
  /** Forms of the misreport as they appear on pages (e.g. "GPT-4 능가"). */
  misreported: v.pipe(v.array(nonEmpty), v.minLength(1)),
  says: bilingual,
  actually: bilingual,
  sources: v.pipe(v.array(id), v.minLength(1)),
});

export const KnowledgeBaseSchema = v.strictObject({
  version: nonEmpty,
  asOf: isoDate,
  /**
   * People outside the scope whose names share a surname with a title form
   * (마화텅 and 마 회장): never marked, but after them a title form no longer
   * refers to our person.
   */
  otherPeople: v.optional(v.array(nonEmpty)),
  publishers: v.array(PublisherSchema),
  sources: v.array(SourceSchema),
  entities: v.array(EntitySchema),
  corrections: v.optional(v.array(CorrectionSchema)),
});

export type Publisher = v.InferOutput<typeof PublisherSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Variant = v.InferOutput<typeof VariantSchema>;
export type Value = v.InferOutput<typeof ValueSchema>;
export type Fact = v.InferOutput<typeof FactSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type Correction = v.InferOutput<typeof CorrectionSchema>;
export type KnowledgeBaseInput = v.InferOutput<typeof KnowledgeBaseSchema>;
