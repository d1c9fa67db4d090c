/**
 * Property: a sentence whose owner is a company out of scope never gets a verdict, whatever amount it
 * states (the verified figures' own values, their conversions, a tenth of them), whatever metric and period,
 * as a topic (텐센트는), a subject (텐센트가, 텐센트도), a possessive (텐센트의 … 매출은) or a headline
 * (텐센트 매출 …), alone or right after a sentence about Alibaba in the same paragraph, with or without the
 * page's date.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { buildMatcher, findMentions } from "../../../src/core/matcher";
import { formatAmount } from "../../../src/ui/format";
import { toMatcherData } from "../../../src/kb/matcher-data";
import { runs } from "../support/runs";

const data = toMatcherData(loadKnowledgeBase());
const matcher = buildMatcher(data.entities, data.otherPeople, data.options);

/**
 * Syllables of transliterated and Korean company names. None ends a name in 하, 되, 있, 없 or 않: "○○하는" reads
 * as the verb form (투자하는), which is what a name ending so would be taken for.
 */
const SYLLABLES =
  "텐 센 트 바 이 두 샤 오 미 화 웨 하 이 얼 징 둥 메 퇀 핀 둬 삼 성 네 버 카 쿠 팡 테 슬 라 혼 다 소 니 엔 비 디 아 마 존 애 플 구 글 인 텔 퀄 컴 도 요 타 레 노 보 비 야 디 지 리 쉬 무 그 린 로 스 코".split(
    " ",
  );
const SUFFIXES = [
  "",
  "",
  "",
  "그룹",
  "전자",
  "테크",
  "홀딩스",
  "에너지",
  "전기",
  "모터스",
  "바이오",
  "증권",
  "게임즈",
  "닷컴",
  "차",
];

const hasFinalConsonant = (word: string) => {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0;
};
const topic = (name: string) => `${name}${hasFinalConsonant(name) ? "은" : "는"}`;
const subject = (name: string) => `${name}${hasFinalConsonant(name) ? "이" : "가"}`;

const name = fc
  .tuple(fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 }), fc.constantFrom(...SUFFIXES))
  .map(([syllables, suffix]) => syllables.join("") + suffix)
  .filter((n) => !/(?:하|되|있|없|않)$/.test(n) && findMentions(matcher, `${n} `).length === 0);

/** The verified figures' values as articles write them, their conversions, and the same off by 10. */
const amount = fc.oneof(
  fc.constantFrom(...data.options.claims.figures.map((f) => formatAmount(f.value.amount, f.value.currency))),
  fc.constantFrom("약 75조 원", "74조9000억원", "530억 달러", "약 3조1000억원", "28억 달러", "약 55조2000억원"),
  fc.constantFrom(...data.options.claims.figures.map((f) => formatAmount(f.value.amount * 10, f.value.currency))),
  fc.integer({ min: 1, max: 9999 }).map((n) => `${n}억 ${["위안", "달러", "원"][n % 3]}`),
);
const period = fc.constantFrom(
  "",
  "3년간 ",
  "향후 3년간 ",
  "지난해 4분기 ",
  "2024년 4분기 ",
  "2021년 ",
  "올해 ",
  "2023년 7월 ",
  "2014년 ",
);
const metricObject = fc.constantFrom(
  ["AI 인프라에", "투자한다"],
  ["클라우드에", "쏟아붓는다"],
  ["연구개발에", "쓰겠다고 밝혔다"],
  ["설비 투자로", "집행했다"],
  ["인수에", "썼다"],
  ["상장으로", "조달했다"],
);
const metricNoun = fc.constantFrom("매출", "순이익", "클라우드 매출", "과징금", "투자 규모", "벌금");

/** Sentences whose owner is `n`, in the forms an article uses. */
const sentence = fc.oneof(
  fc
    .tuple(
      name,
      fc.constantFrom(topic, subject, (n: string) => `${n}도`),
      period,
      metricObject,
      amount,
    )
    .map(([n, mark, p, [object, verb], a]) => `${mark(n)} ${p}${object} ${a}을 ${verb}.`),
  fc.tuple(name, period, metricNoun, amount).map(([n, p, noun, a]) => `${n}의 ${p}${noun}은 ${a}이었다.`),
  fc.tuple(name, period, metricNoun, amount).map(([n, p, noun, a]) => `${n} ${p}${noun} ${a}`),
  fc.tuple(name, amount).map(([n, a]) => `당국은 2021년 ${n}에 과징금 ${a}을 부과했다.`),
);
/** What may come before it in the same paragraph: nothing, Alibaba named, or an Alibaba figure stated. */
const context = fc.constantFrom(
  "",
  "알리바바는 클라우드 사업을 키우고 있다. ",
  "알리바바는 3년간 AI 인프라에 3800억 위안을 투자한다. ",
  "알리바바의 지난해 4분기 매출은 2802억 위안이었다. ",
  "중국 당국은 2021년 알리바바에 182억2800만 위안의 과징금을 부과했다. ",
);
const pageDate = fc.constantFrom(undefined, "2025-02-21", "2025-09-25", "2021-04-11");

describe("claims: the owner decides", () => {
  test("a sentence whose owner is a company out of scope never gets a verdict", () => {
    fc.assert(
      fc.property(context, sentence, pageDate, (before, text, date) => {
        const mentions = findMentions(matcher, before + text, date);
        const inSentence = mentions.filter((m) => m.figure && m.start >= before.length);
        expect(inSentence.map((m) => `${m.text} → ${m.figure!.verdict} ${m.figure!.id}`)).toEqual([]);
      }),
      { numRuns: runs(3000) },
    );
  });

  test("the Alibaba sentence before it keeps its own verdict (the property is not met by silence everywhere)", () => {
    const mentions = findMentions(
      matcher,
      "알리바바는 3년간 AI 인프라에 3800억 위안을 투자한다. 텐센트는 3년간 AI 인프라에 3800억 위안을 투자한다.",
    );
    expect(mentions.filter((m) => m.figure).map((m) => [m.text, m.start, m.figure!.verdict])).toEqual([
      ["3800억 위안", 18, "match"],
    ]);
  });
});
