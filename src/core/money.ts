/**
 * Korean money expressions → exact values. "3800억 위안", "3천800억위안",
 * "74조9000억원", "182억 2800만 위안", "$53.4 billion", "380bn yuan",
 * "3800亿元", "약 75조 원", "73조원대", "73~75조 원". Pure and total: odd input
 * yields no amount, never an exception. Dates, percentages and ranks are not
 * amounts because an amount needs a currency.
 */

import { isValidTail } from "./korean.ts";

import type { Currency } from "./vocabulary.ts";

export type { Currency };
export type AmountQualifier = "exact" | "about" | "at-least" | "at-most" | "range";

export type MoneyAmount = {
  start: number;
  end: number;
  text: string;
  /** Exact value in currency units (the lower bound for ranges). */
  value: number;
  /** Upper bound for ranges ("73~75조 원"), else equal to value. */
  max: number;
  currency: Currency;
  qualifier: AmountQualifier;
};

const BIG_UNITS: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4, 亿: 1e8, 億: 1e8, 万: 1e4, 萬: 1e4 };
const SMALL_UNITS: Record<string, number> = { 천: 1e3, 백: 1e2, 千: 1e3 };
const ENGLISH_SCALES: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  billion: 1e9,
  bn: 1e9,
  bln: 1e9,
  b: 1e9,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
};

const CURRENCY_WORDS: Array<[string, Currency]> = [
  ["위안화", "CNY"],
  ["위안", "CNY"],
  ["元", "CNY"],
  ["yuan", "CNY"],
  ["cny", "CNY"],
  ["rmb", "CNY"],
  ["달러화", "USD"],
  ["달러", "USD"],
  ["美元", "USD"],
  ["u.s. dollars", "USD"],
  ["us dollars", "USD"],
  ["dollars", "USD"],
  ["dollar", "USD"],
  ["usd", "USD"],
  ["원", "KRW"],
  ["krw", "KRW"],
  ["won", "KRW"],
];
const CURRENCY_PREFIXES: Array<[string, Currency]> = [
  ["us$", "USD"],
  ["$", "USD"],
  ["rmb", "CNY"],
  ["cny", "CNY"],
  ["¥", "CNY"],
  ["￥", "CNY"],
  ["usd", "USD"],
  ["krw", "KRW"],
  ["₩", "KRW"],
];

/**
 * A currency word or sign somewhere in a text: without one there is no amount to parse (the claim reader and the
 * page sieve rely on it).
 */
export const CURRENCY_HINT = new RegExp(
  [...new Set([...CURRENCY_WORDS, ...CURRENCY_PREFIXES].map(([word]) => word.replace(/[.$]/g, "\\$&")))].join("|"),
  "i",
);

/** The first characters of the currency prefixes (lower-cased). */
const PREFIX_FIRSTS = new Set(CURRENCY_PREFIXES.map(([word]) => word[0]!));
/** Where an amount can start: a digit or a currency prefix (every other position is stepped over). */
const AMOUNT_START = new RegExp(
  `[0-9]|${CURRENCY_PREFIXES.map(([word]) => word.replace(/[$]/g, "\\$&")).join("|")}`,
  "gi",
);

const BEFORE_QUALIFIERS: Array<[string, AmountQualifier]> = [
  ["총", "exact"],
  ["모두", "exact"],
  ["약", "about"],
  ["约", "about"],
  ["約", "about"],
  ["대략", "about"],
  ["최소", "at-least"],
  ["적어도", "at-least"],
  ["최대", "at-most"],
  ["more than", "at-least"],
  ["at least", "at-least"],
  ["over", "at-least"],
  ["about", "about"],
  ["around", "about"],
  ["nearly", "about"],
];
const AFTER_QUALIFIERS: Array<[string, AmountQualifier]> = [
  ["이상", "at-least"],
  ["넘는", "at-least"],
  ["넘게", "at-least"],
  ["넘어", "at-least"],
  ["초과", "at-least"],
  ["가량", "about"],
  ["안팎", "about"],
  ["정도", "about"],
  ["대", "about"],
  ["이하", "at-most"],
  ["미만", "at-most"],
];

