/**
 * The hover card: one shadow host (the only node Maekrak adds to a page),
 * created on first use, with the card rendered inside a shadow root so
 * page CSS cannot restyle it. Placed by @floating-ui/dom above or below the
 * mention's line (never over it), flipping at viewport edges and following scroll.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from "@floating-ui/dom";
import type { EntityDetails } from "../kb/details";
import type { MentionRecord } from "./highlighter";
import { renderCard } from "./card-view";
import themeCss from "../ui/theme.css?inline";
import cardCss from "./card.css?inline";

export const HOST_TAG = "maekrak-root";
const CARD_MAX_HEIGHT = 520;

export class HoverCard {
  #doc: Document;
  #host: HTMLElement | null = null;
  #shadow: ShadowRoot | null = null;
  #panel: HTMLElement | null = null;
  #stopFollowing: (() => void) | null = null;
  #current: MentionRecord | null = null;
  #onPointerInside: (inside: boolean) => void;

  constructor(doc: Document, onPointerInside: (inside: boolean) => void) {
    this.#doc = doc;
    this.#onPointerInside = onPointerInside;
  }

  get open(): MentionRecord | null {
    return this.#current;
  }

  #ensureHost(): { shadow: ShadowRoot; panel: HTMLElement } {
    if (this.#host && this.#shadow && this.#panel && this.#host.isConnected) return { shadow: this.#shadow, panel: this.#panel };
    const host = this.#doc.createElement(HOST_TAG);
    // Inline `all: initial` so no page rule can hide or move the host.
    host.setAttribute("style", "all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; display: block;");
    const shadow = host.attachShadow({ mode: "open" });
    const style = this.#doc.createElement("style");
    style.textContent = themeCss + cardCss;
    const panel = this.#doc.createElement("div");
    panel.className = "panel maekrak-theme";
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "maekrak-card-title");
    panel.hidden = true;
    panel.addEventListener("pointerenter", () => this.#onPointerInside(true));
    panel.addEventListener("pointerleave", () => this.#onPointerInside(false));
    shadow.append(style, panel);
    this.#doc.documentElement.append(host);
    this.#host = host;
    this.#shadow = shadow;
    this.#panel = panel;
    return { shadow, panel };
  }

  show(mention: MentionRecord, details: EntityDetails): void {
    const { panel } = this.#ensureHost();
    this.#current = mention;
    panel.replaceChildren(renderCard(this.#doc, details, mention));
    panel.dataset.entity = mention.entity;
    panel.hidden = false;
    this.#stopFollowing?.();
    const reference = mention.range;
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

  hide(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = null;
    this.#current = null;
    if (this.#panel) {
      this.#panel.hidden = true;
      this.#panel.replaceChildren();
    }
  }

  /** Removes the host entirely (Maekrak turned off for the page). */
  destroy(): void {
    this.hide();
    this.#host?.remove();
    this.#host = this.#shadow = this.#panel = null;
  }
}
