/**
 * Hangul property tests over the bundled knowledge base: ordinary Korean text
 * (dense with the collisions: 알리고, 차이가, 알리바이, 우리, 마화텅 …) yields no
 * mention, and a name inserted with any particle yields exactly that mention,
 * its span the name alone.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import type { NameStart } from "../../../src/core/matcher";
import { buildMatcher, findMentions, nameStartPattern } from "../../../src/core/matcher";
import {
  NAME_SEPARATOR_CLASS,
  aliasKey,
  foldCode,
  foldPreimages,
  isHan,
  isHangulSyllable,
  isLatinOrDigit,
  isNameSeparator,
} from "../../../src/core/text";
import { toMatcherData } from "../../../src/kb/matcher-data";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { runs } from "../support/runs";

const data = toMatcherData(loadKnowledgeBase());
const matcher = buildMatcher(data.entities, data.otherPeople, data.options);

const ORDINARY = [
  "오늘",
  "정부는",
  "새로운",
  "정책을",
  "발표했다",
  "시장의",
  "반응은",
  "엇갈렸다",
  "투자자들은",
  "소식을",
  "알리고",
  "알렸다",
  "알리는",
  "알려졌다",
  "알리며",
  "알린다",
  "두",
  "회사의",
  "차이가",
  "차이를",
  "큰",
  "차이는",
  "알리바이를",
  "댔다",
  "알리안츠",
  "생명은",
  "우리",
  "우리는",
  "경제",
  "마화텅",
  "회장도",
  "차이롄서에",
  "따르면",
  "차이잉원",
  "전",
  "총통은",
  "우원식",
  "의장은",
  "큐",
  "사인을",
  "첸",
  "교수는",
  "1조",
  "원가",
  // No word that continues a name (클라우드 after 알리바바 is a longer name, rightly).
  "연구원",
  "회원",
  "인공지능",
  "투자",
  "매출이",
  "늘었다",
  "3분기",
  "15%",
  "성장",
  "기업들이",
  "경쟁한다",
  "중국",
  "미국",
  "반도체",
  "수출",
  "규제가",
  "강화됐다",
  "마크",
  "저커버그도",
  "말했다",
  "앤트",
  "개미",
  "알리다",
  "알리기",
  "위해",
  "노력했다",
  "타오르는",
  "불길",
  "티",
  "몰래",
];
const NAMES: Array<[string, string]> = [
  ["알리바바", "alibaba-group"],
  ["알리바바그룹", "alibaba-group"],
  ["알리바바 클라우드", "alibaba-cloud"],
  ["마윈", "jack-ma"],
  ["조 차이", "joe-tsai"],
  ["우융밍", "eddie-wu"],
  ["장융", "daniel-zhang"],
  ["큐원", "qwen"],
  ["퉁이첸원", "qwen"],
  ["타오바오", "taobao"],
  ["티몰", "tmall"],
  ["앤트그룹", "ant-group"],
  ["알리페이", "alipay"],
  ["알리익스프레스", "aliexpress"],
  ["차이냐오", "cainiao"],
  ["딩톡", "dingtalk"],
  ["라자다", "lazada"],
  ["핑터우거", "t-head"],
  ["린쥔양", "lin-junyang"],
  ["저우징런", "zhou-jingren"],
  ["큐원3", "qwen3"],
];
const PARTICLES = [
  "",
  "은",
  "는",
  "이",
  "가",
  "을",
  "를",
  "의",
  "에",
  "에서",
  "에서도",
  "와",
  "과",
  "까지",
  "처럼",
  "로부터",
  "으로부터",
  "도",
  "만",
  "에게",
  "보다",
  "측은",
  "이라는",
];

const text = fc.array(fc.constantFrom(...ORDINARY), { minLength: 1, maxLength: 25 });

describe("matcher properties", () => {
  test("ordinary Korean text full of collisions yields no mention", () => {
    fc.assert(
      fc.property(text, (words) => {
        expect(findMentions(matcher, words.join(" "))).toEqual([]);
      }),
      { numRuns: runs(2000) },
    );
  });

  test("a name inserted with any particle yields exactly that mention, name only", () => {
    fc.assert(
      fc.property(
        text,
        fc.nat(),
        fc.constantFrom(...NAMES),
        fc.constantFrom(...PARTICLES),
        (words, at, [name, entity], particle) => {
          const position = at % (words.length + 1);
          const before = words.slice(0, position).join(" ");
          const input = [before, name + particle, ...words.slice(position)].filter(Boolean).join(" ");
          const mentions = findMentions(matcher, input);
          expect(mentions.map((m) => [m.text, m.entity])).toEqual([[name, entity]]);
          const start = before ? before.length + 1 : 0;
          expect([mentions[0]!.start, mentions[0]!.end]).toEqual([start, start + name.length]);
        },
      ),
      { numRuns: runs(2000) },
    );
  });
});

describe("where a name can start (nameStartPattern)", () => {
  // The rule the pattern stands for, one character at a time: a character folding to a name's first
  // character, not after a Hangul syllable, Latin letter, digit or a dot that does not close a Korean sentence
  // (Han characters anywhere), followed,
  // past any separators, by a character folding to one that comes second in some name (or a name of one
  // character). Every place the trie walk can find a name passes this rule.
  const starts: NameStart[] = [
    { code: 0xc54c /* 알 */, next: [0xb9ac /* 리 */], endsHere: false },
    { code: 0xb9c8 /* 마 */, next: [0xc708 /* 윈 */, 0xd654 /* 화 */], endsHere: false },
    { code: 0x71 /* q */, next: [0x77 /* w */], endsHere: false },
    { code: 0x62 /* b */, next: [], endsHere: true },
    { code: 0x5c0f /* 小 */, next: [0x7c73 /* 米 */], endsHere: false },
    { code: 0x963f /* 阿 */, next: [], endsHere: true },
  ];
  const byCode = new Map(starts.map((start) => [start.code, start]));
  const seconds = new Set(starts.flatMap((start) => start.next));
  const reference = (text: string) => {
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const start = byCode.get(foldCode(code));
      if (!start) continue;
      const prev = text.charCodeAt(i - 1);
      // A dot ends a word only after a Korean sentence ("밝혔다.알리바바는": <br>-joined lines); else it is a
      // decimal or an abbreviation.
      const dotInWord = prev === 0x2e && !isHangulSyllable(text.charCodeAt(i - 2));
      if (!(i === 0 || isHan(code) || (!isHangulSyllable(prev) && !isLatinOrDigit(prev) && !dotInWord))) continue;
      let j = i + 1;
      while (j < text.length && isNameSeparator(foldCode(text.charCodeAt(j)))) j++;
      if (start.endsHere || (j < text.length && seconds.has(foldCode(text.charCodeAt(j))))) out.push(i);
    }
    return out;
  };
  const pattern = nameStartPattern(starts);
  const found = (text: string) => {
    const out: number[] = [];
    pattern.lastIndex = 0;
    for (let hit = pattern.exec(text); hit; pattern.lastIndex = hit.index + 1, hit = pattern.exec(text))
      out.push(hit.index);
    return out;
  };
  const alphabet = [
    "알",
    "리",
    "마",
    "윈",
    "화",
    "q",
    "Q",
    "ｑ",
    "Ｑ",
    "w",
    "W",
    "ｗ",
    "b",
    "B",
    "小",
    "米",
    "阿",
    "a",
    "7",
    ".",
    " ",
    "\u3000",
    "-",
    "－",
    "\u200b",
    "\u00ad",
    "(",
    "\n",
    "\t",
    "가",
    "힣",
    "ᄋ",
    "\u00a0",
  ];

  test("finds exactly the positions the per-character rule accepts", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        expect(found(text)).toEqual(reference(text));
      }),
      { numRuns: runs(5000) },
    );
  });

  test("its separator class is exactly the code units that fold to a name separator, and fold preimages are complete", () => {
    const separator = new RegExp(`^[${NAME_SEPARATOR_CLASS}]$`);
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      expect(separator.test(char), `U+${code.toString(16)}`).toBe(isNameSeparator(foldCode(code)));
      if (!foldPreimages(foldCode(code)).includes(code))
        expect.fail(`U+${code.toString(16)} missing from the preimages of its fold`);
    }
  });

  test("the bundled knowledge base's names are found at a word start in any folded form", () => {
    expect(findMentions(matcher, "(알리바바) Qwen과 ＱＷＥＮ, 큐원. 마윈, 퉁이\u200b첸원").map((m) => m.text)).toEqual([
      "알리바바",
      "Qwen",
      "ＱＷＥＮ",
      "큐원",
      "마윈",
      "퉁이\u200b첸원",
    ]);
  });
});

describe("alias keys (aliasKey)", () => {
  // The definition: fold every character (foldCode), drop the ones that are then separators.
  const byCharacter = (text: string) => {
    let key = "";
    for (let i = 0; i < text.length; i++) {
      const code = foldCode(text.charCodeAt(i));
      if (!isNameSeparator(code)) key += String.fromCharCode(code);
    }
    return key;
  };

  test("agree with the character-by-character definition on every code unit and on random text", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (aliasKey(char) !== byCharacter(char))
        expect.fail(`U+${code.toString(16)}: ${JSON.stringify(aliasKey(char))}`);
    }
    const units = [
      "퉁",
      "이",
      " ",
      "\u3000",
      "－",
      "-",
      "Q",
      "ｑ",
      "Ｗ",
      "e",
      "N",
      "\u200b",
      "\u00ad",
      "\n",
      "3",
      "３",
      ".",
      "가",
      "İ",
      "ß",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), (chars) => {
        expect(aliasKey(chars.join(""))).toBe(byCharacter(chars.join("")));
      }),
      { numRuns: runs(3000) },
    );
  });
});
