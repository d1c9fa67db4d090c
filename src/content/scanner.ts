/**
 * Scans the page in idle-time slices (no task over a few milliseconds of our
 * own work), then follows changes: one MutationObserver only queues added
 * subtrees and edited text, and the queue is processed in the next slice.
 */
import type { Matcher } from "../core/matcher";
import { createScanState } from "../core/matcher";
import type { TextBlock } from "./page-text";
import {
  BlockReader,
  MAX_BLOCK_LENGTH,
  blockAround,
  isInSkippedSubtree,
  nodesForSpan,
  rangeForSpan,
  splitLongBlock,
} from "./page-text";
import type { MentionHighlighter, MentionRecord } from "./highlighter";

const SLICE_MS = 8;
/**
 * How often a long scan registers the ranges found so far, after the first slice (the first screen). Each
 * registration makes Chromium invalidate paint for the whole page (a full pre-paint walk: ~100 ms on a
 * 300k-node page), so a long scan registers rarely.
 */
const FLUSH_EVERY_MS = 1000;
/** Blocks read between two looks at the clock (each look costs about as much as reading a short block). */
const CLOCK_EVERY = 8;
/** Past this many queued changes a full rescan is cheaper than following them one by one. */
const RESCAN_THRESHOLD = 1000;

/**
 * Runs `cb` when the page has nothing more urgent to do. A background-priority task where the browser has
 * the scheduler API: it runs as soon as input, rendering and the page's own tasks are done, without waiting
 * for an idle period (requestIdleCallback runs a callback posted from an idle callback only in the *next*
 * idle period, which left a long scan at ~15 % of one core: 8 s for a 2 MB page). Else an idle callback.
 */
type Scheduler = { postTask(cb: () => void, options: { priority: "background" }): Promise<unknown> };
const backgroundScheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
const runSoon: (cb: () => void) => void =
  typeof backgroundScheduler?.postTask === "function"
    ? (cb) => void (backgroundScheduler as Scheduler).postTask(cb, { priority: "background" }).catch(() => undefined)
    : typeof requestIdleCallback === "function"
      ? (cb) => requestIdleCallback(cb, { timeout: 200 })
      : (cb) => setTimeout(cb, 1);

export class PageScanner {
  #doc: Document;
  #matcher: Matcher;
  #highlighter: MentionHighlighter;
  #state = createScanState();
  #readers: BlockReader[] = [];
  /** Nodes to re-read: added subtrees, edited text, and parents that lost a child. */
  #queued = new Set<Node>();
  /** Parents that lost a child since the queue was last taken: a removal can make a mention stale outside the text nodes edited. */
  #removedFrom = new Set<Node>();
  /** Parents that gained a child: a node inserted between the text nodes of a mention changes its text. */
  #insertedInto = new Set<Node>();
  #observer: MutationObserver | null = null;
  #scheduled = false;
  #stopped = false;
  #onChange: () => void;
  #onSettled: () => void;

  constructor(options: {
    doc: Document;
    matcher: Matcher;
    highlighter: MentionHighlighter;
    onChange: () => void;
    onSettled?: () => void;
    /** The page's publication date (YYYY-MM-DD): the claim reader places 지난해, 4분기 … against it. */
    pageDate?: string;
  }) {
    if (options.pageDate) this.#state = createScanState(options.pageDate);
    this.#doc = options.doc;
    this.#matcher = options.matcher;
    this.#highlighter = options.highlighter;
    this.#onChange = options.onChange;
    this.#onSettled = options.onSettled ?? (() => undefined);
  }

  start(): void {
    const root = this.#doc.body ?? this.#doc.documentElement;
    this.#readers.push(new BlockReader(root));
    this.#observer = new MutationObserver((records) => this.#queue(records));
    this.#observer.observe(this.#doc.documentElement, { childList: true, subtree: true, characterData: true });
    // The first slice (the top of the page: the first screen) at once, not after the page's own pending
    // work (on a 2 MB page its first layout alone is ~0.5-1 s); the rest in background tasks.
    this.#slice();
  }

  stop(): void {
    this.#stopped = true;
    this.#observer?.disconnect();
    this.#readers.length = 0;
    this.#parts.length = 0;
    this.#queued.clear();
    this.#removedFrom.clear();
    this.#insertedInto.clear();
  }

  /** Scans synchronously to the end (tests, CLI-like use). */
  drain(): void {
    while (this.#step(() => true)) {
      /* keep going */
    }
    this.#highlighter.flush();
  }

