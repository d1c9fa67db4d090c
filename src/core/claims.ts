/**
 * The claim reader: for each amount in a block, whose figure it is. It reads the sentence the amount stands
 * in — the owner (the noun with 은/는/이/가/도 heading the clause, "X의" before the metric or the amount, the
 * 에-marked target of a fine, a speaker standing for the company, or the previous sentence's owner when the
 * sentence has none), the metric noun (투자, 매출, 과징금 …), the period (3년간, 지난해 4분기, 2021년 …) and
 * any parenthesised conversion — and compares the amount only with figures whose owner, metric and period
 * agree. Anything unclear gets no verdict: right or silent. Pure (strings and offsets in, mentions out).
 */
import type { CheckResult, FigureValue, Rate, ReportedValue } from "./figure-check.ts";
import { checkAmount } from "./figure-check.ts";
import type { MoneyAmount } from "./money.ts";
import { findMoneyAmounts } from "./money.ts";
import type { Agreement, FigurePeriod, PeriodRead } from "./periods.ts";
import { agreement, isEvent, readPeriods } from "./periods.ts";
import type { Sentence } from "./segment.ts";
import { clauses, sentences } from "./segment.ts";
import type { EntityType, FigureVerdict, Metric } from "./vocabulary.ts";

export type { Rate };

/** A verified figure as the reader needs it (the card's text comes from the knowledge base, not from here). */
export type ClaimFigure = {
  id: string;
  /** The entity whose card explains the figure: the mention's entity. */
  entity: string;
  /** Who the figure belongs to: entity ids, or segment ids ("alibaba-group#cloud"). */
  owners: string[];
  metric: Metric;
  period: FigurePeriod;
  value: FigureValue;
  /** Words that pin the figure down when no period is written (반독점 for the 2021 fine). */
  identifiedBy?: string[];
  reported?: ReportedValue[];
};

/** A business unit reported on its own: its parent, the entities that are it, and the words that name it. */
export type Segment = { id: string; parent: string; entities: string[]; words: string[] };

export type ClaimData = {
  figures: ClaimFigure[];
  rates: Rate[];
  segments: Segment[];
  /** People whose statements are their company's (우융밍 CEO → alibaba-group). */
  speakers: Record<string, string>;
  /** The knowledge base's as-of date: the last date a rate can be from when the page's date is unknown. */
  asOf: string;
};

/** What the reader made of the sentence an amount stands in (shown on the card). */
export type ClaimRead = { owner: string; metric?: string; period?: string };

export type CheckedAmount = {
  amount: MoneyAmount;
  figure: ClaimFigure;
  verdict: FigureVerdict;
  read: ClaimRead;
  rate?: string;
  reported?: number;
  intended?: number;
};

/** What the page has said so far, carried from block to block: its date, the amounts already checked, and
 * the last owner named (for 그는, 회사는 … in a later paragraph). */
export type ClaimState = {
  pageDate?: string;
  checked: CheckedAmount[];
  lastOwner?: { kind: "entity"; entity: string; segment?: string; speaker?: string };
};
export const createClaimState = (pageDate?: string): ClaimState => ({ ...(pageDate ? { pageDate } : {}), checked: [] });

/** A name found by the matcher in the same block (only its place and entity matter here). */
export type NameSpan = { start: number; end: number; entity: string; type: EntityType };

/* ---------- metric words ---------- */

const INVEST: Metric[] = ["infra-plan", "rnd-plan", "spending", "stake-investment", "acquisition"];
/** A metric word, the figure metrics it can be, and (for a verb form) the noun the card shows for it. */
type MetricEntry = { word: string; metrics: Metric[] | "generic" | "other"; label?: string };

/** The noun shown on the card for a verb form read as the metric (쏟는 → 투입, 썼 → 지출). */
const VERB_LABELS: Record<string, string> = {
  쏟아붓: "투입",
  쏟아부: "투입",
  쏟는: "투입",
  쏟기: "투입",
  쏟을: "투입",
  쏟겠: "투입",
  쏟아: "투입",
  쏟: "투입",
  쓴: "지출",
  쓰: "지출",
  썼: "지출",
  들여: "지출",
  들이: "지출",
  사들: "인수",
  부과: "과징금",
  물: "과징금",
};
const labelled = (entry: MetricEntry): MetricEntry =>
  VERB_LABELS[entry.word] ? { ...entry, label: VERB_LABELS[entry.word] } : entry;

/** Metric nouns and verbs, longest first where one contains another. "other" names a metric no figure has. */
const METRIC_WORDS: MetricEntry[] = [
  ...["설비투자", "설비 투자", "자본지출", "자본 지출", "인프라 투자", "capex"].map((word) => ({
    word,
    metrics: ["infra-plan", "spending"] as Metric[],
  })),
  ...["연구개발", "R&D"].map((word) => ({ word, metrics: ["rnd-plan"] as Metric[] })),
  ...[
    "투자액",
    "투자금",
    "투자",
    "투입",
    "쏟아붓",
    "쏟아부",
    "쏟는",
    "쏟기",
    "쏟을",
    "쏟겠",
    "쏟아",
    "베팅",
    "지출",
    "집행",
  ].map((word) => ({ word, metrics: INVEST })),
  ...["invest", "spend", "capital expenditure", "投入", "投资"].map((word) => ({ word, metrics: INVEST })),
  ...["인수", "사들", "매입", "acquisition", "acquire", "buyout"].map((word) => ({
    word,
    metrics: ["acquisition", "stake-investment"] as Metric[],
  })),
  ...["매출액", "매출", "영업수익", "revenue", "sales", "营收", "收入"].map((word) => ({
    word,
    metrics: ["revenue"] as Metric[],
  })),
  ...["당기순이익", "순이익", "순익", "순손실", "net income", "net profit"].map((word) => ({
    word,
    metrics: ["net-income"] as Metric[],
  })),
  ...["영업이익", "영업손실", "operating income", "operating profit"].map((word) => ({
    word,
    metrics: ["operating-income"] as Metric[],
  })),
  ...["과징금", "벌금", "벌과금", "fine", "fined", "penalty", "罚款"].map((word) => ({
    word,
    metrics: ["fine"] as Metric[],
  })),
  ...["기업공개", "IPO", "상장", "공모", "조달"].map((word) => ({ word, metrics: ["ipo-proceeds"] as Metric[] })),
  ...["규모", "금액", "액수", "총액", "합계"].map((word) => ({ word, metrics: "generic" as const })),
  ...[
    "시장 규모",
    "시장규모",
    "비용",
    "원가",
    "채권",
    "부채",
    "시가총액",
    "시총",
    "기업가치",
    "가치",
    "평가액",
    "몸값",
    "계약액",
    "계약",
    "수주",
    "거래액",
    "GMV",
    "배당",
    "자사주",
    "현금",
    "자산",
    "보조금",
    "적자",
    "대출",
    "과태료",
    "세금",
    "수수료",
    "요금",
    "가격",
    "임금",
    "이자",
    "EBITA",
    "주가",
    "연봉",
    "기부",
    "지원금",
    "market value",
    "valuation",
    "costs",
    "cost",
  ].map((word) => ({ word, metrics: "other" as const })),
].map(labelled);

