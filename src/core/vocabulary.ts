/**
 * The words every context shares, defined once: entity types, currencies, figure verdicts and stepping
 * directions. The knowledge-base schema, the messages and the UI take their unions from here.
 */

export const ENTITY_TYPES = ["organization", "product", "person", "figure"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const CURRENCIES = ["CNY", "KRW", "USD"] as const;
export type Currency = (typeof CURRENCIES)[number];

/**
 * What the claim reader says about an amount it could attribute to a verified figure (owner, metric and period
 * agreeing): `match` the figure as stated, `conversion` the figure in another currency at a sourced rate (or a
 * documented report of it), `differs` another value, `unit-slip` the figure off by a power of ten. Anything it
 * cannot attribute gets no verdict at all.
 */
export const FIGURE_VERDICTS = ["match", "conversion", "differs", "unit-slip"] as const;
export type FigureVerdict = (typeof FIGURE_VERDICTS)[number];

/** What a figure measures; the claim reader maps Korean and English metric nouns onto these. */
export const METRICS = [
  "infra-plan",
  "rnd-plan",
  "spending",
  "stake-investment",
  "acquisition",
  "revenue",
  "net-income",
  "operating-income",
  "fine",
  "ipo-proceeds",
] as const;
export type Metric = (typeof METRICS)[number];

/** Stepping through mentions: the keyboard commands and the popup's ↑/↓. */
export const DIRECTIONS = ["next", "previous"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * A fact's verification status, each one rule (src/kb/status.ts): corroborated by independent reports,
 * resting on the company's or a regulator's own statement, resting on one report, or disputed.
 */
export const VERIFICATION_STATUSES = ["corroborated", "company", "single-source", "disputed"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/**
 * Who published a source: the company or a regulator, a news agency, an outlet, a reference work, a blog, an
 * aggregator.
 */
export const PUBLISHER_KINDS = ["primary", "wire", "news", "reference", "blog", "aggregator"] as const;
export type PublisherKind = (typeof PUBLISHER_KINDS)[number];

/**
 * How one source's version of a fact differs from the claim. Notation (a conversion, a rounding, a spelling) and a
 * different basis or an added detail leave the source a supporter; an error or a contradiction does not.
 */
export const VARIANT_DIFFERENCES = [
  "conversion",
  "rounding",
  "spelling",
  "basis",
  "detail",
  "error",
  "contradiction",
] as const;
export type VariantDifference = (typeof VARIANT_DIFFERENCES)[number];
export const NOTATION_DIFFERENCES: readonly VariantDifference[] = ["conversion", "rounding", "spelling"];

/**
 * What a fact that can go stale says is current, one holder at a time per slot: a role (알리바바 클라우드 CTO), the
 * latest of something (the newest Qwen generation), a running total, a ranking, a market share.
 */
export const CURRENT_KINDS = ["role", "latest", "total", "ranking", "share"] as const;
export type CurrentKind = (typeof CURRENT_KINDS)[number];
