import { describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileKnowledgeBase, KbError, countIndependent } from "../../../src/kb/compile";
import { loadKnowledgeBase } from "../../../src/build/kb-files";

const source = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  publisher: "P",
  title: null,
  date: "2025-02-24",
  url: `https://example.org/${id}`,
  kind: "news",
  ...extra,
});
const fact = (id: string, sources: string[], extra: Record<string, unknown> = {}) => ({
  id,
  claim: { ko: "주장", en: "claim" },
  date: "2025-02-24",
  sources,
  ...extra,
});
/** A figure record for the minimal KB's first entity, with fields to break. */
const figureRecord = (extra: Record<string, unknown> = {}) => ({
  id: "plan",
  entity: "alibaba-group",
  fact: "two",
  label: { ko: "계획", en: "plan" },
  owners: ["alibaba-group"],
  metric: "infra-plan",
  period: { from: "2025-02-24", to: "2028-02-23", ko: ["3년간"] },
  published: "2025-02-24",
  value: { amount: 380e9, currency: "CNY", precision: 1e8, qualifier: "at-least" },
  sources: ["a"],
  ...extra,
});
function minimalKb() {
  return {
    version: "t",
    asOf: "2026-01-01",
    sources: [
      source("a"),
      source("b"),
      source("c", { relays: "a" }),
      source("d", { relays: "wire-1" }),
      source("e", { relays: "wire-1" }),
      source("p", { kind: "primary" }),
    ],
    entities: [
      {
        id: "alibaba-group",
        type: "organization",
        names: { ko: "알리바바", en: "Alibaba" },
        aliases: ["알리바바"],
        summary: { ko: "요약", en: "summary" },
        facts: [fact("two", ["a", "b"]), fact("relayed", ["a", "c"]), fact("wire", ["d", "e"]), fact("primary", ["p"])],
      },
    ],
  };
}

describe("verification status is derived from sources", () => {
  const kb = compileKnowledgeBase(minimalKb());
  const status = (id: string) => kb.entities[0]!.facts.find((f) => f.id === id)!;
  test("two independent sources → corroborated", () => expect(status("two").status).toBe("corroborated"));
  test("a source relaying another counts once → single source", () =>
    expect(status("relayed").status).toBe("single-source"));
  test("two copies of the same wire report count once", () => expect(status("wire").independentSources).toBe(1));
  test("a company source is marked primary", () => expect(status("primary").hasPrimary).toBe(true));
  test("contrary sources → disputed", () => {
    const input = minimalKb();
    input.entities[0]!.facts[0] = fact("two", ["a", "b"], { contrarySources: ["p"] });
    expect(compileKnowledgeBase(input).entities[0]!.facts[0]!.status).toBe("disputed");
  });
  test("variants stating different amounts in one unit → disputed", () => {
    const input = minimalKb();
    input.entities[0]!.facts[0] = fact("two", ["a", "b"], {
      value: { amount: 380e9, unit: "CNY" },
      variants: [
        { text: { ko: "약 75조 원", en: "75tn won" }, value: { amount: 75e12, unit: "KRW" }, sources: ["a"] },
        { text: { ko: "약 73조7000억 원", en: "73.7tn won" }, value: { amount: 73.7e12, unit: "KRW" }, sources: ["b"] },
      ],
    });
    expect(compileKnowledgeBase(input).entities[0]!.facts[0]!.status).toBe("disputed");
  });
});

