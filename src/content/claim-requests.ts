/**
 * The blocks whose amounts the background reads (core/claim-blocks.ts), handed on in page order: one request at a
 * time, so each block is read against the state the blocks before it left. What comes back is put on its block only
 * if the block's text is still what was sent; a request that fails leaves its amounts unchecked (silent).
 */
import type { ClaimBlock } from "../core/claim-blocks";
import type { Mention } from "../core/types";
import { MAX_CLAIM_BLOCKS } from "../messages/protocol";
import type { TextBlock } from "./page-text";

/** Reads the blocks, in order; resolves with each block's figure mentions (offsets into its text). */
type ReadClaims = (blocks: ClaimBlock[]) => Promise<Mention[][]>;

type Waiting = { block: TextBlock; claim: ClaimBlock };

export class ClaimRequests {
  #read: ReadClaims;
  #onFigures: (block: TextBlock, figures: Mention[]) => void;
  #onAnswered: () => void;
  #waiting: Waiting[] = [];
  #inFlight = false;
  #stopped = false;
  /** Blocks handed on so far, and of them those whose request has come back (answered or failed). */
  #added = 0;
  #settled = 0;

  /** `onFigures` for each block that got some, then `onAnswered` once per request (failed ones too). */
  constructor(read: ReadClaims, onFigures: (block: TextBlock, figures: Mention[]) => void, onAnswered: () => void) {
    this.#read = read;
    this.#onFigures = onFigures;
    this.#onAnswered = onAnswered;
  }

  add(block: TextBlock, claim: ClaimBlock): void {
    if (this.#stopped) return;
    this.#waiting.push({ block, claim });
    this.#added++;
  }

  /** Blocks are waiting or being read. */
  get pending(): boolean {
    return !this.cameBack(this.#added);
  }

  /** How many blocks were handed on so far (a mark for `cameBack`). */
  get handedOn(): number {
    return this.#added;
  }

  /** Whether the first `count` blocks handed on have come back. */
  cameBack(count: number): boolean {
    return this.#settled >= count;
  }

  /** Sends what waits, unless a request is out (its answer sends the rest). */
  send(): void {
    if (this.#inFlight || this.#stopped || !this.#waiting.length) return;
    const batch = this.#waiting.splice(0, MAX_CLAIM_BLOCKS);
    this.#inFlight = true;
    this.#read(batch.map((w) => w.claim))
      .then(
        (answers) => {
          if (this.#stopped) return;
          // An answer of another shape (a background of another version) checks nothing.
          if (!Array.isArray(answers)) return;
          batch.forEach(({ block }, i) => {
            const figures = answers[i];
            if (Array.isArray(figures) && figures.length && blockUnchanged(block)) this.#onFigures(block, figures);
          });
        },
        () => undefined,
      )
      .finally(() => {
        this.#inFlight = false;
        this.#settled += batch.length;
        if (this.#stopped) return;
        this.#onAnswered();
        this.send();
      });
  }

  stop(): void {
    this.#stopped = true;
    this.#waiting.length = 0;
  }
}

/**
 * Whether every text node of `block` is still in the page and the nodes still spell its text where they did (a part
 * of a long block may begin and end inside a node).
 */
export function blockUnchanged(block: TextBlock): boolean {
  const { nodes, starts, text } = block;
  const first = starts[0] ?? 0;
  let at = first;
  let joined = "";
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!node.isConnected || starts[i] !== at) return false;
    joined += node.data;
    at += node.data.length;
  }
  return at >= text.length && joined.slice(-first, -first + text.length) === text;
}
