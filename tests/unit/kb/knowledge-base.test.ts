import { describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { analyseKnowledgeBase, compileKnowledgeBase, KbError } from "../../../src/kb/compile";
import { readKnowledgeBaseInput } from "../../../src/build/kb-files";
import { independentReports } from "../../../src/kb/status";
import { origin } from "../../../src/kb/origins";
import { fact, kbWith, publisher, source } from "../support/kb";

function minimalKb() {
  return kbWith({
    publishers: [publisher("p-news", "news"), publisher("p-wire", "wire"), publisher("p-company", "primary")],
    sources: [
      source("a", "p-news"),
      source("b", "p-wire"),
      source("c", "p-news", { copyOf: "a" }),
      source("p", "p-company"),
    ],
    facts: [fact("two", ["a", "b"]), fact("relayed", ["a", "c"]), fact("primary", ["p"])],
  });
}

describe("verification status is derived from sources", () => {
  const kb = compileKnowledgeBase(minimalKb());
  const status = (id: string) => kb.entities[0]!.facts.find((f) => f.id === id)!;
  test("two independent dated reports → corroborated", () => expect(status("two").status).toBe("corroborated"));
  test("a copy counts as its original → single source, shown once", () =>
    expect(status("relayed")).toMatchObject({ status: "single-source", sources: ["a"] }));
  test("the company's own statement → 1차 자료", () => expect(status("primary").status).toBe("company"));
  test("a copy's entry in the shipped sources is its original's, with the publisher named in both languages", () => {
    expect(kb.sources.c).toEqual(kb.sources.a);
    expect(kb.sources.a).toMatchObject({ id: "a", publisher: { ko: "p-news-ko", en: "p-news-en" }, kind: "news" });
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
      /entity "alibaba-group", field facts\.1\(relayed\)\.date/,
    ));
  test("duplicate source id", () =>
    expect(problems((kb) => kb.sources.push(source("a", "p-news")))).toMatch(/source "a", field id: duplicate id/));
  test("duplicate publisher id", () =>
    expect(problems((kb) => kb.publishers.push(publisher("p-news", "blog")))).toMatch(
      /publisher "p-news", field id: duplicate id/,
    ));
  test("bad publisher kind", () =>
    expect(problems((kb) => ((kb.publishers[0] as any).kind = "rumour"))).toMatch(/publisher "p-news", field kind/));
  test("a source's kind is its publisher's: a kind on the source is refused", () =>
    expect(problems((kb) => ((kb.sources[0] as any).kind = "news"))).toMatch(/source "a", field kind: Invalid key/));
  test("duplicate fact id", () =>
    expect(problems((kb) => kb.entities[0]!.facts.push(fact("two", ["a"])))).toMatch(
      /entity "alibaba-group", field facts\[4\]\(two\)\.id: duplicate fact id/,
    ));
  test("duplicate entity id", () =>
    expect(problems((kb) => kb.entities.push({ ...structuredClone(kb.entities[0]!), aliases: ["다른 이름"] }))).toMatch(
      /entity "alibaba-group", field id: duplicate id/,
    ));
  test("unknown variant source", () =>
    expect(
      problems(
        (kb) =>
          (kb.entities[0]!.facts[1] = fact("relayed", ["a"], {
            variants: [{ text: { ko: "값", en: "value" }, sources: ["ghost"], difference: "detail" }],
          })),
      ),
    ).toMatch(/facts\[1\]\(relayed\)\.variants\[0\]\.sources\[0\]: unknown source "ghost"/));
  test("a figure without its verified value", () =>
    expect(problems((kb) => ((kb.entities[0] as any).type = "figure"))).toMatch(
      /entity "alibaba-group", field figure: a figure entity needs its verified value/,
    ));
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
      /"알리바바" reads as "알리바바", an alias of alibaba-group/,
    ));
});

describe("the bundled knowledge base", () => {
  const { compiled: kb, graph } = analyseKnowledgeBase(readKnowledgeBaseInput());
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
  test("every corroborated fact rests on two independent dated reports; every 1차 자료 fact on a primary source", () => {
    for (const entity of kb.entities)
      for (const f of entity.facts) {
        const origins = f.sources.map((id) => origin(graph, id));
        const where = `${entity.id}/${f.id}`;
        if (f.status === "corroborated") expect(independentReports(origins), where).toBeGreaterThanOrEqual(2);
        if (f.status === "company")
          expect(
            origins.some((o) => o.kind === "primary"),
            where,
          ).toBe(true);
        if (f.status === "single-source") expect(independentReports(origins), where).toBe(1);
      }
  });
  test("the headline figure facts are not disputed", () => {
    const status = (entity: string, id: string) =>
      kb.entities.find((e) => e.id === entity)!.facts.find((f) => f.id === id)!.status;
    expect(status("capex-380b", "announcement")).toBe("corroborated");
    expect(status("antitrust-fine-2021", "fine")).toBe("corroborated");
    expect(status("revenue-q4-2024", "revenue")).toBe("company");
    expect(status("cloud-revenue-q4-2024", "revenue")).toBe("company");
    expect(status("jack-ma", "background")).toBe("corroborated"); // one outlier blog is a note, not a dispute
  });
  test("the figure for the 380bn-yuan plan carries its verified value", () => {
    const plan = kb.entities.find((e) => e.id === "capex-380b")!;
    expect(plan.figure).toMatchObject({ amount: 380e9, currency: "CNY" });
  });
});

const FIXTURES = resolve(import.meta.dirname, "..", "..", "fixtures", "kb-invalid");
type Fixture = { name: string; why: string; expect: string; kb: any };
const fixtures: Fixture[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ name: f, ...JSON.parse(readFileSync(join(FIXTURES, f), "utf8")) }));

describe("negative fixtures: each invalid knowledge base is refused, naming the entry, the fact and the field", () => {
  test("there are fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(10));
  test.each(fixtures.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
    let message = "";
    try {
      compileKnowledgeBase(fixture.kb);
    } catch (error) {
      expect(error).toBeInstanceOf(KbError);
      message = (error as Error).message;
    }
    expect(message, `${fixture.why}: compiled without complaint`).toMatch(new RegExp(fixture.expect));
  });
});

/** Writes a fixture's knowledge base in the layout of src/kb/data. */
function writeKbDir(kb: any): string {
  const dir = mkdtempSync(join(tmpdir(), "maekrak-bad-kb-"));
  mkdirSync(join(dir, "entities"));
  mkdirSync(join(dir, "sources"));
  writeFileSync(join(dir, "meta.json"), JSON.stringify({ version: kb.version, asOf: kb.asOf }));
  writeFileSync(join(dir, "publishers.json"), JSON.stringify(kb.publishers));
  writeFileSync(join(dir, "sources", "s.json"), JSON.stringify(kb.sources));
  for (const entity of kb.entities) writeFileSync(join(dir, "entities", `${entity.id}.json`), JSON.stringify(entity));
  return dir;
}

describe("the build refuses an invalid knowledge base", () => {
  test("vite build fails naming the entry, the fact and the field", () => {
    const fixture = fixtures.find((f) => f.name === "aggregator-cited.json")!;
    const dir = writeKbDir(fixture.kb);
    const result = spawnSync("npx", ["vite", "build", "--outDir", join(dir, "out")], {
      env: { ...process.env, MAEKRAK_KB_DIR: dir, VITEST: "" },
      encoding: "utf8",
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(new RegExp(fixture.expect));
  }, 60_000);
});
