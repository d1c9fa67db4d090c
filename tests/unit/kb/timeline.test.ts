/**
 * Time as part of a fact: every fact that names a current holder says as of when, no slot has two current holders,
 * every superseded fact links forward to a newer fact of its entity, and the outdated statements of the 2026
 * dossier's report are superseded or rewritten. Small knowledge bases show each rule bites and that linking the
 * older fact forward is what settles a conflict.
 */
import { describe, expect, test } from "vitest";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { compileKnowledgeBase, KbError } from "../../../src/kb/compile";
import { currentFacts, firstDay, holdsFor, isAfterEvidence, lastDay, previousFacts } from "../../../src/kb/timeline";
import { fact, kbWith, publisher, source } from "../support/kb";

const kb = loadKnowledgeBase();
const facts = kb.entities.flatMap((e) => e.facts.map((f) => ({ entity: e, fact: f })));
const find = (entity: string, id: string) => kb.entities.find((e) => e.id === entity)!.facts.find((f) => f.id === id)!;

describe("the shipped knowledge base in time", () => {
  test("it says how recent its evidence is, and no fact holds for a later date", () => {
    expect(kb.evidenceThrough).toBe("2026-09");
    expect(kb.asOf >= lastDay(kb.evidenceThrough!)).toBe(true);
    for (const { entity, fact: f } of facts)
      if (f.asOf) expect(firstDay(f.asOf) <= lastDay(kb.evidenceThrough!), `${entity.id}/${f.id}`).toBe(true);
  });

  test("what a fact was written from stays out of the shipped knowledge base", () => {
    expect(JSON.stringify(kb)).not.toMatch(/writtenFrom/);
  });

  test("every fact that names a current holder says as of when", () => {
    const naming = facts.filter(({ fact: f }) => f.current);
    expect(naming.length).toBeGreaterThan(20);
    for (const { entity, fact: f } of naming) expect(f.asOf, `${entity.id}/${f.id}`).toBeDefined();
  });

  test("no role, newest model or running total has two current holders", () => {
    const bySlot = new Map<string, Set<string>>();
    for (const { entity, fact: f } of facts)
      if (!f.supersededBy)
        for (const c of f.current ?? [])
          bySlot.set(c.slot, (bySlot.get(c.slot) ?? new Set()).add(c.holder ?? `${entity.id}/${f.id}`));
    expect(bySlot.get("alibaba-cloud/cto")).toBeUndefined(); // the new CTO is only in blogs: no current holder is claimed
    expect([...bySlot.get("qwen/newest-generation")!]).toEqual(["qwen3.8"]);
    expect([...bySlot.get("alibaba-group/cfo")!]).toEqual(["toby-xu"]);
    expect([...bySlot.get("alibaba-group/ceo")!]).toEqual(["eddie-wu"]); // two facts, one holder: they agree
    for (const [slot, holders] of bySlot) expect(holders.size, slot).toBe(1);
  });

  test("every superseded fact links forward to a newer fact of its entity, and every chain ends in a current one", () => {
    const superseded = facts.filter(({ fact: f }) => f.supersededBy);
    expect(superseded.length).toBeGreaterThanOrEqual(10);
    for (const { entity, fact: f } of superseded) {
      let next = entity.facts.find((g) => g.id === f.supersededBy);
      expect(next, `${entity.id}/${f.id}`).toBeDefined();
      expect(firstDay(holdsFor(next!)) >= firstDay(holdsFor(f)), `${entity.id}/${f.id}`).toBe(true);
      for (let hops = 0; next?.supersededBy && hops < 10; hops++)
        next = entity.facts.find((g) => g.id === next!.supersededBy);
      expect(next?.supersededBy, `${entity.id}/${f.id}`).toBeUndefined();
    }
  });

  test("the statements the 2026 dossier calls outdated are superseded or rewritten", () => {
    // 1. Zhou Jingren is no longer Alibaba Cloud CTO; the cloud's leadership text no longer says he is.
    expect(find("zhou-jingren", "cloud-cto-tongyi-lab").supersededBy).toBe("role-2026");
    expect(find("alibaba-cloud", "cto-zhou-2022").supersededBy).toBe("cto-2026-04");
    expect(find("alibaba-cloud", "leadership").claim.ko).not.toMatch(/저우징런/);
    expect(find("qwen", "team-tongyi-lab").supersededBy).toBe("team-2026");
    expect(kb.entities.find((e) => e.id === "zhou-jingren")!.summary.ko).toMatch(/수석 AI 아키텍트/);
    // 2. The temporary Qwen role gave way to the April title.
    expect(find("zhou-jingren", "acting-qwen-head-2026-03").supersededBy).toBe("role-2026");
    // 3. T-Head's listing reports are now corroborated (as reports).
    expect(find("t-head", "listing-plan-2026").status).toBe("corroborated");
    // 4. Lin Junyang's exit was approved on 5 March.
    expect(find("lin-junyang", "exit-aftermath-2026-03").date).toBe("2026-03-05");
    // 5. Eddie Wu heads the ATH business group.
    expect(kb.entities.find((e) => e.id === "eddie-wu")!.summary.ko).toMatch(/ATH/);
    // 6. The downloads and app-user figures have newer successors.
    expect(find("qwen", "downloads-2026-01").supersededBy).toBe("downloads-2026");
    expect(find("qwen", "app-mau-2026-01").supersededBy).toBe("app-mau-2026-03");
  });
});

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