/** Verbs right after "amount + 을/를" that say what it is: "3800억 위안을 쓴다", "과징금 …을 부과했다". */
const FORWARD_VERBS: MetricEntry[] = (
  [
    ...["쓴", "쓰", "썼", "들여", "들이", "쏟"].map((word) => ({ word, metrics: INVEST })),
    { word: "부과", metrics: ["fine"] },
    { word: "물", metrics: ["fine"] },
  ] as MetricEntry[]
).map(labelled);

/** Words that narrow a generic 투자 to infrastructure, research or stakes. */
const REFINERS: Array<{ word: string; metrics: Metric[] }> = [
  ...[
    "인프라",
    "설비",
    "데이터센터",
    "데이터 센터",
    "하드웨어",
    "클라우드",
    "AI",
    "인공지능",
    "서버",
    "infrastructure",
    "cloud",
  ].map((word) => ({ word, metrics: ["infra-plan", "spending"] as Metric[] })),
  ...["연구개발", "R&D", "연구"].map((word) => ({ word, metrics: ["rnd-plan"] as Metric[] })),
  ...["지분", "스타트업", "펀드", "외부", "기업에"].map((word) => ({
    word,
    metrics: ["stake-investment"] as Metric[],
  })),
  ...["인수", "경영권", "사들"].map((word) => ({ word, metrics: ["acquisition", "stake-investment"] as Metric[] })),
];

/** An amount someone expects, not one stated: 예상치 2790억 위안, 2800억 위안으로 전망. */
const ESTIMATE_BEFORE =
  /(?:예상치|전망치|추정치|컨센서스|예상|전망|추정|목표치?|예측치?|estimate[sd]?|forecast|expected)\s*(?:인|은|는|였던|의|인\s*)?\s*$/i;
const ESTIMATE_AFTER =
  /^\s*(?:을|를|로|으로|이|가)?\s*(?:예상|전망|추정|관측|내다보|내다봤|점쳤|예측|기대|목표|전망된|예상된)/;
/** Words that say an amount converts what came before: 원화로는, 우리 돈, 한화, 달러로는 … (anywhere before it in its sentence). */
const CONVERSION_CUE =
  /(?:원화로는?|원화\s*기준|우리\s*돈(?:으로)?|한화(?:로는?)?|달러로는?|미화(?:로는?)?|위안화로는?|환산하면|환산\s*시|in\s+(?:US\s+)?dollars?)/i;

/* ---------- words around an amount ---------- */

const TOPIC = /^(.*?)(은|는|이|가|도|께서|측은|측이|측도)$/;
const POSSESSIVE = /^(.*?)의$/;
/**
 * Verb and adjective forms that end like a topic (하는, 있는, 많은, 쓰기도): not a subject. Only whole endings,
 * so that names ending in the same syllables (테슬라는, 혼다는, ○○에너지는) still read as someone else.
 */
const VERB_LIKE =
  /(?:하는|되는|있는|없는|않는|한다는|했다는|된다는|있다는|없다는|이라는|하기도|되기도|쓰기도|하기는|하지는|하지도|되지는|많은|높은|작은|같은|좋은|적은|낮은|넓은|받은|얻은|밝은|늦은|깊은|남은)$/;
/**
 * A particle before 는/도 makes an adverbial, not a subject: 중국에서는, 텐센트와는, 달러로는. 로는 only after a
 * measure: a name may end in 로 (○○마이크로는).
 */
const ADVERBIAL_TOPIC =
  /(?:으로|에서|에게|에|와|과|보다|까지|부터|처럼|만큼)(?:는|도|은)$|(?:달러|원화|위안화|한화|미화|금액|규모|기준|전체|연간|환율)로(?:는|도)$/;
/** Nouns that end in 이/가/도 without being a subject (증가, 주가, 차이 "difference", 회계연도 …). */
const NOT_SUBJECT =
  /(?:증가|추가|평가|주가|원가|물가|단가|대가|국가|작가|시가|차이|사이|나이|많이|같이|없이|높이|깊이|길이|특히|일찍이)$|^(?:회계)?(?:연도|년도)$|^(?:정도|제도|속도|용도|태도|지도|의도|시도|강도|온도|밀도|빈도|한도|척도|각도|보도|기도|전도|주도)$/;
/** Pronouns, reporters (매체, 외신) and common nouns (환율, 가격) as subjects: not an owner, the search goes on. */
const PRONOUNS = new Set(
  "이 그 그녀 이들 그들 동사 당사 해당 측 이번 같은 전체 것 점 이유 배경 목표 발표 내용 돈 금 당시 이후 최근 현재 회사 이 회사 같은 회사 그룹 자사 매체 언론 외신 기사 보도 신문 방송 통신 통신사 일부 기사 일부 환율 시점 가격 값 상황 분위기 흐름 추세 관심 기대 우려 반응 의미 효과 영향 문제 사실 변화 차이 방침 전략 목적 취지 설명 주장 입장 발언 말 수준 예정 실제 최종 누적 평균 합산 연결 별도 국내 해외 글로벌 세계 전세계 월간 연간 반기 상반기 하반기 기존 신규 추가 예상 업계 전문가 전문가들 애널리스트 증권가 분석가 관계자 소식통".split(
    " ",
  ),
);
/** A pronoun subject that points back past the paragraph: he, she, the company. */
const ANAPHORA =
  /(?:^|\s)(?:그는|그녀는|그가|그녀가|이 회사는|이 회사가|회사는|회사가|회사 측은|동사는|당사는|the company|it)\s/i;
/** Heads of a subject that name a measure, a unit of the company or a title ("투자 규모는", "우융밍 CEO는"). */
const GENERIC_HEADS =
  "회사 그룹 부문 사업 사업부 계획 투자 투자액 규모 금액 액수 총액 합계 이익 실적 성장률 증가율 비중 폭 수치 기록 결과 매출 매출액 순이익 영업이익 과징금 벌금 자금 예산 분기 연도 기간 CEO CFO CTO 회장 의장 대표 부회장 사장 최고경영자 최고재무책임자 최고기술책임자 창업자 총괄 책임자".split(
    " ",
  );
const ADVERBS =
  /^(?:약|총|최소|최대|모두|연간|매년|각각|무려|이미|또|더|또한|역시|대략|적어도|전년|올|새로|추가로|직접|향후|앞으로|지난|과거|새|이번|올해|지난해)$/;
/** Bare words that are not names: particles and endings of verbs, adverbs and modifiers. */
const NOT_A_NAME =
  /(?:에|에서|으로|로|을|를|과|와|며|고|서|해|게|지|만|도|까지|부터|보다|처럼|한|된|힌|인|난|린|진|킨|친|운|던|낸|온|른|준|든|탄|은|는|할|될|적|의|간|째|라|러|아|어|여|니|면|데|듯|씩)$/;
