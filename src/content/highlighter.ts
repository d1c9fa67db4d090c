/**
 * Keeps the page's mentions as Ranges in CSS Custom Highlights, one highlight
 * per entity type, and answers "which mention is under this point?". The
 * page's DOM is never touched: highlights live in the document's highlight
 * registry under random names, styled by rules written for them (highlight-style.ts),
 * and both reach the page only when the first mention is shown.
 */
import type { Mention } from "../core/types";
import type { Category, Density, HighlightStyle } from "../core/settings";
import type { Kind, Slot } from "./highlight-style";
import { KINDS, PageStyleSheet, highlightRules, randomNames } from "./highlight-style";
import { textIsVisible } from "./visibility";

export type HighlightView = { categories: Record<Category, boolean>; density: Density; style: HighlightStyle };
const DEFAULT_VIEW: HighlightView = {
  categories: { organization: true, product: true, person: true, figure: true },
  density: "all",
  style: "background",
};

export type MentionRecord = Mention & {
  range: Range;
  /** The block's text, for context-dependent card content (corrections). */
  blockText: string;
  nodes: Text[];
};

/** A mention narrower than this is hit within a target this wide (and the line's height tall). */
const MIN_TARGET_PX = 24;
/** Mentions this short (우, 마) may be narrower than MIN_TARGET_PX; longer ones never are at a readable size. */
const SHORT_MENTION_CHARS = 2;

/** The line height of the text around `node`, in px ("normal" taken as 1.2 × the font size). */
function lineHeightOf(node: Node): number {
  const element = node.parentElement;
  if (!element) return 0;
  const style = getComputedStyle(element);
  const px = Number.parseFloat(style.lineHeight);
  return Number.isFinite(px) ? px : 1.2 * Number.parseFloat(style.fontSize);
}

export const highlightApiAvailable = (): boolean =>
  typeof Highlight !== "undefined" && typeof CSS !== "undefined" && "highlights" in CSS;

/** Chromium before caretPositionFromPoint (the standard one) had only this. */
type WithCaretRange = { caretRangeFromPoint(x: number, y: number): Range | null };
type HitResult = { highlight: Highlight; ranges?: AbstractRange[] };
type HighlightsWithHitTest = HighlightRegistry & {
  highlightsFromPoint?: (x: number, y: number) => Array<HitResult | Highlight>;
};

/** Where highlight styles inherit from the parent's (Blink), rules on the root restyle the page for less. */
const RULE_SCOPE = __MAEKRAK_BROWSER__ === "chrome" ? ":root" : "";

export class MentionHighlighter {
  readonly records: MentionRecord[] = [];
  #byNode = new Map<Text, MentionRecord[]>();
  #byRange = new Map<AbstractRange, MentionRecord>();
  #highlights = new Map<Kind, Highlight>();
  #ourHighlights = new Set<Highlight>();
  /** This page's registry names (random), and the sheet of rules for them. */
  #drawnNames: Record<Slot, string> | null = null;
  #shade = Math.random();
  #sheet: PageStyleSheet;
  /** Our highlights are in the registry (from the first shown mention until clear()). */
  #registered = false;
  /** The rules for the reader's style (written once per style). */
  #rules: string | null = null;
  /** Ranges found but not yet registered: registering invalidates style, so it is done in few large batches. */
  #pending: MentionRecord[] = [];
  /** Records whose range is registered (visible), given the reader's categories and density. */
  #shown = new Set<MentionRecord>();
  /** The shown mentions short enough to get a widened target (pointer moves beside text test only when some are). */
  #shortShown = new Set<MentionRecord>();
  /** density "first": the shown record of each entity. */
  #firstShown = new Map<string, MentionRecord>();
  #view: HighlightView = DEFAULT_VIEW;

  /** Drawn when first needed: a page without a mention never asks the generator. */
  get #names(): Record<Slot, string> {
    return (this.#drawnNames ??= randomNames());
  }

  constructor(view: HighlightView = DEFAULT_VIEW, doc: Document = document) {
    this.#view = view;
    this.#sheet = new PageStyleSheet(doc);
    if (!highlightApiAvailable()) return;
    for (const kind of KINDS) {
      const highlight = new Highlight();
      this.#highlights.set(kind, highlight);
      this.#ourHighlights.add(highlight);
    }
  }

