import { describe, expect, test } from "vitest";
import { buildMatcher, findMentions } from "../../../src/core/matcher";
import type { MatcherEntity } from "../../../src/core/types";
import type { ClaimData } from "../../../src/core/claims";

/** A small, self-contained entity set so these tests pin the matcher's rules, not the KB's data. */
const ENTITIES: MatcherEntity[] = [
  {
    id: "alibaba-group",
    type: "organization",
    aliases: ["알리바바", "알리바바그룹", "알리바바 그룹 홀딩스", "Alibaba", "阿里巴巴"],
  },
  {
    id: "alibaba-cloud",
    type: "organization",
    aliases: ["알리바바 클라우드", "알리바바클라우드인텔리전스", "Alibaba Cloud", "阿里云"],
  },
  { id: "qwen", type: "product", aliases: ["큐원", "퉁이첸원", "통이첸원", "Qwen", "通义千问"] },
  { id: "qwen2.5-max", type: "product", aliases: ["Qwen2.5-Max", "큐원 2.5 맥스"] },
  { id: "qwen3", type: "product", aliases: ["Qwen3", "큐원3", "Qwen3-235B-A22B"] },
  { id: "eddie-wu", type: "person", aliases: ["우융밍", "Wu Yongming"] },
  {
    id: "aliexpress",
    type: "product",
    aliases: ["알리익스프레스"],
    contextAliases: [{ text: "알리", rule: "near-cue", cues: ["테무", "쉬인", "직구"] }],
  },
  {
    id: "jack-ma",
    type: "person",
    aliases: ["마윈", "잭 마", "马云"],
    contextAliases: [{ text: "마 회장", rule: "after-full-name" }],
  },
  {
    id: "joe-tsai",
    type: "person",
    aliases: ["조 차이", "차이충신"],
    contextAliases: [{ text: "차이 회장", rule: "after-full-name" }],
  },
  { id: "capex-380b", type: "figure", aliases: ["3800억 위안"] },
];
/** One figure and one rate: enough to see amounts go through the claim reader (its rules: claims.test.ts). */
const CLAIMS: ClaimData = {
  figures: [
    {
      id: "capex-380b",
      entity: "capex-380b",
      owners: ["alibaba-group"],
      metric: "infra-plan",
      period: { from: "2025-02-24", to: "2028-02-23", published: "2025-02-24", fiscalStartMonth: 4 },
      value: { amount: 380e9, currency: "CNY", precision: 1e8, qualifier: "at-least" },
    },
  ],
  rates: [{ id: "r", base: "CNY", quote: "KRW", rate: 197.1, date: "2025-02-24" }],
  segments: [],
  speakers: { "eddie-wu": "alibaba-group" },
  asOf: "2026-01-01",
};
ENTITIES.push({
  id: "alibaba-ticker",
  type: "organization",
  aliases: ["NYSE:BABA"],
  contextAliases: [{ text: "BABA", rule: "near-cue", cues: ["주가", "NYSE"] }],
});
ENTITIES.find((e) => e.id === "eddie-wu")!.contextAliases = [{ text: "우 CEO", rule: "after-full-name" }];
const matcher = buildMatcher(ENTITIES, ["마화텅", "우원식"], { claims: CLAIMS });
const find = (text: string) => findMentions(matcher, text).map((m) => [m.text, m.entity]);

describe("particles and endings", () => {
  test.each([
    ["알리바바는 발표했다", "알리바바"],
    ["알리바바의 실적", "알리바바"],
    ["알리바바가 밝혔다", "알리바바"],
    ["알리바바를 두고", "알리바바"],
    ["알리바바에서도 같은 말", "알리바바"],
    ["알리바바로부터 투자를", "알리바바"],
    ["알리바바와 텐센트", "알리바바"],
    ["알리바바까지 뛰어들었다", "알리바바"],
    ["알리바바처럼", "알리바바"],
    ["마윈은 말했다", "마윈"],
    ["마윈의 복귀", "마윈"],
    ["마윈이 웃었다", "마윈"],
  ])("%s → span %s", (text, span) => {
    const mentions = findMentions(matcher, text);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]!.text).toBe(span);
    expect(mentions[0]!.start).toBe(0);
    expect(mentions[0]!.end).toBe(span.length);
  });
});

