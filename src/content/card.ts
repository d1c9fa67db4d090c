/**
 * The hover card: one shadow host (the only node Maekrak adds to a page),
 * created on first use, with the card rendered inside a shadow root so
 * page CSS cannot restyle it. Placed by @floating-ui/dom above or below the
 * mention's line (never over it), flipping at viewport edges and following
 * scroll. The reader can pin it (it then stays until closed), drag it by its
 * header, and close it with the × button or Esc. The same shadow root holds
 * a polite live region for screen-reader announcements.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from "@floating-ui/dom";
import type { EntityDetails } from "../kb/details";
import type { MentionRecord } from "./highlighter";
import type { CardActions } from "./card-view";
import { renderCard } from "./card-view";
import { h } from "./dom";
import { t } from "../ui/i18n";
import themeCss from "../ui/theme.css?inline";
import cardCss from "./card.css?inline";
import { randomElementName } from "./random-names";
const CARD_MAX_HEIGHT = 520;
/** `!important` inline: beats page rules such as `* { all: unset !important }`. */
const HOST_STYLE = [
  "all: initial",
  "position: fixed",
  "top: 0",
  "left: 0",
  "z-index: 2147483647",
  "display: block",
  "width: 0",
  "height: 0",
]
  .map((rule) => `${rule} !important`)
  .join("; ");
/** Inline, not in the card's stylesheet, which is only added when a card is first shown. */
const VISUALLY_HIDDEN =
  "position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;";

export type CardEvents = {
  pointerInside(inside: boolean): void;
  /** The reader closed the card (× button). */
  closed(): void;
  openInPopup(entity: string): void;
};

export class HoverCard {
  #doc: Document;
  #host: HTMLElement | null = null;
  #shadow: ShadowRoot | null = null;
  #panel: HTMLElement | null = null;
  #live: HTMLElement | null = null;
  #stopFollowing: (() => void) | null = null;
  #current: MentionRecord | null = null;
  #pinned = false;
  #events: CardEvents;

  constructor(doc: Document, events: CardEvents) {
    this.#doc = doc;
    this.#events = events;
  }

  get open(): MentionRecord | null {
    return this.#current;
  }

  get pinned(): boolean {
    return this.#pinned;
  }

