/**
 * The knowledge base's authoring schema. The JSON files in src/kb/data are
 * checked against it at build time (vite plugin) and in the unit tests; the
 * TypeScript types are inferred from it so data and code cannot drift.
 * Pure: no DOM, no browser API.
 */
import * as v from "valibot";
import {
  CURRENCIES,
  CURRENT_KINDS,
  ENTITY_TYPES,
  METRICS,
  PUBLISHER_KINDS,
  VARIANT_DIFFERENCES,
} from "../core/vocabulary.ts";

/** Exchange-rate pairs the table may hold: 1 unit of the first currency in the second. */
export const RATE_PAIRS = ["CNY/KRW", "USD/CNY", "USD/KRW"] as const;

export { CURRENCIES, CURRENT_KINDS, ENTITY_TYPES, PUBLISHER_KINDS, VARIANT_DIFFERENCES };
export type { CurrentKind, EntityType, PublisherKind, VariantDifference } from "../core/vocabulary.ts";

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"));
const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]*$/, "must be a lower-case id (a-z, 0-9, '.', '-')"));
/** "2025", "2025-02" or "2025-02-24". */
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD"));
const bilingual = v.strictObject({ ko: nonEmpty, en: nonEmpty });
/** "alibaba-cloud/cto": an entity id, a slash, a name. */
const qualifiedId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9.-]*$/, "must be <entity id>/<name> (lower case)"),
);

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
   * evidence shows; contradiction: a different account. Sources of an error or a contradiction do not support the
   * claim.
   */
  difference: v.picklist(VARIANT_DIFFERENCES),
  /**
   * An error's forms as pages write it ("2023년 5월 출시"): where a paragraph holds one, the card shows a correction
   * box. An error lists them or says why none can be told from correct text (formsWithheld; compile.ts).
   */
  misreported: v.optional(v.pipe(v.array(nonEmpty), v.minLength(1))),
  /** Why an error lists no page form: every way to write it also reads as a true statement (no box: right or silent). */
  formsWithheld: v.optional(nonEmpty),
  /** Why it differs (exchange-rate date, scope, rounding …). */
  reason: v.optional(bilingual),
});

/** One thing a fact says is current: a slot (a role, the newest of a line …) and who or what holds it. */
export const CurrentSchema = v.strictObject({
  kind: v.picklist(CURRENT_KINDS),
  /** The role or line, named from its entity: alibaba-cloud/cto, qwen/newest-generation, qwen/hf-downloads. */
  slot: qualifiedId,
  /**
   * Who or what holds it: an entity id, or a lower-case name for someone without an entity (li-feifei). Left out for
   * a total, a ranking or a share, whose holder is the fact itself (so two current ones always conflict).
   */
  holder: v.optional(id),
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
  /**
   * For a fact that can go stale (a role, the latest model, a running total, a ranking, a market share): the date it
   * is known to hold for, no later than its newest source. Shown as "2026년 9월 기준".
   */
  asOf: v.optional(isoDate),
  /** What it says is current: two facts not superseded cannot give one slot different holders. Needs asOf. */
  current: v.optional(v.array(CurrentSchema)),
  /** The newer fact of the same entity that replaces it (a role that changed, a newer model, a later total). */
  supersededBy: v.optional(id),
  /**
   * The research dossier's facts ("entity/fact") this one was written from, when its entity or id differ from theirs
   * (a fact moved to a model's own entity, split or merged): what kb:audit checks it against. Not shipped.
   */
  writtenFrom: v.optional(v.array(qualifiedId)),
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
  /**
   * near-cue forms: entities whose mention earlier on the page also supports this form (the entity itself, its
   * parent), as evidence besides the cues; the nearest evidence decides between entities sharing the form.
   */
  after: v.optional(v.array(id)),
  note: v.optional(nonEmpty),
});

/**
 * A Chinese name and how Korean text writes it: the matcher's Korean renderings are generated from the pinyin
 * at build time (src/kb/names.ts), the Sino-Korean reading from the traditional characters where articles use it.
 */
