/**
 * The claim step run apart (core/claim-blocks.ts): the content script's matcher finds the names, hands on the blocks
 * whose amounts may be read, and the background reads them in order, in requests of any size. On generated pages of
 * names, pronouns, metrics, periods and amounts (decomposed Hangul too) every block gets exactly the figures the
 * one-process matcher gives it, at the same offsets, with the same verdicts and readings.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { claimBlockOf, readClaimBlocks } from "../../../src/core/claim-blocks";
import type { ClaimBlock } from "../../../src/core/claim-blocks";
import { ClaimReader, createClaimState } from "../../../src/core/claims";
import { createScanState } from "../../../src/core/matcher";
import type { Mention } from "../../../src/core/types";
import { compiled, matcher, matcherWithClaims, sieve } from "../support/content-pipeline";
import { runs } from "../support/runs";

/** The sieve's currency words, as the scanner tests a block with them. */
const CURRENCY = new RegExp(sieve.currency!.source, "i");

const SUBJECTS = [
  "알리바바는",
  "알리바바 클라우드는",
  "앤트그룹은",
  "중국 플랫폼 알리는",
  "텐센트는",
  "그는",
  "회사는",
  "마윈은",
  "",
];
const NAMED = SUBJECTS.slice(0, 5);
const PERIODS = ["지난해 4분기", "2024년 4분기", "올해 2분기", "2025년 3분기", "향후 3년간", "2021년", ""];
const METRICS = ["매출은", "순이익은", "클라우드 부문 매출은", "AI 인프라 투자액은", "벌금은", "에"];
const AMOUNTS = [
  "1200명",
  "30%",
  "2801억 위안",
  "2801억5400만 위안",
  "3800억 위안",
  "3조8000억 위안",
  "182억 2800만 위안",
  "약 75조 원",
  "534억 달러",
  "317억 위안",
];
const ENDINGS = ["이었다.", "을 기록했다.", "을 투자하겠다고 밝혔다.", "으로 집계됐다.", "수준이다.", "로 알려졌다."];

const sentence = fc
  .tuple(
    fc.constantFrom(...SUBJECTS),
    fc.constantFrom(...PERIODS),
    fc.constantFrom(...METRICS),
    fc.constantFrom(...AMOUNTS),
    fc.constantFrom(...ENDINGS),
  )
  .map((parts) => parts.filter(Boolean).join(" "));
const block = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([sentences, decomposed]) => {
    const text = sentences.join(" ");
    return decomposed ? text.normalize("NFD") : text;
  });
const page = fc.record({
  blocks: fc.array(block, { minLength: 1, maxLength: 6 }),
  date: fc.constantFrom("2025-02-21", "2025-03-10", "2025-09-16", "2026-03-01", undefined),
  /** Where the requests end: each request carries the blocks handed on since the one before. */
  cuts: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
});

const describeFigure = (m: Mention) =>
  `${m.text}@${m.start}-${m.end} ${m.figure!.verdict} ${m.figure!.id} ${JSON.stringify(m.figure!.read)} ${m.figure!.intended ?? ""}`;

describe("amounts read apart from names", () => {
  test("give every block the figures the one-process matcher gives it", () => {
    const reader = new ClaimReader(compiled.claims!);
    let figures = 0;
    let carried = 0;
    fc.assert(
      fc.property(page, ({ blocks, date, cuts }) => {
        const together = createScanState(date);
        const expected = blocks.map((text) =>
          matcherWithClaims
            .scanBlock(text, together)
            .filter((m) => m.figure)
            .map(describeFigure),
        );
        const names = createScanState(date);
        const claims = createClaimState(date);
        const got: string[][] = blocks.map(() => []);
        let request: Array<{ index: number; claim: ClaimBlock }> = [];
        const send = () => {
          const answers = readClaimBlocks(
            reader,
            claims,
            request.map((r) => r.claim),
          );
          request.forEach(({ index }, i) => got[index]!.push(...answers[i]!.map(describeFigure)));
          request = [];
        };
        blocks.forEach((text, index) => {
          const found = matcher.scanBlock(text, names);
          expect(found.some((m) => m.figure)).toBe(false);
          const claim = claimBlockOf(text, found, names, CURRENCY);
          if (claim) request.push({ index, claim });
          if (cuts[index]) send();
        });
        send();
        expect(got).toEqual(expected);
        figures += expected.flat().length;
        // Figures of blocks that name no company: their owner came from an earlier block (or 그는, 회사는 …).
        carried += expected.filter(
          (f, i) => f.length && !NAMED.some((name) => blocks[i]!.normalize("NFC").includes(name)),
        ).length;
      }),
      {
        numRuns: runs(2000),
        // One page for certain where a block's figure is owned through the block before (회사는 → 알리바바).
        examples: [
          [
            {
              blocks: [
                "알리바바는 향후 3년간 AI 인프라에 3800억 위안을 투자하겠다고 밝혔다.",
                "회사는 향후 3년간 AI 인프라 투자액은 3800억 위안 수준이다.",
              ],
              date: "2025-03-10",
              cuts: [true, false, false, false, false, false],
            },
          ],
        ],
      },
    );
    // The generator really makes figures, some of them through an owner named in an earlier block.
    expect(figures).toBeGreaterThan(runs(2000) / 10);
    expect(carried).toBeGreaterThan(0);
  });

  test("a block with no name, handed on before anything was named, is not read", () => {
    const state = createScanState();
    const text = "회사는 지난해 4분기 매출이 2801억 위안이었다.";
    expect(claimBlockOf(text, matcher.scanBlock(text, state), state, CURRENCY)).toBeNull();
    expect(state.claimsHandedOn).toBe(false);
    const claims = createClaimState("2025-02-21");
    expect(
      readClaimBlocks(new ClaimReader(compiled.claims!), claims, [{ text, names: [], namedBefore: false }]),
    ).toEqual([[]]);
  });
});