/** "을 넘는", "이 넘는", "를 웃도는", "을 상회하는" (at least) and "을 밑도는", "에 못 미치는" (at most). */
const BOUND_AFTER_PARTICLE =
  /^\s?(?:을|를|이|가|에)\s?(?:(넘는|넘어서는|넘게|넘겨|웃도는|웃돌|상회하는|상회해)|(밑도는|밑돌|하회하는|못 미치는))/;
/** Between the two ends of a range: "~", "∼", "-" or "에서" (the latter only with "사이" after it). */
const RANGE_TAIL = /^\s?(?:~|∼|-|에서 )\s?/;

/** The place of the last non-zero digit: 73조 → 1조. */
function lastUnit(value: number): number {
  let place = 1;
  while (place < 1e15 && Math.round(value / (place * 10)) * place * 10 === Math.round(value)) place *= 10;
  return place;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isSpace = (c: string | undefined) => c === " " || c === "\u00a0";

type NumberRead = { value: number; end: number; hasKoreanUnit: boolean };

/** Reads a plain number at i: "3,800", "53.4", "9000". */
function readPlain(text: string, i: number): { value: number; end: number } | null {
  let j = i;
  let digits = "";
  while (j < text.length) {
    const c = text[j];
    if (isDigit(c)) digits += c;
    else if (
      c === "," &&
      isDigit(text[j + 1]) &&
      isDigit(text[j + 2]) &&
      isDigit(text[j + 3]) &&
      !isDigit(text[j + 4])
    ) {
      /* thousands separator */
    } else if (c === "." && isDigit(text[j + 1]) && !digits.includes(".")) digits += c;
    else break;
    j++;
  }
  if (!digits || digits === ".") return null;
  const value = Number(digits);
  return Number.isFinite(value) ? { value, end: j } : null;
}

/** Reads "3천800억 2800만" style numbers: groups of (digits [천|백] …) followed by 조/억/만. */
function readKoreanNumber(text: string, i: number): NumberRead | null {
  let total = 0;
  let j = i;
  let hasKoreanUnit = false;
  let lastBig = Infinity;
  for (;;) {
    let group = 0;
    let k = j;
    let readAny = false;
    for (;;) {
      const plain = readPlain(text, k);
      if (!plain) break;
      readAny = true;
      const small = SMALL_UNITS[text[plain.end] ?? ""];
      if (small) {
        group += plain.value * small;
        k = plain.end + 1;
        hasKoreanUnit = true;
        continue;
      }
      group += plain.value;
      k = plain.end;
      break;
    }
    if (!readAny) break;
    const big = BIG_UNITS[text[k] ?? ""];
    if (big && big < lastBig) {
      total += group * big;
      lastBig = big;
      hasKoreanUnit = true;
      j = k + 1;
      // A following group may sit after one space: "182억 2800만".
      let n = j;
      if (isSpace(text[n])) n++;
      if (isDigit(text[n])) {
        const peek = readKoreanNumber(text, n);
        if (
          peek?.hasKoreanUnit &&
          BIG_UNITS[text[peek.end - 1] ?? ""] !== undefined &&
          BIG_UNITS[text[peek.end - 1]!]! < big
        ) {
          total += peek.value;
          j = peek.end;
        }
      }
      break;
    }
    total += group;
    j = k;
    break;
  }
  return j > i ? { value: total, end: j, hasKoreanUnit } : null;
}

function matchWordAt<T>(lower: string, i: number, words: Array<[string, T]>): [string, T] | null {
  for (const entry of words) if (lower.startsWith(entry[0], i)) return entry;
  return null;
}

const isLatin = (c: string | undefined) => c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));

/** After a currency word: nothing word-like, particles (위안을), or a qualifier and particles (원대의, 달러 이상을). */
function currencyWordEndsWell(text: string, at: number, word: string): boolean {
  let end = at;
  while (end < text.length && /[가-힣]/.test(text[end]!)) end++;
  const tail = text.slice(at, end);
  // 원 starts many words (원고, 원칙, 원래): after it, verb-like endings are refused; 위안다/달러다 are plain copulas.
  const strict = word === "원";
  if (isValidTail(tail, strict)) return true;
  return AFTER_QUALIFIERS.some(([q]) => tail.startsWith(q) && isValidTail(tail.slice(q.length), strict));
}

