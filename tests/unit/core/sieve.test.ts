/**
 * The page sieve (core/sieve.ts) against the real matcher over the bundled knowledge base, on generated text
 * built from every written form the matcher knows (aliases, context forms, out-of-scope names, cues), their
 * spacing, case, width, invisible and decomposed variants, amounts, particles and the everyday look-alikes:
 *  - a block the sieve passes over yields no mention and leaves the scan state as it was, whatever came before
 *    (but for out-of-scope names taking surnames over while nobody in scope holds one: that moves nothing a later
 *    block reads, since only a holder named in full makes a title form count, and from then on no block is skipped
 *    for holding such a name);
 *  - on a page's whole text (its blocks joined, as textContent joins them) every block that holds a mention
 *    holds a hit of the kind that lets it through;
 *  - a title or short form that its own text node rules out (nameMayStartAt, shortFormMayStand) is read by no block
 *    that node lies in.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import type { ScanState } from "../../../src/core/matcher";
import { createScanState, findMentions, nameMayStartAt } from "../../../src/core/matcher";
import type { BlockHits } from "../../../src/core/sieve";
import { CueSearch, HitScan, blockNeedsScan, hasCue, hitsOf, sieveSource } from "../../../src/core/sieve";
import { claimBlockOf } from "../../../src/core/claim-blocks";
import { compiled, matcher, matcherData, matcherWithClaims, sieve } from "../support/content-pipeline";
import { runs } from "../support/runs";

const written = [
  ...matcherData.entities.flatMap((e) => [...e.aliases, ...(e.contextAliases ?? []).map((c) => c.text)]),
  ...matcherData.otherPeople,
];
const cues = [...new Set(matcherData.entities.flatMap((e) => (e.contextAliases ?? []).flatMap((c) => c.cues ?? [])))];
/** Each short form valid near a cue, with one of its cues (the context that lets it count). */
const withCue = matcherData.entities.flatMap((e) =>
  (e.contextAliases ?? []).flatMap((c) => (c.cues ?? []).map((cue) => [cue, c.text] as const)),
);
const ORDINARY = [
  "오늘",
  "정부는",
  "소비자에게",
  "알리고",
  "알리겠다고",
  "알리는",
  "알렸다",
  "차이가",
  "소득 차이를",
  "우리는",
  "마 회장은",
  "장 회장이",
  "우 대표는",
  "차이 회장",
  "시장에서는",
  "공장은",
  "격차이다",
  "텐센트는",
  "바이두의",
  "밝혔다.",
  "주가가",
  "뉴욕증시에서",
  "2024년",
  "3분기",
  "매출",
  "클라우드",
  "인공지능",
  "투자",
];
const AMOUNTS = [
  "3800억 위안",
  "3천800억위안",
  "534억 달러",
  "약 75조 원",
  "5000억 원",
  "380 billion yuan",
  "3800亿元",
];
const PARTICLES = ["", "는", "가", "의", "을", "와", "에서", "(", ")", ",", ".", " "];

/** A written form as a page might write it: as is, upper or lower case, full width, spaced, hyphenated, split by invisibles, decomposed, glossed. */
const variant = (text: string) =>
  fc
    .constantFrom<(t: string) => string>(
      (t) => t,
      (t) => t.toUpperCase(),
      (t) => t.toLowerCase(),
      (t) => t.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
      (t) => [...t].join(" "),
      (t) => t.replace(/ /g, "-"),
      (t) => t.replace(/ /g, ""),
      (t) => [...t].join("\u200b"),
      (t) => t.normalize("NFD"),
      (t) => `${t.slice(0, 2)}(Gloss) ${t.slice(2)}`,
    )
    .map((f) => f(text));

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...written).chain(variant) },
  { weight: 2, arbitrary: fc.constantFrom(...cues).chain(variant) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...withCue).chain(([cue, text]) => variant(cue).map((written) => `${written} ${text}`)),
  },
  { weight: 6, arbitrary: fc.constantFrom(...ORDINARY) },
  { weight: 2, arbitrary: fc.constantFrom(...AMOUNTS) },
  { weight: 4, arbitrary: fc.constantFrom(...PARTICLES) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("가", "나", "리", "바", "a", "B", "1", "9", " ", "-") }) },
);
const block = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(" ").replace(/ {2,}/g, " "));

const copy = (state: ScanState): ScanState => structuredClone(state);
/** What later blocks read of a state: the entities named, and the surnames held by someone named in full. */
const readable = (state: ScanState) => ({
  seen: [...state.seen].sort(),
  holders: [...state.lastBySurname].filter(([, holder]) => state.seen.has(holder)).sort(),
  named: [...state.named.keys()].sort(),
});
const hitsIn = (text: string, from = 0, to = text.length) => {
  const inside = (pattern: RegExp | null) => hitsOf(pattern, text).some((at) => at >= from && at < to);
  return {
    key: inside(sieve.keys),
    cued: inside(sieve.cued),
    stated: inside(sieve.stated),
    currency: inside(sieve.currency),
  };
};