/(?:에|에서|으로|로|을|를|과|와|며|고|서|해|게|지|만|도|까지|부터|보다|처럼|한|된|인|운|은|는|던|할|될|적|의|던|간|째)$/;
/** Between a segment word and its amount only the segment's own words, its metric and its period. */
const SEGMENT_TO_AMOUNT =
  /^(?:\s*(?:부문|사업부?|그룹|인텔리전스|매출액?|순이익|영업이익|실적|revenue|sales|segment|지난해|올해|작년|[0-9]{4}년|[1-4]분기|[0-9]{1,2}~[0-9]{1,2}월|분기)(?:은|는|이|가|의|에|에는|에서)?)*\s*$/i;
/** A title at the end of the words before a quotation ("우융밍 CEO", "조 차이 회장은"). */
const TITLE_AT_END =
  /\s*(?:CEO|CFO|CTO|회장|의장|대표|부회장|사장|최고경영자|최고재무책임자|최고기술책임자|창업자|총괄)(?:\([^)]*\))?(?:은|는|이|가|도)?,?$/;
/** Capitalised English words that are not a company: days, months, titles, sentence openers, currencies. */
const ENGLISH_NOT_NAMES =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|CEO|CFO|CTO|AI|The|It|Its|In|On|At|For|By|Days|Later|RMB|US|USD|CNY|Hong|Kong|New|York|China|Chinese|Beijing|Hangzhou|Shanghai|Nasdaq|NYSE|According|Revenue|Net|Markets|Chairman|Chief|Executive|Officer|Group)$/;
/** Sentences that turn to something else: the owner of the sentence before does not carry over. */
const TOPIC_SHIFT = /^\s*(?:한편|반면|이와 달리|다른 한편|이밖에|이 밖에|그 밖에)/;
const OPENING_QUOTES = /^['"‘“「『([]+/;
const CLOSING_PUNCTUATION = /['"’”」』)\],.:;!?…·]+$/;

type Word = { start: number; end: number; text: string };

/** The words of [start, end): whitespace-separated runs, with offsets. */
function wordsOf(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const re = /[^\s]+/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    out.push({ start: m.index, end: Math.min(end, m.index + m[0].length), text: m[0] });
  }
  return out;
}

/** Where `word` starts in `text` as a word: not inside a longer Latin word ("AI" in "Haier"). */
function findWord(text: string, word: string, from = 0): number {
  const latin = /^[A-Za-z]/.test(word);
  const lowerText = latin ? text.toLowerCase() : text;
  const lowerWord = latin ? word.toLowerCase() : word;
  for (let at = lowerText.indexOf(lowerWord, from); at >= 0; at = lowerText.indexOf(lowerWord, at + 1)) {
    if (!latin) return at;
    const before = text[at - 1] ?? " ";
    const after = text[at + word.length] ?? " ";
    if (!/[A-Za-z]/.test(before) && !/[A-Za-z]/.test(after)) return at;
  }
  return -1;
}

/** "투자자", "투자사", "투자은행" are who invests, not an investment. */
const NOT_METRIC_AFTER = /^(?:자|사|은행|처|가들|업계)/;

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/**
 * One RegExp for a list of words, longest first (so 매출액 wins over 매출 at the same place), a Latin word only
 * as a whole word ("AI" not in "Haier"), Latin case ignored: one native search instead of one per word.
 */
export function wordListPattern(words: readonly string[], anchored = false): RegExp {
  const alternatives = [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => (/^[A-Za-z]/.test(w) ? `(?<![A-Za-z])${escapeRegExp(w)}(?![A-Za-z])` : escapeRegExp(w)));
  return new RegExp(anchored ? `^(?:${alternatives.join("|")})` : alternatives.join("|"), anchored ? "i" : "gi");
}

type MetricHit = { start: number; end: number; entry: MetricEntry };

/** Built on first use: a page whose text the claim reader never reads does not pay for its tables. */
const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

const metricWords = once(() => {
  const byWord = new Map<string, MetricEntry>();
  for (const entry of METRIC_WORDS)
    if (!byWord.has(entry.word.toLowerCase())) byWord.set(entry.word.toLowerCase(), entry);
  return { pattern: wordListPattern(METRIC_WORDS.map((e) => e.word)), byWord };
});

function metricHits(text: string, from: number, to: number): MetricHit[] {
  const hits: MetricHit[] = [];
  const { pattern, byWord } = metricWords();
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m && m.index + m[0].length <= to; m = pattern.exec(text)) {
    const entry = byWord.get(m[0].toLowerCase())!;
    const end = m.index + m[0].length;
    if (entry.metrics === INVEST && NOT_METRIC_AFTER.test(text.slice(end, end + 3))) continue;
    hits.push({ start: m.index, end, entry });
  }
  return hits;
}

/** The metric of the amount at [start, end) in the clause: the word after it, else the nearest before, else after. */
function metricOf(
  text: string,
  amountEnd: number,
  amountStart: number,
  clause: [number, number],
  sentenceHits: readonly MetricHit[],
): MetricHit | null {
  const tail = text.slice(amountEnd, amountEnd + 14);
  const link =
    /^\s?(?:이상|이하|가량|정도|안팎|미만|초과)?\s?(?:을|를|의|이|가|에|으로|로)?\s?(?:규모의\s|상당의\s|이상의\s|가량의\s|대의\s|에\s달하는\s|에\s이르는\s)?/.exec(
      tail,
    )!;
  const after = amountEnd + link[0].length;
  const hits = sentenceHits.filter((h) => h.start >= clause[0] && h.end <= clause[1]);
  const immediate = hits.find((h) => h.start === after);
  if (immediate) return immediate;
  if (/을|를/.test(link[0])) {
    // "3800억 위안을 쓴다", "… 위안을 AI·클라우드 인프라에 쓰겠다": the verb of the object, a few words on at most.
    for (const word of wordsOf(text, after, clause[1]).slice(0, 3)) {
      const verb = FORWARD_VERBS.find((v) => word.text.startsWith(v.word));
      if (verb) return { start: word.start, end: word.start + verb.word.length, entry: verb };
    }
  }
  const before = hits.filter((h) => h.end <= amountStart);
  if (before.length) return before[before.length - 1]!;
  return hits.find((h) => h.start >= amountEnd) ?? null;
}

/** The figure metrics an amount can be, from its metric word and the words that refine a generic 투자. */
function metricsFor(hit: MetricHit | null, text: string, clause: [number, number]): Metric[] | "other" | null {
  if (!hit || hit.entry.metrics === "generic") return null;
  if (hit.entry.metrics === "other") return "other";
  if (hit.entry.metrics !== INVEST) return hit.entry.metrics;
  const refined = new Set<Metric>();
  const { pattern, byWord } = refinerWords();
  pattern.lastIndex = clause[0];
  for (let m = pattern.exec(text); m && m.index + m[0].length <= clause[1]; m = pattern.exec(text))
    for (const metric of byWord.get(m[0].toLowerCase())!) refined.add(metric);
  return refined.size ? INVEST.filter((m) => refined.has(m)) : INVEST;
}

