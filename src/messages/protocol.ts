/**
 * The one protocol between Maekrak's contexts (content script, background,
 * popup). Every message is a valibot schema keyed by `type`; the TypeScript
 * types are inferred from the schemas, and receivers validate before acting,
 * because messages from other extensions and from page scripts can arrive.
 * Pure: no browser API here (see bus.ts for the sending half).
 */
import * as v from "valibot";
import type { Currency, EntityType, FigureVerdict } from "../core/vocabulary";
import { DIRECTIONS, ENTITY_TYPES } from "../core/vocabulary";

const entityId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]{0,63}$/));

/* ---------- popup → content script ---------- */

export const GetPageMentions = v.strictObject({ type: v.literal("getPageMentions") });
export const ScrollToMention = v.strictObject({
  type: v.literal("scrollToMention"),
  entity: entityId,
  /** "next"/"previous" relative to the last mention shown for this entity. */
  direction: v.picklist(DIRECTIONS),
});
/** Jump to the next/previous mention on the page (any entity) and open its card: the keyboard commands. */
export const StepMention = v.strictObject({
  type: v.literal("stepMention"),
  direction: v.picklist(DIRECTIONS),
});
/** The popup's "이 기사의 수치 점검": scroll to the index-th checked amount (document order) and open its card. */
export const ShowClaim = v.strictObject({
  type: v.literal("showClaim"),
  index: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/**
 * "이 페이지에서 실행": the popup injected the content script through activeTab; run on this page until it is
 * reloaded, whatever the site's setting (nothing is kept).
 */
export const RunOnPage = v.strictObject({ type: v.literal("runOnPage") });
/** Popup and background (keyboard commands) → content script. */
export const PopupToContent = v.variant("type", [GetPageMentions, ScrollToMention, StepMention, ShowClaim, RunOnPage]);
export type PopupToContent = v.InferOutput<typeof PopupToContent>;

/* ---------- content script → background ---------- */

/** The most blocks one readClaims message carries (the content script sends more in the next one). */
export const MAX_CLAIM_BLOCKS = 200;

export const MentionsChanged = v.strictObject({
  type: v.literal("mentionsChanged"),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export const GetEntityDetails = v.strictObject({ type: v.literal("getEntityDetails"), entity: entityId });
/** "More in the popup" on a card: show this entity's full details in the popup. */
export const OpenInPopup = v.strictObject({ type: v.literal("openInPopup"), entity: entityId });
/**
 * The screen-reader announcement for `count` mentions, worded by the background: the first
 * i18n.getMessage in a page loads the whole catalog, the largest start-up cost in the profile
 * (bench/results/design-notes.md).
 */
export const GetAnnouncement = v.strictObject({
  type: v.literal("getAnnouncement"),
  count: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
/**
 * The blocks whose amounts the claim reader reads (core/claim-blocks.ts), in page order: the background keeps the
 * reader, warm from page to page, and the claim state of each `page` (one scan of one document, named at random).
 * Replied with each block's figure mentions.
 */
export const ReadClaims = v.strictObject({
  type: v.literal("readClaims"),
  page: v.pipe(v.string(), v.regex(/^[a-z]{6,16}$/)),
  pageDate: v.optional(v.pipe(v.string(), v.isoDate())),
  blocks: v.pipe(
    v.array(
      v.strictObject({
        text: v.pipe(v.string(), v.maxLength(65_536)),
        names: v.array(
          v.strictObject({ start: offset, end: offset, entity: entityId, type: v.picklist(ENTITY_TYPES) }),
        ),
        namedBefore: v.boolean(),
      }),
    ),
    v.maxLength(MAX_CLAIM_BLOCKS),
  ),
});
export const ContentToBackground = v.variant("type", [
  MentionsChanged,
  GetEntityDetails,
  OpenInPopup,
  GetAnnouncement,
  ReadClaims,
]);
export type ContentToBackground = v.InferOutput<typeof ContentToBackground>;

/* ---------- replies ---------- */

export type EntityCount = {
  entity: string;
  type: EntityType;
  count: number;
  /** Distinct surface forms as written on the page (통이첸원, Qwen …). */
  forms: string[];
  /** For figures: the verdicts of the amounts on the page. */
  verdicts?: FigureVerdict[];
};

/** One amount the claim reader attributed to a verified figure, with its verdict. */
export type CheckedClaim = {
  /** The amount as written on the page. */
  text: string;
  verdict: FigureVerdict;
  /** The figure record (figures.json) and the entity whose card explains it. */
  figure: string;
  entity: string;
  currency: Currency;
  /** For a unit slip: the amount the article most likely meant. */
  intended?: number;
};

export type PageMentions = {
  url: string;
  title: string;
  total: number;
  entities: EntityCount[];
  /**
   * Every amount checked against a verified figure, in document order (amounts it could not attribute are not listed).
   */
  claims: CheckedClaim[];
  /** False when the reader turned Maekrak off for this site (the script runs but does nothing). */
  enabled: boolean;
};
export type ScrollResult = { index: number; total: number } | null;

/** What each request answers, so send() is typed end to end. */
export type Replies = {
  getPageMentions: PageMentions;
  scrollToMention: ScrollResult;
  stepMention: ScrollResult;
  showClaim: ScrollResult;
  runOnPage: PageMentions;
  mentionsChanged: undefined;
  openInPopup: undefined;
  getAnnouncement: string;
  getEntityDetails: import("../kb/details").EntityDetails | null;
  readClaims: import("../core/types").Mention[][];
};

export type AnyMessage = PopupToContent | ContentToBackground;
