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

export function foldText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

export const isHangulSyllable = (code: number): boolean => code >= 0xac00 && code <= 0xd7a3;
export const isLatinOrDigit = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
export const isHan = (code: number): boolean =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);

/**
 * Characters that may sit inside a name without changing it: spaces (also
 * no-break and zero-width) and hyphens. Line breaks are not among them, so a
 * name never runs across blocks.
 */
export function isNameSeparator(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x200b || code === 0x2d || code === 0x2010 || code === 0x2011 || code === 0x2012 || code === 0x2013 || code === 0x09;
}

/** An alias's key: folded, separators removed, so "퉁이 첸원", "퉁이첸원" and "퉁이-첸원" share one. */
export function aliasKey(alias: string): string {
  let key = "";
  for (let i = 0; i < alias.length; i++) {
    const code = foldCode(alias.charCodeAt(i));
    if (!isNameSeparator(code)) key += String.fromCharCode(code);
  }
  return key;
}