const refinerWords = once(() => {
  const byWord = new Map<string, Metric[]>();
  for (const r of REFINERS)
    byWord.set(r.word.toLowerCase(), [...(byWord.get(r.word.toLowerCase()) ?? []), ...r.metrics]);
  return { pattern: wordListPattern(REFINERS.map((r) => r.word)), byWord };
});

/* ---------- owners ---------- */

/** An owner in scope (with the segment named, and the person who spoke for it), or someone else. */
type Owner = { kind: "entity"; entity: string; segment?: string; speaker?: string } | { kind: "other" };

/** The sentence an amount stands in, read once for all its amounts. */
type SentenceRead = {
  sentence: Sentence;
  sentenceText: string;
  clauses: Array<[number, number]>;
  /** The sentence's metric words, found once. */
  hits: MetricHit[];
  periods: PeriodRead[];
  /** The owner, metric and period the sentence states for itself (or inherits), for the next one to inherit. */
  owner: Owner | null;
  metrics: Metric[] | "other" | null;
  metricWord?: string;
  period: PeriodRead | null;
};

export class ClaimReader {
  #data: ClaimData;
  #segmentByEntity = new Map<string, Segment>();
  /** Each segment's words as one RegExp. */
  #segmentWords = new Map<Segment, RegExp>();

  constructor(data: ClaimData) {
    this.#data = data;
    for (const segment of data.segments) {
      for (const entity of segment.entities) this.#segmentByEntity.set(entity, segment);
      this.#segmentWords.set(segment, wordListPattern(segment.words));
    }
  }

  get figures(): readonly ClaimFigure[] {
    return this.#data.figures;
  }

  /** The checked amounts of one block, given the names the matcher found in it; `state` is read and updated. */
  read(text: string, names: readonly NameSpan[], state: ClaimState): CheckedAmount[] {
    const amounts = findMoneyAmounts(text);
    // Who 그는 / 회사는 in a later paragraph points back to: the block's last subject in scope.
    this.#noteSubject(text, names, state);
    if (!amounts.length) return [];
    const out: CheckedAmount[] = [];
    let previous: SentenceRead | null = null;
    let inheritedFor = 0;
    const all = sentences(text);
    // Only sentences with an amount, and the two before each (what it may inherit), are read in full: a long
    // block (a whole article) with a few amounts costs little more than its amounts.
    const wanted = all.map(() => false);
    for (const a of amounts) {
      const at = all.findIndex((s) => a.start >= s.start && a.end <= s.end);
      if (at >= 0) wanted[at] = true;
    }
    for (let index = 0; index < all.length; index++) {
      const sentence = all[index]!;
      if (!wanted[index] && !wanted[index + 1] && !wanted[index + 2]) {
        previous = null;
        inheritedFor = 0;
        continue;
      }
      const inSentence = amounts.filter((a) => a.start >= sentence.start && a.end <= sentence.end);
      const own = this.#readSentence(text, sentence, names);
      const samePara = previous && previous.sentence.paragraph === sentence.paragraph;
      // Headlines, list lines and captions (no sentence end) name their owner themselves or get nothing.
      const canInherit =
        samePara &&
        sentence.terminated &&
        !TOPIC_SHIFT.test(text.slice(sentence.start, sentence.end)) &&
        inheritedFor < 2;
      const inherited = canInherit ? previous : null;
      // "회사는 …", "그는 …" heading the sentence: its owner is the one before (or, past the paragraph, the
      // last one the page named).
      const firstClause = text.slice(sentence.start, own.clauses[0]?.[1] ?? sentence.end);
      if (!own.owner && ANAPHORA.test(` ${firstClause}`))
        own.owner = inherited?.owner ?? (state.lastOwner as Owner) ?? null;
      let lastOwner: Owner | null = null;
      if (inSentence.length) {
        const read = this.#readAmounts(text, own, inherited, inSentence, names, state);
        // Checked at once, so a later sentence of the same block can repeat or convert them.
        for (const c of read.checked) {
          out.push(c);
          state.checked.push(c);
        }
        lastOwner = read.lastOwner;
      }
      // What the next sentence inherits: the owner of its last amount, its own, else what it inherited.
      const owner = lastOwner ?? own.owner ?? inherited?.owner ?? null;
      if (owner?.kind === "entity") state.lastOwner = owner;
      const carried: SentenceRead = {
        ...own,
        owner,
        metrics: own.metrics ?? inherited?.metrics ?? null,
        metricWord: own.metricWord ?? inherited?.metricWord,
        period: own.period ?? inherited?.period ?? null,
      };
      inheritedFor = own.owner || lastOwner ? 0 : inherited ? inheritedFor + 1 : 0;
      previous = carried;
    }
    return out;
  }

