/**
 * DOM → blocks of text. Text nodes are read in document order and grouped
 * into blocks (runs of text under the same block-level element), so a name
 * split by inline tags (<b>알리바바</b> 클라우드) is matched as one, while
 * separate paragraphs never join. Reads only text and tag names: no layout.
 */

/** Elements whose text is never scanned (code, form fields, embedded content). */
const SKIPPED_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEXTAREA",
  "INPUT",
  "SELECT",
  "OPTION",
  "TEMPLATE",
  "IFRAME",
  "OBJECT",
  "SVG",
  "MATH",
  "CODE",
  "PRE",
  "HEAD",
  "TITLE",
  "CANVAS",
  "VIDEO",
  "AUDIO",
]);

/** Inline elements do not end a block: text inside them continues the surrounding sentence. */
const INLINE_TAGS = new Set([
  "A",
  "ABBR",
  "B",
  "BDI",
  "BDO",
  "BR",
  "CITE",
  "DATA",
  "DFN",
  "EM",
  "FONT",
  "I",
  "KBD",
  "MARK",
  "Q",
  "RP",
  "RT",
  "RUBY",
  "S",
  "SAMP",
  "SMALL",
  "SPAN",
  "STRONG",
  "SUB",
  "SUP",
  "TIME",
  "U",
  "VAR",
  "WBR",
  "INS",
  "DEL",
  "LABEL",
  "NOBR",
  "BIG",
  "TT",
  "STRIKE",
]);

export type TextBlock = {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
};

function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  const editable = element.getAttribute("contenteditable");
  return editable !== null && editable !== "false";
}

/** The same names in both cases: HTML elements report upper case, SVG/MathML and XML documents lower case. */
const bothCases = (names: Set<string>) => new Set([...names, ...[...names].map((n) => n.toLowerCase())]);
const SKIPPED_ANY_CASE = bothCases(SKIPPED_TAGS);
const INLINE_ANY_CASE = bothCases(INLINE_TAGS);

/** What an element is to the reader, by tag name: inline (continues the text), skipped, or (absent) a block. */
const INLINE = 1;
const SKIPPED = 2;
const TAG_KIND = new Map<string, number>([
  ...[...INLINE_ANY_CASE].map((t) => [t, INLINE] as const),
  ...[...SKIPPED_ANY_CASE].map((t) => [t, SKIPPED] as const),
]);
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';
const TEXT_NODE = 3;

const isInline = (element: Element) => INLINE_ANY_CASE.has(element.tagName);

/** The nearest ancestor-or-self element that is not inline: the block a node's text belongs to. */
export function blockAround(node: Node): Element | null {
  let element: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && isInline(element)) element = element.parentElement;
  return element;
}

