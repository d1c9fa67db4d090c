/**
 * Pointer and keyboard → card. Hit-tests at most once per animation frame,
 * opens the card after the reader's hover delay on the same mention (only
 * while the hold key is down, if they chose one), keeps it while the pointer
 * is over the mention or the card, and closes it on Esc or when the pointer
 * leaves — unless the reader pinned it.
 */
import type { MentionHighlighter, MentionRecord } from "./highlighter";
import type { HoverCard } from "./card";
import type { EntityDetails } from "../kb/details";
import type { HoldKey } from "../core/settings";

const CLOSE_GRACE_MS = 300;

export type HoverOptions = { delayMs: number; holdKey: HoldKey };

const held = (event: { altKey: boolean; shiftKey: boolean; ctrlKey: boolean }, key: HoldKey): boolean =>
  key === "none" ||
  (key === "Alt" && event.altKey) ||
  (key === "Shift" && event.shiftKey) ||
  (key === "Control" && event.ctrlKey);

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
        if (event.pointerType === "touch") return;
        const { clientX, clientY } = event;
        this.#lastPoint = { x: clientX, y: clientY };
        const keyHeld = held(event, this.#options.holdKey);
        if (this.#frame) return;
        this.#frame = win.requestAnimationFrame(() => {
          this.#frame = 0;
          this.#onPoint(clientX, clientY, keyHeld);
        });
      },
      { passive: true, signal, capture: true },
    );
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
    this.close();
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
   * Opens the card for `mention`. `force`: opened on request (keyboard command, popup), not by the
   * pointer, so it replaces a pinned card and ignores where the pointer is; `focus` moves keyboard focus into it.
   */
  async openFor(mention: MentionRecord, options: { focus?: boolean; force?: boolean } = {}): Promise<void> {
    if (this.#card.pinned && !options.force) return; // a pinned card stays until the reader closes it
    if (options.force) this.#pending = mention;
    const details = await this.#loadDetails(mention.entity);
    if (!details) {
      if (this.#pending === mention) this.#pending = null; // resting on it again tries again
      return;
    }
    if (this.#pending !== null && this.#pending !== mention) return; // the pointer (or another request) moved on meanwhile
    clearTimeout(this.#closeTimer);
    this.#card.show(mention, details, { focus: options.focus });
  }
}