  /** A block without amounts still says who 그는 / 회사는 will point back to: its last subject in scope. */
  #noteSubject(text: string, names: readonly NameSpan[], state: ClaimState): void {
    for (let i = names.length - 1; i >= 0; i--) {
      const name = names[i]!;
      if (name.type === "figure") continue;
      const after = text.slice(name.end, name.end + 24);
      if (
        /^(?:\([^)]*\))?(?:\s*(?:CEO|CFO|CTO|회장|의장|대표|창업자|최고경영자))?(?:은|는|이|가)(?:\s|,|$)/.test(after)
      ) {
        const owner = this.#entityOwner(name.entity);
        if (owner.kind === "entity") state.lastOwner = owner;
        return;
      }
    }
  }

  #readSentence(text: string, sentence: Sentence, names: readonly NameSpan[]): SentenceRead {
    const periods = readPeriods(text.slice(sentence.start, sentence.end)).map((p) => ({
      ...p,
      start: p.start + sentence.start,
      end: p.end + sentence.start,
    }));
    const parts = clauses(text, sentence);
    const words = wordsOf(text, sentence.start, sentence.end);
    // The sentence's own owner (for the next sentence to inherit): the first subject of its first clause.
    let owner: Owner | null = null;
    const firstClauseEnd = parts[0]?.[1] ?? sentence.end;
    for (let i = 0; i < words.length && words[i]!.start < firstClauseEnd; i++) {
      const found = this.#ownerAt(text, words, i, names, sentence, false, false);
      if (found === "skip") continue;
      // The first subject decides, even one that names no one ("환율이 달라서 생기는 차이다": not 생기는).
      owner = found;
      break;
    }
    const allHits = metricHits(text, sentence.start, sentence.end);
    const hits = allHits.filter((h) => h.entry.metrics !== "generic");
    const lastHit = hits[hits.length - 1] ?? null;
    const whole: [number, number] = [sentence.start, sentence.end];
    const period = [...periods].reverse().find((p) => p.kind !== "day" && p.kind !== "prior") ?? null;
    return {
      sentence,
      sentenceText: text.slice(sentence.start, sentence.end),
      clauses: parts,
      periods,
      hits: allHits,
      owner,
      metrics: metricsFor(lastHit, text, whole),
      ...(lastHit ? { metricWord: lastHit.entry.label ?? lastHit.entry.word } : {}),
      period,
    };
  }

  /**
   * Whether word `i` marks an owner: an entity with a topic/subject particle, possessive 의, a headline comma
   * or (for fines) 에; another noun with a topic particle or 의 marks someone else. "skip" for words that say
   * nothing about the owner; null for transparent subjects (이는, 매출은), which let the search go on.
   */
  #ownerAt(
    text: string,
    words: Word[],
    i: number,
    names: readonly NameSpan[],
    sentence: Sentence,
    fine: boolean,
    /** Whether "X의" with X out of scope names someone else here (it does only right before the amount's metric). */
    possessiveCounts = true,
  ): Owner | null | "skip" {
    const word = words[i]!;
    const name = names.find((n) => n.type !== "figure" && n.end > word.start && n.end <= word.end);
    const raw = word.text
      .replace(CLOSING_PUNCTUATION, "")
      .replace(OPENING_QUOTES, "")
      .replace(/\([^)]*\)/g, "");
    if (!name && /\)(?:은|는|이|가|도|의)[,'"’”]*$/.test(word.text)) {
      // 알리바바그룹홀딩스(이하 알리바바)는: the particle after the gloss belongs to the name before it.
      const open = text.lastIndexOf("(", word.end);
      const glossed = names.find((n) => n.type !== "figure" && (n.end === open || (n.end > open && n.end < word.end)));
      if (glossed) return this.#entityOwner(glossed.entity);
    }
    if (name) {
      let suffix = text.slice(name.end, word.end).replace(CLOSING_PUNCTUATION, "");
      // 알리바바그룹홀딩스(이하 알리바바)는: the gloss ends in the word; 우융밍 CEO는: a title follows the name.
      suffix = suffix.replace(/^\([^)]*\)?/, "").replace(/^\)/, "");
      const titled = /^\s*$/.test(suffix) && i + 1 < words.length ? titleSuffix(words[i + 1]!.text) : null;
      const particle = titled ?? suffix;
      // "알리바바, 3년간 …", "[속보] 알리바바, …", "'AI 올인' 알리바바… 3년 …": a headline's owner, then its claim.
      const opener = i === 0 || (i > 0 && words.slice(0, i).every((w) => /^\[[^\]]*\]$|^['"‘“].*['"’”]$/.test(w.text)));
      const headlineComma =
        /(?:,|…|\.\.\.)$/.test(word.text) && !sentence.terminated && (opener || /…$/.test(word.text));
      if (TOPIC.test(particle) && TOPIC.exec(particle)![1] === "") return this.#entityOwner(name.entity);
      if (particle === "의" || (fine && /^(?:에|에게|에게는|에는|에\s*대해)$/.test(particle)) || headlineComma)
        return this.#entityOwner(name.entity);
      if (particle === "" && opener && !sentence.terminated) return this.#entityOwner(name.entity);
      return "skip";
    }
    if (/^[0-9]/.test(raw)) return "skip";
    const topic = TOPIC.exec(raw);
    if (topic?.[1] && !VERB_LIKE.test(raw) && !NOT_SUBJECT.test(raw) && !ADVERBIAL_TOPIC.test(raw))
      return this.#isTransparent(topic[1]) ? null : { kind: "other" };
    const possessive = POSSESSIVE.exec(raw);
    if (possessive?.[1] && possessive[1].length >= 2)
      return this.#isTransparent(possessive[1]) ? null : possessiveCounts ? { kind: "other" } : "skip";
    return "skip";
  }

  /** A stem that names no one: a pronoun, a measure, a period, a segment, or a compound of them. */
  #isTransparent(stem: string): boolean {
    const s = stem.replace(/들$/, "").trim();
    if (!s || PRONOUNS.has(s) || GENERIC_HEADS.includes(s) || /^[0-9%.,~]+$/.test(s) || ADVERBS.test(s)) return true;
    if (isPeriodWord(s) || this.#segmentWord(s) || isMetricWord(s)) return true;
    for (const head of GENERIC_HEADS) {
      if (s.length > head.length && s.endsWith(head)) return this.#isTransparent(s.slice(0, -head.length));
    }
    return false;
  }

  #entityOwner(entity: string): Owner {
    const speaking = this.#data.speakers[entity] ?? entity;
    const speaker = speaking !== entity ? { speaker: entity } : {};
    const segment = this.#segmentByEntity.get(speaking);
    return segment
      ? { kind: "entity", entity: segment.parent, segment: segment.id, ...speaker }
      : { kind: "entity", entity: speaking, ...speaker };
  }

  #segmentWord(text: string): Segment | undefined {
    return this.#data.segments.find((s) => {
      const words = this.#segmentWords.get(s)!;
      words.lastIndex = 0;
      return words.test(text);
    });
  }

  /**
   * The owner of the amount: inside a quotation the quoted words first, then the speaker right before the
   * quotation ("우 CEO "3800억 위안 계획보다 …""), then the whole sentence, nearest signal first.
   */
  #localOwner(
    text: string,
    read: SentenceRead,
    amount: MoneyAmount,
    names: readonly NameSpan[],
    fine: boolean,
  ): Owner | null {
    const { sentence } = read;
    const quote = quoteAround(text, sentence, amount.start);
    if (quote) {
      const inside = this.#ownerIn(text, quote, sentence, amount, names, fine);
      if (inside) return inside;
      const speaker = this.#speakerBefore(text, quote[0] - 1, sentence, names);
      if (speaker) return speaker;
    }
    return this.#ownerIn(text, [sentence.start, sentence.end], sentence, amount, names, fine);
  }

  /** The name (with a title, without a particle) right before a quotation: the speaker. */
  #speakerBefore(text: string, quoteMark: number, sentence: Sentence, names: readonly NameSpan[]): Owner | null {
    const before = text.slice(sentence.start, quoteMark).replace(/\s+$/, "");
    const titled = before.replace(TITLE_AT_END, "");
    const end = sentence.start + titled.length;
    const name = names.find((n) => n.type !== "figure" && n.end === end);
    return name ? this.#entityOwner(name.entity) : null;
  }

  #ownerIn(
    text: string,
    span: [number, number],
    sentence: Sentence,
    amount: MoneyAmount,
    names: readonly NameSpan[],
    fine: boolean,
  ): Owner | null {
    const words = wordsOf(text, span[0], span[1]);
    if (fine) {
      // The 에-marked target of a fine anywhere in the sentence ("SAMR은 알리바바에 … 과징금을 부과했다").
      for (const word of words) {
        const name = names.find((n) => n.type !== "figure" && n.end > word.start && n.end <= word.end);
        if (!name) continue;
        const suffix = text.slice(name.end, word.end).replace(CLOSING_PUNCTUATION, "");
        if (/^(?:에|에게|에게는|에는|에\s*대해)$/.test(suffix)) return this.#entityOwner(name.entity);
      }
    }
    const before = words.filter((w) => w.end <= amount.start);
    for (let i = before.length - 1; i >= 0; i--) {
      const word = before[i]!;
      if (insideParentheses(text, span[0], word.end)) continue;
      // "하이얼의 지난해 매출은 …": a possessive names the owner when it heads the amount's metric phrase.
      const reach = text.slice(word.end, amount.start);
      const heads = !/,|(?:을|를|에|에서|으로|로|고|며)\s/.test(reach) && reach.trim().split(/\s+/).length <= 4;
      const owner = this.#ownerAt(text, words, words.indexOf(word), names, sentence, fine, heads);
      if (owner === "skip") {
        // A bare name right before the metric ("하이얼 매출 4016억") or before an amount its metric follows
        // ("텐센트 1000억 위안 투자"): that name's, in or out of scope.
        const next = before[i + 1]?.text ?? "";
        const beforeMetric = i === before.length - 2 && isMetricWord(next) && !/(?:으로|로|에|에서|을|를)$/.test(next);
        const beforeAmount = i === before.length - 1 && metricRightAfter(text, amount.end);
        if (beforeMetric || beforeAmount) {
          const bare = this.#bareOwner(text, word, names);
          if (bare) return bare;
        }
        continue;
      }
      if (owner) return this.#withSegment(owner, text, word.end, amount.start);
      // A measure as the subject ("하이얼 매출은", "텐센트 그룹은"): the name in front of it is the owner.
      const head = before[i - 1];
      if (head && this.#ownerAt(text, words, words.indexOf(head), names, sentence, fine) === "skip") {
        const bare = this.#bareOwner(text, head, names);
        if (bare) return this.#withSegment(bare, text, head.end, amount.start);
      }
    }
    // "… 3800억 위안을 투자한다고 알리바바가 밝혔다": a subject after the amount, in the same sentence.
    for (const word of words.filter((w) => w.start >= amount.end)) {
      const owner = this.#ownerAt(text, words, words.indexOf(word), names, sentence, fine);
      if (owner && owner !== "skip" && owner.kind === "entity") return owner;
    }
    return this.#foreignOwner(text, span, amount, names);
  }

  /**
   * English and Chinese carry no particles: the nearest name before the amount in the same sentence is its
   * owner ("Alibaba said it would spend …", "阿里巴巴未来三年将投入超3800亿元"), unless another proper noun
   * stands between them or heads the sentence (ByteDance plans to spend …).
   */
  #foreignOwner(text: string, span: [number, number], amount: MoneyAmount, names: readonly NameSpan[]): Owner | null {
    const name = names
      .filter((n) => n.type !== "figure" && n.end <= amount.start && n.start >= span[0])
      .filter((n) => !insideParentheses(text, span[0], n.end))
      .at(-1);
    const between = text.slice(name ? name.end : span[0], amount.start);
    // A bracketed tag ([외신], [속보]) or a gloss does not make an English sentence Korean.
    const hangulSentence = /[가-힣]/.test(text.slice(span[0], span[1]).replace(/[(][^)]*[)]|\[[^\]]*\]/g, ""));
    if (/[가-힣]/.test(between) || (hangulSentence && !/[一-鿿]/.test(between))) return null;
    const proper = between.match(/\b[A-Z][A-Za-z]+\b/g)?.filter((w) => !ENGLISH_NOT_NAMES.test(w)) ?? [];
    if (name) return proper.length ? { kind: "other" } : this.#entityOwner(name.entity);
    return proper.length && /^\s*[A-Z]/.test(between) ? { kind: "other" } : null;
  }

  /** A name with no particle right before the amount or its metric noun. */
  #bareOwner(text: string, word: Word, names: readonly NameSpan[]): Owner | null {
    const name = names.find((n) => n.type !== "figure" && n.end === word.end);
    if (name) return this.#entityOwner(name.entity);
    const raw = word.text.replace(CLOSING_PUNCTUATION, "").replace(OPENING_QUOTES, "");
    if (!/[가-힣A-Za-z]/.test(raw) || raw.length < 2 || /^[0-9]/.test(raw)) return null;
    if (/^[A-Za-z]/.test(raw) && (!/^[A-Z]/.test(raw) || ENGLISH_NOT_NAMES.test(raw))) return null;
    if (this.#isTransparent(raw) || NOT_A_NAME.test(raw)) return null;
    return text.slice(word.end, word.end + 1) === " " ? { kind: "other" } : null;
  }

  /**
   * A segment word heading the amount's metric ("알리바바의 클라우드 부문 매출은 317억 위안", "클라우드 매출 317억")
   * makes the segment the owner; one elsewhere in the clause ("클라우드와 AI 인프라에 투자") does not.
   */
  #withSegment(owner: Owner, text: string, from: number, to: number): Owner {
    if (owner.kind !== "entity" || owner.segment) return owner;
    const piece = text.slice(from, to);
    for (const segment of this.#data.segments) {
      if (segment.parent !== owner.entity) continue;
      const words = this.#segmentWords.get(segment)!;
      words.lastIndex = 0;
      for (let m = words.exec(piece); m; m = words.exec(piece))
        if (SEGMENT_TO_AMOUNT.test(piece.slice(m.index + m[0].length))) return { ...owner, segment: segment.id };
    }
    return owner;
  }

  #readAmounts(
    text: string,
    own: SentenceRead,
    inherited: SentenceRead | null,
    amounts: MoneyAmount[],
    names: readonly NameSpan[],
    state: ClaimState,
  ): { checked: CheckedAmount[]; lastOwner: Owner | null } {
    const out: CheckedAmount[] = [];
    let lastOwner: Owner | null = null;
    /** The amount a parenthesised or cue-marked conversion belongs to, and what it was checked against. */
    let anchor: { amount: MoneyAmount; figures: ClaimFigure[] | null; read: Context } | null = null;
    for (const amount of amounts) {
      const paired: boolean = anchor !== null && pairedWith(text, anchor.amount, amount);
      if (!paired && insideParentheses(text, own.sentence.start, amount.start) && !glossesMetric(text, amount.start)) {
        anchor = null;
        continue; // "(텐센트 1000억 위안)": a parenthesis that is not this sentence's conversion
      }
      const context: Context | null = paired ? anchor!.read : this.#context(text, own, inherited, amount, names, state);
      if (context && !paired) lastOwner = context.owner;
      // "원화로 환산하면 약 75조 원이다": a sentence that says it converts what came before is read as that.
      const converts: CheckedAmount | null =
        context?.borrowed && CONVERSION_CUE.test(text.slice(own.sentence.start, amount.start))
          ? this.#carriedOver(text, own, amount, state)
          : null;
      if (converts) {
        out.push(converts);
        anchor = { amount, figures: [converts.figure], read: context! };
        continue;
      }
      if (!context) {
        const carried = this.#carriedOver(text, own, amount, state);
        if (carried) out.push(carried);
        anchor = carried ? { amount, figures: [carried.figure], read: contextOf(carried) } : null;
        continue;
      }
      const restrict = paired ? anchor!.figures : null;
      const checked = this.#check(amount, context, state, restrict);
      if (checked) out.push(checked);
      if (!paired) anchor = { amount, figures: checked ? [checked.figure] : null, read: context };
    }
    return { checked: out, lastOwner };
  }

  /** Owner, metric and period for one amount; null when the owner is unknown. */
  #context(
    text: string,
    own: SentenceRead,
    inherited: SentenceRead | null,
    amount: MoneyAmount,
    names: readonly NameSpan[],
    state: ClaimState,
  ): Context | null {
    const clause = own.clauses.find(([s, e]) => amount.start >= s && amount.start < e) ?? [
      own.sentence.start,
      own.sentence.end,
    ];
    const hit = metricOf(text, amount.end, amount.start, clause, own.hits);
    const stated = hit && hit.entry.metrics !== "generic";
    const fine = Boolean(stated && Array.isArray(hit.entry.metrics) && hit.entry.metrics.includes("fine"));
    const local = this.#localOwner(text, own, amount, names, fine);
    // Without one of its own: the owner of the sentence before (in the same paragraph), or the one a pronoun
    // points back to ("그는 …", "회사는 …"); "알리바바는 …. 클라우드 부문 매출은 …" names its segment.
    const before = text.slice(own.sentence.start, amount.start);
    const pointed = ANAPHORA.test(` ${before}`) && state.lastOwner ? (state.lastOwner as Owner) : null;
    const fallback = inherited?.owner ?? pointed;
    const owner = local ?? (fallback ? this.#withSegment(fallback, text, own.sentence.start, amount.start) : null);
    if (!owner) return null;
    // What the sentence before said carries over only when it spoke of the same owner.
    const sameOwner = !local || !inherited?.owner || sameEntity(local, inherited.owner);
    const carried = sameOwner ? inherited : null;
    const metrics = stated ? metricsFor(hit, text, clause) : (own.metrics ?? carried?.metrics ?? null);
    const metricWord = stated ? (hit.entry.label ?? hit.entry.word) : (own.metricWord ?? carried?.metricWord);
    const estimate =
      ESTIMATE_BEFORE.test(text.slice(Math.max(clause[0], amount.start - 10), amount.start)) ||
      ESTIMATE_AFTER.test(text.slice(amount.end, amount.end + 14));
    // "…지난해 4분기 실적을 발표했다. 매출은 …": the period of the sentence before, when it spoke of the same metric.
    const carriedMetrics = carried?.metrics;
    const sameMetric =
      !stated ||
      !Array.isArray(metrics) ||
      !Array.isArray(carriedMetrics) ||
      metrics.some((m) => carriedMetrics.includes(m));
    const period =
      periodFor(own, clause, amount, hit?.start ?? null) ?? (sameMetric ? (carried?.period ?? null) : null);
    const from = fromTo(text, amount, clause);
    return {
      owner,
      metrics,
      ...(metricWord ? { metricWord } : {}),
      period,
      estimate: estimate || from,
      sentence: text.slice(own.sentence.start, own.sentence.end),
      terminated: own.sentence.terminated,
      borrowed: !local && !stated,
    };
  }

  #check(
    amount: MoneyAmount,
    context: Context,
    state: ClaimState,
    restrict: ClaimFigure[] | null,
  ): CheckedAmount | null {
    if (context.owner.kind === "other" || context.metrics === "other" || context.estimate) return null;
    const ownerIds = ownerKeys(context.owner);
    const pageDate = state.pageDate;
    type Candidate = { figure: ClaimFigure; period: Agreement | "absent"; result: CheckResult };
    const candidates: Candidate[] = [];
    for (const figure of restrict ?? this.#data.figures) {
      if (!figure.owners.some((o) => ownerIds.includes(o))) continue;
      if (context.metrics && !context.metrics.includes(figure.metric)) continue;
      let period: Agreement | "absent" = context.period ? agreement(context.period, figure.period, pageDate) : "absent";
      if (period === "conflict") continue;
      if (period !== "agree" && figure.identifiedBy?.some((w) => findWord(context.sentence, w) >= 0)) period = "agree";
      // No period written, on a page dated within a month of the event: that event ("10일 … 과징금을 부과했다").
      if (period === "absent" && pageDate && isEvent(figure.period) && daysApart(pageDate, figure.period.from) <= 31)
        period = "agree";
      const result = checkAmount(amount, figure.value, figure.reported ?? [], this.#rateWindow(figure, pageDate));
      candidates.push({ figure, period, result });
    }
    const found = (c: Candidate): CheckedAmount => {
      const r = c.result;
      // Whose figure the sentence said it is, as the figure names its owner (a segment, the speaker's company).
      const read: ClaimRead = {
        owner: ownerIds.find((o) => c.figure.owners.includes(o))!,
        ...(context.metricWord ? { metric: context.metricWord } : {}),
        ...(context.period ? { period: context.period.text } : {}),
      };
      return {
        amount,
        figure: c.figure,
        verdict: r.verdict as FigureVerdict,
        read,
        ...("rate" in r && r.rate ? { rate: r.rate } : {}),
        ...("reported" in r && r.reported !== undefined ? { reported: r.reported } : {}),
        ...("intended" in r ? { intended: r.intended } : {}),
      };
    };
    // The same value, or its conversion: the figure, when the metric is known or the period agrees.
    const same = candidates.filter(
      (c) =>
        (c.result.verdict === "match" && (context.metrics || c.period !== "unknown")) ||
        (c.result.verdict === "conversion" && (context.metrics ? true : c.period === "agree")),
    );
    if (same.length) return found(same.find((c) => c.result.verdict === "match") ?? same[0]!);
    // Another value is called differing (or a unit slip) only when owner, metric and period all agree, with
    // one figure alone: two plans of the same company over three years leave it unclear which one is meant.
    const strict = candidates.filter((c) => context.metrics && c.period === "agree");
    if (strict.length !== 1) return null;
    const only = strict[0]!;
    return only.result.verdict === "differs" || only.result.verdict === "unit-slip" ? found(only) : null;
  }

  /**
   * The dates a conversion of `figure` can use rates from: from its period's end or its publication (a
   * quarter's results convert at the quarter-end rate), to the page's date, or without one the KB's as-of date.
   */
  #rateWindow(figure: ClaimFigure, pageDate: string | undefined) {
    const { to, published } = figure.period;
    const from = [to, published].sort()[0]!; // ISO dates: the earlier one
    const plan = figure.metric === "infra-plan" || figure.metric === "rnd-plan";
    return {
      lowerBound: figure.value.qualifier === "at-least" && !plan,
      rates: this.#data.rates,
      published: from,
      until: pageDate && pageDate > from ? pageDate : this.#data.asOf,
    };
  }

  /**
   * An amount with no owner of its own is the figure only as an exact repeat of an amount already checked on
   * the page, or as its conversion when the sentence says so (원화로는 …), in prose: never in a headline, a
   * ranking or a sidebar.
   */
  #carriedOver(text: string, own: SentenceRead, amount: MoneyAmount, state: ClaimState): CheckedAmount | null {
    if (!own.sentence.terminated || !state.checked.length || own.owner?.kind === "other") return null;
    if (own.metrics === "other") return null;
    const repeat = state.checked.find(
      (c) =>
        (c.verdict === "match" || c.verdict === "conversion") &&
        c.amount.currency === amount.currency &&
        Math.abs(c.amount.value - amount.value) <= Math.max(1, 0.001 * amount.value) &&
        c.amount.max === amount.max,
    );
    if (repeat) return { ...repeat, amount };
    if (!CONVERSION_CUE.test(text.slice(own.sentence.start, amount.start))) return null;
    const last = state.checked[state.checked.length - 1]!;
    if (last.verdict !== "match" || last.amount.currency === amount.currency) return null;
    const result = checkAmount(
      amount,
      last.figure.value,
      last.figure.reported ?? [],
      this.#rateWindow(last.figure, state.pageDate),
    );
    if (result.verdict !== "conversion") return null;
    return {
      amount,
      figure: last.figure,
      verdict: "conversion",
      read: last.read,
      ...(result.rate ? { rate: result.rate } : {}),
      ...(result.reported !== undefined ? { reported: result.reported } : {}),
    };
  }
}