/** True when `node` sits inside a subtree that is never scanned. */
export function isInSkippedSubtree(node: Node): boolean {
  for (
    let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    el;
    el = el.parentElement
  ) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/**
 * isInSkippedSubtree for an element, with the answer for every element on the way kept in `known`: over many
 * nodes of one page each element is looked at once.
 */
export function isInSkippedSubtreeKnown(element: Element, known: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let skipped = false;
  for (let el: Element | null = element; el; el = el.parentElement) {
    const answer = known.get(el);
    if (answer !== undefined) {
      skipped = answer;
      break;
    }
    path.push(el);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    skipped ||= isSkippedElement(path[i]!);
    known.set(path[i]!, skipped);
  }
  return skipped;
}

/** The editable elements below `root` (skipped like <textarea>), found by one selector. */
export function editableBelow(root: Node): Set<Element> {
  const scope = root as Partial<ParentNode>;
  return new Set(typeof scope.querySelectorAll === "function" ? scope.querySelectorAll(EDITABLE) : []);
}

/**
 * Reads blocks below `root`, a few at a time: `next()` returns the next complete block, or null when
 * the subtree is exhausted.
 *
 * One native walker over elements and text in document order, with no filter callback and no per-node
 * lookups (bench/results: about 1.5-2x the cost of merely reading every text node). A block ends where
 * the walk meets an element that is not inline (even an empty one) or a skipped one (whose subtree is
 * stepped over whole), and where a text node lies outside the block the run of text was in (the walk left
 * that element). Only text and tag names are read: no layout.
 */
export class BlockReader {
  #walker: TreeWalker;
  /** The element the current run of text belongs to. */
  #block: Element | null;
  /** Parent of the last text node read: a sibling text node needs no containment check. */
  #lastParent: Node | null = null;
  /** A text node already read that starts the next block. */
  #pending: Text | null = null;
  #done: boolean;

  /**
   * Editable elements below the root (skipped like <textarea>): found once by a selector, not asked of every element.
   */
  #editable: Set<Element>;

  /** `editable`: the editable elements of a subtree holding `root`, when the caller already looked them up. */
  constructor(root: Node, editable: Set<Element> = editableBelow(root)) {
    this.#walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
      root,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    );
    this.#block = blockAround(root);
    this.#editable = editable;
    this.#done = root.nodeType === Node.ELEMENT_NODE && isSkippedElement(root as Element);
  }

  /**
   * The next complete block, or null when the subtree is exhausted. One loop with the walker's state in
   * locals: this runs once per node of the page, mostly before the JIT has optimised it, so every call and
   * field access per node counts.
   */
  next(): TextBlock | null {
    const walker = this.#walker;
    const editable = this.#editable.size > 0 ? this.#editable : null;
    let block = this.#block;
    let lastParent = this.#lastParent;
    let node: Node | null = this.#pending ?? (this.#done ? null : walker.nextNode());
    this.#pending = null;
    /** Something that breaks the run of text lies between the last text node and this one. */
    let boundary = false;
    let nodes: Text[] | null = null;
    let starts: number[] | null = null;
    let text = "";
    while (node) {
      if (node.nodeType === TEXT_NODE) {
        const parent = node.parentNode;
        if (parent !== lastParent) {
          lastParent = parent;
          // A text node outside the element the run was in: the walk left that element.
          if (!block || (parent !== block && !block.contains(parent))) {
            block = blockAround(node);
            boundary = true;
          }
        }
        const data = (node as Text).data;
        if (nodes === null) {
          // Blank text (indentation between elements) never starts a block.
          if (data.trim()) {
            nodes = [node as Text];
            starts = [0];
            text = data;
            boundary = false;
          }
        } else if (boundary) {
          this.#pending = node as Text;
          break;
        } else {
          starts!.push(text.length);
          nodes.push(node as Text);
          text += data;
        }
        node = walker.nextNode();
        continue;
      }
      const element = node as Element;
      const kind = TAG_KIND.get(element.tagName);
      if (kind === SKIPPED || editable?.has(element)) {
        boundary = true;
        lastParent = null;
        node = this.#afterSubtree();
        continue;
      }
      if (kind !== INLINE) {
        boundary = true;
        lastParent = null;
        block = element;
      }
      node = walker.nextNode();
    }
    if (!node) this.#done = true;
    this.#block = block;
    this.#lastParent = lastParent;
    return nodes ? { text, nodes, starts: starts! } : null;
  }

  /** From a skipped element, the first node after its subtree (null at the end of the root). */
  #afterSubtree(): Node | null {
    const walker = this.#walker;
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
  }
}

/**
 * The text nodes below `root` in document order, each with its offset in root.textContent: hits found in that
 * one string are mapped to the nodes holding them without reading any node's text (a node's length is all).
 * CDATA sections count (textContent holds them) but are never returned: they are not scanned.
 */
export class TextOffsets {
  #walker: TreeWalker;
  #node: CharacterData | null = null;
  /** [start, end) of #node in the root's text. */
  #start = 0;
  #end = 0;
  #done = false;

