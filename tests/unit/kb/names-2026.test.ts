/**
 * The names the 2026 dossier records, found in Korean text as articles write them — with and without spaces and
 * hyphens, with 플러스/맥스/씽킹 suffixes, followed by particles — and the look-alikes they must not take: Qwen3-8B
 * is not Qwen3.8, 장판 on a floor is not Jiang Fan, 우웨이 the philosophy is not Maggie Wu, ATH the price record and
 * Wukong the game are not Alibaba's. The real knowledge base's matcher, the one the content script ships.
 */
import { describe, expect, test } from "vitest";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { buildMatcher, findMentions } from "../../../src/core/matcher";
import { toMatcherData } from "../../../src/kb/matcher-data";

const data = toMatcherData(loadKnowledgeBase());
const matcher = buildMatcher(data.entities, data.otherPeople);
const find = (text: string) => findMentions(matcher, text).map((m) => [m.text, m.entity]);

/** The ways one name is written: as listed, glued, spaced and hyphenated where it has a break. */
function writings(name: string): string[] {
  const parts = name.split(/[\s-]+/);
  const out = new Set([name, parts.join(""), parts.join(" "), parts.join("-")]);
  // A version is written glued to the name or apart: 큐원3.5 / 큐원 3.5.
  for (const form of [...out]) out.add(form.replace(/^([가-힣]+)(\d)/, "$1 $2"));
  return [...out];
}

const NAMES: Array<[string, string]> = [
  ["큐원3.5", "qwen3.5"],
  ["첸원3.5", "qwen3.5"],
  ["Qwen3.5", "qwen3.5"],
  ["큐원3.5 플러스", "qwen3.5"],
  ["첸원3.5 플러스", "qwen3.5"],
  ["Qwen3.5-Plus", "qwen3.5"],
  ["Qwen3.5-397B-A17B", "qwen3.5"],
  ["Qwen3.5-35B-A3B", "qwen3.5"],
  ["千问3.5", "qwen3.5"],
  ["큐원3.6", "qwen3.6"],
  ["큐원3.6 플러스", "qwen3.6"],
  ["Qwen3.6-Plus", "qwen3.6"],
  ["Qwen3.6-35B-A3B", "qwen3.6"],
  ["큐원3.7 맥스", "qwen3.7"],
  ["첸원3.7 맥스", "qwen3.7"],
  ["Qwen3.7-Max", "qwen3.7"],
  ["큐원3.8", "qwen3.8"],
  ["Qwen3.8", "qwen3.8"],
  ["Qwen3.8-27B", "qwen3.8"],
  ["Qwen3.8-2.4T-A95B", "qwen3.8"],
  ["큐원3-맥스-싱킹", "qwen3"],
  ["큐원3-맥스-씽킹", "qwen3"],
  ["Qwen3-Max-Thinking", "qwen3"],
  ["Qwen3-8B", "qwen3"],
  ["Qwen Studio", "qwen"],
  ["쉬훙", "toby-xu"],
  ["쉬홍", "toby-xu"],
  ["Toby Xu", "toby-xu"],
  ["장펀", "jiang-fan"],
  ["Jiang Fan", "jiang-fan"],
  ["Maggie Wu", "wu-wei"],
  ["T헤드", "t-head"],
  ["전우 810E", "t-head"],
  ["진무 810E", "t-head"],
  ["Zhenwu M890", "t-head"],
  ["Alibaba Token Hub", "alibaba-group"],
  ["ATH 사업그룹", "alibaba-group"],
];
const PARTICLES = ["", "는", "가", "를", "의", "와", "도", "에서", "이다"];

describe("the 2026 names, however they are spaced, hyphenated and followed", () => {
  test.each(NAMES)("%s → %s", (name, entity) => {
    for (const written of writings(name))
      for (const particle of PARTICLES) {
        const text = `지난달 ${written}${particle} 화제가 됐다.`;
        expect(find(text), text).toEqual([[written, entity]]);
      }
  });
});

describe("a parenthesised gloss: inside a versioned name one span, after a person's name a span of its own", () => {
  test.each([
    ["큐원(Qwen) 3.5를 공개했다.", [["큐원(Qwen) 3.5", "qwen3.5"]]],
    [
      "SBS는 전우(眞武)810E로, 뉴스핌은 진무(真武) 810E로 적었다.",
      [
        ["전우(眞武)810E", "t-head"],
        ["진무(真武) 810E", "t-head"],
      ],
    ],
    [
      "쉬훙(徐宏) CFO가 말했다.",
      [
        ["쉬훙", "toby-xu"],
        ["徐宏", "toby-xu"],
      ],
    ],
    [
      "장판(蒋凡) CEO가 말했다.",
      [
        ["장판", "jiang-fan"],
        ["蒋凡", "jiang-fan"],
      ],
    ],
    [
      "우웨이(武卫)가 물러났다.",
      [
        ["우웨이", "wu-wei"],
        ["武卫", "wu-wei"],
      ],
    ],
  ])("%s", (text, expected) => expect(find(text)).toEqual(expected));
});

