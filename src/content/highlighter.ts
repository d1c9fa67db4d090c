/**
 * Keeps the page's mentions as Ranges in CSS Custom Highlights, one highlight
 * per entity type, and answers "which mention is under this point?". The
 * page's DOM is never touched: highlights live in the document's highlight
 * registry, styled by highlights.css.
 */
import type { Mention } from "../core/types";
import type { EntityType } from "../kb/schema";

export const HIGHLIGHT_NAMES: Record<EntityType, string> = {
  organization: "maekrak-organization",
  product: "maekrak-product",
  person: "maekrak-person",
  figure: "maekrak-figure",
};
/** Amounts that state a verified figure differently get their own highlight. */
export const DIFFERS_HIGHLIGHT = "maekrak-figure-differs";

export type MentionRecord = Mention & {
  range: Range;
  /** The block's text, for context-dependent card content (corrections). */
  blockText: string;
  nodes: Text[];
};

export const highlightApiAvailable = (): boolean =>
  typeof Highlight !== "undefined" && typeof CSS !== "undefined" && "highlights" in CSS;

type HitResult = { highlight: Highlight; ranges?: AbstractRange[] };
type HighlightsWithHitTest = HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => Array<HitResult | Highlight> };

export class MentionHighlighter {
  readonly records: MentionRecord[] = [];
  #byNode = new Map<Text, MentionRecord[]>();
  #byRange = new Map<AbstractRange, MentionRecord>();
  #highlights = new Map<EntityType | "differs", Highlight>();
  #ourHighlights = new Set<Highlight>();
  /** Ranges found but not yet registered: registering invalidates style, so it is done in few large batches. */
  #pending: MentionRecord[] = [];

  constructor() {
    if (!highlightApiAvailable()) return;
    for (const [type, name] of [...Object.entries(HIGHLIGHT_NAMES), ["differs", DIFFERS_HIGHLIGHT]] as Array<[EntityType | "differs", string]>) {
      const highlight = new Highlight();
      this.#highlights.set(type, highlight);
      this.#ourHighlights.add(highlight);
      CSS.highlights.set(name, highlight);
    }
  }

  add(record: MentionRecord): void {
    this.records.push(record);
    this.#byRange.set(record.range, record);
    for (const node of record.nodes) {
      const list = this.#byNode.get(node);
      if (list) list.push(record);
      else this.#byNode.set(node, [record]);
    }
    this.#pending.push(record);
  }

  /** Registers the ranges found since the last flush (one style invalidation for the lot). */
  flush(): void {
    for (const record of this.#pending) if (this.#byRange.has(record.range)) this.#highlights.get(this.#kind(record))?.add(record.range);
    this.#pending.length = 0;
  }

  #kind(record: MentionRecord): EntityType | "differs" {
    return record.figure?.verdict === "differs" ? "differs" : record.type;
  }

  /** True when a mention starting at `offset` in `node` with this text is already held. */
  has(node: Text, offset: number, text: string): boolean {
    return this.#byNode.get(node)?.some((r) => r.range.startContainer === node && r.range.startOffset === offset && r.text === text) ?? false;
  }

  /** Drops mentions whose text left the document or changed (dynamic pages). */
  prune(isStale: (record: MentionRecord) => boolean): number {
    let removed = 0;
    for (let i = this.records.length - 1; i >= 0; i--) {
      const record = this.records[i]!;
      if (!isStale(record)) continue;
      this.records.splice(i, 1);
      this.#byRange.delete(record.range);
      this.#highlights.get(this.#kind(record))?.delete(record.range);
      for (const node of record.nodes) {
        const list = this.#byNode.get(node)?.filter((r) => r !== record);
        if (list?.length) this.#byNode.set(node, list);
        else this.#byNode.delete(node);
      }
      removed++;
    }
    return removed;
  }

  /** Removes every highlight from the registry (Maekrak turned off, or teardown). */
  clear(): void {
    for (const highlight of this.#highlights.values()) highlight.clear();
    if (highlightApiAvailable()) for (const name of [...Object.values(HIGHLIGHT_NAMES), DIFFERS_HIGHLIGHT]) CSS.highlights.delete(name);
    this.records.length = 0;
    this.#pending.length = 0;
    this.#byNode.clear();
    this.#byRange.clear();
  }

  /** The mention under the viewport point (x, y), or null. */
  hitTest(doc: Document, x: number, y: number): MentionRecord | null {
    const registry = (typeof CSS !== "undefined" ? CSS.highlights : undefined) as HighlightsWithHitTest | undefined;
    if (registry?.highlightsFromPoint) {
      const hits = registry.highlightsFromPoint(x, y);
      let ours = false;
      for (const hit of hits) {
        const highlight = hit instanceof Highlight ? hit : (hit as HitResult).highlight;
        if (!this.#ourHighlights.has(highlight)) continue;
        ours = true;
        for (const range of (hit as HitResult).ranges ?? []) {
          const record = this.#byRange.get(range);
          if (record) return record;
        }
      }
      if (!ours) return null; // fast path: nothing of ours under the pointer
    }
    return this.#hitTestByCaret(doc, x, y);
  }

  #hitTestByCaret(doc: Document, x: number, y: number): MentionRecord | null {
    let node: Node | null = null;
    if (typeof doc.caretPositionFromPoint === "function") node = doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
    else if (typeof (doc as any).caretRangeFromPoint === "function") node = (doc as any).caretRangeFromPoint(x, y)?.startContainer ?? null;
    const candidates = node && node.nodeType === Node.TEXT_NODE ? this.#byNode.get(node as Text) : undefined;
    if (!candidates) return null;
    // The caret lands on the nearest character even beside the text: check the glyph boxes really contain the point.
    for (const record of candidates) {
      for (const rect of record.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return record;
      }
    }
    return null;
  }
}
