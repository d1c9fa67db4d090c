/**
 * Pointer and keyboard → card. Mouse and pen hover: hit-tests at most once
 * per animation frame, opens the card after the reader's hover delay on the
 * same mention (only while the hold key is down, if they chose one), keeps it
 * while the pointer is over the mention or the card, and closes it on Esc or
 * when the pointer leaves — unless the reader pinned it. Touch: a tap on a
 * mention opens its card and a tap elsewhere closes it; a mention inside a
 * link keeps the link's tap and opens on a long press (or on a tap, if the
 * reader chose so). Every touch listener is passive except the click and
 * contextmenu ones, which cancel only what the reader's own tap or long press
 * on a mention would otherwise also do, so panning, pinch-zoom and text
 * selection stay the browser's.
 */
import type { MentionHighlighter, MentionRecord } from "./highlighter";
import type { HoverCard } from "./card";
import type { EntityDetails } from "../kb/details";
import type { HoldKey, LinkTap } from "../core/settings";

const CLOSE_GRACE_MS = 300;
/** Within this distance a touch is still a tap (a finger wobbles); beyond it, it is a pan. */
const TAP_SLOP_PX = 10;
/** A touch held this long on a link mention opens its card (browsers show their link menu at about 500 ms). */
export const LONG_PRESS_MS = 450;
/** The click that follows the tap or long press that opened a card arrives within this time. */
const CLICK_AFTER_TOUCH_MS = 1000;

export type HoverOptions = { delayMs: number; holdKey: HoldKey; tapToOpen: boolean; linkTap: LinkTap };

const held = (event: { altKey: boolean; shiftKey: boolean; ctrlKey: boolean }, key: HoldKey): boolean =>
  key === "none" ||
  (key === "Alt" && event.altKey) ||
  (key === "Shift" && event.shiftKey) ||
  (key === "Control" && event.ctrlKey);

/** The link a mention sits in (its text is the link's), if any. */
export const linkOf = (mention: MentionRecord): HTMLAnchorElement | null =>
  mention.range.startContainer.parentElement?.closest<HTMLAnchorElement>("a[href]") ?? null;

/** One finger on the page, from pointerdown to pointerup. */
type TouchTrack = {
  id: number;
  x: number;
  y: number;
  /** performance.now() at pointerdown: a touch held past LONG_PRESS_MS is a long press, never a tap. */
  at: number;
  hit: MentionRecord | null;
  link: HTMLAnchorElement | null;
  /** Moved past the slop, a second finger came, or the browser took the gesture over (pan, zoom). */
  cancelled: boolean;
  longPressed: boolean;
  timer: number;
};

export class HoverController {
  #doc: Document;
  #highlighter: MentionHighlighter;
  #card: HoverCard;
  #loadDetails: (entity: string) => Promise<EntityDetails | null>;
  #options: HoverOptions;
  #pending: MentionRecord | null = null;
  #openTimer = 0;
  #closeTimer = 0;
  #frame = 0;
  #insideCard = false;
  #lastPoint: { x: number; y: number } | null = null;
  #lastKeyHeld = false;
  #touch: TouchTrack | null = null;
  /** Where and until when the click of a touch that opened a card is cancelled (so a link is not followed too). */
  #swallowClick: { x: number; y: number; until: number } | null = null;
  #abort = new AbortController();

  constructor(options: {
    doc: Document;
    highlighter: MentionHighlighter;
    card: HoverCard;
    loadDetails: (entity: string) => Promise<EntityDetails | null>;
    hover: HoverOptions;
  }) {
    this.#doc = options.doc;
    this.#highlighter = options.highlighter;
    this.#card = options.card;
    this.#loadDetails = options.loadDetails;
    this.#options = options.hover;
  }

  set options(options: HoverOptions) {
    this.#options = options;
  }