describe("context forms: only with their cue in the paragraph", () => {
  test.each([
    [
      "알리바바 전자상거래사업그룹의 장판 CEO가 말했다.",
      [
        ["알리바바", "alibaba-group"],
        ["장판", "jiang-fan"],
      ],
    ],
    [
      "알리바바 CFO를 지낸 우웨이가 2022년 물러났다.",
      [
        ["알리바바", "alibaba-group"],
        ["우웨이", "wu-wei"],
      ],
    ],
    [
      "阿里巴巴首席财务官徐宏表示",
      [
        ["阿里巴巴", "alibaba-group"],
        ["徐宏", "toby-xu"],
      ],
    ],
    [
      "알리바바는 ATH를 세워 AI 조직을 모았다.",
      [
        ["알리바바", "alibaba-group"],
        ["ATH", "alibaba-group"],
      ],
    ],
    [
      "딩톡은 AI 에이전트 Wukong을 내놨다.",
      [
        ["딩톡", "dingtalk"],
        ["Wukong", "dingtalk"],
      ],
    ],
    [
      "딩톡의 새 에이전트 우쿵은 초대제로 시작했다.",
      [
        ["딩톡", "dingtalk"],
        ["우쿵", "dingtalk"],
      ],
    ],
    [
      "핑터우거의 PPU 출하량이 늘었다.",
      [
        ["핑터우거", "t-head"],
        ["PPU", "t-head"],
      ],
    ],
    [
      "장펀 CEO가 말했다. 장 CEO는 웃었다.",
      [
        ["장펀", "jiang-fan"],
        ["장", "jiang-fan"],
      ],
    ],
    [
      "쉬훙 CFO가 실적을 설명했다. 쉬 CFO는 투자를 늘린다고 했다.",
      [
        ["쉬훙", "toby-xu"],
        ["쉬", "toby-xu"],
      ],
    ],
  ])("%s", (text, expected) => expect(find(text)).toEqual(expected));
});

describe("a title form after a context form: 우 CEO stays Eddie Wu's, whom the page named in full", () => {
  test("우융밍 … 우웨이 … 우 CEO", () =>
    expect(find("우융밍 CEO와 알리바바 전 CFO 우웨이가 만났다. 우 CEO는 웃었다.")).toEqual([
      ["우융밍", "eddie-wu"],
      ["알리바바", "alibaba-group"],
      ["우웨이", "wu-wei"],
      ["우", "eddie-wu"],
    ]));
});

describe("look-alikes the new names must not take", () => {
  test.each([
    // Qwen3-8B is an 8bn-parameter Qwen3 model of 2025, not the Qwen3.8 generation.
    [
      "Qwen3-8B 모델과 Qwen3.8 세대는 다르다.",
      [
        ["Qwen3-8B", "qwen3"],
        ["Qwen3.8", "qwen3.8"],
      ],
    ],
    ["큐원3 8B는 작은 모델이다.", [["큐원3 8B", "qwen3"]]],
    ["Qwen3.8B라는 모델은 없다.", []],
    [
      "Qwen3.5와 Qwen3 그리고 큐원.",
      [
        ["Qwen3.5", "qwen3.5"],
        ["Qwen3", "qwen3"],
        ["큐원", "qwen"],
      ],
    ],
    ["방 장판을 새로 깔았다.", []],
    ["장판지와 장판 가게가 문을 닫았다.", []],
    ["도가의 우웨이(无为) 사상을 다룬 책이다.", []],
    ["Wu Wei is a Taoist idea.", []],
    ["徐宏教授在会上发言", []],
    ["비트코인이 ATH를 경신했다.", []],
    ["게임 Black Myth: Wukong이 인기다.", []],
    ["孙悟空是小说人物", []],
    ["옛 전우를 만나 전우애를 나눴다.", []],
    ["真武大帝 신앙", []],
    ["PPU 단위로 계산한다.", []],
    // Alibaba's Li Feifei has no entity, and Stanford's Fei-Fei Li is someone else: neither is marked.
    ["리페이페이 CTO와 Fei-Fei Li 교수는 다른 사람이다.", []],
  ])("%s", (text, expected) => expect(find(text)).toEqual(expected));
});