/** A dot right before `i` that is part of a number (2.5), not the end of a Korean sentence ("밝혔다.3800억"). */
const decimalPointBefore = (text: string, i: number) => text[i - 1] === "." && !/[가-힣]/.test(text[i - 2] ?? "");

/** All money amounts in `text`, in order. */
export function findMoneyAmounts(text: string): MoneyAmount[] {
  const out: MoneyAmount[] = [];
  if (!CURRENCY_HINT.test(text)) return out;
  const lower = text.toLowerCase();
  let i = 0;
  while (i < text.length) {
    // Jump to the next character that can start an amount (a digit or a currency prefix): a native
    // search instead of a JS step per character, which made this the matcher's main cost on news text.
    AMOUNT_START.lastIndex = i;
    const next = AMOUNT_START.exec(text);
    if (!next) break;
    i = next.index;
    const opening = amountOpening(text, lower, i);
    const number = opening && readFigure(text, opening.numberAt);
    if (!number) {
      i++;
      continue;
    }
    const unit = opening.currency
      ? { currency: opening.currency, end: number.end }
      : currencyAfter(text, lower, number.end);
    if (!unit) {
      i = Math.max(number.end, i + 1);
      continue;
    }
    if (number.betweenFrom >= 0 && !/^\s?사이/.test(text.slice(unit.end, unit.end + 4))) {
      i = number.betweenFrom;
      continue;
    }
    const amount = qualify(text, lower, { ...number, start: i, end: unit.end, currency: unit.currency });
    out.push(amount);
    i = amount.end;
  }
  return out;
}

/**
 * Where the number of an amount starting at `i` begins, and the currency when a prefix names it ($, US$); null when
 * none does.
 */
function amountOpening(text: string, lower: string, i: number): { numberAt: number; currency: Currency | null } | null {
  // Most characters start neither a prefix nor a number: one Set lookup instead of nine startsWith.
  const prefix = PREFIX_FIRSTS.has(lower[i]!) ? matchWordAt(lower, i, CURRENCY_PREFIXES) : null;
  if (prefix && !(isLatin(prefix[0][0]) && isLatin(text[i - 1]))) {
    let numberAt = i + prefix[0].length;
    if (isSpace(text[numberAt])) numberAt++;
    return isDigit(text[numberAt]) ? { numberAt, currency: prefix[1] } : null;
  }
  if (!isDigit(text[i]) || isDigit(text[i - 1]) || decimalPointBefore(text, i) || text[i - 1] === ",") return null;
  // A number glued to Latin letters or part of a version/date is not an amount.
  if (isLatin(text[i - 1])) return null;
  return { numberAt: i, currency: null };
}

type Figure = { value: number; max: number; end: number; qualifier: AmountQualifier; betweenFrom: number };

/** The number of an amount: Korean units, a range of two numbers, an English scale (380 billion, 53.4bn). */
function readFigure(text: string, numberAt: number): Figure | null {
  const first = readKoreanNumber(text, numberAt);
  if (!first) return null;
  let value = first.value;
  let max = value;
  let end = first.end;
  let qualifier: AmountQualifier = "exact";
  /** Where the second number of an "A에서 B … 사이" range starts (without 사이 it is a change from A to B). */
  let betweenFrom = -1;
  // Range "73~75조": the first number borrows the unit of the second ("3000억에서 3500억 위안 사이" too).
  const numberRange = /^(?:[~∼-]|에서 )(?=[0-9])/.exec(text.slice(end, end + 4));
  const second = numberRange && readKoreanNumber(text, end + numberRange[0].length);
  if (numberRange && second) {
    if (numberRange[0] === "에서 ") betweenFrom = end + numberRange[0].length;
    const unitChar = text[second.end - 1] ?? "";
    const scale = !first.hasKoreanUnit && BIG_UNITS[unitChar] ? BIG_UNITS[unitChar]! : 1;
    value = first.value * scale;
    max = second.value;
    end = second.end;
    qualifier = "range";
  }
  let k = end;
  if (isSpace(text[k])) k++;
  const scaleWord = /^(trillion|billion|million|bln|mln|tn|bn|mn|b|m)(?![a-z])/i.exec(text.slice(k, k + 9));
  if (scaleWord && !first.hasKoreanUnit) {
    const scale = ENGLISH_SCALES[scaleWord[1]!.toLowerCase()]!;
    value *= scale;
    max *= scale;
    end = k + scaleWord[1]!.length;
  }
  return { value, max, end, qualifier, betweenFrom };
}

