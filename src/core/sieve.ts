/**
 * The page sieve: the cheapest test that text can hold a mention at all, derived from the compiled matcher
 * (its trie, its readings' rules and cues, its figures), run natively over a page's whole text before any block
 * is read.
 *
 * Most pages never name an in-scope entity. Reading them block by block costs several times a plain walk
 * over their text, so the scanner first runs these patterns over the text of the whole page (textContent,
 * in which every block is a run of consecutive characters) and reads only the blocks that hold a hit.
 * For that to lose nothing the patterns are supersets of what the matcher accepts, whatever block a text
 * later turns out to be cut into: no word boundaries, no right-hand tails — only the first few characters of
 * every alias key (in any folded form, with a separator where the trie walk may step over one), any invisible
 * character (the walk steps over those anywhere inside a name: rare enough to read the block around each), and
 * decomposed Hangul (the matcher composes it first).
 *
 * Keys come in three kinds. A plain alias is a mention wherever it stands. The others need context the page may
 * lack: a short form valid only near a cue (알리 beside 테무) needs one of the cues in its block; a title form
 * (마 회장) or an out-of-scope full name (which only moves a surname) needs a person named in full before. A
 * currency word counts once something has been named (a figure needs a name in its block or before it).
 * tests/unit/core/sieve.test.ts holds the matcher to all this: a block the sieve passes over yields no mention
 * and leaves the scan state as it was.
 */
import type { CompiledMatcher, ScanState } from "./matcher.ts";
import { CURRENCY_HINT, claimContext, edgeIndex } from "./matcher.ts";
import {
  aliasKey,
  CONJOINING_JAMO,
  foldCode,
  foldPreimages,
  isHangulSyllable,
  isInvisible,
  isNameSeparator,
} from "./text.ts";

/** How many leading characters of a key the sieve asks for (more: fewer false hits, a longer pattern to compile). */
export const SIEVE_DEPTH = 3;

export type SieveSource = {
  /** Where a plain alias may begin (or text the matcher rewrites: invisible characters, decomposed Hangul). */
  keys: string;
  /** Where a short form valid only near a cue may begin (null when there is none). */
  cued: string | null;
  /** Where a title form or an out-of-scope full name may begin (null when there is none). */
  stated: string | null;
  /**
   * The cues of the near-cue rules, in any folded form with separators anywhere (the matcher reads a block's aliasKey).
   */
  cues: string | null;
  /** A currency word or sign (null when the knowledge base has no figure). */
  currency: string | null;
};
const hex = (c: number) => `\\u${c.toString(16).padStart(4, "0")}`;
/** A code unit as itself inside a character class where it may stand so (a shorter pattern), else escaped. */
const raw = (c: number) => (c < 0x20 || "\\]^-".includes(String.fromCharCode(c)) ? hex(c) : String.fromCharCode(c));

