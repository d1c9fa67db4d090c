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
import type { PageTopics } from "../kb/relevance";
import type { MentionRecord } from "./highlighter";
import type { CardActions } from "./card-view";
import { renderCard } from "./card-view";
import { pageDateFromDocument } from "./page-date";
import { h } from "./dom";
import { t } from "../ui/i18n";
import themeCss from "../ui/theme.css?inline";
import cardCss from "./card.css?inline";
import { randomElementName } from "./random-names";
/** Room for a first view beside any line of an 800 px window; an expanded card scrolls inside it. */
const CARD_MAX_HEIGHT = 640;
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

/**
 * The first view never scrolls: where the room beside the line (or a sheet's height) is short, its last facts move
 * under 더 보기; a card led by a figure check or a correction may give up its last fact too, then its summary.
 * Returns whether it moved any.
 */
function fitFirstView(panel: HTMLElement): boolean {
  if (panel.querySelector(".card.expanded")) return false;
  const boxed = panel.querySelector(".figure-check, .correction") !== null;
  let moved = false;
  while (panel.scrollHeight > panel.clientHeight + 1) {
    const facts = [...panel.querySelectorAll<HTMLElement>(".facts > li:not([data-more])")];
    const next =
      facts.length > (boxed ? 0 : 1) ? facts.at(-1) : panel.querySelector<HTMLElement>(".summary:not([data-more])");
    if (!next) break;
    next.dataset.more = "";
    next.hidden = true;
    moved = true;
  }
  return moved;
}

export type CardEvents = {
  pointerInside(inside: boolean): void;
  /** The reader closed the card (× button). */
  closed(): void;
  openInPopup(entity: string): void;
  /** The mentions on the page (for ranking the card's facts by what the page is about). */
  pageMentions?(): readonly MentionRecord[];
};

/**
 * One card on screen: its panel, the mention it explains, what keeps it placed, and where keyboard focus was before
 * the card took it. Two can be open: one the reader pinned and one the pointer opened.
 */
type CardSlot = {
  panel: HTMLElement;
  mention: MentionRecord | null;
  pinned: boolean;
  stopFollowing: (() => void) | null;
  restoreFocus: HTMLElement | null;
};

let titleCount = 0;

export class HoverCard {
  #doc: Document;
  #host: HTMLElement | null = null;
  #shadow: ShadowRoot | null = null;
  #styled = false;
  #slots: CardSlot[] = [];
  /** The card the pointer (or a request) opened, and the one the reader pinned. */
  #hover: CardSlot | null = null;
  #pin: CardSlot | null = null;
  #live: HTMLElement | null = null;
  #events: CardEvents;
  /** Read when a card is first shown (the page's date does not change while it is open). */
  #pageDate: { date?: string } | null = null;

  constructor(doc: Document, events: CardEvents) {
    this.#doc = doc;
    this.#events = events;
  }

