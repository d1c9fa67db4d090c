/**
 * Time as part of a fact: every fact that names a current holder says as of when, no slot has two current holders,
 * every superseded fact links forward to a newer fact of its entity. Small knowledge bases show each rule bites and
 * that linking the older fact forward is what settles a conflict.
 */
import { describe, expect, test } from "vitest";
import { compileKnowledgeBase, KbError } from "../../../src/kb/compile";
import { currentFacts, isAfterEvidence, previousFacts } from "../../../src/kb/timeline";
import { fact, kbWith, publisher, source } from "../support/kb";

describe("the card's order: what is current first, what it replaced folded under it", () => {
  const chain = [
    { id: "c", date: "2026-08", asOf: "2026-09" },
    { id: "b", date: "2026-05-20", asOf: "2026-05", supersededBy: "c" },
    { id: "x", date: "2025-01" },
    { id: "a", date: "2026-02-16", asOf: "2026-03", supersededBy: "b" },
  ];
  test("current facts, those that replaced one first; the predecessors of one come newest first, through the chain", () => {
    expect(currentFacts(chain).map((f) => f.id)).toEqual(["c", "x"]);
    expect(currentFacts([chain[2]!, ...chain]).map((f) => f.id)).toEqual(["c", "x", "x"]);
    expect(currentFacts([{ id: "plain" }, { id: "new" }, { id: "old", supersededBy: "new" }]).map((f) => f.id)).toEqual(
      ["new", "plain"],
    );
    expect(previousFacts(chain, chain[0]!).map((f) => f.id)).toEqual(["b", "a"]);
    expect(previousFacts(chain, chain[2]!)).toEqual([]);
  });
  test("a page is newer than the evidence only after the evidence's last day", () => {
    expect(isAfterEvidence("2026-10-01", "2026-09")).toBe(true);
    expect(isAfterEvidence("2026-09-30", "2026-09")).toBe(false);
    expect(isAfterEvidence("2027", "2026-09")).toBe(true);
    expect(isAfterEvidence("2026-09", "2026-09")).toBe(false);
  });
});

describe("the build check, on small knowledge bases", () => {
  const parts = {
    publishers: [publisher("wire-a", "wire"), publisher("daily-b", "news")],
    sources: [source("a", "wire-a", { date: "2026-05-20" }), source("b", "daily-b", { date: "2026-05-21" })],
  };
  const role = (holder: string) => [{ kind: "role", slot: "alibaba-cloud/cto", holder }];
  const refused = (factsIn: ReturnType<typeof fact>[]) => {
    try {
      compileKnowledgeBase(kbWith({ ...parts, facts: factsIn }));
      return "";
    } catch (error) {
      expect(error).toBeInstanceOf(KbError);
      return (error as Error).message;
    }
  };
  test("two current holders of one role are refused, naming entity, fact and field", () => {
    const message = refused([
      fact("old", ["a", "b"], { date: "2022-12", asOf: "2026-03", current: role("zhou-jingren") }),
      fact("new", ["a", "b"], { date: "2026-04-08", asOf: "2026-05", current: role("li-feifei") }),
    ]);
    expect(message).toMatch(
      /entity "alibaba-group", field facts\[0\]\(old\)\.current\[0\]: alibaba-cloud\/cto has another current holder, li-feifei/,
    );
  });
  test("linking the older fact forward settles it", () => {
    expect(
      refused([
        fact("old", ["a", "b"], {
          date: "2022-12",
          asOf: "2026-03",
          current: role("zhou-jingren"),
          supersededBy: "new",
        }),
        fact("new", ["a", "b"], { date: "2026-04-08", asOf: "2026-05", current: role("li-feifei") }),
      ]),
    ).toBe("");
  });
  test("two current facts naming the same holder agree", () => {
    expect(
      refused([
        fact("one", ["a"], { asOf: "2026-05", current: role("li-feifei") }),
        fact("two", ["b"], { asOf: "2026-05", current: role("li-feifei") }),
      ]),
    ).toBe("");
  });
  test("a running total has one current figure: two unsuperseded ones conflict", () => {
    const total = [{ kind: "total", slot: "qwen/hf-downloads" }];
    expect(
      refused([
        fact("jan", ["a"], { asOf: "2026-05", current: total }),
        fact("later", ["b"], { asOf: "2026-05", current: total }),
      ]),
    ).toMatch(/qwen\/hf-downloads has another current entry, alibaba-group\/later/);
  });
  test("a role and a latest-model claim on one slot are refused", () => {
    expect(
      refused([
        fact("one", ["a"], { asOf: "2026-05", current: [{ kind: "role", slot: "qwen/x", holder: "h" }] }),
        fact("two", ["b"], { asOf: "2026-05", current: [{ kind: "latest", slot: "qwen/x", holder: "h" }] }),
      ]),
    ).toMatch(/qwen\/x is called role and latest/);
  });
  test("as-of dates are bounded by the fact's own date and its newest source", () => {
    expect(refused([fact("early", ["a"], { date: "2026-05-20", asOf: "2026-04" })])).toMatch(
      /facts\[0\]\(early\)\.asOf: 2026-04 is before the fact's own date 2026-05-20/,
    );
    expect(refused([fact("late", ["a", "b"], { asOf: "2026-06" })])).toMatch(
      /facts\[0\]\(late\)\.asOf: said to hold on 2026-06, but its newest source is dated 2026-05-21/,
    );
    expect(refused([fact("same-month", ["a", "b"], { date: "2026-05-20", asOf: "2026-05" })])).toBe("");
  });
});