describe("compounds and longest match", () => {
  test("알리바바그룹의 → 알리바바그룹", () =>
    expect(find("알리바바그룹의 주가")).toEqual([["알리바바그룹", "alibaba-group"]]));
  test("알리바바 클라우드 is alibaba-cloud, not alibaba-group", () =>
    expect(find("알리바바 클라우드가 공개했다")).toEqual([["알리바바 클라우드", "alibaba-cloud"]]));
  test("알리바바클라우드인텔리전스 is one span", () =>
    expect(find("알리바바클라우드인텔리전스는")).toEqual([["알리바바클라우드인텔리전스", "alibaba-cloud"]]));
  test("알리바바 그룹 홀딩스 is one span", () =>
    expect(find("알리바바 그룹 홀딩스의")).toEqual([["알리바바 그룹 홀딩스", "alibaba-group"]]));
  test("Qwen 2.5 Max → qwen2.5-max", () =>
    expect(find("Qwen 2.5 Max를 공개")).toEqual([["Qwen 2.5 Max", "qwen2.5-max"]]));
  test("a gloss inside a versioned name: 큐원(Qwen) 2.5-맥스 → qwen2.5-max", () =>
    expect(find("큐원(Qwen) 2.5 맥스는")).toEqual([["큐원(Qwen) 2.5 맥스", "qwen2.5-max"]]));
  test("a gloss after a name gives two spans of the same entity", () =>
    expect(find("우융밍(Wu Yongming) CEO")).toEqual([
      ["우융밍", "eddie-wu"],
      ["Wu Yongming", "eddie-wu"],
    ]));
  test("Qwen3-235B-A22B is one qwen3 span; 큐원3를 → 큐원3", () => {
    expect(find("Qwen3-235B-A22B 모델")).toEqual([["Qwen3-235B-A22B", "qwen3"]]);
    expect(find("큐원3를 내놨다")).toEqual([["큐원3", "qwen3"]]);
  });
  test("a later version is not qwen3: 큐원 3.5 → the family", () =>
    expect(find("큐원 3.5가 나왔다")).toEqual([["큐원", "qwen"]]));
});

describe("spacing, case, width and script variants", () => {
  test.each([
    ["퉁이 첸원이", "퉁이 첸원", "qwen"],
    ["통이첸원은", "통이첸원", "qwen"],
    ["조차이 회장", "조차이", "joe-tsai"],
    ["ALIBABA shares", "ALIBABA", "alibaba-group"],
    ["Ｑｗｅｎ 모델", "Ｑｗｅｎ", "qwen"],
    ["据阿里巴巴称", "阿里巴巴", "alibaba-group"],
    ["通义千问发布", "通义千问", "qwen"],
  ])("%s", (text, span, entity) => expect(find(text)).toEqual([[span, entity]]));
});

describe("messy real text", () => {
  test.each([
    ["NFD Hangul", "\u1106\u1161\u110b\u1171\u11ab\u110b\u1174 말", "마윈"],
    ["zero-width space inside", "알리\u200b바바는", "알리바바"],
    ["zero-width joiner inside", "마\u200d윈은", "마윈"],
    ["soft hyphen inside", "알리바바 클라\u00ad우드가", "알리바바 클라우드"],
    ["no-break space", "알리바바\u00a0클라우드", "알리바바 클라우드"],
    ["line break inside a name", "알리바바\n클라우드가 발표했다", "알리바바 클라우드"],
  ])("%s", (_what, text, name) => {
    const mentions = findMentions(matcher, text);
    expect(mentions).toHaveLength(1);
    // Offsets map back to the text as given.
    expect(text.slice(mentions[0]!.start, mentions[0]!.end)).toBe(mentions[0]!.text);
    expect(
      mentions[0]!.text
        .normalize("NFC")
        .replace(/\u200b|\u200d|\u00ad/g, "")
        .replace(/[\u00a0\n]/g, " "),
    ).toBe(name);
  });
});

