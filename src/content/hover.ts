/**
 * Pointer → card. Hit-tests at most once per animation frame, opens the card
 * after a short delay on the same mention, keeps it while the pointer is over
 * the mention or the card, and closes it on Esc or when the pointer leaves.
 */
import type { MentionHighlighter, MentionRecord } from "./highlighter";
import type { HoverCard } from "./card";
import type { EntityDetails } from "../kb/details";

export const HOVER_DELAY_MS = 250;
const CLOSE_GRACE_MS = 300;

export class HoverController {
  #doc: Document;
  #highlighter: MentionHighlighter;
  #card: HoverCard;
  #loadDetails: (entity: string) => Promise<EntityDetails | null>;
  #pending: MentionRecord | null = null;
  #openTimer = 0;
  #closeTimer = 0;
  #frame = 0;
  #insideCard = false;
  #abort = new AbortController();

  constructor(options: {
    doc: Document;
    highlighter: MentionHighlighter;
    card: HoverCard;
    loadDetails: (entity: string) => Promise<EntityDetails | null>;
  }) {
    this.#doc = options.doc;
    this.#highlighter = options.highlighter;
    this.#card = options.card;
    this.#loadDetails = options.loadDetails;
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
    win.addEventListener("pointermove", (event) => {
      if (event.pointerType === "touch") return;
      const { clientX, clientY } = event;
      if (this.#frame) return;
      this.#frame = win.requestAnimationFrame(() => {
        this.#frame = 0;
        this.#onPoint(clientX, clientY);
      });
    }, { passive: true, signal, capture: true });
    win.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.#card.open) this.close();
    }, { signal, capture: true });
  }

  stop(): void {
    this.#abort.abort();
    this.close();
  }

  close(): void {
    clearTimeout(this.#openTimer);
    clearTimeout(this.#closeTimer);
    this.#pending = null;
    this.#card.hide();
  }

  #onPoint(x: number, y: number): void {
    if (this.#insideCard) return;
    const hit = this.#highlighter.hitTest(this.#doc, x, y);
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
    this.#openTimer = window.setTimeout(() => void this.openFor(hit), HOVER_DELAY_MS);
  }

  #scheduleClose(): void {
    clearTimeout(this.#closeTimer);
    this.#closeTimer = window.setTimeout(() => {
      if (!this.#insideCard) {
        this.#pending = null;
        this.#card.hide();
      }
    }, CLOSE_GRACE_MS);
  }

  async openFor(mention: MentionRecord): Promise<void> {
    const details = await this.#loadDetails(mention.entity);
    if (!details) return;
    if (this.#pending !== null && this.#pending !== mention) return; // the pointer moved on meanwhile
    clearTimeout(this.#closeTimer);
    this.#card.show(mention, details);
  }
}