describe("the page sieve", () => {
  test("is derived from the compiled trie: shorter when asked for fewer characters, and small enough to ship", () => {
    const two = sieveSource(compiled, 2);
    const three = sieveSource(compiled, 3);
    expect(two.keys.length).toBeLessThan(three.keys.length);
    expect(three.keys.length + (three.cued?.length ?? 0) + (three.stated?.length ?? 0)).toBeLessThan(16_000);
    expect(three.cued).not.toBeNull();
    expect(three.stated).not.toBeNull();
    expect(three.cues).not.toBeNull();
    expect(three.currency).not.toBeNull();
  });

  test("a block it passes over yields no mention and leaves the state as it was", () => {
    let skipped = 0;
    let skippedWithGatedHit = 0;
    let scanned = 0;
    fc.assert(
      fc.property(fc.array(block, { maxLength: 3 }), block, (before, text) => {
        const state = createScanState();
        for (const earlier of before) matcherWithClaims.scanBlock(earlier, state);
        const hits: BlockHits = hitsIn(text);
        if (blockNeedsScan(hits, () => hasCue(sieve, text), state)) {
          scanned++;
          return;
        }
        skipped++;
        if (hits.cued || hits.stated) skippedWithGatedHit++;
        const after = copy(state);
        expect(matcherWithClaims.scanBlock(text, after), text).toEqual([]);
        expect(readable(after), text).toEqual(readable(state));
      }),
      { numRuns: runs(20_000) },
    );
    // Not vacuous: both outcomes, and gated hits really let through nothing without their context.
    expect(skipped).toBeGreaterThan(runs(20_000) / 10);
    expect(scanned).toBeGreaterThan(runs(20_000) / 10);
    expect(skippedWithGatedHit).toBeGreaterThan(0);
  });

  test("an amount after a block that checked one through a short form is read (found by the full property run)", () => {
    const state = createScanState();
    matcherWithClaims.scanBlock("알리 3800억 위안 시\u200b가\u200b총\u200b액", state);
    const text = "3800억 위안 .";
    expect(state.seen.size).toBe(0);
    expect(blockNeedsScan(hitsIn(text), () => hasCue(sieve, text), state)).toBe(true);
    expect(matcherWithClaims.scanBlock(text, state).map((m) => m.text)).toEqual(["3800억 위안"]);
  });

  test("…and so is it when the amounts are read in the background: the block handed on may have set an owner", () => {
    const CURRENCY = new RegExp(sieve.currency!.source, "i");
    const state = createScanState();
    const first = "알리 3800억 위안 시\u200b가\u200b총\u200b액";
    expect(claimBlockOf(first, matcher.scanBlock(first, state), state, CURRENCY)).not.toBeNull();
    const text = "3800억 위안 .";
    expect(blockNeedsScan(hitsIn(text), () => hasCue(sieve, text), state)).toBe(true);
    expect(claimBlockOf(text, matcher.scanBlock(text, state), state, CURRENCY)).toEqual({
      text,
      names: [],
      namedBefore: false,
    });
  });

  test("a cue written without its spaces still lets its short form through (중국플랫폼 알리)", () => {
    const text = "중국플랫폼 알리";
    expect(matcher.scanBlock(text, createScanState())).not.toEqual([]);
    expect(hasCue(sieve, text)).toBe(true);
    expect(blockNeedsScan(hitsIn(text), () => hasCue(sieve, text), createScanState())).toBe(true);
  });

  test("on a page's joined text, every block holding a mention holds a hit that lets it through", () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (blocks) => {
        const page = blocks.join("");
        const state = createScanState();
        let at = 0;
        for (const text of blocks) {
          const from = at;
          at += text.length;
          const needs = blockNeedsScan(hitsIn(page, from, at), () => hasCue(sieve, text), state);
          const found = matcherWithClaims.scanBlock(text, state);
          if (found.length) expect(needs, `${text} in ${page}`).toBe(true);
        }
      }),
      { numRuns: runs(5_000) },
    );
  });

  test("a long text is sieved a chunk at a time with the same hits, and a cue found wherever it is", () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 200, maxLength: 400 }), fc.nat(), (blocks, seed) => {
        // Long enough for several chunks, with names and cues across chunk ends.
        const text = blocks.join("").repeat(Math.ceil(140_000 / Math.max(1, blocks.join("").length)));
        for (const pattern of [sieve.keys, sieve.cued, sieve.stated, sieve.currency]) {
          const scan = new HitScan(pattern, text);
          while (!scan.done) scan.more();
          expect(scan.at).toEqual(hitsOf(pattern, text));
        }
        const cueAt = seed % text.length;
        const withCue = `${text.slice(0, cueAt)}직 구${text.slice(cueAt)}`;
        for (const t of [text, withCue]) {
          const search = new CueSearch(sieve, t);
          while (search.found === null) search.more();
          expect(search.found).toBe(hasCue(sieve, t));
        }
      }),
      { numRuns: runs(30) },
    );
  });

  test("words that share only a long name's first syllables are no hit (알리겠다고, 차이를 줄였다)", () => {
    expect(hitsOf(sieve.keys, "소식을 알리겠다고 밝혔고 격차는 차이를 줄였다")).toEqual([]);
    expect(hitsOf(sieve.keys, "알라바바는").length).toBeGreaterThan(0);
  });

  test("a long name written one character off (알라바바, Ta0bao) is not sieved out where the matcher finds it", () => {
    const names = compiled.fuzzy.map((f) => f.intended).filter((n) => n.length >= 4);
    expect(names.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat(),
        fc.constantFrom("가", "라", "마", "바", "0", "1", "x", "Q"),
        fc.constantFrom("", "는", "가", "의"),
        (name, at, written, particle) => {
          const k = 1 + (at % (name.length - 1));
          const text = `기사에서 ${name.slice(0, k)}${written}${name.slice(k + 1)}${particle} 말했다`;
          if (findMentions(matcherWithClaims, text).length === 0) return;
          expect(hitsOf(sieve.keys, text).length, text).toBeGreaterThan(0);
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  test("a title or short form its own text node rules out (inside a word, a verb's ending) is read by no block around it", () => {
    let refused = 0;
    let stood = 0;
    let blocksPassed = 0;
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 2 }),
        block,
        fc.array(fc.nat(), { maxLength: 4 }),
        (before, text, cuts) => {
          const state = createScanState();
          for (const earlier of before) matcherWithClaims.scanBlock(earlier, state);
          // The block's text nodes: the text cut where the page's tags might cut it.
          const ends = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const nodes: Array<[number, number]> = [];
          let from = 0;
          for (const end of [...ends, text.length]) if (end > from) nodes.push([from, (from = end)]);
          const after = copy(state);
          const found = matcherWithClaims.scanBlock(text, after);
          const starts = new Set(found.map((m) => m.start));
          /** Whether a hit may count, judged from its own node the way the scanner does. */
          const mayCount = (at: number, cued: boolean) => {
            const [start, end] = nodes.find(([s, e]) => at >= s && at < e)!;
            const node = text.slice(start, end);
            return nameMayStartAt(node, at - start) && (!cued || matcher.shortFormMayStand(node, at - start));
          };
          let anyMay = hitsOf(sieve.keys, text).length > 0;
          for (const [pattern, cued] of [
            [sieve.cued, true],
            [sieve.stated, false],
          ] as const) {
            for (const at of hitsOf(pattern, text)) {
              if (mayCount(at, cued)) {
                stood++;
                anyMay = true;
              } else {
                refused++;
                expect(starts.has(at), `${at} in ${JSON.stringify(text)} cut at ${ends}`).toBe(false);
              }
            }
          }
          // A block whose every name hit is ruled out (amounts aside) yields no name and moves no surname.
          if (!anyMay && !hitsOf(sieve.currency, text).length) {
            blocksPassed++;
            expect(found, text).toEqual([]);
            expect(readable(after), text).toEqual(readable(state));
          }
        },
      ),
      { numRuns: runs(20_000) },
    );
    // Not vacuous: both outcomes happen.
    expect(refused).toBeGreaterThan(0);
    expect(stood).toBeGreaterThan(0);
    expect(blocksPassed).toBeGreaterThan(0);
  });

  test("a title form inside a word (시장에서) cannot start a name; one after a space or in Han can", () => {
    expect(nameMayStartAt("시장에서는", 1)).toBe(false);
    expect(nameMayStartAt("지역별 차이 회장은", 4)).toBe(true);
    expect(nameMayStartAt("회장", 0)).toBe(true); // the node may begin a word the block began before: asked no further
    expect(nameMayStartAt("前阿里", 1)).toBe(true);
  });

  test("a short form with a verb's ending is ruled out inside its text node, and kept where the node ends", () => {
    const text = "정부는 소비자에게 알리겠다고 밝혔다.";
    const at = text.indexOf("알리");
    expect(matcher.shortFormMayStand(text, at)).toBe(false);
    expect(matcher.shortFormMayStand("직구 시장에서 알리가 강하다", 8)).toBe(true); // a particle
    expect(matcher.shortFormMayStand("소비자에게 알리", 6)).toBe(true); // the block may go on after the node
    expect(matcher.shortFormMayStand("소비자에게 알리겠", 6)).toBe(true); // its ending may go on too
    expect(matcher.shortFormMayStand("직구 업체는 알리다. 그리고", 7)).toBe(true); // the copula
    expect(matcher.shortFormMayStand("직구는 알리바바 계열이다", 4)).toBe(true); // a plain name starts there
  });
});