  constructor(root: Node) {
    this.#walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
      root,
      NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION,
    );
  }

  /** The node the walk is on (the one last returned, or last stepped over). */
  get node(): CharacterData | null {
    return this.#node;
  }

  /** Where the node last returned starts in the root's text (offsets before it are behind the walk). */
  get start(): number {
    return this.#start;
  }

  /** Where the node last returned ends in the root's text. */
  get end(): number {
    return this.#end;
  }

  /**
   * The text node holding character `offset` (offsets never go back between calls), null when no node does,
   * or undefined when `budget` nodes were stepped over first (call again to go on).
   */
  nodeAt(offset: number, budget: number): Text | null | undefined {
    const walker = this.#walker;
    let node = this.#node;
    let start = this.#start;
    let end = this.#end;
    while (offset >= end) {
      if (this.#done || budget-- <= 0) break;
      node = walker.nextNode() as CharacterData | null;
      if (!node) {
        this.#done = true;
        break;
      }
      start = end;
      end += node.length;
    }
    this.#node = node;
    this.#start = start;
    this.#end = end;
    if (offset < end && offset >= start && node) return node.nodeType === TEXT_NODE ? (node as Text) : null;
    return this.#done ? null : undefined;
  }
}

/** Maps a [start, end) span of a block's text onto a DOM Range. */
export function rangeForSpan(block: TextBlock, start: number, end: number, doc: Document): Range {
  const locate = (offset: number, isEnd: boolean): [Text, number] => {
    let lo = 0;
    let hi = block.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (block.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    // A start at a node's end belongs to the next node (found above); an end belongs to the node holding
    // the last character, so the range never reaches over an element that follows the mention.
    if (isEnd) while (lo > 0 && block.starts[lo]! >= offset) lo--;
    return [block.nodes[lo]!, offset - block.starts[lo]!];
  };
  const range = doc.createRange();
  const [startNode, startOffset] = locate(start, false);
  const [endNode, endOffset] = locate(end, true);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

/** The text nodes a span touches (for hit-testing by node). */
export function nodesForSpan(block: TextBlock, start: number, end: number): Text[] {
  const out: Text[] = [];
  for (let i = 0; i < block.nodes.length; i++) {
    const nodeStart = block.starts[i]!;
    const nodeEnd = nodeStart + block.nodes[i]!.data.length;
    if (nodeEnd > start && nodeStart < end) out.push(block.nodes[i]!);
  }
  return out;
}

/** Blocks longer than this are scanned in parts, so one giant text node cannot make one long task. */
export const MAX_BLOCK_LENGTH = 16_384;

/**
 * Splits a very long block into parts of at most about `max` characters, cut after a sentence end (or a
 * line break, or at worst a space), so no name is cut in two. Each part keeps the nodes it overlaps, with
 * starts relative to the part (negative for a node that began in an earlier part).
 */
export function splitLongBlock(block: TextBlock, max = MAX_BLOCK_LENGTH): TextBlock[] {
  if (block.text.length <= max) return [block];
  const parts: TextBlock[] = [];
  let from = 0;
  while (from < block.text.length) {
    let to = Math.min(block.text.length, from + max);
    if (to < block.text.length) {
      const window = block.text.slice(from + (max >> 1), to);
      const cut = Math.max(window.lastIndexOf(". "), window.lastIndexOf("다. "), window.lastIndexOf("\n"));
      const space = window.lastIndexOf(" ");
      const at = cut >= 0 ? cut + 1 : space >= 0 ? space : -1;
      if (at >= 0) to = from + (max >> 1) + at + 1;
    }
    const nodes: Text[] = [];
    const starts: number[] = [];
    for (let i = 0; i < block.nodes.length; i++) {
      const start = block.starts[i]!;
      const end = start + block.nodes[i]!.data.length;
      if (end > from && start < to) {
        nodes.push(block.nodes[i]!);
        starts.push(start - from);
      }
    }
    parts.push({ text: block.text.slice(from, to), nodes, starts });
    from = to;
  }
  return parts;
}