type Context = {
  owner: Owner;
  metrics: Metric[] | "other" | null;
  metricWord?: string;
  period: PeriodRead | null;
  /** An expectation (예상치, 전망), or the old value of a change ("A에서 B로"): never checked. */
  estimate: boolean;
  sentence: string;
  terminated: boolean;
  /** Neither owner nor metric is the sentence's own: all of it came from the sentences before. */
  borrowed?: boolean;
};

const contextOf = (c: CheckedAmount): Context => ({
  owner: { kind: "entity", entity: c.read.owner },
  metrics: [c.figure.metric],
  period: null,
  estimate: false,
  sentence: "",
  terminated: true,
});

function ownerKeys(owner: Owner): string[] {
  if (owner.kind !== "entity") return [];
  return [owner.segment ?? owner.entity, ...(owner.speaker ? [owner.speaker] : [])];
}

const sameEntity = (a: Owner, b: Owner) => a.kind === "entity" && b.kind === "entity" && a.entity === b.entity;

/** The period an amount is read with: the nearest before it in its clause, else after it, else in the sentence. */
function periodFor(
  read: SentenceRead,
  clause: [number, number],
  amount: MoneyAmount,
  metricAt: number | null,
): PeriodRead | null {
  const usable = read.periods.filter((p) => p.kind !== "prior" || amount.start - p.end <= 3);
  const inClause = usable.filter((p) => p.start >= clause[0] && p.end <= clause[1]);
  const before = inClause.filter((p) => p.end <= amount.start);
  // A period word right before the amount ("1년 전 144억") or the clause's own, skipping dates of speaking.
  const preferred = (list: PeriodRead[]) => list.filter((p) => p.kind !== "day").at(-1) ?? list.at(-1);
  // After the amount only up to the verb that governs it ("3800억 위안을 향후 3년간 투자한다"), not in what
  // follows ("…은 지난 10년간 쓴 돈보다 많다", "…은 2019년 매출의 4%다").
  const english = !/[가-힣]/.test(read.sentenceText);
  const after =
    metricAt !== null && (metricAt > amount.end || english)
      ? inClause.find((p) => p.start >= amount.end && (english || p.end <= metricAt))
      : undefined;
  return preferred(before) ?? after ?? preferred(usable.filter((p) => p.end <= amount.start)) ?? null;
}

