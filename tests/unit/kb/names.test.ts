/**
 * Names as data: the pinyin syllable table against the 국립국어원 rule and the variants press and common
 * practice use, pinyin reading, Sino-Korean and Japanese forms, the checks that fail the build naming entity and
 * field, and the generated names the matcher gets.
 */
import { describe, expect, test } from "vitest";
import { compileKnowledgeBase, KbError } from "../../../src/kb/compile";
import { readKnowledgeBaseInput, loadKnowledgeBase } from "../../../src/build/kb-files";
import { toMatcherData } from "../../../src/kb/matcher-data";
import { checkNames, shinjitaiForm } from "../../../src/kb/names";
import {
  parseSyllable,
  renderPinyin,
  renderSyllable,
  sinoKoreanReading,
  splitPinyinWord,
} from "../../../src/kb/transliterate";

describe("the pinyin syllable table", () => {
  // The rule's forms (외래어 표기법, 중국어 표기 세칙: ㅈ·ㅉ·ㅊ drop the glide, zhi/zi write 으, ü is 위).
  test.each([
    ["qian", "첸"],
    ["jun", "쥔"],
    ["tong", "퉁"],
    ["wen", "원"],
    ["yun", "윈"],
    ["zhou", "저우"],
    ["xiao", "샤오"],
    ["zi", "쯔"],
    ["shi", "스"],
    ["quan", "취안"],
    ["jiu", "주"],
    ["lü", "뤼"],
    ["yuan", "위안"],
    ["xie", "셰"],
    ["jie", "제"],
    ["lian", "롄"],
    ["tian", "톈"],
    ["wei", "웨이"],
    ["gui", "구이"],
    ["er", "얼"],
  ])("%s → %s by the rule, first", (syllable, rule) => expect(renderSyllable(syllable)[0]).toBe(rule));

  test.each([
    ["qian", ["치엔", "쳰"]],
    ["jun", ["준"]],
    ["tong", ["통"]],
    ["wen", ["웬"]],
    ["yun", ["원", "윤"]],
    ["zhou", ["조우"]],
    ["ren", ["렌"]],
    ["zi", ["즈"]],
    ["zhi", ["지"]],
    ["niao", ["니아오"]],
  ])("%s also as press and common practice write it: %j", (syllable, variants) =>
    expect(renderSyllable(syllable)).toEqual(expect.arrayContaining(variants)),
  );

  test("every syllable of Mandarin renders as Hangul syllables only, and nonsense is refused", () => {
    const initials = [
      "",
      "b",
      "p",
      "m",
      "f",
      "d",
      "t",
      "n",
      "l",
      "g",
      "k",
      "h",
      "j",
      "q",
      "x",
      "zh",
      "ch",
      "sh",
      "r",
      "z",
      "c",
      "s",
    ];
    const finals = [
      "a",
      "o",
      "e",
      "ai",
      "ei",
      "ao",
      "ou",
      "an",
      "en",
      "ang",
      "eng",
      "ong",
      "i",
      "ia",
      "ie",
      "iao",
      "iu",
      "ian",
      "in",
      "iang",
      "ing",
      "iong",
      "u",
      "ua",
      "uo",
      "uai",
      "ui",
      "uan",
      "un",
      "uang",
      "ü",
      "üe",
      "üan",
      "ün",
    ];
    let read = 0;
    for (const initial of initials)
      for (const final of finals) {
        if (!parseSyllable(initial + final)) continue;
        read++;
        for (const form of renderSyllable(initial + final)) expect(form).toMatch(/^[\uac00-\ud7a3]+$/);
      }
    expect(read).toBeGreaterThan(300);
    expect(() => renderSyllable("qwen")).toThrow(/not a pinyin syllable/);
  });

  test("pinyin words split into syllables, with tone marks, apostrophes and ü", () => {
    expect(splitPinyinWord("Tōngyì")).toEqual(["tong", "yi"]);
    expect(splitPinyinWord("Xi'an")).toEqual(["xi", "an"]);
    expect(splitPinyinWord("Qianwen")).toEqual(["qian", "wen"]);
    expect(splitPinyinWord("lǚ")).toEqual(["lü"]);
    expect(() => splitPinyinWord("Qwen")).toThrow(/not pinyin/);
  });

  test("a name's renderings: the rule's first, the variants, and ㄹ doubled as 阿里 is written (알리)", () => {
    const qwen = renderPinyin("Tongyi Qianwen");
    expect(qwen[0]).toBe("퉁이 첸원");
    expect(qwen).toEqual(expect.arrayContaining(["통이 치엔원", "퉁이 쳰원", "통이 첸웬"]));
    expect(renderPinyin("Lin Junyang")).toEqual(["린 쥔양", "린 준양"]);
    expect(renderPinyin("Aliyun")).toEqual(expect.arrayContaining(["아리윈", "알리윈"]));
  });

  test("Sino-Korean readings of the traditional characters, with 두음법칙, and Japanese forms", () => {
    expect(sinoKoreanReading("通義千問")).toBe("통의천문");
    expect(sinoKoreanReading("林俊暘")).toBe("임준양");
    expect(shinjitaiForm({ hans: "全球速卖通", hant: "全球速賣通", pinyin: "Quanqiu Sumaitong" })).toBe("全球速売通");
    expect(shinjitaiForm({ hans: "通义千问", hant: "通義千問", pinyin: "Tongyi Qianwen" })).toBeNull();
  });
});

