/**
 * jsdom has no CSS Custom Highlight API: a small, faithful polyfill (Highlight is a set of ranges,
 * CSS.highlights a map of names to highlights), so the highlighter really registers its ranges and the
 * registry can be inspected. Import it before the modules under test (they check for the API when used).
 */
export class TestHighlight extends Set<AbstractRange> {
  priority = 0;
  type: "highlight" | "spelling-error" | "grammar-error" = "highlight";
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

class TestHighlightRegistry extends Map<string, TestHighlight> {
  override set(name: string, highlight: TestHighlight): this {
    if (!(highlight instanceof TestHighlight)) throw new TypeError("CSS.highlights.set: not a Highlight");
    return super.set(name, highlight);
  }
}

export const registry = new TestHighlightRegistry();
Object.defineProperty(globalThis, "Highlight", { value: TestHighlight, configurable: true, writable: true });
const cssGlobal = ((globalThis as { CSS?: object }).CSS ?? {}) as Record<string, unknown>;
Object.defineProperty(cssGlobal, "highlights", { value: registry, configurable: true });
(globalThis as { CSS?: object }).CSS = cssGlobal;

// jsdom has no layout and no Range.getClientRects/getBoundingClientRect (its elements report empty boxes):
// give ranges the same empty boxes, so the card's positioning (@floating-ui) runs as on a laid-out page.
if (typeof Range.prototype.getBoundingClientRect !== "function") {
  Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
  Range.prototype.getClientRects = () => Object.assign([] as DOMRect[], { item: () => null }) as unknown as DOMRectList;
}
