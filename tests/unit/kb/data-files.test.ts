/**
 * The knowledge base is code: every data file is in canonical form (2-space
 * JSON as JSON.stringify writes it), source lists are sorted by id, each
 * entity sits in <id>.json, and what a reader is promised holds for every
 * fact (a dated source; the dossiers' entities with their ids, and each Qwen generation of 2026 as its own entity
 * in the qwen family).
 */
import { describe, expect, test } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { main as kbReportMain } from "../../../src/cli/kb-report.ts";
import { bufferIo } from "../support/cli.ts";
import { KB_DATA_DIR, loadKnowledgeBase } from "../../../src/build/kb-files";
import { PUBLISHER_KINDS, VERIFICATION_STATUSES } from "../../../src/core/vocabulary";

/** `npm run kb:report` in process: what it printed. */
function kbReport(...args: string[]) {
  const io = bufferIo();
  const status = kbReportMain(args, io);
  return { status, stdout: io.stdout, stderr: io.stderr };
}

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
/** The 2026 dossier's new entities (shared/research/facts-2026.yaml), ids as given there. */
const ENTITY_IDS_2026 = [
  "toby-xu",
  "jiang-fan",
  "wu-wei",
  "revenue-q4-2025",
  "revenue-q1-2026",
  "cloud-revenue-q1-2026",
];
/** The Qwen generations of 2026, each its own entity in the qwen family (the dossier has them as qwen's facts). */
const GENERATIONS = ["qwen3.5", "qwen3.6", "qwen3.7", "qwen3.8"];

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
  test("the dossiers' entities, ids unchanged, and the 2026 Qwen generations", () => {
    expect(kb.entities.map((e) => e.id).sort()).toEqual([...ENTITY_IDS, ...ENTITY_IDS_2026, ...GENERATIONS].sort());
    for (const id of ENTITY_IDS)
      expect(kb.entities.find((e) => e.id === id)!.facts.length, id).toBeGreaterThanOrEqual(3);
    for (const id of GENERATIONS) expect(kb.entities.find((e) => e.id === id)!.family, id).toBe("qwen");
  });
  test("every fact has at least one dated source", () => {
    for (const e of kb.entities)
      for (const f of e.facts)
        expect(
          f.sources.some((s) => kb.sources[s]?.date),
          `${e.id}/${f.id}`,
        ).toBe(true);
  });
  test("every figure entity has a figure record, and every record cites sources, an owner and a period", () => {
    for (const e of kb.entities.filter((x) => x.type === "figure"))
      expect(
        kb.figures.some((f) => f.entity === e.id),
        e.id,
      ).toBe(true);
    for (const f of kb.figures) {
      expect(f.sources.length, f.id).toBeGreaterThan(0);
      expect(f.owners.length, f.id).toBeGreaterThan(0);
      expect(f.period.ko.length, f.id).toBeGreaterThan(0);
      expect(f.period.from <= f.period.to, f.id).toBe(true);
    }
  });
  test("every exchange rate names its source and date, and is the one that source's own conversion implies", () => {
    expect(kb.rates.length).toBeGreaterThanOrEqual(10);
    for (const r of kb.rates) {
      expect(
        r.sources.every((s) => kb.sources[s]),
        r.id,
      ).toBe(true);
      expect(r.date, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Each pair moves within a plausible band over the years covered (a typo of 10x would show here).
    const band: Record<string, [number, number]> = {
      "CNY/KRW": [150, 230],
      "USD/CNY": [6, 8],
      "USD/KRW": [1000, 1600],
    };
    for (const r of kb.rates) {
      expect(r.rate, r.id).toBeGreaterThan(band[r.pair]![0]);
      expect(r.rate, r.id).toBeLessThan(band[r.pair]![1]);
    }
  });
  test("kb:report prints the summary as JSON", () => {
    const result = kbReport();
    const report = JSON.parse(result.stdout);
    expect(report.entities).toHaveLength(kb.entities.length);
    expect(report).toMatchObject({ asOf: kb.asOf, evidenceThrough: kb.evidenceThrough });
    expect(report.facts).toBe(kb.entities.reduce((n, e) => n + e.facts.length, 0));
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(Object.keys(report.factsByStatus).sort()).toEqual([...VERIFICATION_STATUSES].sort());
    expect(sum(report.factsByStatus)).toBe(report.facts);
    expect(Object.keys(report.sourcesByKind).sort()).toEqual([...PUBLISHER_KINDS].sort());
    expect(sum(report.sourcesByKind)).toBe(report.sources);
  });
  test("kb:report --facts prints one line per fact with its status and its origins after merging copies", () => {
    const result = kbReport("--facts");
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(kb.entities.reduce((n, e) => n + e.facts.length, 0));
    for (const line of lines) {
      const shipped = kb.entities.find((e) => e.id === line.entity)!.facts.find((f) => f.id === line.fact)!;
      const dates = [...(shipped.asOf ? ["asOf"] : []), ...(shipped.supersededBy ? ["supersededBy"] : [])];
      expect(Object.keys(line).sort()).toEqual(["entity", "fact", "origins", "status", ...dates].sort());
      expect(line.asOf).toBe(shipped.asOf);
      expect(line.supersededBy).toBe(shipped.supersededBy);
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
  });
});
