/**
 * Random names for what Maekrak puts where a page script can see it (highlight names, the card's host tag):
 * new on every page, so nothing fixed tells a page that the reader uses Maekrak.
 */
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export type Random = () => number;

/** Uniform in [0, 1), from the platform's cryptographic generator (drawn in batches: a page needs a few dozen). */
let pool = new Uint32Array(0);
let drawn = 0;
export const cryptoRandom: Random = () => {
  if (drawn >= pool.length) {
    pool = crypto.getRandomValues(new Uint32Array(64));
    drawn = 0;
  }
  return pool[drawn++]! / 2 ** 32;
};

/**
 * `min` to `max` random lower-case letters: a CSS identifier, never a CSS-wide keyword (those are shorter or
 * hyphenated).
 */
export function randomLetters(min: number, max: number, random: Random = cryptoRandom): string {
  let out = "";
  for (let i = 0, length = min + Math.floor(random() * (max - min + 1)); i < length; i++)
    out += LETTERS[Math.floor(random() * LETTERS.length)];
  return out;
}

/** A valid custom-element name nobody defines (two runs of letters joined by a hyphen): a plain, unknown element. */
export const randomElementName = (random: Random = cryptoRandom): string =>
  `${randomLetters(2, 5, random)}-${randomLetters(3, 6, random)}`;
