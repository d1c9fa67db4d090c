/**
 * The knowledge base's authoring schema. The JSON files in src/kb/data are
 * checked against it at build time (vite plugin) and in the unit tests; the
 * TypeScript types are inferred from it so data and code cannot drift.
 * Pure: no DOM, no browser API.
 */
import * as v from "valibot";
import { CURRENCIES, ENTITY_TYPES, METRICS } from "../core/vocabulary.ts";

/** Exchange-rate pairs the table may hold: 1 unit of the first currency in the second. */
export const RATE_PAIRS = ["CNY/KRW", "USD/CNY", "USD/KRW"] as const;

export { CURRENCIES, ENTITY_TYPES };
export type { EntityType } from "../core/vocabulary.ts";

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"));
const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]*$/, "must be a lower-case id (a-z, 0-9, '.', '-')"));
/** "2025", "2025-02" or "2025-02-24". */
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD"));
const bilingual = v.strictObject({ ko: nonEmpty, en: nonEmpty });

export const SOURCE_KINDS = ["primary", "news", "blog"] as const;

export const SourceSchema = v.strictObject({
  id,
  publisher: nonEmpty,
  /** As published; null when the copy that was read had none (never invented). */
  title: v.nullable(nonEmpty),
  date: v.nullable(isoDate),
  /** True when the date is inferred from internal evidence rather than printed. */
  dateApprox: v.optional(v.boolean()),
  url: v.nullable(v.pipe(v.string(), v.url("must be a URL"))),
  kind: v.picklist(SOURCE_KINDS),
  /**
   * Key of the original report this source relays (wire copy, translation of
   * the same CNBC story …). Sources sharing a key, or whose id is another's key,
   * count once when agreement is computed.
   */
  relays: v.optional(id),
});

export const ValueSchema = v.strictObject({
  amount: v.number(),
  /** A currency code, "percent", or a plain counting unit ("employees", "users" …). */
  unit: nonEmpty,
});

export const VariantSchema = v.strictObject({
  /** What this source (or group of sources) says, in our words. */
  text: bilingual,
  value: v.optional(ValueSchema),
  sources: v.array(id),
  /** Why it differs (exchange-rate date, scope, rounding …). */
  reason: v.optional(bilingual),
});

export const FactSchema = v.strictObject({
  id,
  claim: bilingual,
  date: isoDate,
  value: v.optional(ValueSchema),
  sources: v.pipe(v.array(id), v.minLength(1, "a fact needs at least one source")),
  /** Sources that state something different (see variants). */
  contrarySources: v.optional(v.array(id)),
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

const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD"));
/** An entity id, or a segment of one reported on its own ("alibaba-group#cloud"). */
const ownerId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]*(#[a-z0-9-]+)?$/, "must be an entity or segment id"));
const positive = v.pipe(v.number(), v.minValue(0, "must not be negative"));

/** A value a source reported for a figure that the rate table does not give (a loose conversion, a rounding). */
export const ReportedValueSchema = v.strictObject({
  amount: positive,
  currency: v.picklist(CURRENCIES),
  qualifier: v.optional(v.picklist(["exact", "at-least", "about"])),
  sources: v.pipe(v.array(id), v.minLength(1, "a reported value needs its source")),
  reason: bilingual,
});

/**
 * A checkable figure: whose it is, what it measures, over which period, its value as stated (with the place
 * of its last digit and its qualifier), and the sources that state it. Conversions are not typed here: they
 * are derived from the rate table for the dates between `published` and the page's date.
 */
export const FigureSchema = v.strictObject({
  id,
  /** The entity whose card explains the figure (a figure entity, or the company the fact is about). */
  entity: id,
  /** The fact of that entity that states it. */
  fact: v.optional(id),
  label: bilingual,
  owners: v.pipe(v.array(ownerId), v.minLength(1, "a figure needs its owner")),
  metric: v.picklist(METRICS),
  period: v.strictObject({
    from: day,
    to: day,
    /** How Korean articles name it (shown on the card). */
    ko: v.pipe(v.array(nonEmpty), v.minLength(1)),
    /** First month of the owner's fiscal year (Alibaba: 4); 1 for the calendar year. */
    fiscalStartMonth: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12))),
  }),
  /** When it became public: the first date a conversion of it can use. */
  published: day,
  value: v.strictObject({
    amount: v.number(),
    currency: v.picklist(CURRENCIES),
    /** The place of the last digit it is stated to: 1e8 for 3800억, 1e6 for 182억2800만. */
    precision: v.pipe(v.number(), v.minValue(1, "must be at least 1")),
    qualifier: v.picklist(["exact", "at-least", "about"]),
  }),
  /** Words that pin the figure down in a sentence that names no period (반독점 for the 2021 fine). */
  identifiedBy: v.optional(v.array(nonEmpty)),
  sources: v.pipe(v.array(id), v.minLength(1, "a figure needs at least one source")),
  reported: v.optional(v.array(ReportedValueSchema)),
});

/** A business unit reported on its own (Alibaba's cloud segment): who it belongs to and how articles name it. */
export const SegmentSchema = v.strictObject({
  id: ownerId,
  label: bilingual,
  parent: id,
  /** Entities that are this segment (알리바바 클라우드). */
  entities: v.array(id),
  /** Words that name it next to its parent ("알리바바의 클라우드 부문 매출"). */
  words: v.pipe(v.array(nonEmpty), v.minLength(1)),
});

export const FiguresFileSchema = v.strictObject({
  segments: v.array(SegmentSchema),
  /** People whose statements are their company's: person entity → company entity. */
  speakers: v.record(id, id),
  figures: v.array(FigureSchema),
});

/** One exchange rate as a source used it: 1 base = rate quote on date. */
export const RateSchema = v.strictObject({
  id,
  pair: v.picklist(RATE_PAIRS),
  rate: v.pipe(v.number(), v.minValue(0.000001, "must be positive")),
  date: day,
  sources: v.pipe(v.array(id), v.minLength(1, "a rate needs its source")),
  /** How the rate was read from the source (its own conversion of a stated amount …). */
  note: v.optional(bilingual),
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
  sources: v.array(SourceSchema),
  entities: v.array(EntitySchema),
  corrections: v.optional(v.array(CorrectionSchema)),
  figures: v.optional(FiguresFileSchema),
  rates: v.optional(v.array(RateSchema)),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Fact = v.InferOutput<typeof FactSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type Segment = v.InferOutput<typeof SegmentSchema>;
export type Rate = v.InferOutput<typeof RateSchema>;
export type FiguresFile = v.InferOutput<typeof FiguresFileSchema>;
export type Correction = v.InferOutput<typeof CorrectionSchema>;
export type KnowledgeBaseInput = v.InferOutput<typeof KnowledgeBaseSchema>;
