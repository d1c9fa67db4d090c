/**
 * Test build only (imported under `if (__MAEKRAK_TEST_BUILD__)`, so the release build holds none of it): lets the
 * end-to-end probes, which run as page scripts, read what a release build hides from every page — which random
 * registry name holds which kind of mention, the card host's tag, and the card's closed shadow root.
 *
 * A probe registers an empty Highlight under a name of its own and dispatches PROBE_EVENT on the document with
 * that name as detail. The answer comes at once: a REPLY_EVENT whose detail is JSON { names: { registry name:
 * logical key }, host: tag or null }, and a collapsed Range at the start of the card's shadow root, added to the
 * probe's Highlight (the registry is the one place both worlds share objects in; a Range's container is never
 * retargeted). Logical keys are the names the suites have always read ("maekrak-person", "maekrak-underline-
 * product", "maekrak-flash" …). Nothing here is enumerable by a page: it is one event listener.
 */
import type { HighlightStyle } from "../core/settings";
import type { Slot } from "./highlight-style";

export const PROBE_EVENT = "e2e-probe";
export const REPLY_EVENT = "e2e-reply";

export type ProbeState = {
  names: Array<{ name: string; slot: Slot; style: HighlightStyle }>;
  host: Element | null;
  root: ShadowRoot | null;
};

const logicalKey = (slot: Slot, style: HighlightStyle): string =>
  slot === "flash"
    ? "maekrak-flash"
    : `maekrak-${style === "underline" ? "underline-" : ""}${slot === "differs" ? "figure-differs" : slot}`;

/** Answers the probes of the page's document until the returned function is called. */
export function answerTestProbes(doc: Document, read: () => ProbeState): () => void {
  const listener = (event: Event) => {
    const holder = String((event as CustomEvent).detail ?? "");
    const state = read();
    const names = Object.fromEntries(state.names.map(({ name, slot, style }) => [name, logicalKey(slot, style)]));
    const highlight = holder && typeof CSS !== "undefined" ? CSS.highlights?.get(holder) : undefined;
    if (highlight && state.root) {
      const range = doc.createRange();
      range.setStart(state.root, 0);
      range.collapse(true);
      highlight.add(range);
    }
    const detail = JSON.stringify({ names, host: state.host?.localName ?? null });
    doc.dispatchEvent(new CustomEvent(REPLY_EVENT, { detail }));
  };
  doc.addEventListener(PROBE_EVENT, listener);
  return () => doc.removeEventListener(PROBE_EVENT, listener);
}
