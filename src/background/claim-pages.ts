/**
 * The claim reader for every open page: one reader, built at the first request and kept warm, and one claim state
 * per page scan (the amounts checked so far, the last owner named). States are kept for the pages asked about most
 * recently; a state that was dropped, or lost with a background that was shut down, only makes later amounts on its
 * page read with less context (fewer verdicts, never other ones).
 */
import type { ClaimData, ClaimState } from "../core/claims";
import { ClaimReader, createClaimState } from "../core/claims";
import type { ClaimBlock } from "../core/claim-blocks";
import { readClaimBlocks } from "../core/claim-blocks";
import type { Mention } from "../core/types";

/** How many page scans keep their claim state (a state holds a page's checked amounts: a few KB). */
const PAGES_KEPT = 64;

export class ClaimPages {
  #data: ClaimData | null;
  #reader: ClaimReader | null = null;
  /** By page, least recently asked first. */
  #states = new Map<string, ClaimState>();

  constructor(data: ClaimData | null) {
    this.#data = data;
  }

  /** Every request carries the page's date, so a state made anew (dropped, or lost with the background) has it. */
  read(page: string, pageDate: string | undefined, blocks: readonly ClaimBlock[]): Mention[][] {
    if (!this.#data?.figures.length) return blocks.map(() => []);
    this.#reader ??= new ClaimReader(this.#data);
    let state = this.#states.get(page);
    if (state) this.#states.delete(page);
    else state = createClaimState(pageDate);
    this.#states.set(page, state);
    if (this.#states.size > PAGES_KEPT) this.#states.delete(this.#states.keys().next().value!);
    return readClaimBlocks(this.#reader, state, blocks);
  }
}