  /**
   * Puts the rules and the highlights into the page, at the first shown mention (before it a page pays
   * nothing: no rule to restyle it with, no name in the registry). Called on every registration: the page may
   * have dropped our sheet (a framework assigning document.adoptedStyleSheets) or cleared the registry.
   */
  #register(): void {
    if (!highlightApiAvailable()) return;
    this.#rules ??= highlightRules(this.#names, this.#view.style, RULE_SCOPE, this.#shade);
    this.#sheet.apply(this.#rules);
    for (const kind of KINDS) {
      const name = this.#names[kind];
      const highlight = this.#highlights.get(kind)!;
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
    this.#registered = true;
  }

  /** The registry name of a kind on this page (random per page). */
  nameOf(slot: Slot): string {
    return this.#names[slot];
  }

  /** What is registered now: each name with its kind, in the reader's style (for the test build's probes). */
  registeredNames(): Array<{ name: string; slot: Slot; style: HighlightStyle }> {
    if (!this.#registered) return [];
    const slots: Slot[] = [...KINDS];
    if (this.#flash) slots.push("flash");
    return slots.map((slot) => ({ name: this.#names[slot], slot, style: this.#view.style }));
  }

  get view(): HighlightView {
    return this.#view;
  }

  /** Applies the reader's categories, density and style to every mention held (live). */
  setView(view: HighlightView): void {
    const styleChanged = view.style !== this.#view.style;
    this.#view = view;
    if (styleChanged) this.#rules = null;
    if (styleChanged && this.#registered) this.#register();
    for (const highlight of this.#highlights.values()) highlight.clear();
    this.#shown.clear();
    this.#shortShown.clear();
    this.#firstShown.clear();
    this.#pending = [...this.records];
    this.flush();
  }

  isShown(record: MentionRecord): boolean {
    return this.#shown.has(record);
  }

  /** The mentions still on the page that pass `keep`, in document order (all of them by default). */
  inDocumentOrder(keep: (record: MentionRecord) => boolean = () => true): MentionRecord[] {
    return this.records
      .filter((r) => keep(r) && r.range.startContainer.isConnected)
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  /** Mentions of the categories the reader chose (every mention, whatever the density). */
  inChosenCategories(): MentionRecord[] {
    return this.records.filter((r) => this.#view.categories[r.type]);
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
    const { categories, density } = this.#view;
    let registered = false;
    for (const record of this.#pending) {
      if (!this.#byRange.has(record.range) || !categories[record.type]) continue;
      if (density === "first") {
        const shown = this.#firstShown.get(record.entity);
        if (shown && shown.range.compareBoundaryPoints(Range.START_TO_START, record.range) <= 0) continue;
        if (shown) this.#hide(shown);
        this.#firstShown.set(record.entity, record);
      }
      if (!registered) {
        this.#register();
        registered = true;
      }
      this.#shown.add(record);
      if (record.text.length <= SHORT_MENTION_CHARS) this.#shortShown.add(record);
      this.#highlights.get(this.#kind(record))?.add(record.range);
    }
    this.#pending.length = 0;
  }

  #hide(record: MentionRecord): void {
    this.#shown.delete(record);
    this.#shortShown.delete(record);
    this.#highlights.get(this.#kind(record))?.delete(record.range);
  }

  #kind(record: MentionRecord): Kind {
    return record.figure?.verdict === "differs" || record.figure?.verdict === "unit-slip" ? "differs" : record.type;
  }

  /** True when a mention starting at `offset` in `node` with this text is already held. */
  has(node: Text, offset: number, text: string): boolean {
    return (
      this.#byNode
        .get(node)
        ?.some((r) => r.range.startContainer === node && r.range.startOffset === offset && r.text === text) ?? false
    );
  }

  /** The mentions that take characters from `node` (none for a node that is not text). */
  recordsOn(node: Node): readonly MentionRecord[] {
    return this.#byNode.get(node as Text) ?? [];
  }

  /**
   * Drops the mentions of `candidates` (every mention by default) whose text left the document or changed
   * (dynamic pages). Callers pass only the mentions a change can have touched: checking one costs a
   * range.toString().
   */
  prune(isStale: (record: MentionRecord) => boolean, candidates: Iterable<MentionRecord> = this.records): number {
    const stale = new Set<MentionRecord>();
    for (const record of candidates) if (this.#byRange.has(record.range) && isStale(record)) stale.add(record);
    if (!stale.size) return 0;
    let kept = 0;
    for (const record of this.records) if (!stale.has(record)) this.records[kept++] = record;
    this.records.length = kept;
    for (const record of stale) {
      this.#byRange.delete(record.range);
      this.#hide(record);
      if (this.#firstShown.get(record.entity) === record) this.#firstShown.delete(record.entity);
      for (const node of record.nodes) {
        const list = this.#byNode.get(node)?.filter((r) => r !== record);
        if (list?.length) this.#byNode.set(node, list);
        else this.#byNode.delete(node);
      }
    }
    // First-mention density: when an entity's shown mention went away, its next one takes over.
    if (this.#view.density === "first") this.setView(this.#view);
    return stale.size;
  }

  #flashTimer = 0;

  /** Marks one mention strongly for a moment (the popup and the keyboard jumped to it). */
  flash(record: MentionRecord): void {
    if (!highlightApiAvailable()) return;
    clearTimeout(this.#flashTimer);
    this.#register();
    const highlight = new Highlight(record.range);
    highlight.priority = 1;
    this.#ourHighlights.add(highlight);
    this.#unflash();
    this.#flash = highlight;
    CSS.highlights.set(this.#names.flash, highlight);
    this.#flashTimer = window.setTimeout(() => this.#unflash(), 1600);
  }

  #flash: Highlight | null = null;

  #unflash(): void {
    const flash = this.#flash;
    if (!flash) return;
    this.#flash = null;
    this.#ourHighlights.delete(flash);
    if (CSS.highlights.get(this.#names.flash) === flash) CSS.highlights.delete(this.#names.flash);
  }

  /** Removes every highlight from the registry (Maekrak turned off, or teardown). */
  clear(): void {
    for (const highlight of this.#highlights.values()) highlight.clear();
    if (highlightApiAvailable()) {
      clearTimeout(this.#flashTimer);
      this.#unflash();
      for (const kind of KINDS) {
        const name = this.#names[kind];
        if (CSS.highlights.get(name) === this.#highlights.get(kind)) CSS.highlights.delete(name);
      }
    }
    this.#sheet.remove();
    this.#registered = false;
    this.#shown.clear();
    this.#shortShown.clear();
    this.#firstShown.clear();
    this.records.length = 0;
    this.#pending.length = 0;
    this.#byNode.clear();
    this.#byRange.clear();
  }

  /** The mention under the viewport point (x, y), or null; never one the reader cannot see (hidden text). */
  hitTest(doc: Document, x: number, y: number): MentionRecord | null {
    const record = this.#hitTest(doc, x, y);
    return record && textIsVisible(record.range.startContainer) ? record : null;
  }

  #hitTest(doc: Document, x: number, y: number): MentionRecord | null {
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
          if (record && this.#shown.has(record)) return record;
        }
      }
      // Nothing of ours under the pointer: only a small mention's widened target can still be hit, beside its glyphs.
      if (!ours) return this.#shortShown.size ? this.#hitTestByCaret(doc, x, y, true) : null;
    }
    return this.#hitTestByCaret(doc, x, y);
  }

  /**
   * Whether (x, y) hits the mention: inside a glyph box (±1 px), or, for a small mention (one syllable such as 우 of
   * 우 CEO), inside its target widened to at least MIN_TARGET_PX wide and the line's height tall.
   */
  #hits(record: MentionRecord, x: number, y: number, widenedOnly: boolean): boolean {
    const rects = [...record.range.getClientRects()];
    const inside = (r: { left: number; right: number; top: number; bottom: number }, dx: number, dy: number) =>
      x >= r.left - dx && x <= r.right + dx && y >= r.top - dy && y <= r.bottom + dy;
    if (!widenedOnly && rects.some((rect) => inside(rect, 1, 1))) return true;
    const box = record.range.getBoundingClientRect();
    if (box.width >= MIN_TARGET_PX || rects.length !== 1) return false;
    const dx = (MIN_TARGET_PX - box.width) / 2;
    const dy = Math.max(1, (lineHeightOf(record.range.startContainer) - box.height) / 2);
    return inside(box, dx, dy);
  }

  #hitTestByCaret(doc: Document, x: number, y: number, widenedOnly = false): MentionRecord | null {
    let node: Node | null = null;
    if (typeof doc.caretPositionFromPoint === "function") node = doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
    else if (typeof (doc as WithCaretRange).caretRangeFromPoint === "function")
      node = (doc as WithCaretRange).caretRangeFromPoint(x, y)?.startContainer ?? null;
    const candidates = node && node.nodeType === Node.TEXT_NODE ? this.#byNode.get(node as Text) : undefined;
    if (!candidates) return null;
    // The caret lands on the nearest character even beside the text: check the glyph boxes really contain the point.
    for (const record of candidates)
      if (this.#shown.has(record) && this.#hits(record, x, y, widenedOnly)) return record;
    return null;
  }
}
