/**
 * Character classes and length-preserving folding. Folding never changes the
 * UTF-16 length of a string, so an offset in folded text is the same offset
 * in the page's text: no offset map is needed between the two.
 */

/** Full-width ASCII → ASCII, ideographic space → space, Latin upper → lower. One code unit in, one out. */
export function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) return 0x20;
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  return code;
}

export const isHangulSyllable = (code: number): boolean => code >= 0xac00 && code <= 0xd7a3;
export const isLatinOrDigit = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
export const isHan = (code: number): boolean =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);

/**
 * Characters that may sit inside a name without changing it: spaces (also
 * no-break), hyphens, line breaks (source formatting inside one block; blocks
 * themselves are scanned separately) and invisible characters.
 */
export function isNameSeparator(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x2d ||
    code === 0x2010 ||
    code === 0x2011 ||
    code === 0x2012 ||
    code === 0x2013 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    isInvisible(code)
  );
}

/**
 * Every code unit that folds (foldCode) to a separator, as a RegExp character class body (for patterns that
 * must agree with isNameSeparator: a unit test checks every code unit).
 */
export const NAME_SEPARATOR_CLASS =
  "\\u0009\\u000a\\u000d\\u0020\\u002d\\u00a0\\u00ad\\u2010-\\u2013\\u200b-\\u200d\\u2060\\u3000\\ufeff\\uff0d";

/**
 * Every code unit that folds (foldCode) to `code`: itself, its upper case, its full-width forms, the ideographic space.
 */
export function foldPreimages(code: number): number[] {
  return [code, code - 32, code + 0xfee0, code - 32 + 0xfee0, 0x3000].filter(
    (c) => c >= 0 && c <= 0xffff && foldCode(c) === code,
  );
}

/** Zero-width spaces and joiners, soft hyphens, BOM: invisible, so they may sit anywhere inside a name. */
export function isInvisible(code: number): boolean {
  return code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || code === 0xad;
}

/** Decomposed Hangul: a block holding any is composed before matching (the page sieve relies on it). */
export const CONJOINING_JAMO = /[\u1100-\u11ff]/;

/**
 * Composes decomposed (NFD) Hangul jamo into syllables, keeping a map from
 * each composed character back to its first code unit in the input, so spans
 * found in the composed text map back exactly. Returns null when the text has
 * no conjoining jamo (the usual case: nothing to do).
 */
export function composeHangul(text: string): { text: string; origin: number[] } | null {
  if (!CONJOINING_JAMO.test(text)) return null;
  let out = "";
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const l = text.charCodeAt(i);
    const v = text.charCodeAt(i + 1);
    if (l >= 0x1100 && l <= 0x1112 && v >= 0x1161 && v <= 0x1175) {
      const t = text.charCodeAt(i + 2);
      const hasT = t >= 0x11a8 && t <= 0x11c2;
      out += String.fromCharCode(0xac00 + ((l - 0x1100) * 21 + (v - 0x1161)) * 28 + (hasT ? t - 0x11a7 : 0));
      origin.push(i);
      i += hasT ? 3 : 2;
    } else {
      out += text[i];
      origin.push(i);
      i++;
    }
  }
  origin.push(text.length);
  return { text: out, origin };
}

const SEPARATORS = new RegExp(`[${NAME_SEPARATOR_CLASS}]`, "g");
const FOLDABLE = /[A-Z\uff01-\uff5e]/g;
const foldChar = (char: string) => String.fromCharCode(foldCode(char.charCodeAt(0)));

/**
 * An alias's key: folded, separators removed, so "퉁이 첸원", "퉁이첸원" and "퉁이-첸원" share one. Two native
 * replaces (it also folds whole blocks of page text for cue and topic checks, where a JS step per character
 * was a real cost); a unit test holds it to foldCode and isNameSeparator, character by character.
 */
export function aliasKey(alias: string): string {
  return alias.replace(SEPARATORS, "").replace(FOLDABLE, foldChar);
}