describe("collisions are never marked", () => {
  test.each([
    "소식을 알리고 있다",
    "사실을 알렸다",
    "변화를 알리는 신호",
    "널리 알려진 이야기",
    "그는 알리바이를 댔다",
    "알리안츠 생명",
    "두 회사의 차이가 크다",
    "1조 차이가 난다",
    "의견 차이 회장단",
    "큐 사인",
    "첸 교수",
  ])("%s", (text) => expect(find(text)).toEqual([]));
  test("an alias inside a longer Latin word is not a mention", () =>
    expect(find("Qwenology and Alibabas")).toEqual([]));
});

describe("context-dependent forms", () => {
  test("a title is not part of the span: 조 차이 회장 → 조 차이; later 차이 회장 → 차이", () => {
    const mentions = findMentions(matcher, "조 차이 회장은 웃었다. 차이 회장은 말했다");
    expect(mentions.map((m) => [m.text, m.start, m.end])).toEqual([
      ["조 차이", 0, 4],
      ["차이", 14, 16],
    ]);
  });
  test("차이 회장 only after the full name", () => {
    expect(find("차이 회장이 말했다")).toEqual([]);
    expect(find("조 차이는 웃었다.\n차이 회장이 말했다")).toEqual([
      ["조 차이", "joe-tsai"],
      ["차이", "joe-tsai"],
    ]);
  });
  test("a title form refers to the person last named in full with that surname", () => {
    expect(find("마윈이 웃었다.\n마 회장은 말을 아꼈다")).toEqual([
      ["마윈", "jack-ma"],
      ["마", "jack-ma"],
    ]);
    expect(find("마윈이 웃었다.\n텐센트 마화텅 회장도 왔다. 마 회장은 말을 아꼈다")).toEqual([["마윈", "jack-ma"]]);
    expect(find("마화텅이 먼저 말했다. 마윈도 왔다. 마 회장은 웃었다")).toEqual([
      ["마윈", "jack-ma"],
      ["마", "jack-ma"],
    ]);
  });
  test("우 CEO after 우융밍, but not after 우원식 or 저우징런's inner 우", () => {
    expect(find("우융밍은 말했다. 우 CEO는 웃었다")).toEqual([
      ["우융밍", "eddie-wu"],
      ["우", "eddie-wu"],
    ]);
    expect(find("우융밍은 말했다. 우원식 의장도 왔다. 우 CEO는 웃었다")).toEqual([["우융밍", "eddie-wu"]]);
  });
  test("tickers match only as written", () => {
    expect(find("BABA 주가가 올랐다")).toEqual([["BABA", "alibaba-ticker"]]);
    expect(find("Baba 주가가 올랐다")).toEqual([]);
    expect(find("BABA는 좋은 이름이다")).toEqual([]);
  });
  test("알리 is AliExpress only next to 테무/쉬인/직구", () => {
    expect(find("알리와 테무가 한국 시장을 공략한다")).toEqual([["알리", "aliexpress"]]);
    expect(find("알리와 친구가 만났다")).toEqual([]);
    expect(find("테무 소식을 알리고 있다")).toEqual([]);
  });
});

describe("amounts go to the claim reader", () => {
  test("an amount its sentence attributes to a figure is a figure mention with the verdict", () => {
    expect(findMentions(matcher, "알리바바는 3년간 클라우드와 AI에 3800억 위안(약 75조 원)을 투자한다")).toMatchObject([
      { text: "알리바바", entity: "alibaba-group" },
      { text: "3800억 위안", entity: "capex-380b", type: "figure", figure: { verdict: "match", id: "capex-380b" } },
      { text: "약 75조 원", entity: "capex-380b", type: "figure", figure: { verdict: "conversion", rate: "r" } },
    ]);
  });
  test("another company's amount is not", () =>
    expect(find("바이트댄스는 3년간 AI에 3800억 위안을 투자한다")).toEqual([]));
  test("the page's date places the period the amount is read with", () => {
    const text = "알리바바는 향후 3년간 AI 인프라에 4000억 위안을 투자한다";
    expect(findMentions(matcher, text, "2025-03-01").find((m) => m.figure)?.figure?.verdict).toBe("differs");
    // Seven years earlier that plan was not yet current: nothing is said.
    expect(findMentions(matcher, text, "2018-03-01").some((m) => m.figure)).toBe(false);
  });
});