/** Every code unit for which `test` holds, as the body of a RegExp character class (ranges where they run on). */
function classOf(test: (code: number) => boolean, unit = hex): string {
  const out: string[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    if (!test(c)) continue;
    let end = c;
    while (end < 0xffff && test(end + 1)) end++;
    out.push(end === c ? unit(c) : `${unit(c)}-${unit(end)}`);
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
  const { childCounts, edgeCodes, nodeReadings, readings, gapNodes } = compiled;
  const firstEdge = edgeIndex(childCounts);
  const gap = new Set(gapNodes);
  const invisible = (c: number) => isInvisible(foldCode(c));
  const separator = `[${classOf((c) => isNameSeparator(foldCode(c)) && !invisible(c))}]?`;
  // Per node and kind of rule: whether a key of that kind ends here.
  const nodes = childCounts.length;
  const here = { plain: new Uint8Array(nodes), cued: new Uint8Array(nodes), stated: new Uint8Array(nodes) };
  const kindOf = (rule: string) => (rule === "alias" ? here.plain : rule === "near-cue" ? here.cued : here.stated);
  for (let node = 1; node < nodes; node++) {
    const list = nodeReadings[node];
    if (list) for (const k of list) kindOf(readings[k]!.rule)[node] = 1;
  }
  /** Whether a key of the kind ends at or below each node. */
  const below = (ends: Uint8Array) => {
    const any = Uint8Array.from(ends);
    // Breadth-first numbering: children come after their parent, so one backward pass sums up the subtrees.
    for (let node = nodes - 1; node >= 0; node--)
      for (let e = firstEdge[node]!; e < firstEdge[node + 1]! && !any[node]; e++) if (any[e + 1]) any[node] = 1;
    return any;
  };
  /** The pattern of the keys of one kind (null when there is none). */
  const pattern = (ends: Uint8Array): string | null => {
    const any = below(ends);
    if (!any[0]) return null;
    const rest = (node: number, matched: number): string => {
      if ((node !== 0 && ends[node]) || matched >= depth) return "";
      const byTail = new Map<string, number[]>();
      for (let e = firstEdge[node]!; e < firstEdge[node + 1]!; e++) {
        if (!any[e + 1]) continue;
        const tail = rest(e + 1, matched + 1);
        const list = byTail.get(tail);
        if (list) list.push(edgeCodes.charCodeAt(e));
        else byTail.set(tail, [edgeCodes.charCodeAt(e)]);
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
    return rest(0, 0);
  };
  // A cue as the matcher finds it in a block's aliasKey (folded, separators dropped), found in the raw text.
  const anySeparators = `[${classOf((c) => isNameSeparator(foldCode(c)), raw)}]*`;
  const cuePattern = (cue: string) =>
    [...cue]
      // The matcher drops separators from the aliasKey, so a cue's own spaces may be absent ("중국플랫폼").
      .filter((char) => !isNameSeparator(foldCode(char.charCodeAt(0))))
      .map((char) => {
        // Cues are written as they read ("CFO"); the matcher folds both sides, so every form of the folded letter.
        const folded = foldCode(char.charCodeAt(0));
        const units = foldPreimages(folded).map(raw);
        return units.length === 1 ? inClass(folded) : `[${units.join("")}]`;
      })
      .join(anySeparators);
  const cues = [...new Set(readings.flatMap((o) => (o.rule === "near-cue" ? (o.cues ?? []) : [])))];
  const hasFigures = (compiled.claims?.figures.length ?? 0) > 0;
  return {
    keys: [pattern(here.plain), fuzzyPattern(compiled), `[${classOf(invisible)}]`, CONJOINING_JAMO.source]
      .filter(Boolean)
      .join("|"),
    cued: pattern(here.cued),
    stated: pattern(here.stated),
    cues: cues.length ? cues.map(cuePattern).join("|") : null,
    currency: hasFigures ? CURRENCY_HINT.source : null,
  };
}

/**
 * Where a long name written one character off may stand (fuzzyAt in the matcher): the whole name with its first
 * character as written and any one of the others replaced. A looser test (a prefix) passes every short word that
 * shares the name's first syllables (알리겠다고, 차이를), and most pages are full of them.
 */
function fuzzyPattern(compiled: CompiledMatcher): string | null {
  const any = (code: number) => {
    const units = foldPreimages(code).map(inClass);
    return units.length === 1 ? units[0]! : `[${units.join("")}]`;
  };
  const tailsByFirst = new Map<string, Set<string>>();
  for (const { intended } of compiled.fuzzy) {
    const key = aliasKey(intended);
    if (key.length < 3) continue;
    const chars = [...key].map((char) => any(char.charCodeAt(0)));
    const tails = tailsByFirst.get(chars[0]!) ?? new Set<string>();
    tailsByFirst.set(chars[0]!, tails);
    // Latin names are rare in Korean text and their letters fold from several forms: a prefix keeps the pattern short.
    if (!isHangulSyllable(key.charCodeAt(0))) tails.add(`(?:${chars[1]}[\\s\\S]|[\\s\\S]${chars[2]})`);
    else
      for (let off = 1; off < chars.length; off++)
        tails.add(
          chars
            .map((char, k) => (k === off ? "[\\s\\S]" : char))
            .slice(1)
            .join(""),
        );
  }
  const branches = [...tailsByFirst].map(([first, tails]) => `${first}(?:${[...tails].join("|")})`);
  return branches.length ? branches.join("|") : null;
}

export type Sieve = {
  keys: RegExp;
  cued: RegExp | null;
  stated: RegExp | null;
  cues: RegExp | null;
  currency: RegExp | null;
};

const everywhere = (source: string | null) => (source === null ? null : new RegExp(source, "g"));

export const compileSieve = (source: SieveSource): Sieve => ({
  keys: new RegExp(source.keys, "g"),
  cued: everywhere(source.cued),
  stated: everywhere(source.stated),
  cues: source.cues === null ? null : new RegExp(source.cues),
  currency: source.currency === null ? null : new RegExp(source.currency, "gi"),
});

/** Offsets in `text` where `pattern` matches, overlapping ones included (a block may begin inside another hit). */
export function hitsOf(pattern: RegExp | null, text: string): number[] {
  const hits: number[] = [];
  if (!pattern) return hits;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    hits.push(m.index);
    pattern.lastIndex = m.index + 1;
  }
  return hits;
}

/**
 * Characters scanned per step on a long text (a 2 MB page is not one long task), and how far a match may reach past
 * them.
 */
const CHUNK = 65_536;
const KEY_REACH = 64;
/** A cue may have separators between its letters: how far one is looked for across a chunk's end. */
const CUE_REACH = 4_096;

/** The hits of `pattern` in `text` (overlapping ones included), found a chunk at a time. */
export class HitScan {
  readonly at: number[] = [];
  #pattern: RegExp | null;
  #text: string;
  #scanned = 0;

  constructor(pattern: RegExp | null, text: string) {
    this.#pattern = pattern;
    this.#text = text;
    if (!pattern) this.#scanned = text.length;
  }

  get done(): boolean {
    return this.#scanned >= this.#text.length;
  }

  /** Scans the next chunk. */
  more(): void {
    const from = this.#scanned;
    const to = Math.min(this.#text.length, from + CHUNK);
    const part = this.#text.slice(from, to === this.#text.length ? to : to + KEY_REACH);
    for (const at of hitsOf(this.#pattern, part)) if (from + at < to) this.at.push(from + at);
    this.#scanned = to;
  }
}

/** Whether `text` holds a cue, asked a chunk at a time: `found` is null until it is known. */
export class CueSearch {
  found: boolean | null = null;
  #sieve: Sieve;
  #text: string;
  #searched = 0;

  constructor(sieve: Sieve, text: string) {
    this.#sieve = sieve;
    this.#text = text;
    if (!sieve.cues) this.found = false;
  }

  more(): void {
    const from = this.#searched;
    const to = Math.min(this.#text.length, from + CHUNK);
    if (hasCue(this.#sieve, this.#text.slice(from, to === this.#text.length ? to : to + CUE_REACH))) this.found = true;
    else if (to === this.#text.length) this.found = false;
    this.#searched = to;
  }
}

/** Whether the page has named someone in full who now holds a surname (a title form can only stand for them). */
export function namedInFull(state: ScanState): boolean {
  for (const holder of state.lastBySurname.values()) if (state.seen.has(holder)) return true;
  return false;
}

/** What the sieve found in a block. */
export type BlockHits = { key: boolean; cued: boolean; stated: boolean; currency: boolean };

/**
 * Whether a block must be given to the matcher: it holds a plain alias; a title form or an out-of-scope name
 * after a person named in full; a currency word once the claim reader has something to read it with; or a short
 * form valid near a cue, with a cue in its text (`hasCue`: asked last, it reads the block's text or the element's
 * around it).
 */
export function blockNeedsScan(hits: BlockHits, hasCue: () => boolean, state: ScanState): boolean {
  if (hits.key) return true;
  if (hits.stated && namedInFull(state)) return true;
  if (hits.currency && claimContext(state)) return true;
  // A short form is linked by a cue in its paragraph, or by an entity named before it on the page.
  return hits.cued && (state.seen.size > 0 || hasCue());
}

/** Whether `text` holds a cue of a near-cue rule as the matcher reads one. */
export const hasCue = (sieve: Sieve, text: string): boolean => sieve.cues?.test(text) ?? false;