  #queue(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === "characterData") this.#queued.add(record.target);
      else if (record.addedNodes.length) {
        for (const node of record.addedNodes) this.#queued.add(node);
        this.#insertedInto.add(record.target);
      }
      if (record.removedNodes.length) {
        this.#queued.add(record.target); // text on both sides of the removed node may now join into a name
        this.#removedFrom.add(record.target);
      }
    }
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#stopped) return;
    this.#scheduled = true;
    runSoon(() => {
      this.#scheduled = false;
      this.#slice();
    });
  }

  #slice(): void {
    const until = performance.now() + SLICE_MS;
    let blocks = 0;
    const more = this.#step(() => ++blocks % CLOCK_EVERY !== 0 || performance.now() < until);
    if (more) this.#schedule();
  }

  /**
   * Does work while `keepGoing()`; returns true when work remains. Ranges are registered when a pass
   * ends, after the first slice (the first screen) and then every FLUSH_EVERY_MS, not after every
   * slice: each registration makes the browser recalculate style, which on a huge page costs far
   * more than the scan itself.
   */
  #step(keepGoing: () => boolean): boolean {
    if (this.#stopped) return false;
    if (this.#queued.size) {
      this.#dirty = this.#takeQueue() || this.#dirty;
    }
    while (this.#readers.length) {
      const reader = this.#readers[0]!;
      let block: TextBlock | null;
      while ((block = this.#parts.shift() ?? this.#nextBlock(reader))) {
        this.#dirty = this.#scanBlock(block) || this.#dirty;
        if (!keepGoing()) {
          // The first screen at once, then at most a few registrations a second while a long scan runs.
          const now = performance.now();
          if (now - this.#lastFlush >= FLUSH_EVERY_MS) {
            // The first-screen registration does not report: the badge follows at the end of the pass.
            this.#flush(this.#lastFlush !== -Infinity);
            this.#lastFlush = now;
          }
          return true;
        }
      }
      this.#readers.shift();
    }
    this.#flush();
    this.#lastFlush = performance.now();
    if (!this.#queued.size) this.#onSettled();
    return this.#queued.size > 0;
  }

  /** Mentions were added or removed since the last report. */
  #dirty = false;

  /** Registers what was found and reports a change once per registration, not once per slice (each report is a message to the background). */
  #flush(report = true): void {
    this.#highlighter.flush();
    if (report && this.#dirty) {
      this.#dirty = false;
      this.#onChange();
    }
  }

  /** Parts of a very long block still to scan (one part per step, so a 10 MB text node is not one task). */
  #parts: TextBlock[] = [];

  #nextBlock(reader: BlockReader): TextBlock | null {
    const block = reader.next();
    if (!block || block.text.length <= MAX_BLOCK_LENGTH) return block; // nearly every block: nothing to split
    const [first, ...rest] = splitLongBlock(block);
    this.#parts.push(...rest);
    return first!;
  }

  /** -Infinity: the first slice registers what it found (the top of the page) right away. */
  #lastFlush = -Infinity;

  #takeQueue(): boolean {
    const nodes = [...this.#queued];
    const removedFrom = [...this.#removedFrom];
    const insertedInto = [...this.#insertedInto];
    this.#queued.clear();
    this.#removedFrom.clear();
    this.#insertedInto.clear();
    const doc = this.#doc;
    if (nodes.length > RESCAN_THRESHOLD) {
      this.#highlighter.prune(() => true);
      this.#parts.length = 0;
      this.#readers = [new BlockReader(doc.body ?? doc.documentElement)];
      return true;
    }
    const removed = this.#pruneStale(nodes, removedFrom, insertedInto);
    // Re-read the block each change sits in (an added block element is its own), so a name split across old
    // and new text is found even when the change was inside an inline tag (알리<b>바바</b>는); each once: a block
    // inside another one queued is read with it.
    const containers = new Set<Element>();
    for (const node of nodes) {
      if (!node.isConnected) continue;
      const container =
        node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE ? blockAround(node) : null;
      if (container && !isInSkippedSubtree(container)) containers.add(container);
    }
    for (const container of containers) {
      if (!hasAncestorIn(container, containers)) this.#readers.push(new BlockReader(container));
    }
    return removed > 0;
  }

  /**
   * Drops the held mentions whose text a change took out of the page or altered, looking only where a change
   * can have done so: an append leaves every held mention as it was. Checked are the mentions in queued text
   * nodes (edited, or moved), and after a removal those around it: a removed node that lay inside a range
   * changed its text, and one that held an end of it moved that end to the parent it was removed from; either
   * way that parent lies within the range's common ancestor. Likewise a node inserted between the text nodes
   * of a mention (only one spanning several nodes can have anything inserted inside it).
   */
  #pruneStale(nodes: Node[], removedFrom: Node[], insertedInto: Node[]): number {
    const highlighter = this.#highlighter;
    const suspects = new Set<MentionRecord>();
    for (const node of nodes) {
      if (node.nodeType === Node.TEXT_NODE) for (const record of highlighter.recordsOn(node)) suspects.add(record);
    }
    if (removedFrom.length || insertedInto.length) {
      const aroundRemovals = inclusiveAncestors(removedFrom);
      const aroundInsertions = inclusiveAncestors(insertedInto);
      for (const record of highlighter.records) {
        const around = record.range.commonAncestorContainer;
        if (aroundRemovals.has(around) || (record.nodes.length > 1 && aroundInsertions.has(around)))
          suspects.add(record);
      }
    }
    if (!suspects.size) return 0;
    return highlighter.prune(
      (r) => r.range.collapsed || !r.nodes.every((n) => n.isConnected) || r.range.toString() !== r.text,
      suspects,
    );
  }

  #scanBlock(block: TextBlock): boolean {
    const mentions = this.#matcher.scanBlock(block.text, this.#state);
    let added = false;
    for (const mention of mentions) {
      const nodes = nodesForSpan(block, mention.start, mention.end);
      const first = nodes[0]!;
      const offsetInFirst = mention.start - block.starts[block.nodes.indexOf(first)]!;
      if (this.#highlighter.has(first, offsetInFirst, mention.text)) continue; // already held (a rescanned block)
      const range = rangeForSpan(block, mention.start, mention.end, this.#doc);
      this.#highlighter.add({ ...mention, range, blockText: block.text, nodes });
      added = true;
    }
    return added;
  }
}

/** True when an ancestor of `node` (not `node` itself) is in `set`. */
function hasAncestorIn(node: Node, set: Set<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (set.has(parent)) return true;
  return false;
}

/** `nodes` and all their ancestors (each ancestor walked once, however many nodes share it). */
function inclusiveAncestors(nodes: Node[]): Set<Node> {
  const out = new Set<Node>();
  for (const node of nodes) {
    for (let n: Node | null = node; n && !out.has(n); n = n.parentNode) out.add(n);
  }
  return out;
}
