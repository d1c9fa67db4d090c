/**
 * The claim reader's step of a block scan, run apart from the name scan: the content script finds the names and
 * hands on the blocks whose amounts may be read; the background reads them with one reader, warm from page to page,
 * and keeps each page's claim state. In one process (CLI, tests) Matcher.scanBlock does both steps at once; read in
 * page order, the blocks get the same figures either way.
 */
import type { ClaimReader, ClaimState, NameSpan } from "./claims.ts";
import { claimContext, claimStateContext, figureMention, inInput, readsClaims } from "./matcher.ts";
import type { ScanState } from "./matcher.ts";
import { composeHangul } from "./text.ts";
import type { Mention } from "./types.ts";

/** A block handed on: its text, the names found in it, and whether anything was named by its name before it. */
export type ClaimBlock = { text: string; names: NameSpan[]; namedBefore: boolean };

/**
 * The block to hand on after its name scan, or null when the reader would not be asked about it or would find
 * nothing in it: without a name a block only matters for its amounts, and an amount needs a currency word
 * (`currency`, the sieve's pattern for them, not global), looked for in the text as the reader reads it (composed).
 * The reader's state is elsewhere, so this errs towards asking (any block handed on may have set an owner);
 * readClaimBlocks decides.
 */
export function claimBlockOf(
  text: string,
  names: readonly NameSpan[],
  state: ScanState,
  currency: RegExp | null,
): ClaimBlock | null {
  if (!readsClaims(text, names.length > 0, claimContext(state))) return null;
  if (!names.length && !currency?.test(composeHangul(text)?.text ?? text)) return null;
  state.claimsHandedOn = true;
  return {
    text,
    names: names.map(({ start, end, entity, type }) => ({ start, end, entity, type })),
    namedBefore: state.seen.size > 0,
  };
}

/** The figure mentions of each block, read in order against one page's `state` (offsets into each block's text). */
export function readClaimBlocks(reader: ClaimReader, state: ClaimState, blocks: readonly ClaimBlock[]): Mention[][] {
  return blocks.map(({ text, names, namedBefore }) => {
    if (!readsClaims(text, names.length > 0, namedBefore || claimStateContext(state))) return [];
    // Decomposed Hangul is read composed, as Matcher.scanBlock reads it; spans map back to the block's offsets.
    const composed = composeHangul(text);
    if (!composed) return reader.read(text, names, state).map(figureMention);
    const { origin } = composed;
    const at = (offset: number) => composedIndex(origin, offset);
    const inComposed = names.map((n) => ({ ...n, start: at(n.start), end: at(n.end) }));
    return reader
      .read(composed.text, inComposed, state)
      .map((checked) => inInput(figureMention(checked), origin, text));
  });
}

/** The composed character that starts at `offset` of the input (origin ascends: a binary search). */
function composedIndex(origin: readonly number[], offset: number): number {
  let lo = 0;
  let hi = origin.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (origin[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