  /** Called by the card when the pointer enters or leaves it. */
  pointerInsideCard(inside: boolean): void {
    this.#insideCard = inside;
    if (inside) clearTimeout(this.#closeTimer);
    else this.#scheduleClose();
  }

  start(): void {
    const signal = this.#abort.signal;
    const win = this.#doc.defaultView!;
    win.addEventListener(
      "pointermove",
      (event) => {
        if (event.pointerType === "touch") return this.#touchMove(event);
        this.#lastPoint = { x: event.clientX, y: event.clientY };
        this.#lastKeyHeld = held(event, this.#options.holdKey);
        if (this.#frame) return;
        // One hit-test per frame, at the frame's last point: where the pointer came to rest.
        this.#frame = win.requestAnimationFrame(() => {
          this.#frame = 0;
          const point = this.#lastPoint!;
          this.#onPoint(point.x, point.y, this.#lastKeyHeld);
        });
      },
      { passive: true, signal, capture: true },
    );
    const passive = { passive: true, signal, capture: true };
    win.addEventListener("pointerdown", (event) => this.#touchDown(event), passive);
    win.addEventListener("pointerup", (event) => this.#touchUp(event), passive);
    win.addEventListener("pointercancel", (event) => this.#touchCancel(event), passive);
    // Not passive: these two may cancel the default of a touch that opened a card (following the link, the menu).
    win.addEventListener("click", (event) => this.#clickAfterTouch(event), { signal, capture: true });
    win.addEventListener("contextmenu", (event) => this.#contextMenu(event), { signal, capture: true });
    win.addEventListener(
      "keydown",
      (event) => {
        if (event.key === "Escape" && this.#card.open) {
          this.close();
          return;
        }
        // Pressing the hold key while resting on a mention opens its card.
        if (
          this.#options.holdKey !== "none" &&
          event.key === this.#options.holdKey &&
          this.#lastPoint &&
          !event.repeat
        ) {
          this.#pending = null;
          this.#onPoint(this.#lastPoint.x, this.#lastPoint.y, true);
        }
      },
      { signal, capture: true },
    );
  }

  stop(): void {
    this.#abort.abort();
    this.#endTouch();
    this.close();
  }

  #touchDown(event: PointerEvent): void {
    if (event.pointerType !== "touch") return;
    this.#endTouch();
    if (!event.isPrimary) return; // a second finger: pinch-zoom or a multi-finger gesture, never a tap
    if (!this.#options.tapToOpen || this.#card.containsEvent(event)) return;
    // With text selected, a tap only dismisses the selection (the browser's); nothing opens.
    const selection = this.#doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    const { clientX: x, clientY: y } = event;
    const hit = this.#highlighter.hitTest(this.#doc, x, y);
    const link = hit ? linkOf(hit) : null;
    const track: TouchTrack = {
      id: event.pointerId,
      x,
      y,
      at: performance.now(),
      hit,
      link,
      cancelled: false,
      longPressed: false,
      timer: 0,
    };
    if (hit && link && this.#options.linkTap === "follow")
      track.timer = window.setTimeout(() => this.#longPress(track), LONG_PRESS_MS);
    this.#touch = track;
  }

  #touchMove(event: PointerEvent): void {
    const track = this.#touch;
    if (!track || track.id !== event.pointerId || track.cancelled) return;
    if (Math.hypot(event.clientX - track.x, event.clientY - track.y) > TAP_SLOP_PX) this.#cancelTouch(track);
  }

  #touchCancel(event: PointerEvent): void {
    if (this.#touch?.id === event.pointerId) this.#endTouch();
  }

  #cancelTouch(track: TouchTrack): void {
    track.cancelled = true;
    clearTimeout(track.timer);
  }

  #endTouch(): void {
    if (this.#touch) clearTimeout(this.#touch.timer);
    this.#touch = null;
  }

  #longPress(track: TouchTrack): void {
    if (this.#touch !== track || track.cancelled || !track.hit) return;
    track.longPressed = true;
    this.#openByTouch(track.hit, track);
  }

  #touchUp(event: PointerEvent): void {
    const track = this.#touch;
    if (event.pointerType !== "touch" || !track || track.id !== event.pointerId) return;
    this.#endTouch();
    if (track.cancelled) return;
    if (track.longPressed) {
      this.#swallowClickAt(track); // the click some browsers send after a long press would follow the link
      return;
    }
    if (performance.now() - track.at >= LONG_PRESS_MS) return; // the browser's long press (selecting text)
    if (!track.hit) {
      if (this.#card.open && !this.#card.pinned) this.close(); // a tap elsewhere
      return;
    }
    if (track.link && this.#options.linkTap === "follow") return; // the link's own tap
    if (track.link) this.#swallowClickAt(track);
    this.#openByTouch(track.hit, track);
  }

  #openByTouch(mention: MentionRecord, track: TouchTrack): void {
    this.#pending = null;
    void this.openFor(mention, { force: true, focus: true, touch: true, link: track.link });
  }

  #swallowClickAt(track: TouchTrack): void {
    this.#swallowClick = { x: track.x, y: track.y, until: performance.now() + CLICK_AFTER_TOUCH_MS };
  }

  #clickAfterTouch(event: MouseEvent): void {
    const swallow = this.#swallowClick;
    if (!swallow) return;
    this.#swallowClick = null;
    const near = Math.hypot(event.clientX - swallow.x, event.clientY - swallow.y) <= TAP_SLOP_PX * 2;
    if (performance.now() > swallow.until || !near) return;
    event.preventDefault();
    event.stopPropagation();
  }

  /** A long press the browser recognised before our timer did: the card instead of the link menu. */
  #contextMenu(event: MouseEvent): void {
    const track = this.#touch;
    if (!track || track.cancelled || !track.hit || !track.link || this.#options.linkTap !== "follow") return;
    event.preventDefault();
    if (!track.longPressed) this.#longPress(track);
  }

  close(): void {
    clearTimeout(this.#openTimer);
    clearTimeout(this.#closeTimer);
    this.#pending = null;
    this.#insideCard = false;
    this.#card.hide();
  }

  #onPoint(x: number, y: number, keyHeld: boolean): void {
    if (this.#insideCard) return;
    const hit = keyHeld ? this.#highlighter.hitTest(this.#doc, x, y) : null;
    if (hit && hit === this.#card.open) {
      clearTimeout(this.#closeTimer);
      return;
    }
    if (hit === this.#pending) return;
    clearTimeout(this.#openTimer);
    this.#pending = hit;
    if (!hit) {
      if (this.#card.open) this.#scheduleClose();
      return;
    }
    this.#openTimer = window.setTimeout(() => void this.openFor(hit), this.#options.delayMs);
  }

  #scheduleClose(): void {
    clearTimeout(this.#closeTimer);
    if (this.#card.pinned) return;
    this.#closeTimer = window.setTimeout(() => {
      if (!this.#insideCard && !this.#card.pinned && !this.#card.hasFocus) {
        this.#pending = null;
        this.#card.hide();
      }
    }, CLOSE_GRACE_MS);
  }

  /**
   * Opens the card for `mention` (beside a pinned card, which stays until the reader closes it). `force`: opened on
   * request (keyboard command, popup), not by the pointer, so it ignores where the pointer is; `focus` moves keyboard
   * focus into it.
   */
  async openFor(
    mention: MentionRecord,
    options: { focus?: boolean; force?: boolean; touch?: boolean; link?: HTMLAnchorElement | null } = {},
  ): Promise<void> {
    if (options.force) this.#pending = mention;
    const details = await this.#loadDetails(mention.entity);
    if (!details) {
      if (this.#pending === mention) this.#pending = null; // resting on it again tries again
      return;
    }
    if (this.#pending !== null && this.#pending !== mention) return; // the pointer (or another request) moved on meanwhile
    clearTimeout(this.#closeTimer);
    this.#card.show(mention, details, { focus: options.focus, touch: options.touch, link: options.link });
  }
}