/** "투자 계획(3년간 3800억 위안)": a parenthesis right after a metric noun glosses it. */
function glossesMetric(text: string, at: number): boolean {
  const open = text.lastIndexOf("(", at);
  return (
    open > 0 &&
    text
      .slice(Math.max(0, open - 16), open)
      .trim()
      .split(/\s+/)
      .slice(-2)
      .some(isMetricWord)
  );
}

const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

/** "A에서 B로 늘었다": A is the old value, not the figure. */
function fromTo(text: string, amount: MoneyAmount, clause: [number, number]): boolean {
  const tail = text.slice(amount.end, clause[1]);
  return /^\s?에서\s/.test(tail) && /(?:으로|로)\s/.test(tail);
}

const QUOTE_PAIRS: Record<string, string> = { '"': '"', "“": "”", "'": "'", "‘": "’", "「": "」", "『": "』" };

/** The inside of the quotation `at` sits in, within the sentence (null when it is not quoted). */
function quoteAround(text: string, sentence: Sentence, at: number): [number, number] | null {
  for (let i = at - 1; i >= sentence.start; i--) {
    const close = QUOTE_PAIRS[text[i]!];
    if (!close) continue;
    const end = text.indexOf(close, at);
    if (end >= 0 && end <= sentence.end) {
      // A straight quote closing before `at` was the end of an earlier quotation, not an opening.
      const between = text.slice(i + 1, at);
      if (close === text[i] && between.includes(close)) continue;
      return [i + 1, end];
    }
  }
  return null;
}

