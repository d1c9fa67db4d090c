/** Shared vocabulary of the core: what a mention is, independent of any DOM. */
import type { Currency, EntityType, FigureVerdict } from "./vocabulary.ts";
import type { MoneyAmount } from "./money.ts";
import type { ClaimRead } from "./claims.ts";

export type { Currency, EntityType, FigureVerdict };

export type Mention = {
  /** UTF-16 offsets into the scanned text; the span covers the name only, never a particle. */
  start: number;
  end: number;
  text: string;
  entity: string;
  type: EntityType;
  /** How it was recognised: a plain alias, a context form (차이 회장, 알리 next to 테무), or a money amount. */
  via: "alias" | "context" | "figure";
  /** Why a context form or a differently spelled name was linked (the card says it). */
  reason?: LinkReason;
  figure?: {
    amount: MoneyAmount;
    verdict: FigureVerdict;
    /** The figure record it was checked against. */
    id: string;
    /** Owner, metric word and period as the claim reader read them in the sentence. */
    read: ClaimRead;
    /** The rate (rates.json id; "a+b" through dollars) a conversion was checked at. */
    rate?: string;
    /** The documented report (index into the figure's `reported`) a conversion matches. */
    reported?: number;
    /** For a unit slip: the amount the article most likely meant, in its own currency. */
    intended?: number;
  };
};

/**
 * Why a form that needs evidence was linked: the entity named earlier on the page (as written there), a cue
 * word in the same paragraph, or a long name spelled with one character off (the name as the KB writes it).
 */
export type LinkReason =
  | { kind: "named-before"; name: string }
  | { kind: "cue"; cue: string }
  | { kind: "spelling"; intended: string };

/** What the matcher needs to know of an entity: compiled from the knowledge base at build time. */
export type MatcherEntity = {
  id: string;
  type: EntityType;
  aliases: string[];
  /** Aliases from this index on were generated from the data (their misspellings are not tolerated). */
  generatedFrom?: number;
  contextAliases?: Array<{ text: string; rule: "after-full-name" | "near-cue"; cues?: string[]; after?: string[] }>;
};