/** The currency word after the number (3800억 위안, 2 billion dollars) and where it ends; null when there is none. */
function currencyAfter(text: string, lower: string, end: number): { currency: Currency; end: number } | null {
  let at = end;
  if (isSpace(text[at])) at++;
  const word = matchWordAt(lower, at, CURRENCY_WORDS);
  if (!word) return null;
  const wordEnd = at + word[0].length;
  if (isLatin(word[0][0]) && isLatin(text[wordEnd])) return null;
  // "원" is also the start of ordinary words (3 원칙): the rest of the word must be particles or a qualifier.
  if (!currencyWordEndsWell(text, wordEnd, word[0])) return null;
  return { currency: word[1], end: wordEnd };
}

type Draft = { start: number; end: number; value: number; max: number; currency: Currency; qualifier: AmountQualifier };

/** The amount with its qualifiers: before it (약, 최소), after it (이상, 대, 가량), and a range written in full. */
function qualify(text: string, lower: string, draft: Draft): MoneyAmount {
  let { start, end, max, qualifier } = draft;
  const { value, currency } = draft;
  let before = start - 1;
  while (before >= 0 && isSpace(text[before])) before--;
  for (const [word, q] of BEFORE_QUALIFIERS) {
    const at = before - word.length + 1;
    if (at >= 0 && lower.startsWith(word, at) && !/[가-힣a-z]/i.test(text[at - 1] ?? "")) {
      start = at;
      if (qualifier === "exact") qualifier = q;
      break;
    }
  }
  let after = end;
  if (isSpace(text[after])) after++;
  const afterWord = matchWordAt(lower, after, AFTER_QUALIFIERS);
  if (afterWord && (afterWord[0] !== "대" || after === end)) {
    if (afterWord[0] === "대" && qualifier !== "range") {
      // "73조원대": somewhere from 73조 up to (not including) 74조.
      max = value + lastUnit(value) * 0.999;
      qualifier = "range";
    } else if (qualifier === "exact") qualifier = afterWord[1];
    if (afterWord[0] === "대") end = after + 1;
  } else if (qualifier === "exact") {
    // A bound stated by the verb after a particle: "3800억 위안을 넘는", "3조 원을 밑도는".
    const bound = BOUND_AFTER_PARTICLE.exec(text.slice(end, end + 16));
    if (bound) qualifier = bound[1] ? "at-least" : "at-most";
  }
  const tail = qualifier === "range" ? null : rangeTailAt(text, end, currency, value);
  if (tail) [max, end, qualifier] = [tail.max, tail.end, "range"];
  return { start, end, text: text.slice(start, end), value, max, currency, qualifier };
}

/** A range written with a currency on both ends ("3000억 위안~3500억 위안") or as "A에서 B 사이": its upper end. */
function rangeTailAt(
  text: string,
  end: number,
  currency: Currency,
  value: number,
): { max: number; end: number } | null {
  const rangeTail = RANGE_TAIL.exec(text.slice(end, end + 4));
  if (!rangeTail) return null;
  const from = end + rangeTail[0].length;
  const [second] = findMoneyAmounts(text.slice(from, from + 40));
  if (second?.start !== 0 || second.currency !== currency || second.value <= value) return null;
  const secondEnd = from + second.end;
  const isBetween = rangeTail[0].trim() !== "에서" || /^\s*사이/.test(text.slice(secondEnd, secondEnd + 4));
  return isBetween ? { max: second.max, end: secondEnd } : null;
}
