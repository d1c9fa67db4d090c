/**
 * Sentences and clauses of a block of any length. A whole article can be one block (Naver joins its
 * paragraphs with <br>, so the text nodes run on: "…밝혔다.알리바바는 …"), so sentence ends are found by
 * punctuation, not by layout: a full stop, ? or ! (with any closing quotes) that is not a decimal point, a
 * date or an abbreviation, and a line break. A blank line also starts a new paragraph. Pure.
 */

export type Sentence = {
  start: number;
  end: number;
  /** Paragraphs are counted from 0 in the block: a blank line starts the next one. */
  paragraph: number;
  /** Ended by sentence punctuation: prose, not a headline, a list item or a caption. */
  terminated: boolean;
};

const TERMINALS = new Set([".", "?", "!", "。", "？", "！"]);
const CLOSERS = new Set(['"', "'", "”", "’", "」", "』", ")", "]"]);
/** Latin abbreviations whose full stop does not end a sentence ("U.S. dollars", "Alibaba Group Holding Ltd."). */
const ABBREVIATION = /(?:^|[^A-Za-z])(?:[A-Z]|U\.S|Inc|Ltd|Co|Corp|No|Mr|Ms|Dr|St|vs|etc|approx)$/;

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\u00a0" || c === "\r";

/** Whether the punctuation at `i` ends a sentence. */
function endsSentence(text: string, i: number): boolean {
  const c = text[i]!;
  if (!TERMINALS.has(c)) return false;
  if (c === ".") {
    // 3.5%, 2025.02.24, Qwen2.5: a dot between digits.
    if (isDigit(text[i - 1]) && isDigit(text[i + 1])) return false;
    // "…" written as dots, and "..." inside a headline.
    if (text[i + 1] === "." || text[i - 1] === ".") return false;
    if (ABBREVIATION.test(text.slice(Math.max(0, i - 8), i))) return false;
    // A Latin dot glued to the next word is part of it (alibaba.com, 9988.HK).
    if (/[A-Za-z0-9]/.test(text[i + 1] ?? "")) return false;
  }
  return true;
}

/** The sentences of a block, in order, covering every non-blank part of it. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number, terminated: boolean) => {
    let s = start;
    let e = end;
    while (s < e && (isSpace(text[s]) || text[s] === "\n")) s++;
    while (e > s && (isSpace(text[e - 1]) || text[e - 1] === "\n")) e--;
    if (e > s) out.push({ start: s, end: e, paragraph, terminated });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      push(i, false);
      let j = i + 1;
      while (j < text.length && (isSpace(text[j]) || text[j] === "\n")) {
        if (text[j] === "\n") paragraph++;
        j++;
      }
      start = j;
      i = j - 1;
      continue;
    }
    if (!endsSentence(text, i)) continue;
    let end = i + 1;
    while (end < text.length && (TERMINALS.has(text[end]!) || CLOSERS.has(text[end]!))) end++;
    push(end, true);
    start = end;
    i = end - 1;
  }
  push(text.length, false);
  return out;
}

/**
 * Clause boundaries inside a sentence: after a connective ending followed by a comma or space (…했고, …이며,
 * …지만, …인 반면), at a semicolon, and at an ellipsis. Returns the clauses as [start, end) pairs.
 */
export function clauses(text: string, sentence: Sentence): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const piece = text.slice(sentence.start, sentence.end);
  const boundary =
    /(?:(?:하고|했고|되고|됐고|있고|없고|이고|였고|겠고|며|지만|는데|면서|으나|인데)(?:,\s*|\s+)|\s반면(?:에)?,?\s+|;\s*|…\s*|,\s+(?=한편|반면|이와 달리|다만))/g;
  let from = 0;
  for (const m of piece.matchAll(boundary)) {
    const at = m.index + m[0].length;
    if (at > from && at < piece.length) {
      out.push([sentence.start + from, sentence.start + at]);
      from = at;
    }
  }
  out.push([sentence.start + from, sentence.end]);
  return out;
}
