/**
 * Korean as it is really written, on the bundled knowledge base with its generated names: transliteration
 * variants, short forms linked by evidence (and refused without it, with verb endings, or when another entity's
 * evidence is nearer), compounds and particle chains, look-alikes, and the conservative misspelling tolerance.
 */
import { describe, expect, test } from "vitest";
import { buildMatcher, findMentions } from "../../../src/core/matcher";
import type { MatcherEntity } from "../../../src/core/types";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { toMatcherData } from "../../../src/kb/matcher-data";

const data = toMatcherData(loadKnowledgeBase());
const matcher = buildMatcher(data.entities, data.otherPeople, data.options);
const find = (text: string) => findMentions(matcher, text).map((m) => [m.text, m.entity]);
const reasons = (text: string) => findMentions(matcher, text).map((m) => [m.text, m.entity, m.reason ?? null]);

describe("transliteration variants of Chinese names", () => {
  test.each([
    ["통이치엔원이", "qwen"],
    ["퉁이 치엔웬을", "qwen"],
    ["통의천문은", "qwen"],
    ["치엔원도", "qwen"],
    ["린준양은", "lin-junyang"],
    ["조우징런의", "zhou-jingren"],
    ["차이총신", "joe-tsai"],
    ["티엔마오에서", "tmall"],
    ["지푸바오로", "alipay"],
    ["큐원-VL은", "qwen"],
    ["큐웬 VL로", "qwen"],
  ])("%s → %s", (text, entity) => expect(find(text).map(([, e]) => e)).toEqual([entity]));

  test("a short generated form needs evidence: 마원 only after 마윈", () => {
    expect(find("마원은 말했다.")).toEqual([]);
    expect(reasons("마윈은 웃었다. 마원은 말했다.")[1]).toEqual([
      "마원",
      "jack-ma",
      { kind: "named-before", name: "마윈" },
    ]);
  });

  test("a Sino-Korean reading that is also a Korean name (임준양) needs a cue or the full name before", () => {
    expect(find("임준양 씨는 교사다.")).toEqual([]);
    expect(reasons("임준양 연구원은 큐원 개발을 이끌었다.")[0]).toEqual([
      "임준양",
      "lin-junyang",
      { kind: "cue", cue: "큐원" },
    ]);
  });
});

describe("short forms linked by evidence", () => {
  test("알리 for AliExpress in a shopping text with no 테무 or 쉬인, with the cue as the reason", () =>
    expect(reasons("알리에서 산 충전기가 사흘 만에 배송됐다.")).toEqual([
      ["알리", "aliexpress", { kind: "cue", cue: "배송" }],
    ]));

  test("the copula after a topic is not the verb: '…업체는 알리다.'", () => {
    expect(find("해외 직구 앱 1위 업체는 알리다.")).toEqual([["알리", "aliexpress"]]);
    expect(find("직구 업체가 할인 소식을 알리다.")).toEqual([]);
    expect(find("직구 업체가 할인을 널리 알리다.")).toEqual([]);
  });

  test("the copula reading needs the form's own topic words: a name on the page is not enough", () => {
    expect(find("알리바바는 알리다.")).toEqual([["알리바바", "alibaba-group"]]);
    expect(find("알리바바 측은 알리다.")).toEqual([["알리바바", "alibaba-group"]]);
    // A cue that is itself a name (마윈 for the group's 알리) is evidence for the short form, not for the copula.
    expect(find("마윈측은 알리다.")).toEqual([["마윈", "jack-ma"]]);
    expect(find("마윈 의장은 알리다")).toEqual([["마윈", "jack-ma"]]);
    expect(find("마윈 전 회장과 텐센트 측은 모두 알리다.")).toEqual([["마윈", "jack-ma"]]);
  });

  test("a sentence glued to the next one (<br>-joined lines) does not hide the name after its dot", () => {
    expect(find("투자를 늘린다고 밝혔다.알리바바는 이어")).toEqual([["알리바바", "alibaba-group"]]);
    // After a Latin letter or a digit the dot stays inside a word (abbreviations, numbers).
    expect(find("ver.알리바바와 3.알리바바")).toEqual([]);
  });

  test("verb-like endings are refused even with evidence", () =>
    expect(find("직구 업체가 할인 행사를 알리고 배송 일정을 알리는 문자를 보냈다.")).toEqual([]));

  test("알리 for the group after 알리바바 or next to 텐센트, for AliExpress when its evidence is nearer", () => {
    expect(find("알리바바가 실적을 냈다. 알리와 텐센트의 주가가 엇갈렸다.")).toEqual([
      ["알리바바", "alibaba-group"],
      ["알리", "alibaba-group"],
    ]);
    expect(reasons("알리바바와 알리익스프레스. 알리가 웃었다.")[2]).toEqual([
      "알리",
      "aliexpress",
      { kind: "named-before", name: "알리익스프레스" },
    ]);
  });

  test("evidence of two entities at the same distance: nothing is said", () => {
    const tie: MatcherEntity[] = [
      {
        id: "a",
        type: "product",
        aliases: ["에이원"],
        contextAliases: [{ text: "원투", rule: "near-cue", cues: ["쇼핑"] }],
      },
      {
        id: "b",
        type: "product",
        aliases: ["비투"],
        contextAliases: [{ text: "원투", rule: "near-cue", cues: ["쇼핑"] }],
      },
    ];
    expect(findMentions(buildMatcher(tie), "쇼핑 원투는")).toEqual([]);
  });

  test("a person word beside the short form: 배우 알리, 알리 선수 are people", () => {
    expect(find("직구 광고에 배우 알리가 나왔다.")).toEqual([]);
    expect(find("직구 쇼핑몰 광고의 알리 선수는 웃었다.")).toEqual([]);
  });

  test("딩딩 in a text about DingTalk, not the sound", () => {
    expect(find("종이 딩딩 울렸다.")).toEqual([]);
    expect(find("딩톡을 깔았다. 딩딩으로 회의를 잡았다.")).toEqual([
      ["딩톡", "dingtalk"],
      ["딩딩", "dingtalk"],
    ]);
  });

  test("장, 린, 다모 after the full name, with a particle", () => {
    expect(find("장은 떠났다. 린은 웃었다. 다모는 컸다.")).toEqual([]);
    expect(find("장융이 왔다. 장은 떠났다.")).toEqual([
      ["장융", "daniel-zhang"],
      ["장", "daniel-zhang"],
    ]);
    expect(find("린쥔양이 말했다. 린 박사도 린은 옳다고 했다.")).toEqual([
      ["린쥔양", "lin-junyang"],
      ["린", "lin-junyang"],
    ]);
    expect(find("다모 아카데미가 문을 열었다. 다모는 칩을 만든다.").map(([, e]) => e)).toEqual([
      "damo-academy",
      "damo-academy",
    ]);
  });

  test("tickers with an exchange suffix or prefix", () => {
    expect(find("BABA.K 주가와 9988 HK, HKG:09988")).toEqual([
      ["BABA.K", "alibaba-group"],
      ["9988 HK", "alibaba-group"],
      ["HKG:09988", "alibaba-group"],
    ]);
  });
});

