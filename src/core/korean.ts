/**
 * What may follow a name inside the same word in Korean: particles (조사),
 * the copula and its endings, and a few noun suffixes (측, 발, 등 …). A name
 * is marked only when the rest of its word is made of these, so 알리바바는 is
 * 알리바바 + 는 while 알리바이 is not 알리바바.
 */

const NOUN_SUFFIXES = [
  "측",
  "사",
  "등",
  "쪽",
  "발",
  "표",
  "식",
  "들",
  "계열",
  "산하",
  "내",
  "외",
  "판",
  "용",
  "급",
  "형",
  "제",
];

const PARTICLES = [
  "은",
  "는",
  "이",
  "가",
  "을",
  "를",
  "의",
  "에",
  "에서",
  "에게",
  "에게서",
  "께",
  "께서",
  "한테",
  "한테서",
  "로",
  "으로",
  "로서",
  "으로서",
  "로써",
  "으로써",
  "로부터",
  "으로부터",
  "부터",
  "와",
  "과",
  "랑",
  "이랑",
  "하고",
  "도",
  "만",
  "까지",
  "마저",
  "조차",
  "처럼",
  "같이",
  "보다",
  "나",
  "이나",
  "든지",
  "이든지",
  "이든",
  "든",
  "야",
  "이야",
  "요",
  "이요",
  "뿐",
  "밖에",
  "대로",
  "만큼",
  "치고",
  "에는",
  "에도",
  "에서도",
  "에서는",
  "에선",
  "엔",
  "론",
  "으론",
  "과의",
  "와의",
  "에의",
  "로의",
  "으로의",
  "에서의",
  "한테도",
  "께도",
  "까지도",
  "부터는",
  "이라도",
  "라도",
  "이라면",
  "라면",
  "이라서",
  "라서",
  // copula (이다) forms
  "다",
  "이다",
  "였다",
  "이었다",
  "였고",
  "이었고",
  "이고",
  "고",
  "이며",
  "며",
  "인",
  "이라",
  "라",
  "이라고",
  "라고",
  "이라는",
  "라는",
  "이란",
  "란",
  "이라며",
  "라며",
  "이지만",
  "지만",
  "이면",
  "면",
  "이니",
  "니",
  "입니다",
  "이죠",
  "죠",
  "이었던",
  "였던",
  "이던",
  "던",
  "이었으며",
  "였으며",
  "이기도",
  "기도",
  "이자",
  "자",
  "이어서",
  "여서",
  "이므로",
  "므로",
];

/** Endings that double as verb endings (알리고, 알리며, 알리는 …): not accepted after short, ambiguous forms. */
const VERB_LIKE = new Set([
  "다",
  "고",
  "며",
  "면",
  "니",
  "는",
  "자",
  "라",
  "던",
  "지만",
  "기도",
  "므로",
  "여서",
  "였다",
  "였고",
  "였던",
  "였으며",
  "라고",
  "라는",
  "라며",
  "라서",
  "라면",
  "란",
  "인",
]);

const ALL_PIECES = [...new Set([...NOUN_SUFFIXES, ...PARTICLES])];
const STRICT_PIECES = ALL_PIECES.filter((piece) => !VERB_LIKE.has(piece));
const MAX_PIECE = Math.max(...ALL_PIECES.map((p) => p.length));

function segmentable(tail: string, pieces: ReadonlySet<string>, maxPieces: number): boolean {
  if (tail === "") return true;
  if (maxPieces === 0) return false;
  for (let len = Math.min(MAX_PIECE, tail.length); len >= 1; len--) {
    if (pieces.has(tail.slice(0, len)) && segmentable(tail.slice(len), pieces, maxPieces - 1)) return true;
  }
  return false;
}

const ALL_SET = new Set(ALL_PIECES);
const STRICT_SET = new Set(STRICT_PIECES);

/**
 * True when `tail` (the Hangul run right after a name) is empty or a chain of
 * at most three particles/suffixes. `strict` refuses verb-like endings.
 */
export function isValidTail(tail: string, strict = false): boolean {
  return segmentable(tail, strict ? STRICT_SET : ALL_SET, 3);
}