describe("an invalid knowledge base is refused with the entry and field named", () => {
  const problems = (mutate: (kb: ReturnType<typeof minimalKb>) => void) => {
    const input = minimalKb();
    mutate(input);
    try {
      compileKnowledgeBase(input);
    } catch (error) {
      expect(error).toBeInstanceOf(KbError);
      return (error as Error).message;
    }
    throw new Error("compileKnowledgeBase accepted an invalid knowledge base");
  };
  test("missing summary", () =>
    expect(problems((kb) => delete (kb.entities[0] as any).summary)).toMatch(/entity "alibaba-group", field summary/));
  test("unknown source", () =>
    expect(problems((kb) => kb.entities[0]!.facts[0]!.sources.push("nope"))).toMatch(
      /entity "alibaba-group", field facts\[0\]\(two\)\.sources\[2\]: unknown source "nope"/,
    ));
  test("bad date", () =>
    expect(problems((kb) => (kb.entities[0]!.facts[1]!.date = "24.2.2025"))).toMatch(
      /entity "alibaba-group", field facts\.1\(relayed\)\.date|facts\(relayed\)\.date|facts.*date/,
    ));
  test("duplicate source id", () =>
    expect(problems((kb) => kb.sources.push(source("a")))).toMatch(/source "a", field id: duplicate id/));
  test("bad source kind", () =>
    expect(problems((kb) => ((kb.sources[0] as any).kind = "rumour"))).toMatch(/source "a", field kind/));
  test("duplicate fact id", () =>
    expect(problems((kb) => kb.entities[0]!.facts.push(fact("two", ["a"])))).toMatch(
      /entity "alibaba-group", field facts\[4\]\(two\)\.id: duplicate fact id/,
    ));
  test("duplicate entity id", () =>
    expect(problems((kb) => kb.entities.push({ ...structuredClone(kb.entities[0]!), aliases: ["다른 이름"] }))).toMatch(
      /entity "alibaba-group", field id: duplicate id/,
    ));
  test("unknown contrary source", () =>
    expect(
      problems((kb) => (kb.entities[0]!.facts[1] = fact("relayed", ["a"], { contrarySources: ["ghost"] }))),
    ).toMatch(/facts\[1\]\(relayed\)\.contrarySources\[0\]: unknown source "ghost"/));
  test("a figure entity without a figure record", () =>
    expect(problems((kb) => ((kb.entities[0] as any).type = "figure"))).toMatch(
      /entity "alibaba-group", field type: a figure entity needs a figure record/,
    ));
  test("a figure record naming an unknown entity, fact, owner or source", () => {
    const message = problems((kb) => {
      (kb as any).figures = { segments: [], speakers: {}, figures: [figureRecord({ entity: "ghost" })] };
    });
    expect(message).toMatch(/figure "plan", field entity: unknown entity "ghost"/);
    expect(
      problems((kb) => {
        (kb as any).figures = {
          segments: [],
          speakers: {},
          figures: [figureRecord({ fact: "nope", owners: ["nobody"], sources: ["ghost"] })],
        };
      }),
    ).toMatch(
      /figure "plan", field fact: entity alibaba-group has no fact "nope"[\s\S]*field owners\[0\]: unknown entity or segment "nobody"[\s\S]*field sources\[0\]: unknown source "ghost"/,
    );
  });
  test("a figure record with a malformed value names the figure and the field", () =>
    expect(
      problems((kb) => {
        (kb as any).figures = {
          segments: [],
          speakers: {},
          figures: [figureRecord({ value: { amount: 1, currency: "EUR", precision: 1, qualifier: "exact" } })],
        };
      }),
    ).toMatch(/figure "plan", field value\.currency/));
  test("a rate without a known source, or of an unknown pair", () => {
    expect(
      problems((kb) => {
        (kb as any).rates = [{ id: "r1", pair: "USD/CNY", rate: 7.2, date: "2025-02-24", sources: ["ghost"] }];
      }),
    ).toMatch(/rate "r1", field sources\[0\]: unknown source "ghost"/);
    expect(
      problems((kb) => {
        (kb as any).rates = [{ id: "r2", pair: "EUR/KRW", rate: 1500, date: "2025-02-24", sources: ["a"] }];
      }),
    ).toMatch(/rate "r2", field pair/);
  });
  test("a correction about an unknown entity", () =>
    expect(
      problems(
        (kb) =>
          ((kb as any).corrections = [
            {
              entity: "nobody",
              misreported: ["x"],
              says: { ko: "가", en: "a" },
              actually: { ko: "나", en: "b" },
              sources: ["a"],
            },
          ]),
      ),
    ).toMatch(/correction 0 \(nobody\), field entity: unknown entity "nobody"/));
  test("a fact without sources", () =>
    expect(problems((kb) => (kb.entities[0]!.facts[0]!.sources = []))).toMatch(
      /entity "alibaba-group", field facts.*sources: a fact needs at least one source/,
    ));
  test("an alias claimed by two entities", () =>
    expect(problems((kb) => kb.entities.push({ ...structuredClone(kb.entities[0]!), id: "alibaba-cloud" }))).toMatch(
      /"알리바바" is also an alias of alibaba-group/,
    ));
});

describe("the bundled knowledge base", () => {
  const kb = loadKnowledgeBase();
  const REQUIRED = [
    "alibaba-group",
    "alibaba-cloud",
    "qwen",
    "taobao",
    "tmall",
    "ant-group",
    "jack-ma",
    "joe-tsai",
    "eddie-wu",
    "capex-380b",
  ];
  test.each(REQUIRED)("has %s with aliases and at least two sourced facts", (id) => {
    const entity = kb.entities.find((e) => e.id === id);
    expect(entity, id).toBeDefined();
    expect(entity!.aliases.length).toBeGreaterThan(0);
    expect(entity!.facts.length).toBeGreaterThanOrEqual(2);
    for (const f of entity!.facts) expect(f.sources.every((s) => kb.sources[s])).toBe(true);
  });
  test("every status is the one its sources give", () => {
    for (const entity of kb.entities) {
      for (const f of entity.facts) {
        const independent = countIndependent(f.sources, kb.sources);
        if (f.status === "corroborated") expect(independent, `${entity.id}/${f.id}`).toBeGreaterThanOrEqual(2);
        if (f.status === "single-source") expect(independent, `${entity.id}/${f.id}`).toBe(1);
        if ((f.contrarySources?.length ?? 0) > 0) expect(f.status, `${entity.id}/${f.id}`).toBe("disputed");
      }
    }
  });
  test("the figure for the 380bn-yuan plan carries its verified value, owner, metric and period", () => {
    const plan = kb.figures.find((f) => f.id === "capex-380b")!;
    expect(plan).toMatchObject({
      entity: "capex-380b",
      owners: expect.arrayContaining(["alibaba-group"]),
      metric: "infra-plan",
      value: { amount: 380e9, currency: "CNY", qualifier: "at-least" },
      period: { from: "2025-02-24" },
    });
  });
});

describe("the build refuses an invalid knowledge base", () => {
  test("vite build fails naming the entry and field", () => {
    const dir = mkdtempSync(join(tmpdir(), "maekrak-bad-kb-"));
    mkdirSync(join(dir, "entities"));
    mkdirSync(join(dir, "sources"));
    const bad = minimalKb();
    bad.entities[0]!.facts[0]!.sources.push("missing-source");
    writeFileSync(join(dir, "meta.json"), JSON.stringify({ version: bad.version, asOf: bad.asOf }));
    writeFileSync(join(dir, "sources", "s.json"), JSON.stringify(bad.sources));
    writeFileSync(join(dir, "entities", "alibaba-group.json"), JSON.stringify(bad.entities[0]));
    const result = spawnSync("npx", ["vite", "build", "--outDir", join(dir, "out")], {
      env: { ...process.env, MAEKRAK_KB_DIR: dir, VITEST: "" },
      encoding: "utf8",
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(
      /entity "alibaba-group", field facts\[0\]\(two\)\.sources\[2\]: unknown source "missing-source"/,
    );
  }, 60_000);
});