/** True when `at` sits inside parentheses opened after `from`. */
function insideParentheses(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    if (text[i] === "(" || text[i] === "（") depth++;
    else if ((text[i] === ")" || text[i] === "）") && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * Whether `second` restates `first` in another form: in the parenthesis right after it ("3800억 위안(약 75조
 * 원)"), or after a comma with a conversion cue ("…, 우리 돈 약 75조 원"), or the other way round.
 */
function pairedWith(text: string, first: MoneyAmount, second: MoneyAmount): boolean {
  const between = text.slice(first.end, second.start);
  if (/^\s?[(（]\s*(?:[가-힣A-Za-z]{1,6}\s*)?(?:약|대략|한화|원화|미화|우리\s*돈)?\s*$/.test(between)) return true;
  if (/^\s?[(（][^()]*[·,/]\s*(?:약\s*)?$/.test(between)) return true;
  return /^\s?(?:,|로|으로)?\s*(?:이는|이를)?\s*(?:한화|원화|우리\s*돈|미화|달러)\s*(?:로는?|으로는?|기준)?\s*(?:약\s*)?$/.test(
    between,
  );
}

/** A metric word right after the amount ("1000억 위안 투자", "… 위안의 매출"). */
function metricRightAfter(text: string, end: number): boolean {
  const tail = /^\s?(?:을|를|의|이|가)?\s?(\S+)/.exec(text.slice(end, end + 16));
  return Boolean(tail && isMetricWord(tail[1]!));
}

const metricStart = once(() =>
  wordListPattern(
    METRIC_WORDS.map((e) => e.word),
    true,
  ),
);

/** Whether a word starts with a metric word (매출은, 투자액, 상장으로). */
function isMetricWord(word: string): boolean {
  return metricStart().test(word);
}

/** Characters every period read contains one of: words without any are not periods (most words: no regex run). */
const PERIOD_HINT = /[0-9년분기월해올작금내회계간동안]|quarter|year|fy/i;

function isPeriodWord(word: string): boolean {
  return (
    /^(?:지난|올|이번|같은|당시|최근|향후|앞으로|그간|그동안)$/.test(word) ||
    (PERIOD_HINT.test(word) && readPeriods(word).length > 0)
  );
}

/** "CEO는", "회장이" after a name: the title carries the particle. */
function titleSuffix(word: string): string | null {
  const m =
    /^(?:CEO|CFO|CTO|회장|의장|대표|부회장|사장|최고경영자|최고재무책임자|최고기술책임자|창업자|총괄|전\s*회장)(?:\([^)]*\))?(은|는|이|가|도|의)[,'"’”]*$/.exec(
      word,
    );
  return m ? m[1]! : null;
}
