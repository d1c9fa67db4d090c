/**
 * The one protocol between Maekrak's contexts (content script, background,
 * popup). Every message is a valibot schema keyed by `type`; the TypeScript
 * types are inferred from the schemas, and receivers validate before acting,
 * because messages from other extensions and from page scripts can arrive.
 * Pure: no browser API here (see bus.ts for the sending half).
 */
import * as v from "valibot";

const entityId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]{0,63}$/));

/* ---------- popup → content script ---------- */

export const GetPageMentions = v.strictObject({ type: v.literal("getPageMentions") });
export const ScrollToMention = v.strictObject({
  type: v.literal("scrollToMention"),
  entity: entityId,
  /** "next"/"previous" relative to the last mention shown for this entity. */
  direction: v.picklist(["next", "previous"]),
});
export const PopupToContent = v.variant("type", [GetPageMentions, ScrollToMention]);
export type PopupToContent = v.InferOutput<typeof PopupToContent>;

/* ---------- content script → background ---------- */

export const MentionsChanged = v.strictObject({
  type: v.literal("mentionsChanged"),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export const GetEntityDetails = v.strictObject({ type: v.literal("getEntityDetails"), entity: entityId });
export const ContentToBackground = v.variant("type", [MentionsChanged, GetEntityDetails]);
export type ContentToBackground = v.InferOutput<typeof ContentToBackground>;

/* ---------- replies ---------- */

export type EntityCount = {
  entity: string;
  type: "organization" | "product" | "person" | "figure";
  count: number;
  /** Distinct surface forms as written on the page (통이첸원, Qwen …). */
  forms: string[];
  /** For figures: the verdicts of the amounts on the page. */
  verdicts?: Array<"match" | "conversion-match" | "differs" | "unverifiable">;
};

export type PageMentions = { url: string; title: string; total: number; entities: EntityCount[] };
export type ScrollResult = { index: number; total: number } | null;

/** What each request answers, so send() is typed end to end. */
export type Replies = {
  getPageMentions: PageMentions;
  scrollToMention: ScrollResult;
  mentionsChanged: void;
  getEntityDetails: import("../kb/details").EntityDetails | null;
};

export type AnyMessage = PopupToContent | ContentToBackground;
