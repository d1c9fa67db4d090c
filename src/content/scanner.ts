/**
 * Scans the page in idle-time slices (no task over a few milliseconds of our
 * own work), then follows changes: one MutationObserver only queues added
 * subtrees and edited text, and the queue is processed in the next slice.
 *
 * Each scan of a root (the page, or the block around a change) is a pass: the sieve (core/sieve.ts) runs over
 * the root's whole text at once, and only the blocks that hold one of its hits are read and matched. A page
 * that names nothing in scope costs its text, the sieve, and one walk over node lengths up to its last hit.
 */
import type { Matcher } from "../core/matcher";
import { createScanState, nameMayStartAt } from "../core/matcher";
import { claimBlockOf } from "../core/claim-blocks";
import type { ClaimBlock } from "../core/claim-blocks";
import type { Mention } from "../core/types";
import type { Sieve } from "../core/sieve";
import { CueSearch, HitScan, blockNeedsScan, hasCue, namedInFull } from "../core/sieve";
import type { TextBlock } from "./page-text";
import {
  BlockReader,
  MAX_BLOCK_LENGTH,
  TextOffsets,
  blockAround,
  editableBelow,
  isInSkippedSubtree,
  isInSkippedSubtreeKnown,
  nodesForSpan,
  rangeForSpan,
  splitLongBlock,
} from "./page-text";
import type { MentionHighlighter, MentionRecord } from "./highlighter";
import { ClaimRequests } from "./claim-requests";

const SLICE_MS = 8;
/**
 * The first slice: the sieve's start-up (the page's text, the first chunk of each kind, the matcher) and the top of
 * the page, registered at its end (the first screen).
 */
const FIRST_SLICE_MS = 16;
/**
 * How often a long scan registers the ranges found so far, after the first slice (the first screen). Each
 * registration makes Chromium invalidate paint for the whole page (a full pre-paint walk), so a long scan
 * registers rarely (figures: bench/results/design-notes.md).
 */
const FLUSH_EVERY_MS = 1000;
/**
 * How long the first registration waits, once the walk has passed the viewport, for the amounts in view: an awake
 * background answers well within it, one that must start first (Chrome stops an idle one after 30 s) takes longer
 * (figures: bench/results/design-notes.md), and the names are not held back for it: its figures are registered as
 * soon as they come.
 */
const FIRST_SCREEN_AMOUNTS_MS = 50;
/** Text nodes stepped over, between two hits, before the clock is looked at again. */
const NODES_PER_LOOK = 2048;
/** A root with at most this much text is read with one block reader rather than one per block holding a hit. */
const SMALL_ROOT = 8_192;
/** Past this many queued changes a full rescan is cheaper than following them one by one. */
const RESCAN_THRESHOLD = 1000;

/** The sieve's hits of one kind in a root's text (offsets, ascending) and the next one to handle. */
/** A kind's hits are looked for (a chunk per step) only once the kind can count: none is on most pages. */
type Hits = { scan: HitScan | null; next: number };
const KEY = 0;
const CUED = 1;
const STATED = 2;
const CURRENCY = 3;
const KINDS = 4;
/** #nearestHit looked for more hits instead (a step of its own). */
const TOOK_A_STEP = -2;

/** One root being scanned: its sieve hits by kind (KEY, CUED, STATED, CURRENCY) and where the walk over them is. */
type Pass = {
  root: Node;
  /** The root's text (textContent), read once. */
  text: string | null;
  hits: Hits[];
  /** Whether some near-cue rule's cue is in the root's text (else no short form valid near a cue can count). */
  cued: CueSearch | null;
  offsets: TextOffsets | null;
  /** Elements known to lie (or not) inside a subtree that is never scanned. */
  skipped: Map<Element, boolean>;
  /** Block elements known to hold (or not) a cue of a near-cue rule. */
  cues: Map<Element, boolean>;
  /** The editable elements below the root, looked up when the first block is read (each block reader needs them). */
  editable: Set<Element> | null;
};

const newPass = (root: Node): Pass => ({
  root,
  text: null,
  hits: [KEY, CUED, STATED, CURRENCY].map(() => ({ scan: null, next: 0 })),
  cued: null,
  offsets: null,
  skipped: new Map(),
  cues: new Map(),
  editable: null,
});

