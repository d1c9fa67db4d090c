/**
 * The words every context shares, defined once: entity types, currencies, figure verdicts and stepping
 * directions. The knowledge-base schema, the messages and the UI take their unions from here.
 */

export const ENTITY_TYPES = ["organization", "product", "person", "figure"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const CURRENCIES = ["CNY", "KRW", "USD"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Agreement between an amount on the page and a verified figure. */
export const FIGURE_VERDICTS = ["match", "conversion-match", "differs", "unverifiable"] as const;
export type FigureVerdict = (typeof FIGURE_VERDICTS)[number];

/** Stepping through mentions: the keyboard commands and the popup's ↑/↓. */
export const DIRECTIONS = ["next", "previous"] as const;
export type Direction = (typeof DIRECTIONS)[number];
