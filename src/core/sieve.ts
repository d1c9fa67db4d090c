/**
 * The page sieve: the cheapest test that text can hold a mention at all, derived from the compiled matcher
 * (its trie and its figures), run natively over a page's whole text before any block is read.
 *
 * Most pages never name an in-scope entity. Reading them block by block costs several times a plain walk
 * over their text, so the scanner first runs these patterns over the text of the whole page (textContent,
 * in which every block is a run of consecutive characters) and reads only the blocks that hold a hit.
 * For that to lose nothing the patterns are supersets of what the matcher accepts, whatever block a text
 * later turns out to be cut into: no word boundaries, no context rules, no right-hand tails — only the first
 * few characters of every alias key (in any folded form, with a separator where the trie walk may step over
 * one), any invisible character (the walk steps over those anywhere inside a name: rare enough to read the
 * block around each), decomposed Hangul (the matcher composes it first), and, once something has been named,
 * a currency word (a figure needs one in its block). tests/unit/core/sieve.test.ts holds the matcher
 * to this: a block the sieve passes over yields no mention and leaves the scan state as it was.
 */
import type { CompiledMatcher, ScanState } from "./matcher.ts";
import { CURRENCY_HINT, edgeIndex } from "./matcher.ts";
import { CONJOINING_JAMO, foldCode, foldPreimages, isInvisible, isNameSeparator } from "./text.ts";

/** How many leading characters of a key the sieve asks for (more: fewer false hits, a longer pattern to compile). */
export const SIEVE_DEPTH = 3;

export type SieveSource = {
  /** Where a name may begin: the first SIEVE_DEPTH characters of some key. */
  keys: string;
  /** A currency word or sign (null when the knowledge base has no figure). */
  currency: string | null;
};

/** Every code unit for which `test` holds, as the body of a RegExp character class (ranges where they run on). */
function classOf(test: (code: number) => boolean): string {
  const out: string[] = [];
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, "0")}`;
  for (let c = 0; c <= 0xffff; c++) {
    if (!test(c)) continue;
    let end = c;
    while (end < 0xffff && test(end + 1)) end++;
    out.push(end === c ? hex(c) : `${hex(c)}-${hex(end)}`);
    c = end;
  }
  return out.join("");
}

const inClass = (code: number) => {
  const char = String.fromCharCode(code);
  return /^[\p{L}\p{N}]$/u.test(char) ? char : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** The sieve's patterns for a compiled matcher (built at build time: the content script only compiles them). */
export function sieveSource(compiled: CompiledMatcher, depth = SIEVE_DEPTH): SieveSource {
  const { counts, codes, out, gaps } = compiled;
  const firstEdge = edgeIndex(counts);
  const gap = new Set(gaps);
  const invisible = (c: number) => isInvisible(foldCode(c));
  const separator = `[${classOf((c) => isNameSeparator(foldCode(c)) && !invisible(c))}]?`;
  /** The pattern for the rest of a key from trie node `node`, `matched` characters in. */
  const rest = (node: number, matched: number): string => {
    if ((node !== 0 && out[node] !== 0) || matched >= depth) return "";
    const byTail = new Map<string, number[]>();
    for (let e = firstEdge[node]!; e < firstEdge[node + 1]!; e++) {
      const tail = rest(e + 1, matched + 1);
      const list = byTail.get(tail);
      if (list) list.push(codes.charCodeAt(e));
      else byTail.set(tail, [codes.charCodeAt(e)]);
    }
    // The walk steps over one separator once two characters matched, or where an alias itself has one.
    const between = node !== 0 && (matched >= 2 || gap.has(node)) ? separator : "";
    const branches = [...byTail].map(([tail, chars]) => {
      const units = chars.flatMap(foldPreimages).map(inClass);
      return `${between}${units.length === 1 ? units[0] : `[${units.join("")}]`}${tail}`;
    });
    // A parenthesised gloss may sit inside a name once two characters matched: the prefix before it is enough.
    if (matched >= 2) branches.push("\\(");
    return branches.length === 1 ? branches[0]! : `(?:${branches.join("|")})`;
  };
  const hasFigures = compiled.entities.some((e) => e.type === "figure" && e.figure);
  return {
    keys: `${rest(0, 0)}|[${classOf(invisible)}]|${CONJOINING_JAMO.source}`,
    currency: hasFigures ? CURRENCY_HINT.source : null,
  };
}

export type Sieve = { keys: RegExp; currency: RegExp | null };

export const compileSieve = (source: SieveSource): Sieve => ({
  keys: new RegExp(source.keys, "g"),
  currency: source.currency === null ? null : new RegExp(source.currency, "gi"),
});

/** Offsets in `text` where `pattern` matches, overlapping ones included (a block may begin inside another hit). */
export function hitsOf(pattern: RegExp, text: string): number[] {
  const hits: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    hits.push(m.index);
    pattern.lastIndex = m.index + 1;
  }
  return hits;
}

/**
 * Whether a block must be given to the matcher: it holds a key hit, or a currency hit once the page has named
 * something (a figure counts only in the context of a name: in its block, or anywhere before it on the page).
 */
export const blockNeedsScan = (hasKey: boolean, hasCurrency: boolean, state: ScanState): boolean =>
  hasKey || (hasCurrency && state.seen.size > 0);
