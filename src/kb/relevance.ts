/**
 * Which of an entity's facts matter on this page (pure). A card shows few facts at first sight; they should be the
 * ones the page is about: a fact that states a figure the page quotes first, then facts naming the people, companies
 * and products the mention's paragraph names, and sharing its words (names elsewhere on the page count a little). Ties keep the knowledge
 * base's own order (its authors put the defining facts first).
 */
import { aliasKey } from "../core/text";

/** What the page says, as far as ranking goes. */
export type PageTopics = {
  /** How the page writes the other entities it names (surface forms, in page order). */
  names: readonly string[];
  /** Facts (ids) that state a figure the page quotes. */
  figureFacts: readonly string[];
  /** The text around the mention (its paragraph). */
  context: string;
};

type RankedFact = { id: string; claim: { ko: string; en: string } };

const FIGURE_WEIGHT = 100;
/** A name the mention's own paragraph gives counts most; one named elsewhere on the page (a sidebar) little. */
const NEAR_NAME_WEIGHT = 10;
const PAGE_NAME_WEIGHT = 2;
const WORD_WEIGHT = 3;
/** At most this many shared words count, so a long claim does not win on length alone. */
const MAX_WORDS = 5;

/** The paragraph's words worth comparing: Hangul of 2+ syllables (a trailing particle dropped), Latin of 3+ letters. */
export function topicWords(text: string): string[] {
  const words = new Set<string>();
  for (const token of text.match(/[가-힣]{2,}|[A-Za-z]{3,}/g) ?? []) {
    const folded = aliasKey(token);
    const hangul = /^[가-힣]+$/.test(folded);
    words.add(hangul && folded.length >= 3 ? folded.slice(0, -1) : folded);
  }
  return [...words].filter((word) => word.length >= 2);
}

/** The page folded once for scoring its facts: its context, the names it gives and the words worth comparing. */
type FoldedPage = { figureFacts: readonly string[]; context: string; names: Set<string>; words: string[] };

const foldPage = (page: PageTopics): FoldedPage => ({
  figureFacts: page.figureFacts,
  context: aliasKey(page.context),
  names: new Set(page.names.map(aliasKey).filter((name) => name.length >= 2)),
  words: topicWords(page.context),
});

function score(fact: RankedFact, page: FoldedPage): number {
  const claim = aliasKey(`${fact.claim.ko} ${fact.claim.en}`);
  let total = page.figureFacts.includes(fact.id) ? FIGURE_WEIGHT : 0;
  for (const name of page.names)
    if (claim.includes(name)) total += page.context.includes(name) ? NEAR_NAME_WEIGHT : PAGE_NAME_WEIGHT;
  const shared = page.words.filter((word) => claim.includes(word)).length;
  return total + WORD_WEIGHT * Math.min(MAX_WORDS, shared);
}

/** A fact's score on a page: figure quoted, other names named, words shared. */
export const relevance = (fact: RankedFact, page: PageTopics): number => score(fact, foldPage(page));

/** `facts` most relevant first (stable: equal scores keep their order). */
export function rankByPage<F extends RankedFact>(facts: readonly F[], page: PageTopics): F[] {
  const folded = foldPage(page);
  return facts
    .map((fact, index) => ({ fact, index, score: score(fact, folded) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ fact }) => fact);
}