  get hasFocus(): boolean {
    return Boolean(this.#shadow?.activeElement);
  }

  /** The host element, once made (its tag is random per page). */
  get host(): HTMLElement | null {
    return this.#host;
  }

  /** The card's shadow root (closed: only Maekrak, and the test build's probes, hold it). */
  get root(): ShadowRoot | null {
    return this.#shadow;
  }

  /**
   * The one node Maekrak adds to a page: a host with a shadow root holding the live region. The card's styles
   * and panel are added on first show, so the announcement every page gets costs one element and one region.
   * The host's tag is random and its root closed, so a page script finds an unknown element and nothing in it.
   */
  #ensureHost(): ShadowRoot {
    if (this.#host && this.#shadow && this.#host.isConnected) return this.#shadow;
    const doc = this.#doc;
    const host = doc.createElement(randomElementName());
    host.setAttribute("style", HOST_STYLE);
    const shadow = host.attachShadow({ mode: "closed" });
    const live = h(doc, "div", { role: "status", "aria-live": "polite", style: VISUALLY_HIDDEN });
    shadow.append(live);
    doc.documentElement.append(host);
    this.#host = host;
    this.#shadow = shadow;
    this.#panel = null;
    this.#live = live;
    return shadow;
  }

  #ensurePanel(): { shadow: ShadowRoot; panel: HTMLElement } {
    const shadow = this.#ensureHost();
    if (this.#panel) return { shadow, panel: this.#panel };
    const doc = this.#doc;
    const style = doc.createElement("style");
    style.textContent = themeCss + cardCss;
    const panel = h(doc, "div", {
      class: "panel maekrak-theme",
      role: "dialog",
      "aria-labelledby": "maekrak-card-title",
      tabindex: "-1",
    });
    panel.hidden = true;
    panel.addEventListener("pointerenter", () => this.#events.pointerInside(true));
    panel.addEventListener("pointerleave", () => this.#events.pointerInside(false));
    panel.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      this.#events.closed();
    });
    shadow.prepend(style, panel);
    this.#panel = panel;
    return { shadow, panel };
  }

  /** Says `message` once to screen readers (polite), e.g. "N mentions on this page". */
  announce(message: string): void {
    this.#ensureHost();
    // Set after a frame so the region exists before its text changes (screen readers announce changes only).
    requestAnimationFrame(() => {
      if (this.#live) this.#live.textContent = message;
    });
  }

  show(mention: MentionRecord, details: EntityDetails, options: { focus?: boolean } = {}): void {
    const { panel } = this.#ensurePanel();
    this.#current = mention;
    this.#pinned = false;
    const actions: CardActions = {
      togglePin: () => this.setPinned(!this.#pinned),
      close: () => this.#events.closed(),
      openInPopup: () => this.#events.openInPopup(mention.entity),
      copy: (text) => this.#copy(text),
    };
    panel.replaceChildren(renderCard(this.#doc, details, mention, actions));
    panel.lang = t("lang") === "en" ? "en" : "ko";
    panel.dataset.entity = mention.entity;
    panel.classList.remove("pinned", "dragged");
    panel.hidden = false;
    this.#follow(mention.range, panel);
    this.#enableDrag(panel);
    if (options.focus) panel.focus({ preventScroll: true });
  }

  #follow(reference: Range, panel: HTMLElement): void {
    this.#stopFollowing?.();
    const place = () => {
      void computePosition(reference, panel, {
        strategy: "fixed",
        placement: "bottom-start",
        middleware: [
          inline(),
          offset(8),
          flip({ fallbackPlacements: ["top-start", "bottom-end", "top-end"] }),
          shift({ padding: 8 }),
          // Never taller than the room on the chosen side, so the card stays whole and off the line.
          size({
            padding: 8,
            apply({ availableHeight }) {
              panel.style.maxHeight = `${Math.max(120, Math.min(CARD_MAX_HEIGHT, Math.floor(availableHeight)))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        panel.style.left = `${Math.round(x)}px`;
        panel.style.top = `${Math.round(y)}px`;
      });
    };
    this.#stopFollowing = autoUpdate(reference, panel, place, { elementResize: false, layoutShift: false });
  }

  setPinned(pinned: boolean): void {
    if (!this.#panel || !this.#current) return;
    this.#pinned = pinned;
    this.#panel.classList.toggle("pinned", pinned);
    const button = this.#panel.querySelector<HTMLElement>("[data-action=pin]");
    button?.setAttribute("aria-pressed", String(pinned));
    button?.setAttribute("aria-label", t(pinned ? "card_unpin" : "card_pin"));
    button?.setAttribute("title", t(pinned ? "card_unpin" : "card_pin"));
  }

  /** Dragging the header moves the card and pins it (a moved card no longer follows the mention). */
  #enableDrag(panel: HTMLElement): void {
    const handle = panel.querySelector<HTMLElement>("[data-drag-handle]");
    if (!handle) return;
    handle.addEventListener("pointerdown", (down) => {
      if (down.button !== 0 || (down.target as Element).closest("button, a")) return;
      down.preventDefault();
      const rect = panel.getBoundingClientRect();
      const dx = down.clientX - rect.left;
      const dy = down.clientY - rect.top;
      handle.setPointerCapture(down.pointerId);
      const move = (event: PointerEvent) => {
        if (!this.#panel?.classList.contains("dragged")) {
          this.#stopFollowing?.();
          this.#stopFollowing = null;
          panel.classList.add("dragged");
          this.setPinned(true);
        }
        // The whole card stays inside the viewport.
        const maxX = Math.max(0, window.innerWidth - rect.width);
        const maxY = Math.max(0, window.innerHeight - panel.offsetHeight);
        panel.style.left = `${Math.round(Math.min(maxX, Math.max(0, event.clientX - dx)))}px`;
        panel.style.top = `${Math.round(Math.min(maxY, Math.max(0, event.clientY - dy)))}px`;
      };
      const up = () => {
        handle.removeEventListener("pointermove", move);
        handle.removeEventListener("pointerup", up);
        handle.removeEventListener("pointercancel", up);
      };
      handle.addEventListener("pointermove", move);
      handle.addEventListener("pointerup", up);
      handle.addEventListener("pointercancel", up);
    });
  }

  async #copy(text: string): Promise<boolean> {
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = false;
    }
    this.announce(t(copied ? "card_copied" : "card_copy_failed"));
    return copied;
  }

  hide(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = null;
    this.#current = null;
    this.#pinned = false;
    if (this.#panel) {
      this.#panel.hidden = true;
      this.#panel.replaceChildren();
    }
  }

  /** Removes the host entirely (Maekrak turned off for the page). */
  destroy(): void {
    this.hide();
    this.#host?.remove();
    this.#host = this.#shadow = this.#panel = this.#live = null;
  }
}
