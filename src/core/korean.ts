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
  "쯤",
  "간",
  "끼리",
  "별",
  "주",
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
  // 에서 after a vowel, shortened (알리바바 클라우드서도), and rarer particles
  "서",
  "에겐",
  "한텐",
  "께선",
  "마다",
  "야말로",
  "이야말로",
  "나마",
  "이나마",
  "에다",
  "에다가",
  "더러",
  "이여",
  "여",
  "이라든가",
  "라든가",
  "이라든지",
  "라든지",
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
  "이기",
  "이자",
  "자",
  "이어서",
  "여서",
  "이므로",
  "므로",
  "인데",
  "이었는데",
  "였는데",
  "인지",
  "인가",
  "일까",
  "일지",
  "이냐",
  "냐",
  "이었지만",
  "였지만",
  "이라니",
  "라니",
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
  "냐",
  "여",
  "였는데",
  "였지만",
  "라니",
  "라든가",
  "라든지",
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

/** The copula's sentence-final forms after a name ("…업체는 알리다."). */
const COPULA_FINAL = new Set(["다", "이다", "였다", "이었다"]);
const SENTENCE_END = /^\s*(?:$|[.!?…"'”’)\]])/;

const wordBefore = (text: string, start: number): string => {
  let end = start;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  let begin = end;
  while (begin > 0 && /[\uac00-\ud7a3]/.test(text[begin - 1]!)) begin--;
  return end < start ? text.slice(begin, end) : "";
};

/** Whether the name ending at `end` closes its sentence with the copula (…알리다., …알리였다"). */
export function endsWithCopula(text: string, end: number): boolean {
  let tailEnd = end;
  while (tailEnd < text.length && /[\uac00-\ud7a3]/.test(text[tailEnd]!)) tailEnd++;
  return COPULA_FINAL.has(text.slice(end, tailEnd)) && SENTENCE_END.test(text.slice(tailEnd, tailEnd + 3));
}

/**
 * "…업체는 알리다.": a name closing the sentence with the copula, after a topic (a word ending in 은/는) — the
 * one place the ending 다 is the copula and not a verb's (소식을 알리다, 널리 알리다 are verbs).
 */
export function isCopulaAfterTopic(text: string, start: number, end: number): boolean {
  if (!endsWithCopula(text, end)) return false;
  const topic = wordBefore(text, start);
  return topic.length >= 2 && /[은는]$/.test(topic);
}

/** Words that make a short form a person's name (배우 알리, 알리 선수): no company or product is meant then. */
const PERSON_WORDS = [
  "씨",
  "선수",
  "감독",
  "코치",
  "배우",
  "가수",
  "복서",
  "챔피언",
  "대통령",
  "총리",
  "장관",
  "의원",
  "교수",
  "박사",
  "작가",
  "왕자",
  "국왕",
];

/** Whether the word right before the form, or the one right after it, is a person word. */
export function nextToPersonWord(text: string, start: number, end: number): boolean {
  const before = wordBefore(text, start);
  if (PERSON_WORDS.includes(before)) return true;
  let tailEnd = end;
  while (tailEnd < text.length && /[\uac00-\ud7a3]/.test(text[tailEnd]!)) tailEnd++;
  const after = /^\s([\uac00-\ud7a3]+)/.exec(text.slice(tailEnd, tailEnd + 12))?.[1] ?? "";
  return PERSON_WORDS.some((word) => after.startsWith(word) && isValidTail(after.slice(word.length)));
}
