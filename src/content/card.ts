/**
 * The hover card: one shadow host (the only node Maekrak adds to a page),
 * created on first use, with the card rendered inside a shadow root so
 * page CSS cannot restyle it. Placed by @floating-ui/dom above or below the
 * mention's line (never over it), flipping at viewport edges and following
 * scroll. The reader can pin it (it then stays until closed), drag it by its
 * header, and close it with the × button or Esc. Below SHEET_MAX_WIDTH it is
 * a bottom sheet instead: full width, its height capped, closed by × or a
 * swipe down on its header, with the page scrolled so the mention's line
 * stays visible above it. The same shadow root holds a polite live region for
 * screen-reader announcements.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from "@floating-ui/dom";
import type { EntityDetails } from "../kb/details";
import type { MentionRecord } from "./highlighter";
import type { CardActions } from "./card-view";
import { renderCard } from "./card-view";
import { pageDateFromDocument } from "./page-date";
import { h } from "./dom";
import { t } from "../ui/i18n";
import themeCss from "../ui/theme.css?inline";
import cardCss from "./card.css?inline";
import { randomElementName } from "./random-names";
const CARD_MAX_HEIGHT = 520;
/** Narrower than this (a phone, a split screen), the card is a bottom sheet. */
const SHEET_QUERY = "(max-width: 599.98px)";
/** The room kept between the mention's line and the top of the sheet. */
const LINE_MARGIN_PX = 12;
/** A sheet that must give way to keep the line visible is never shorter than this. */
const SHEET_MIN_HEIGHT = 160;
/** A swipe down on the sheet's header longer than this, or a quick flick, closes it. */
const SWIPE_CLOSE_PX = 64;
const FLICK_PX_PER_MS = 0.5;
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
  /** Read when a card is first shown (the page's date does not change while it is open). */
  #pageDate: { date?: string } | null = null;

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
    // Hover only: a finger "leaves" the card each time it lifts, which must not close it.
    panel.addEventListener("pointerenter", (e) => e.pointerType !== "touch" && this.#events.pointerInside(true));
    panel.addEventListener("pointerleave", (e) => e.pointerType !== "touch" && this.#events.pointerInside(false));
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

  /** Whether an event of the page happened on the card (its path crosses the shadow host). */
  containsEvent(event: Event): boolean {
    return this.#host !== null && event.composedPath().includes(this.#host);
  }

  /**
   * `touch`: opened by a tap or long press, so it leads with the link the mention sits in (`link`), one tap away,
   * since the tap that opened the card did not follow it.
   */
  show(
    mention: MentionRecord,
    details: EntityDetails,
    options: { focus?: boolean; touch?: boolean; link?: HTMLAnchorElement | null } = {},
  ): void {
    const { panel } = this.#ensurePanel();
    this.#current = mention;
    this.#pinned = false;
    const actions: CardActions = {
      togglePin: () => this.setPinned(!this.#pinned),
      close: () => this.#events.closed(),
      openInPopup: () => this.#events.openInPopup(mention.entity),
      copy: (text) => this.#copy(text),
    };
    this.#pageDate ??= { date: pageDateFromDocument(this.#doc) };
    const card = renderCard(this.#doc, details, mention, actions, this.#pageDate);
    if (options.touch && options.link) {
      const row = this.#linkRow(options.link);
      const header = card.querySelector("header");
      if (header) header.after(row);
      else card.prepend(row);
    }
    const grabber = h(this.#doc, "div", { class: "grabber", "data-drag-handle": "", "aria-hidden": "true" });
    panel.replaceChildren(grabber, card);
    panel.lang = t("lang") === "en" ? "en" : "ko";
    panel.dataset.entity = mention.entity;
    panel.classList.remove("pinned", "dragged");
    panel.style.transform = panel.style.maxHeight = "";
    panel.hidden = false;
    this.#follow(mention.range, panel);
    if (panel.classList.contains("sheet")) this.#keepLineVisible(mention.range, panel);
    this.#enableDrag(panel);
    if (options.focus) panel.focus({ preventScroll: true });
  }

  /** The page's own link, followed as the reader's tap would have (the page's handlers included). */
  #linkRow(link: HTMLAnchorElement): HTMLElement {
    const doc = this.#doc;
    const label = (link.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 80) || link.href;
    const web = /^https?:$/.test(link.protocol);
    // Only a web address is copied onto our element: a javascript: URL stays the page's own.
    const anchor = h(doc, "a", {
      class: "page-link",
      ...(web ? { href: link.href } : { role: "link", tabindex: "0" }),
    });
    anchor.textContent = t("touch_follow_link", label);
    anchor.addEventListener("click", (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (link.isConnected) link.click();
      else if (web) doc.defaultView?.location.assign(link.href);
    });
    return h(doc, "p", { class: "page-link-row" }, anchor);
  }

  #isSheet(): boolean {
    const win = this.#doc.defaultView;
    return typeof win?.matchMedia === "function" && win.matchMedia(SHEET_QUERY).matches;
  }

  /**
   * The sheet covers the bottom of the window: the page scrolls so the mention's line sits just above it; where the
   * page cannot scroll that far (its end), the sheet gets shorter instead.
   */
  #keepLineVisible(range: Range, panel: HTMLElement): void {
    const win = this.#doc.defaultView;
    if (!win) return;
    const limit = () => win.innerHeight - panel.offsetHeight - LINE_MARGIN_PX;
    const line = range.getBoundingClientRect();
    if (line.bottom > limit()) win.scrollBy({ top: line.bottom - limit(), behavior: "instant" });
    else if (line.top < 0) win.scrollBy({ top: line.top - LINE_MARGIN_PX, behavior: "instant" });
    const after = range.getBoundingClientRect();
    if (after.bottom > limit()) {
      const room = Math.floor(win.innerHeight - after.bottom - LINE_MARGIN_PX);
      panel.style.maxHeight = `${Math.max(SHEET_MIN_HEIGHT, room)}px`;
    }
  }

  #follow(reference: Range, panel: HTMLElement): void {
    this.#stopFollowing?.();
    const place = () => {
      if (this.#isSheet()) {
        if (!panel.classList.contains("sheet")) {
          panel.classList.add("sheet");
          panel.style.left = panel.style.top = panel.style.maxHeight = "";
        }
        return;
      }
      if (panel.classList.contains("sheet")) {
        panel.classList.remove("sheet");
        panel.style.transform = "";
      }
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

  /**
   * Dragging the header moves the card and pins it (a moved card no longer follows the mention); on a sheet, a swipe
   * down on it closes the sheet.
   */
  #enableDrag(panel: HTMLElement): void {
    for (const handle of panel.querySelectorAll<HTMLElement>("[data-drag-handle]")) this.#dragBy(handle, panel);
  }

  #dragBy(handle: HTMLElement, panel: HTMLElement): void {
    handle.addEventListener("pointerdown", (down) => {
      if (down.button !== 0 || (down.target as Element).closest("button, a")) return;
      if (panel.classList.contains("sheet")) return this.#swipe(handle, panel, down);
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

  /** The sheet follows the finger down; let go past SWIPE_CLOSE_PX (or flicked) it closes, else it slides back. */
  #swipe(handle: HTMLElement, panel: HTMLElement, down: PointerEvent): void {
    handle.setPointerCapture(down.pointerId);
    const started = performance.now();
    let dy = 0;
    panel.classList.add("swiping");
    const move = (event: PointerEvent) => {
      dy = Math.max(0, event.clientY - down.clientY);
      panel.style.transform = dy ? `translateY(${Math.round(dy)}px)` : "";
    };
    const end = (event: PointerEvent) => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", end);
      handle.removeEventListener("pointercancel", end);
      panel.classList.remove("swiping");
      const flick = dy > SWIPE_CLOSE_PX / 3 && dy / Math.max(1, performance.now() - started) > FLICK_PX_PER_MS;
      if (event.type === "pointerup" && (dy > SWIPE_CLOSE_PX || flick)) this.#events.closed();
      else panel.style.transform = "";
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", end);
    handle.addEventListener("pointercancel", end);
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
      this.#panel.style.transform = this.#panel.style.maxHeight = "";
    }
  }

  /** Removes the host entirely (Maekrak turned off for the page). */
  destroy(): void {
    this.hide();
    this.#host?.remove();
    this.#host = this.#shadow = this.#panel = this.#live = null;
  }
}