  /** The card on top: the one the pointer opened, else the pinned one. */
  get #top(): CardSlot | null {
    return this.#hover ?? this.#pin;
  }

  get open(): MentionRecord | null {
    return this.#top?.mention ?? null;
  }

  /** Only a pinned card is open (a card the pointer opened beside it closes as usual). */
  get pinned(): boolean {
    return this.#hover === null && this.#pin !== null;
  }

  get hasFocus(): boolean {
    const active = this.#shadow?.activeElement;
    return Boolean(active && this.#top?.panel.contains(active));
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
    this.#styled = false;
    this.#slots = [];
    this.#hover = this.#pin = null;
    this.#live = live;
    return shadow;
  }

  /** A card not showing anything (made on first need: at most two, the pinned one and the one beside it). */
  #freeSlot(): CardSlot {
    const shadow = this.#ensureHost();
    const free = this.#slots.find((slot) => slot !== this.#hover && slot !== this.#pin);
    if (free) return free;
    const doc = this.#doc;
    if (!this.#styled) {
      const style = doc.createElement("style");
      style.textContent = themeCss + cardCss;
      shadow.prepend(style);
      this.#styled = true;
    }
    const panel = h(doc, "div", { class: "panel maekrak-theme", role: "dialog", tabindex: "-1" });
    panel.hidden = true;
    const slot: CardSlot = { panel, mention: null, pinned: false, stopFollowing: null, restoreFocus: null };
    // Hover only: a finger "leaves" the card each time it lifts, which must not close it.
    panel.addEventListener("pointerenter", (e) => e.pointerType !== "touch" && this.#events.pointerInside(true));
    panel.addEventListener("pointerleave", (e) => e.pointerType !== "touch" && this.#events.pointerInside(false));
    panel.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      this.#closeSlot(slot);
    });
    this.#live!.before(panel);
    this.#slots.push(slot);
    return slot;
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
    // The pinned card already shows it: pointing at its mention again opens no second one.
    if (this.#pin?.mention === mention && !this.#hover) return;
    const slot = this.#hover ?? this.#freeSlot();
    const restoreFocus = slot.mention ? slot.restoreFocus : this.#focusedOnPage();
    this.#release(slot);
    this.#hover = slot;
    slot.mention = mention;
    slot.restoreFocus = restoreFocus;
    const panel = slot.panel;
    panel.replaceChildren(
      h(this.#doc, "div", { class: "grabber", "data-drag-handle": "", "aria-hidden": "true" }),
      this.#render(slot, mention, details, options),
    );
    const title = panel.querySelector("h2");
    if (title) {
      title.id = `maekrak-card-title-${++titleCount}`;
      panel.setAttribute("aria-labelledby", title.id);
    }
    panel.lang = t("lang") === "en" ? "en" : "ko";
    panel.dataset.entity = mention.entity;
    panel.dataset.card = "hover";
    panel.classList.remove("pinned", "dragged");
    panel.style.transform = panel.style.maxHeight = "";
    panel.hidden = false;
    this.#follow(slot, mention.range);
    if (panel.classList.contains("sheet")) {
      this.#keepLineVisible(mention.range, panel);
      fitFirstView(panel);
    }
    this.#enableDrag(slot);
    if (options.focus) panel.focus({ preventScroll: true });
  }

  /** The card's content for `mention` in `slot`, its buttons acting on that card. */
  #render(
    slot: CardSlot,
    mention: MentionRecord,
    details: EntityDetails,
    options: { touch?: boolean; link?: HTMLAnchorElement | null },
  ): HTMLElement {
    const actions: CardActions = {
      togglePin: () => this.#setPinned(slot, !slot.pinned),
      close: () => this.#closeSlot(slot),
      openInPopup: () => this.#events.openInPopup(mention.entity),
      copy: (text) => this.#copy(text),
    };
    this.#pageDate ??= { date: pageDateFromDocument(this.#doc) };
    const page = { ...this.#pageDate, topics: this.#topics(mention, details) };
    const card = renderCard(this.#doc, details, mention, actions, page);
    if (options.touch && options.link) {
      const row = this.#linkRow(options.link);
      const header = card.querySelector("header");
      if (header) header.after(row);
      else card.prepend(row);
    }
    return card;
  }

  /** Where the reader's focus is on the page (not in a card): where it goes back to when the card closes. */
  #focusedOnPage(): HTMLElement | null {
    const active = this.#doc.activeElement;
    if (!active || active === this.#doc.body || active === this.#host) return null;
    return active instanceof HTMLElement ? active : null;
  }

  /** What the page is about, for the card of `mention`: the others it names, the figures it quotes, its words. */
  #topics(mention: MentionRecord, details: EntityDetails): PageTopics {
    const records = this.#events.pageMentions?.() ?? [mention];
    const names = [...new Set(records.filter((r) => r.entity !== mention.entity).map((r) => r.text))];
    const figureFacts = records
      .map((r) => r.figure && details.figures.find((f) => f.id === r.figure!.id)?.fact)
      .filter((fact): fact is string => typeof fact === "string");
    return { names, figureFacts, context: `${this.#doc.title} ${mention.blockText}` };
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

  #follow(slot: CardSlot, reference: Range): void {
    slot.stopFollowing?.();
    const panel = slot.panel;
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
        if (fitFirstView(panel)) place(); // shorter now: placed again, so it sits against the line
      });
    };
    slot.stopFollowing = autoUpdate(reference, panel, place, { elementResize: false, layoutShift: false });
  }

  /** Pins the card on top, or unpins it (public for the session's keyboard path). */
  setPinned(pinned: boolean): void {
    const slot = this.#top;
    if (slot) this.#setPinned(slot, pinned);
  }

  /**
   * A pinned card stays while the pointer opens others beside it (one at a time); pinning another closes the old
   * pinned one, and an unpinned card takes the place of the one the pointer opened.
   */
  #setPinned(slot: CardSlot, pinned: boolean): void {
    if (!slot.mention || slot.pinned === pinned) return;
    const other = pinned ? this.#pin : this.#hover;
    if (other && other !== slot) this.#hideSlot(other);
    slot.pinned = pinned;
    if (pinned) {
      this.#pin = slot;
      if (this.#hover === slot) this.#hover = null;
    } else {
      this.#hover = slot;
      if (this.#pin === slot) this.#pin = null;
    }
    const panel = slot.panel;
    panel.classList.toggle("pinned", pinned);
    panel.dataset.card = pinned ? "pinned" : "hover";
    const button = panel.querySelector<HTMLElement>("[data-action=pin]");
    button?.setAttribute("aria-pressed", String(pinned));
    button?.setAttribute("aria-label", t(pinned ? "card_unpin" : "card_pin"));
    button?.setAttribute("title", t(pinned ? "card_unpin" : "card_pin"));
  }

  /**
   * Dragging the header moves the card (a moved card no longer follows the mention, but is not pinned: only the pin
   * button pins); on a sheet, a swipe down on it closes the sheet.
   */
  #enableDrag(slot: CardSlot): void {
    for (const handle of slot.panel.querySelectorAll<HTMLElement>("[data-drag-handle]")) this.#dragBy(handle, slot);
  }

  #dragBy(handle: HTMLElement, slot: CardSlot): void {
    const panel = slot.panel;
    handle.addEventListener("pointerdown", (down) => {
      if (down.button !== 0 || (down.target as Element).closest("button, a")) return;
      if (panel.classList.contains("sheet")) return this.#swipe(handle, slot, down);
      down.preventDefault();
      const rect = panel.getBoundingClientRect();
      const dx = down.clientX - rect.left;
      const dy = down.clientY - rect.top;
      handle.setPointerCapture(down.pointerId);
      const move = (event: PointerEvent) => {
        if (!panel.classList.contains("dragged")) {
          slot.stopFollowing?.();
          slot.stopFollowing = null;
          panel.classList.add("dragged");
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
  #swipe(handle: HTMLElement, slot: CardSlot, down: PointerEvent): void {
    const panel = slot.panel;
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
      if (event.type === "pointerup" && (dy > SWIPE_CLOSE_PX || flick)) this.#closeSlot(slot);
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

  /** Closes the card on top (the one the pointer opened, else the pinned one). */
  hide(): void {
    const slot = this.#top;
    if (slot) this.#hideSlot(slot);
  }

  /** × or Esc on a card closes that card; the hover logic hears of it when no card the pointer opened is left. */
  #closeSlot(slot: CardSlot): void {
    if (slot !== this.#hover) this.#hideSlot(slot);
    if (!this.#hover || slot === this.#hover) this.#events.closed();
  }

  /** Empties a slot without touching focus (it is about to show another mention, or to close). */
  #release(slot: CardSlot): void {
    slot.stopFollowing?.();
    slot.stopFollowing = null;
    slot.mention = null;
    slot.pinned = false;
    if (this.#hover === slot) this.#hover = null;
    if (this.#pin === slot) this.#pin = null;
  }

  #hideSlot(slot: CardSlot): void {
    const hadFocus = Boolean(this.#shadow?.activeElement && slot.panel.contains(this.#shadow.activeElement));
    const restore = slot.restoreFocus;
    this.#release(slot);
    slot.restoreFocus = null;
    const panel = slot.panel;
    panel.hidden = true;
    panel.replaceChildren();
    panel.style.transform = panel.style.maxHeight = "";
    panel.classList.remove("pinned", "dragged");
    // Focus goes back where the reader was before the card took it, not to <body>.
    const lost = hadFocus || this.#doc.activeElement === this.#doc.body || this.#doc.activeElement === null;
    if (lost && restore?.isConnected) restore.focus({ preventScroll: true });
  }

  /** Removes the host entirely (Maekrak turned off for the page). */
  destroy(): void {
    for (const slot of this.#slots) this.#release(slot);
    this.#host?.remove();
    this.#host = this.#shadow = this.#live = null;
    this.#slots = [];
  }
}