/** The block read last: later hits in it need no second read, and it is matched once. */
/** Where reading blocks has got to: the reader of an element, the block it is on, whether that block matched. */
type BlockReading = { root: Element; reader: BlockReader; block: TextBlock | null; matched: boolean };

/**
 * Runs `cb` when the page has nothing more urgent to do. A background-priority task where the browser has
 * the scheduler API: it runs as soon as input, rendering and the page's own tasks are done, without waiting
 * for an idle period (requestIdleCallback runs a callback posted from an idle callback only in the *next*
 * idle period, which left a long scan mostly waiting: bench/results/design-notes.md). Else an idle callback.
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
  #matcher: () => Matcher;
  #sieve: Sieve;
  /** The sieve's patterns by kind (KEY, CUED, STATED, CURRENCY). */
  #patterns: ReadonlyArray<RegExp | null>;
  #highlighter: MentionHighlighter;
  #state = createScanState();
  #passes: Pass[] = [];
  #blockReading: BlockReading | null = null;
  /** Nodes to re-read: added subtrees, edited text, and parents that lost a child. */
  #queued = new Set<Node>();
  /** Parents that lost a child since the last rescan: a removal can make a mention stale outside the edited text. */
  #removedFrom = new Set<Node>();
  /** Parents that gained a child: a node inserted between the text nodes of a mention changes its text. */
  #insertedInto = new Set<Node>();
  #observer: MutationObserver | null = null;
  #scheduled = false;
  #stopped = false;
  #onChange: () => void;
  #onSettled: () => void;
  #onFound: () => void;
  #found = false;
  #pageDate: (() => string | undefined) | null;
  /** Where amounts are read when the matcher holds no claim reader (the content script's: in the background). */
  #claims: ClaimRequests | null;
  /** The sieve's currency words, for one test of a block (an amount needs one). */
  #currencyWord: RegExp | null;

  constructor(options: {
    doc: Document;
    /** The matcher, or how to build it: a page whose text the sieve passes over never builds it. */
    matcher: Matcher | (() => Matcher);
    sieve: Sieve;
    highlighter: MentionHighlighter;
    onChange: () => void;
    onSettled?: () => void;
    /**
     * The page's publication date (YYYY-MM-DD), or how to read it: the claim reader places 지난해, 4분기 … against
     * it. Read when the first block is matched: a page the sieve passes over never reads it.
     */
    pageDate?: string | (() => string | undefined);
    /** The first mention was found (once per scanner). */
    onFound?: () => void;
    /**
     * Reads the amounts of the blocks handed on, in page order, against this page's claim state (kept by whoever
     * reads them), for a matcher that holds no claim reader. Without it the matcher's own reader (if any) reads them.
     */
    readClaims?: (blocks: ClaimBlock[], pageDate: string | undefined) => Promise<Mention[][]>;
    /** How long the first registration waits for the amounts in view once the walk has passed them. */
    amountsWaitMs?: number;
  }) {
    this.#amountsWaitMs = options.amountsWaitMs ?? FIRST_SCREEN_AMOUNTS_MS;
    const { pageDate } = options;
    this.#pageDate = typeof pageDate === "function" ? pageDate : () => pageDate;
    this.#doc = options.doc;
    const { matcher } = options;
    this.#matcher = typeof matcher === "function" ? matcher : () => matcher;
    this.#sieve = options.sieve;
    const { keys, cued, stated, currency } = options.sieve;
    this.#patterns = [keys, cued, stated, currency];
    this.#currencyWord = currency && new RegExp(currency.source, "i");
    this.#highlighter = options.highlighter;
    this.#onChange = options.onChange;
    this.#onSettled = options.onSettled ?? (() => undefined);
    this.#onFound = options.onFound ?? (() => undefined);
    const { readClaims } = options;
    this.#claims = readClaims
      ? new ClaimRequests(
          (blocks) => {
            // The date is looked up once there is an amount to place.
            this.#readPageDate();
            return readClaims(blocks, this.#state.claims.pageDate);
          },
          (block, figures) => {
            this.#dirty = this.#addMentions(block, figures) || this.#dirty;
          },
          () => this.#claimsAnswered(),
        )
      : null;
  }

  start(): void {
    this.#startedAt = performance.now();
    this.#passes.push(newPass(this.#doc.body ?? this.#doc.documentElement));
    this.#observer = new MutationObserver((records) => this.#queue(records));
    this.#observer.observe(this.#doc.documentElement, { childList: true, subtree: true, characterData: true });
    // The first slice (the top of the page: the first screen) at once, not after the page's own pending
    // work (a big page's first layout alone takes a long while); the rest in background tasks.
    this.#slice();
  }

  stop(): void {
    this.#stopped = true;
    this.#claims?.stop();
    this.#observer?.disconnect();
    this.#passes.length = 0;
    this.#blockReading = null;
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
    this.#claims?.send();
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
    const until = performance.now() + (this.#firstScreenShown ? SLICE_MS : FIRST_SLICE_MS);
    // The clock after every step: a step is a chunk of the sieve, a stretch of the walk or a block (each far longer).
    const more = this.#step(() => performance.now() < until);
    this.#claims?.send();
    if (more) this.#schedule();
  }

  /**
   * A claim request came back: the first screen is registered once its amounts are in; once the scan is over, what
   * came back is registered at once, and so are amounts the first screen went without (else with the scan's next
   * registration).
   */
  #claimsAnswered(): void {
    const now = performance.now();
    const scanning = this.#passes.length > 0 || this.#parts.length > 0 || this.#queued.size > 0 || this.#scheduled;
    // Before the walk has passed the first screen nothing is registered (measuring it here could force a layout).
    if (!this.#firstScreenShown && (this.#firstScreenClaims === null || !this.#firstScreenReady(now))) return;
    if (this.#firstScreenShown && scanning) {
      // The first screen went without its amounts (a background that had to start): they come as soon as they can.
      if (this.#amountsOwed === null || !this.#claims!.cameBack(this.#amountsOwed)) return;
      this.#flush(false, now);
      return;
    }
    this.#flush(!scanning, now);
    if (!scanning) this.#settleIfDone();
  }

  /** Registers the first screen after `ms` if no answer has by then (a background that does not answer). */
  #registerWithin(ms: number): void {
    setTimeout(() => {
      if (this.#stopped || this.#firstScreenShown) return;
      this.#flush();
      this.#settleIfDone();
    }, ms);
  }

  /** Settled: nothing left to scan, and no amount waiting to be read. */
  #settleIfDone(): void {
    if (!this.#queued.size && !this.#claims?.pending) this.#onSettled();
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
      this.#dirty = this.#rescanQueued() || this.#dirty;
    }
    for (;;) {
      const part = this.#parts.shift();
      if (part) this.#dirty = this.#scanBlock(part) || this.#dirty;
      else if (!this.#passes.length || !this.#advance(this.#passes[0]!)) {
        if (!this.#passes.length) break;
        this.#passes.shift();
        this.#blockReading = null;
        continue;
      }
      if (!keepGoing()) {
        // The first screen once the walk is past it, then at most a few registrations a second while a long scan
        // runs.
        const now = performance.now();
        if (this.#firstScreenShown ? now - this.#lastFlush >= FLUSH_EVERY_MS : this.#firstScreenReady(now)) {
          // The first-screen registration does not report: the badge follows at the end of the pass.
          this.#flush(this.#firstScreenShown, now);
        }
        return true;
      }
    }
    // The pass is over: the whole page was walked, so the first screen waits only for its amounts.
    const now = performance.now();
    if (this.#firstScreenShown || this.#firstScreenReady(now, true)) {
      this.#flush(true, now);
      this.#settleIfDone();
    } else {
      const deadline = Math.min(this.#foldAt + this.#amountsWaitMs, this.#startedAt + FLUSH_EVERY_MS);
      this.#registerWithin(Math.max(0, deadline - now));
    }
    return this.#queued.size > 0;
  }

  /**
   * Takes the next step of a pass: its sieve first, then the next hit (the block holding it read and matched if
   * need be). Returns false when the pass is over.
   */
  #advance(pass: Pass): boolean {
    const sieve = this.#sieve;
    const hits = pass.hits;
    if (pass.text === null) {
      pass.text = pass.root.textContent ?? "";
      return true;
    }
    const text = pass.text;
    const nearest = this.#nearestHit(pass, text);
    if (nearest === TOOK_A_STEP) return true;
    const offset = nearest < 0 ? Infinity : pass.hits[nearest]!.scan!.at[pass.hits[nearest]!.next]!;
    // A short form counts only if a cue is somewhere in the text: asked when the first one is next.
    if (nearest === CUED && pass.cued?.found !== true) {
      const search = (pass.cued ??= new CueSearch(sieve, text));
      if (search.found === null) search.more();
      return true;
    }
    if (offset === Infinity) return false;
    pass.offsets ??= new TextOffsets(pass.root);
    const node = pass.offsets.nodeAt(offset, NODES_PER_LOOK);
    if (node === undefined) return true; // a long way to the next hit: look at the clock first
    // Every hit in this node is handled with it: the kinds' places move on once it has been (a step of start-up
    // work first leaves them, and the node is taken again by the next step).
    const end = node === null ? offset + 1 : pass.offsets.end;
    const found = this.#foundInNode;
    const next = this.#nextInNode;
    let any = false;
    for (let k = 0; k < KINDS; k++) {
      found[k] = false;
      let i = hits[k]!.next;
      const at = hits[k]!.scan?.at;
      if (at)
        for (; (at[i] ?? Infinity) < end; i++) {
          if (found[k]) continue;
          if (k === CUED && node && this.#startUp(false, pass)) return true;
          const may = this.#mayCount(k, node, at[i]!, pass);
          found[k] = may;
          any ||= may;
        }
      next[k] = i;
    }
    const parent = node?.parentElement;
    if (!node || !parent || !any || isInSkippedSubtreeKnown(parent, pass.skipped)) return this.#handled(hits);
    const inNode = { key: found[KEY]!, cued: found[CUED]!, stated: found[STATED]!, currency: found[CURRENCY]! };
    if (!blockNeedsScan(inNode, () => this.#cued(node, pass), this.#state)) return this.#handled(hits);
    if (this.#startUp(true, pass)) return true;
    this.#handled(hits);
    const block = this.#blockOf(node, pass);
    if (block && !this.#blockReading!.matched) {
      this.#blockReading!.matched = true;
      this.#dirty = this.#scanBlock(block) || this.#dirty;
    }
    return true;
  }

  /**
   * The kind of the next hit that can count now (the hit at its place), -1 when none is left, or TOOK_A_STEP
   * when a chunk of some kind's hits had to be looked for first. A short form counts only with a cue somewhere in
   * the text, a title form only after someone named in full, a currency word only once something is named: the
   * others are stepped over where the walk passes them, and a kind is not even looked for until it can count.
   */
  #nearestHit(pass: Pass, text: string): number {
    const hits = pass.hits;
    const state = this.#state;
    const live = this.#live;
    live[CUED] = pass.cued?.found !== false;
    live[STATED] = namedInFull(state);
    live[CURRENCY] = state.seen.size > 0;
    const behind = pass.offsets?.start ?? 0;
    let offset = Infinity;
    let nearest = -1;
    for (let k = 0; k < KINDS; k++) {
      if (!live[k]) continue;
      const kind = hits[k]!;
      const scan = (kind.scan ??= new HitScan(this.#patterns[k]!, text));
      const at = scan.at;
      while ((at[kind.next] ?? Infinity) < behind) kind.next++; // stepped over while it could not count
      if (kind.next >= at.length && !scan.done) {
        scan.more();
        return TOOK_A_STEP;
      }
      const first = at[kind.next] ?? Infinity;
      if (first < offset) {
        offset = first;
        nearest = k;
      }
    }
    return nearest;
  }

  /** Scratch for #advance, one slot per kind (a step allocates nothing on the way to the next hit). */
  #live = [true, false, false, false];
  #foundInNode = [false, false, false, false];
  #nextInNode = [0, 0, 0, 0];

  /** The hits of the node just taken are handled: each kind's place moves past them. */
  #handled(hits: Hits[]): true {
    for (let k = 0; k < KINDS; k++) hits[k]!.next = this.#nextInNode[k]!;
    return true;
  }

  #matcherBuilt = false;

  /**
   * Does one piece of the start-up that the next hit needs, if some is left (true then): the matcher, and before the
   * first block is read (`forBlock`) the rest of the matcher, the pass's editable elements and the page's date. Each
   * is a step of its own, so on a big page they do not add up to one long task.
   */
  #startUp(forBlock: boolean, pass: Pass): boolean {
    if (!this.#matcherBuilt) {
      this.#matcher();
      this.#matcherBuilt = true;
      return true;
    }
    if (!forBlock) return false;
    if (this.#matcher().prepare()) return true;
    if (pass.editable === null) {
      pass.editable = editableBelow(pass.root);
      return true;
    }
    if (!this.#pageDate || this.#claims) return false;
    this.#readPageDate();
    return true;
  }

  #readPageDate(): void {
    if (!this.#pageDate) return;
    const date = this.#pageDate();
    this.#pageDate = null;
    if (date) this.#state.claims.pageDate = date;
  }

  /**
   * Whether a hit of kind `k` at `offset` (in the pass's text) may still count, judged from its own text node: a
   * title form or short form inside a word (시장에서, 차이나) cannot, nor a short form whose ending there rules it out
   * (알리겠다고). A plain name may be glued to the one before, and an amount needs its block: those always may.
   */
  #mayCount(k: number, node: Text | null, offset: number, pass: Pass): boolean {
    if (!node || (k !== CUED && k !== STATED)) return true;
    const at = offset - pass.offsets!.start;
    if (!nameMayStartAt(node.data, at)) return false;
    return k !== CUED || this.#matcher().shortFormMayStand(node.data, at);
  }

  /** Whether the element `node`'s block lies in holds a cue (its text holds the block's, and more). */
  #cued(node: Text, pass: Pass): boolean {
    const element = blockAround(node);
    if (!element) return hasCue(this.#sieve, node.data);
    let known = pass.cues.get(element);
    if (known === undefined) pass.cues.set(element, (known = hasCue(this.#sieve, element.textContent ?? "")));
    return known;
  }

  /**
   * The block holding `node`, read with the block reader of the element it belongs to. Hits come in document
   * order, so the reader goes on from the last block when that element lies inside the one it reads.
   */
  #blockOf(node: Text, pass: Pass): TextBlock | null {
    let reading = this.#blockReading;
    if (reading?.block?.nodes.includes(node)) return reading.block;
    const element = blockAround(node);
    if (!element) return null;
    if (!reading || !(reading.root === element || reading.root.contains(element))) {
      // A small root (the block around a change) is read with one reader: most of its blocks hold a hit.
      const small = pass.root.nodeType === Node.ELEMENT_NODE && (pass.text?.length ?? 0) <= SMALL_ROOT;
      const root = small && pass.root.contains(element) ? (pass.root as Element) : element;
      pass.editable ??= editableBelow(pass.root);
      const reader = new BlockReader(root, pass.editable);
      reading = this.#blockReading = { root, reader, block: null, matched: false };
    }
    for (let block = reading.reader.next(); block; block = reading.reader.next()) {
      reading.block = block;
      reading.matched = false;
      if (block.nodes.includes(node)) return block;
    }
    this.#blockReading = null;
    return null;
  }

  /** Mentions were added or removed since the last report. */
  #dirty = false;

  /**
   * Registers what was found and reports a change once per registration, not once per slice (each report is a message
   * to the background); `now` is when (the first screen's measure is not needed after it).
   */
  #flush(report = true, now = performance.now()): void {
    // Whether the first screen's amounts are still out once this registration is made (then they are registered as
    // they come).
    const claims = this.#claims;
    const owed = this.#firstScreenShown ? this.#amountsOwed : (this.#firstScreenClaims ?? claims?.handedOn ?? null);
    this.#amountsOwed = owed !== null && claims && !claims.cameBack(owed) ? owed : null;
    this.#lastFlush = now;
    this.#probe = null;
    this.#highlighter.flush();
    if (report && this.#dirty) {
      this.#dirty = false;
      this.#onChange();
    }
  }

  /** Parts of a very long block still to scan (one part per step, so a 10 MB text node is not one long task). */
  #parts: TextBlock[] = [];

  /** -Infinity until the first registration. */
  #lastFlush = -Infinity;

  /**
   * Whether the ranges of the first screen were registered (until then slices are longer). The first registration
   * waits until the walk has gone past the bottom of the viewport, so they all come in one registration (the first
   * one adopts the rules, which restyles the page: a second one right after it would wait for that frame).
   */
  get #firstScreenShown(): boolean {
    return this.#lastFlush !== -Infinity;
  }
  #startedAt = 0;
  /** Measures the node the walk is on, before the first registration (layout is clean then). */
  #probe: Range | null = null;
  /** The number of blocks handed on for their amounts when the walk passed the first screen (null until then). */
  #firstScreenClaims: number | null = null;
  /** When the walk passed the first screen. */
  #foldAt = Infinity;
  #amountsWaitMs: number;
  /** The first screen was registered before the amounts of its first this many blocks came back. */
  #amountsOwed: number | null = null;

  /** The walk has passed the first screen: the blocks handed on so far are its. */
  #markFold(now: number): void {
    this.#firstScreenClaims = this.#claims?.handedOn ?? 0;
    this.#foldAt = now;
  }

  /**
   * Whether the first screen can be registered: the walk has passed it, and the amounts handed on until then have
   * come back (so they come in the same registration), or have been waited for as long as an awake background takes.
   */
  #firstScreenReady(now: number, walked = false): boolean {
    if (this.#firstScreenClaims === null) {
      if (!walked && !this.#pastFirstScreen(now)) return false;
      this.#markFold(now);
    }
    return (
      !this.#claims ||
      this.#claims.cameBack(this.#firstScreenClaims!) ||
      now - this.#foldAt >= this.#amountsWaitMs ||
      now - this.#startedAt >= FLUSH_EVERY_MS
    );
  }

  /**
   * Whether the first pass's walk has reached a text node below the viewport (or has scanned for as long as a
   * registration may wait). A node with no box (hidden) decides nothing.
   */
  #pastFirstScreen(now: number): boolean {
    if (now - this.#startedAt >= FLUSH_EVERY_MS) return true;
    return this.#belowViewport(this.#passes[0]?.offsets?.node);
  }

  /** Whether `node` has a box, below the viewport. */
  #belowViewport(node: CharacterData | null | undefined): boolean {
    const view = this.#doc.defaultView;
    if (!node?.isConnected || !view) return false;
    const probe = (this.#probe ??= this.#doc.createRange());
    probe.selectNodeContents(node);
    const box = probe.getBoundingClientRect();
    return box.height > 0 && box.top >= view.innerHeight;
  }

  /**
   * Turns the queued changes into passes over the blocks they touched (or one pass over the page when there are
   * too many) and drops the highlights they made stale; whether any mention was removed.
   */
  #rescanQueued(): boolean {
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
      this.#blockReading = null;
      this.#passes = [newPass(doc.body ?? doc.documentElement)];
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
      if (!hasAncestorIn(container, containers)) this.#passes.push(newPass(container));
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

  /** Matches one block (the first part of a very long one; the other parts are queued). */
  #scanBlock(whole: TextBlock): boolean {
    let block = whole;
    if (whole.text.length > MAX_BLOCK_LENGTH) {
      const [first, ...rest] = splitLongBlock(whole);
      this.#parts.unshift(...rest);
      block = first!;
    }
    if (!this.#claims) this.#readPageDate(); // read at start-up already, unless this block came another way
    const mentions = this.#matcher().scanBlock(block.text, this.#state);
    const claim = this.#claims && claimBlockOf(block.text, mentions, this.#state, this.#currencyWord);
    if (claim) {
      // The first block handed on below the viewport marks the first screen's amounts: they go at once, so the
      // first registration waits for them alone, not for the rest of a long first slice.
      if (this.#firstScreenClaims === null && !this.#firstScreenShown && this.#belowViewport(block.nodes[0])) {
        this.#markFold(performance.now());
        this.#claims!.send();
      }
      this.#claims!.add(block, claim);
    }
    return this.#addMentions(block, mentions);
  }

  /** Holds the mentions of `block` not held yet; whether any was added. */
  #addMentions(block: TextBlock, mentions: readonly Mention[]): boolean {
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
    if (added && !this.#found) {
      this.#found = true;
      this.#onFound();
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