describe("checks on the names' data fail the build naming entity and field", () => {
  const broken = (edit: (entities: Array<Record<string, any>>) => void) => {
    const input = structuredClone(readKnowledgeBaseInput()) as { entities: Array<Record<string, any>> };
    edit(input.entities);
    try {
      checkNames(compileKnowledgeBase(input));
    } catch (error) {
      expect(error).toBeInstanceOf(KbError);
      return (error as KbError).problems.join("\n");
    }
    return "";
  };
  const entity = (entities: Array<Record<string, any>>, id: string) => entities.find((e) => e.id === id)!;

  test("the real knowledge base passes", () => expect(() => loadKnowledgeBase()).not.toThrow());
  test("pinyin that is not Mandarin", () =>
    expect(broken((es) => (entity(es, "qwen").names.chinese[0].pinyin = "Tongyi Qwen"))).toMatch(
      /entity "qwen", field names\.chinese\[0\]\.pinyin: "Qwen" is not pinyin/,
    ));
  test("pinyin that does not read the characters (pinyin-pro)", () =>
    expect(broken((es) => (entity(es, "lin-junyang").names.chinese[0].pinyin = "Lin Jinyang"))).toMatch(
      /entity "lin-junyang", field names\.chinese\[0\]\.pinyin: "Lin Jinyang" does not read 林俊旸 \(lin jun yang\)/,
    ));
  test("a Chinese alias without its pinyin", () =>
    expect(broken((es) => entity(es, "lazada").aliases.push("拉扎达"))).toMatch(
      /entity "lazada", field aliases\[\d+\]: "拉扎达" is Chinese but no names.chinese entry gives its pinyin/,
    ));
  test("an unknown exchange and an unknown entity as evidence", () => {
    const problems = broken((es) => {
      entity(es, "alibaba-group").names.tickers.push({ exchange: "LSE", symbol: "BABA" });
      entity(es, "dingtalk").contextAliases[0].after = ["ding-talk"];
    });
    expect(problems).toMatch(/entity "alibaba-group", field names\.tickers\[2\]\.exchange: unknown exchange "LSE"/);
    expect(problems).toMatch(/entity "dingtalk", field contextAliases\[0\]\.after: unknown entity "ding-talk"/);
  });
  test("a generated form that is another entity's name goes through the same collision check", () =>
    expect(broken((es) => entity(es, "taobao").aliases.push("통이치엔원"))).toMatch(
      /entity "qwen", field names\.chinese\[0\]\.pinyin: generated "통이 치엔원" is also a name of taobao/,
    ));
});

describe("generated names in the matcher's data", () => {
  const data = toMatcherData(loadKnowledgeBase());
  const of = (id: string) => data.entities.find((e) => e.id === id)!;

  test("renderings, readings, characters, tickers and mixed script become aliases", () => {
    expect(of("qwen").aliases).toEqual(expect.arrayContaining(["통이 치엔웬", "통의천문", "큐원-VL", "치엔원"]));
    expect(of("aliexpress").aliases).toEqual(expect.arrayContaining(["全球速売通", "쑤마이통"]));
    expect(of("alibaba-group").aliases).toEqual(expect.arrayContaining(["BABA.K", "9988 HK", "HKG:09988"]));
    expect(of("tmall").aliases).toEqual(expect.arrayContaining(["T몰", "티엔마오"]));
  });

  test("forms of one or two syllables and readings marked context need evidence on the page", () => {
    const contextForms = (id: string) => (of(id).contextAliases ?? []).map((c) => c.text);
    expect(contextForms("jack-ma")).toEqual(expect.arrayContaining(["마 원", "마 윤"]));
    expect(of("jack-ma").aliases).not.toContain("마 원");
    expect(contextForms("lin-junyang")).toContain("임준양");
    expect(of("lin-junyang").contextAliases?.find((c) => c.text === "임준양")?.after).toEqual(["lin-junyang"]);
  });

  test("a written context form keeps its rule (딩딩 stays a context form of DingTalk)", () => {
    expect(of("dingtalk").aliases).not.toContain("딩딩");
    expect((of("dingtalk").contextAliases ?? []).filter((c) => c.text === "딩딩")).toHaveLength(1);
  });

  test("look-alikes are never-marked names; the build gets unit words and the ordinary words", () => {
    expect(data.otherPeople).toEqual(expect.arrayContaining(["티몰 지니", "Tmall Genie", "天猫精灵"]));
    expect(data.options.unitWords).toContain("닷컴");
    expect(data.options.ordinaryWords).toContain("알리바이");
  });
});