describe("compounds, particle chains, mixed script", () => {
  test.each([
    ["알리바바닷컴은", "알리바바닷컴", "alibaba-group"],
    ["알리바바인터내셔널의", "알리바바인터내셔널", "alibaba-group"],
    ["알리바바 클라우드서도", "알리바바 클라우드", "alibaba-cloud"],
    ["앤트그룹에서조차", "앤트그룹", "ant-group"],
    ["T몰에서", "T몰", "tmall"],
    ["全球速売通", "全球速売通", "aliexpress"],
    ["阿里巴巴集団", "阿里巴巴集団", "alibaba-group"],
  ])("%s → %s (%s)", (text, span, entity) => expect(find(text)).toEqual([[span, entity]]));

  test("a name glued after the group's: two mentions", () =>
    expect(find("알리바바그룹마윈 창업자")).toEqual([
      ["알리바바그룹", "alibaba-group"],
      ["마윈", "jack-ma"],
    ]));

  test("a glued word that is neither a unit nor a name keeps the name unmarked", () =>
    expect(find("알리바바스러운 행보")).toEqual([]));
});

describe("look-alikes are not our entities", () => {
  test.each(["티몰 지니는", "티몰지니가", "Tmall Genie", "天猫精灵", "알리바바와 40인의 도둑", "무하마드 알리는"])(
    "%s",
    (text) => expect(find(`알리바바 기사: ${text}`)).toEqual([["알리바바", "alibaba-group"]]),
  );
  test("티몰 itself next to the speaker", () =>
    expect(find("티몰 지니는 티몰에서 판다.")).toEqual([["티몰", "tmall"]]));
});

describe("misspellings of long names", () => {
  test("one syllable or letter off, with the name as written in the card's reason", () => {
    expect(reasons("알라바바는")).toEqual([["알라바바", "alibaba-group", { kind: "spelling", intended: "알리바바" }]]);
    expect(find("알리익스프래스에서 Ta0bao와 AIibaba")).toEqual([
      ["알리익스프래스", "aliexpress"],
      ["Ta0bao", "taobao"],
      ["AIibaba", "alibaba-group"],
    ]);
  });

  test("never for short names, digits that are not look-alikes, versions or amounts", () => {
    expect(find("큐언은 알리패는 라자타는")).toEqual([]);
    expect(find("Taob4o")).toEqual([]);
    expect(find("Qwen2.6-Max 공개").map(([, e]) => e)).not.toContain("qwen2.5-max");
    expect(find("3900억 위안")).toEqual([]);
  });

  test("not when an ordinary word or another name is as close", () => {
    const entities: MatcherEntity[] = [
      { id: "g", type: "organization", aliases: ["알리바바"] },
      { id: "p", type: "product", aliases: ["알리페이"] },
    ];
    const tolerant = buildMatcher(entities, [], { ordinaryWords: ["알리바이"] });
    const spans = (text: string) => findMentions(tolerant, text).map((m) => m.text);
    expect(spans("알리부바는")).toEqual(["알리부바"]);
    expect(spans("알리바오는")).toEqual([]); // one off 알리바이 (an ordinary word) too
    expect(spans("알리바이는")).toEqual([]);
    expect(spans("알리바페는")).toEqual([]); // one off 알리바바 and one off 알리바이
    expect(spans("알리파이는")).toEqual([]); // one off 알리페이, but 알리바이 is as close
    expect(findMentions(buildMatcher(entities), "알리부바는")).toEqual([]); // without the ordinary words: none
  });
});
