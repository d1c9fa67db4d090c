/**
 * Against a real Korean word list (Debian's hunspell-ko, installed by .ci/install-browsers; this test fails when
 * it is missing): no ordinary word is marked — not by a generated name, not by the misspelling tolerance — alone,
 * with a particle, or inside a sentence; and ordinary-words.json is what the extractor makes of the list.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildMatcher, findMentions } from "../../../src/core/matcher";
import { KB_DATA_DIR, loadKnowledgeBase } from "../../../src/build/kb-files";
import { readKoreanWords } from "../../../src/build/word-list";
import { toMatcherData, toMatcherEntities } from "../../../src/kb/matcher-data";
import { extractOrdinaryWords, generatedNames } from "../../../src/kb/names";
import { aliasKey } from "../../../src/core/text";
import { runs } from "../support/runs";

const words = readKoreanWords();
const kb = loadKnowledgeBase();
const data = toMatcherData(kb);
const matcher = buildMatcher(data.entities, data.otherPeople, data.options);
const PARTICLES = ["", "은", "는", "이", "가", "을", "를", "의", "에서", "으로", "도", "만", "이다", "처럼"];

describe("a real Korean word list", () => {
  test("has at least 5,000 common words (hunspell-ko)", () => {
    expect(words.length).toBeGreaterThanOrEqual(5000);
    expect(words).toEqual(expect.arrayContaining(["알리바이", "차이", "통일", "정정", "도보"]));
  });

  test("no generated name is an ordinary word unless it needs evidence", () => {
    const ordinary = new Set(words.map(aliasKey));
    for (const entity of kb.entities)
      for (const name of generatedNames(entity, kb.naming))
        if (ordinary.has(aliasKey(name.text))) expect(name.needsContext, `${entity.id}: ${name.text}`).toBe(true);
  });

  test("no word of the list is marked, alone or with a particle", () => {
    const marked: string[] = [];
    for (const word of words)
      for (const particle of ["", "은", "를"]) {
        const found = findMentions(matcher, `${word}${particle}`);
        if (found.length) marked.push(`${word}${particle} → ${found.map((m) => `${m.text} (${m.entity})`).join(", ")}`);
      }
    expect(marked).toEqual([]);
  });

  test("sentences of ordinary words, with particles, yield no mention", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...PARTICLES)), { minLength: 3, maxLength: 12 }),
        (parts) => {
          const sentence = `${parts.map(([word, particle]) => word + particle).join(" ")}.`;
          expect(findMentions(matcher, sentence), sentence).toEqual([]);
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  test("ordinary-words.json is what the extractor makes of the list (npm run kb:ordinary-words)", () => {
    const file = JSON.parse(readFileSync(join(KB_DATA_DIR, "ordinary-words.json"), "utf8"));
    expect(file).toEqual(extractOrdinaryWords(kb, toMatcherEntities(kb), words));
  });
});
