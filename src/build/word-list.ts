/**
 * Debian's Korean word list (package hunspell-ko, installed by .ci/install-browsers): every entry's stem, in
 * composed Hangul (the file stores decomposed jamo). Node only: the CLI that extracts ordinary-words.json and
 * the property test read it; the build reads only the extract.
 */
import { existsSync, readFileSync } from "node:fs";

export const KOREAN_WORD_LIST = "/usr/share/hunspell/ko.dic";

export function readKoreanWords(path = KOREAN_WORD_LIST): string[] {
  if (!existsSync(path))
    throw new Error(`${path} is missing: install Debian's hunspell-ko (bash .ci/install-browsers does, as root)`);
  const lines = readFileSync(path, "utf8").normalize("NFC").split("\n").slice(1);
  return [
    ...new Set(lines.map((line) => line.split("/")[0]!.trim()).filter((word) => /^[\uac00-\ud7a3]+$/.test(word))),
  ];
}
