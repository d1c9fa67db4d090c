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
