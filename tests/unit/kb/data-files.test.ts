/**
 * The knowledge base is code: every data file is in canonical form (2-space
 * JSON as JSON.stringify writes it), source lists are sorted by id, each
 * entity sits in <id>.json, and what a reader is promised holds for every
 * fact (a dated source; the dossier's 25 entities with their ids).
 */
import { describe, expect, test } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { KB_DATA_DIR, loadKnowledgeBase } from "../../../src/build/kb-files";
import { PUBLISHER_KINDS, VERIFICATION_STATUSES } from "../../../src/core/vocabulary";

const files = [
  join(KB_DATA_DIR, "meta.json"),
  join(KB_DATA_DIR, "publishers.json"),
  join(KB_DATA_DIR, "corrections.json"),
  ...readdirSync(join(KB_DATA_DIR, "sources")).map((f) => join(KB_DATA_DIR, "sources", f)),
  ...readdirSync(join(KB_DATA_DIR, "entities")).map((f) => join(KB_DATA_DIR, "entities", f)),
];

const ENTITY_IDS = [
  "alibaba-group",
  "alibaba-cloud",
  "qwen",
  "qwen2.5-max",
  "qwen3",
  "taobao",
  "tmall",
  "aliexpress",
  "ant-group",
  "alipay",
  "cainiao",
  "damo-academy",
  "t-head",
  "dingtalk",
  "lazada",
  "jack-ma",
  "joe-tsai",
  "eddie-wu",
  "daniel-zhang",
  "lin-junyang",
  "zhou-jingren",
  "capex-380b",
  "antitrust-fine-2021",
  "revenue-q4-2024",
  "cloud-revenue-q4-2024",
];

describe("knowledge-base files", () => {
  test.each(files.map((f) => [f.slice(KB_DATA_DIR.length + 1), f]))("%s is in canonical form", (_name, file) => {
    const text = readFileSync(file, "utf8");
    expect(text.replace(/\n$/, "")).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });

  test("publishers are sorted by id", () => {
    const ids = (JSON.parse(readFileSync(join(KB_DATA_DIR, "publishers.json"), "utf8")) as Array<{ id: string }>).map(
      (p) => p.id,
    );
    expect(ids).toEqual([...ids].sort());
  });

  test("source files are sorted by id; entity files are named by their id", () => {
    for (const f of readdirSync(join(KB_DATA_DIR, "sources"))) {
      const ids = (JSON.parse(readFileSync(join(KB_DATA_DIR, "sources", f), "utf8")) as Array<{ id: string }>).map(
        (s) => s.id,
      );
      expect(ids, f).toEqual([...ids].sort());
    }
    for (const f of readdirSync(join(KB_DATA_DIR, "entities"))) {
      expect(`${JSON.parse(readFileSync(join(KB_DATA_DIR, "entities", f), "utf8")).id}.json`).toBe(f);
    }
  });
});

describe("what the knowledge base promises", () => {
  const kb = loadKnowledgeBase();
  test("all 25 entities of entities.md, ids unchanged, each with at least three facts", () => {
    expect(kb.entities.map((e) => e.id).sort()).toEqual([...ENTITY_IDS].sort());
    for (const e of kb.entities) expect(e.facts.length, e.id).toBeGreaterThanOrEqual(3);
  });
  test("every fact has at least one dated source", () => {
    for (const e of kb.entities)
      for (const f of e.facts)
        expect(
          f.sources.some((s) => kb.sources[s]?.date),
          `${e.id}/${f.id}`,
        ).toBe(true);
  });
  test("every figure knows its verified value, topic and the bands of its conversions", () => {
    for (const e of kb.entities.filter((x) => x.type === "figure")) {
      expect(e.figure, e.id).toBeDefined();
      expect(e.figure!.conversions.length, e.id).toBeGreaterThan(0);
      for (const c of e.figure!.conversions) expect(c.sources.length, `${e.id} ${c.currency}`).toBeGreaterThan(0);
    }
  });
  test("kb:report prints the summary as JSON", () => {
    const result = spawnSync("npx", ["tsx", "src/cli/kb-report.ts"], { encoding: "utf8" });
    const report = JSON.parse(result.stdout);
    expect(report.entities).toHaveLength(25);
    expect(report.facts).toBe(kb.entities.reduce((n, e) => n + e.facts.length, 0));
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(Object.keys(report.factsByStatus).sort()).toEqual([...VERIFICATION_STATUSES].sort());
    expect(sum(report.factsByStatus)).toBe(report.facts);
    expect(Object.keys(report.sourcesByKind).sort()).toEqual([...PUBLISHER_KINDS].sort());
    expect(sum(report.sourcesByKind)).toBe(report.sources);
  }, 30_000);
  test("kb:report --facts prints one line per fact with its status and its origins after merging copies", () => {
    const result = spawnSync("npx", ["tsx", "src/cli/kb-report.ts", "--facts"], { encoding: "utf8" });
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(kb.entities.reduce((n, e) => n + e.facts.length, 0));
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(["entity", "fact", "origins", "status"]);
      const shipped = kb.entities.find((e) => e.id === line.entity)!.facts.find((f) => f.id === line.fact)!;
      expect(line.status).toBe(shipped.status);
      for (const o of line.origins) expect(Object.keys(o).sort()).toEqual(["date", "kind", "publisher"]);
      // What the issue asks of every corroborated fact, read off the report itself.
      if (line.status === "corroborated") {
        const dated = line.origins.filter(
          (o: { kind: string; date: string | null }) => (o.kind === "news" || o.kind === "wire") && o.date,
        );
        expect(new Set(dated.map((o: { publisher: string }) => o.publisher)).size, line.fact).toBeGreaterThanOrEqual(2);
      }
      expect(line.origins.some((o: { kind: string }) => o.kind === "aggregator")).toBe(false);
    }
  }, 30_000);
});
