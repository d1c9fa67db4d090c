/**
 * DOM → blocks of text. Text nodes are read in document order and grouped
 * into blocks (runs of text under the same block-level element), so a name
 * split by inline tags (<b>알리바바</b> 클라우드) is matched as one, while
 * separate paragraphs never join. Reads only text and tag names: no layout.
 */

/** Elements whose text is never scanned (code, form fields, our own host). */
const SKIPPED_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA", "INPUT", "SELECT", "OPTION", "TEMPLATE", "IFRAME", "OBJECT", "SVG", "MATH", "CODE", "PRE", "HEAD", "TITLE", "MAEKRAK-ROOT", "CANVAS", "VIDEO", "AUDIO"]);

/** Inline elements do not end a block: text inside them continues the surrounding sentence. */
const INLINE_TAGS = new Set(["A", "ABBR", "B", "BDI", "BDO", "BR", "CITE", "DATA", "DFN", "EM", "FONT", "I", "KBD", "MARK", "Q", "RP", "RT", "RUBY", "S", "SAMP", "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U", "VAR", "WBR", "INS", "DEL", "LABEL", "NOBR", "BIG", "TT", "STRIKE"]);

export type TextBlock = {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset of nodes[i] in `text`. */
  starts: number[];
};

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  const editable = element.getAttribute("contenteditable");
  return editable !== null && editable !== "false";
}

function blockOf(node: Node, cache: Map<Node, Element | null>): Element | null {
  const parent = node.parentElement;
  if (!parent) return null;
  const cached = cache.get(parent);
  if (cached !== undefined) return cached;
  let element: Element | null = parent;
  while (element && INLINE_TAGS.has(element.tagName.toUpperCase())) element = element.parentElement;
  cache.set(parent, element);
  return element;
}

/**
 * A walker over the text nodes below `root`. It has no filter callback (a JS
 * call per node is what makes walking slow); skipped subtrees are recognised
 * per parent element instead, with the answer cached (see BlockReader).
 */
export function createTextWalker(root: Node): TreeWalker {
  const doc = root.ownerDocument ?? (root as Document);
  return doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
}

/** True when `node` sits inside a subtree that is never scanned. */
export function isInSkippedSubtree(node: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/**
 * Reads blocks from a walker, a few at a time: `next()` returns the next
 * complete block, or null when the walker is exhausted.
 */
export class BlockReader {
  #walker: TreeWalker;
  #root: Node;
  #cache = new Map<Node, Element | null>();
  #skipped = new Map<Element, boolean>();
  #pending: Text | null = null;

  #elements: TreeWalker;

  constructor(root: Node) {
    this.#root = root;
    this.#walker = createTextWalker(root);
    this.#elements = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  }

  /**
   * Whether something that breaks the run of text lies between two text nodes of the same block: a
   * skipped element (<code>, a form field …) or a block-level element, even an empty one. Elements
   * containing `to` are its inline ancestors and do not count. Usually one or two steps.
   */
  #separated(from: Text, to: Text): boolean {
    const walker = this.#elements;
    walker.currentNode = from;
    for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
      if (el.contains(to)) continue;
      if (to.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) return false;
      if (isSkippedElement(el) || !INLINE_TAGS.has(el.tagName.toUpperCase())) return true;
    }
    return false;
  }

  /** Whether a text node's parent lies in a skipped subtree (answer cached per element, up to the root). */
  #isSkipped(node: Text): boolean {
    const parent = node.parentElement;
    if (!parent) return false;
    const known = this.#skipped.get(parent);
    if (known !== undefined) return known;
    let skipped = false;
    const chain: Element[] = [];
    for (let el: Element | null = parent; el; el = el.parentElement) {
      const cached = this.#skipped.get(el);
      if (cached !== undefined) { skipped = cached; break; }
      chain.push(el);
      if (isSkippedElement(el)) { skipped = true; break; }
      if (el === this.#root) break;
    }
    for (const el of chain) this.#skipped.set(el, skipped);
    return skipped;
  }

  /** The next text node worth reading (not in a skipped subtree, not blank). */
  #nextText(): Text | null {
    for (let node = this.#walker.nextNode() as Text | null; node; node = this.#walker.nextNode() as Text | null) {
      if (!this.#isSkipped(node)) return node;
    }
    return null;
  }

  next(): TextBlock | null {
    let first = this.#pending ?? this.#nextText();
    this.#pending = null;
    while (first && !first.data.trim()) first = this.#nextText();
    if (!first) return null;
    const block = blockOf(first, this.#cache);
    const nodes: Text[] = [first];
    const starts: number[] = [0];
    let text = first.data;
    let previous = first;
    for (let node = this.#nextText(); node; previous = node, node = this.#nextText()) {
      if (blockOf(node, this.#cache) !== block || this.#separated(previous, node)) {
        this.#pending = node;
        break;
      }
      starts.push(text.length);
      nodes.push(node);
      text += node.data;
    }
    return { text, nodes, starts };
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