export const ChineseNameSchema = v.strictObject({
  /** Simplified characters. */
  hans: nonEmpty,
  /** Traditional characters, when they differ. */
  hant: v.optional(nonEmpty),
  /** Pinyin, words separated by spaces (tone marks optional): "Tongyi Qianwen". */
  pinyin: nonEmpty,
  /** The Sino-Korean reading (通義千問 → 통의천문) is used by articles: always, or only with evidence. */
  sinoKorean: v.optional(v.picklist(["alias", "context"])),
  /** False when Korean text translates the name rather than transliterating it (蚂蚁集团 is 앤트그룹). */
  rendered: v.optional(v.boolean()),
});

/** A listing: the exchange (a key of meta.json naming.exchanges) and the symbol there. */
export const TickerSchema = v.strictObject({ exchange: nonEmpty, symbol: nonEmpty });

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
  names: v.strictObject({
    ko: nonEmpty,
    en: nonEmpty,
    zh: v.optional(nonEmpty),
    /** Every Chinese name of the entity, with its pinyin (the Han forms among its aliases are among these). */
    chinese: v.optional(v.array(ChineseNameSchema)),
    tickers: v.optional(v.array(TickerSchema)),
  }),
  /** Forms that always refer to this entity (spacing variants are matched automatically). */
  aliases: v.pipe(v.array(nonEmpty), v.minLength(1, "an entity needs at least one alias")),
  contextAliases: v.optional(v.array(ContextAliasSchema)),
  /** The family a model generation or a unit belongs to (qwen3.8 → qwen): an entity id. */
  family: v.optional(id),
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
  /** When the knowledge base was last brought up to its research. */
  asOf: isoDate,
  /** The newest evidence behind it (YYYY-MM): a page dated later may describe events it does not know. */
  evidenceThrough: v.optional(isoDate),
  /**
   * People outside the scope whose names share a surname with a title form
   * (마화텅 and 마 회장): never marked, but after them a title form no longer
   * refers to our person.
   */
  otherPeople: v.optional(v.array(nonEmpty)),
  publishers: v.array(PublisherSchema),
  /** What the matcher's generated names are made from (src/kb/names.ts). */
  naming: v.optional(
    v.strictObject({
      /** Names outside the scope that begin with one of ours (티몰 지니 is not Tmall): never marked. */
      otherNames: v.array(nonEmpty),
      /** Words glued after an organization's or product's name that keep it that entity (알리바바닷컴). */
      unitWords: v.array(nonEmpty),
      /** Per exchange, how tickers are written with it: "{s}" is the symbol; `pad` zero-pads it (09988). */
      exchanges: v.record(
        v.string(),
        v.strictObject({ forms: v.array(nonEmpty), pad: v.optional(v.pipe(v.number(), v.integer())) }),
      ),
      /** Latin words of names and their Korean and mixed-script renderings (Qwen → 큐원, Tmall → T몰). */
      renderings: v.record(v.string(), v.array(nonEmpty)),
      /** Generated forms and near-misspellings that are ordinary Korean words (ordinary-words.json, extracted). */
      ordinaryWords: v.optional(v.array(nonEmpty)),
    }),
  ),
  sources: v.array(SourceSchema),
  entities: v.array(EntitySchema),
  corrections: v.optional(v.array(CorrectionSchema)),
  figures: v.optional(FiguresFileSchema),
  rates: v.optional(v.array(RateSchema)),
});

export type Publisher = v.InferOutput<typeof PublisherSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Variant = v.InferOutput<typeof VariantSchema>;
export type Value = v.InferOutput<typeof ValueSchema>;
export type Fact = v.InferOutput<typeof FactSchema>;
export type Current = v.InferOutput<typeof CurrentSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type Segment = v.InferOutput<typeof SegmentSchema>;
export type Rate = v.InferOutput<typeof RateSchema>;
export type FiguresFile = v.InferOutput<typeof FiguresFileSchema>;
export type Correction = v.InferOutput<typeof CorrectionSchema>;
export type ChineseName = v.InferOutput<typeof ChineseNameSchema>;
export type Naming = NonNullable<v.InferOutput<typeof KnowledgeBaseSchema>["naming"]>;
export type KnowledgeBaseInput = v.InferOutput<typeof KnowledgeBaseSchema>;
