/**
 * Turns the authored knowledge base into the compiled form the extension ships: validated, cross-checked, every
 * cited source resolved to the original a reader is shown, and every fact's verification status derived from its
 * sources by the rules in status.ts (never typed by hand). Pure: runs in Node (build, CLI, tests), no browser API.
 */
import * as v from "valibot";
import { aliasKey } from "../core/text.ts";
import type { VerificationStatus } from "../core/vocabulary.ts";
import type { Citation, Origin, SourceGraph } from "./origins.ts";
import { citation, origin, shownRecord, sourceGraphProblems, uncitable } from "./origins.ts";
import type { Correction, Entity, Fact, KnowledgeBaseInput, Publisher, Source, Variant } from "./schema.ts";
import { KnowledgeBaseSchema } from "./schema.ts";
import type { StatusResult } from "./status.ts";
import { isEstablished, isReport, isRounding, SAME_CURRENCY_CONVERSION_SPREAD, verificationStatus } from "./status.ts";

export type { VerificationStatus } from "../core/vocabulary.ts";
export type { Citation } from "./origins.ts";

export type CompiledFact = Omit<Fact, "sources"> & {
  /**
   * The originals that support the claim, as readers are shown them: copies resolved to their original, sources
   * whose own version contradicts the claim left out, the company's statements first, then dated reports by date.
   * Variants' sources are resolved the same way.
   */
  sources: string[];
  status: VerificationStatus;
  /** Independent dated reports by news outlets or agencies behind the claim (copies and groups counted once). */
  independentReports: number;
};

export type CompiledEntity = Omit<Entity, "facts"> & { facts: CompiledFact[] };

export type CompiledKb = {
  version: string;
  asOf: string;
  otherPeople: string[];
  /** Every citable source id → what a reader is shown for it (a copy's entry is its original's). */
  sources: Record<string, Citation>;
  entities: CompiledEntity[];
  corrections: Correction[];
};

export class KbError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid knowledge base:\n  - ${problems.join("\n  - ")}`);
    this.name = "KbError";
  }
}

const ENTRY_NAMES: Record<string, string> = { entities: "entity", sources: "source", publishers: "publisher" };

/** Names the entry ("entity qwen", "source moneys-2025-02-24") and the field path of a schema issue. */
function describeIssue(input: unknown, issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  let entry = "";
  let node: unknown = input;
  const parts: string[] = [];
  for (const step of path) {
    node = step.value;
    const key = String(step.key);
    if (typeof step.key === "number" && node && typeof node === "object" && "id" in node) {
      const idValue = (node as { id: unknown }).id;
      if (!entry && parts.length === 1 && ENTRY_NAMES[parts[0]!]) {
        entry = `${ENTRY_NAMES[parts[0]!]} ${JSON.stringify(idValue)}`;
        parts.length = 0;
        continue;
      }
      parts.push(`${key}(${String(idValue)})`);
      continue;
    }
    parts.push(key);
  }
  const field = parts.join(".") || "(root)";
  return `${entry ? `${entry}, ` : ""}field ${field}: ${issue.message}`;
}

const DOES_NOT_SUPPORT = new Set<Variant["difference"]>(["error", "contradiction"]);

/** Display order: the company's statements, dated reports (earliest first), then the rest. */
function displayRank(c: Citation): number {
  if (c.kind === "primary") return 0;
  if ((c.kind === "news" || c.kind === "wire") && c.date) return 1;
  if (c.kind === "news" || c.kind === "wire") return 2;
  return c.kind === "reference" ? 3 : 4;
}

/** Distinct shown ids of `ids`, in display order. */
function shownIds(graph: SourceGraph, ids: readonly string[]): string[] {
  const unique = [...new Set(ids.filter((id) => graph.sources[id]).map((id) => shownRecord(graph, id).id))];
  const cited = unique.map((id) => citation(graph, id));
  return cited
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        displayRank(a.c) - displayRank(b.c) ||
        (displayRank(a.c) === 1 ? (a.c.date ?? "").localeCompare(b.c.date ?? "") : 0) ||
        a.i - b.i,
    )
    .map(({ c }) => c.id);
}

function distinctOrigins(graph: SourceGraph, ids: readonly string[]): Origin[] {
  const byId = new Map<string, Origin>();
  for (const id of ids) if (graph.sources[id]) byId.set(origin(graph, id).id, origin(graph, id));
  return [...byId.values()];
}

export type FactVerdict = StatusResult & {
  /** Shown ids of the supporters (contradicting ones removed), in display order. */
  supporting: string[];
  /** Their origins after merging copies and rewrites: what `kb:report --facts` lists. */
  origins: Origin[];
};

/** The status of one fact from its sources and variants (ids must exist in `graph`). */
export function judgeFact(fact: Fact, graph: SourceGraph): FactVerdict {
  const against = (fact.variants ?? []).filter((variant) => DOES_NOT_SUPPORT.has(variant.difference));
  const notSupporting = new Set(against.flatMap((variant) => variant.sources).map((id) => shownRecord(graph, id).id));
  const supporting = shownIds(graph, fact.sources).filter((id) => !notSupporting.has(id));
  const origins = distinctOrigins(graph, supporting);
  const contradicting = distinctOrigins(
    graph,
    against.filter((variant) => variant.difference === "contradiction").flatMap((variant) => variant.sources),
  );
  return { ...verificationStatus(origins, contradicting), supporting, origins };
}

/** What is wrong with a variant given the claim it differs from, or null. */
function variantProblem(fact: Fact, variant: Variant, verdict: FactVerdict): string | null {
  const claim = fact.value;
  const value = variant.value;
  switch (variant.difference) {
    case "conversion": {
      if (!claim || !value) return "a conversion states an amount (value) of a claim that has one";
      if (claim.unit !== value.unit) return null;
      const spread = Math.abs(value.amount - claim.amount) / Math.abs(claim.amount);
      return spread <= SAME_CURRENCY_CONVERSION_SPREAD
        ? null
        : `${value.amount} ${value.unit} is not a conversion of ${claim.amount} ${claim.unit} (more than ${SAME_CURRENCY_CONVERSION_SPREAD * 100} % apart): say what differs`;
    }
    case "rounding":
      if (!claim || !value) return "a rounding states an amount (value) of a claim that has one";
      if (claim.unit !== value.unit) return `a rounding keeps the unit (${claim.unit}, not ${value.unit})`;
      return isRounding(claim.amount, value.amount)
        ? null
        : `${value.amount} is not ${claim.amount} rounded to its precision (nor the other way round)`;
    case "spelling":
    case "detail":
      return value && claim && value.unit === claim.unit && value.amount !== claim.amount
        ? `a ${variant.difference} variant cannot state another amount (${value.amount} ${value.unit}): call it what it is`
        : null;
    case "basis":
      return variant.reason ? null : "a different basis says which (reason)";
    case "error":
      if (!variant.reason) return "an error says what the claim's evidence shows instead (reason)";
      return isEstablished(verdict)
        ? null
        : `an error is called one only when the claim stands on a primary source or two independent dated reports (it has ${verdict.independentReports}); otherwise it is a contradiction`;
    case "contradiction":
      return null;
  }
}

export function compileKnowledgeBase(input: unknown): CompiledKb {
  return analyseKnowledgeBase(input).compiled;
}

/** The compiled form with what tools weigh facts by (kb:report): the parsed input and its source graph. */
export function analyseKnowledgeBase(input: unknown): {
  input: KnowledgeBaseInput;
  graph: SourceGraph;
  compiled: CompiledKb;
} {
  const parsed = v.safeParse(KnowledgeBaseSchema, input);
  if (!parsed.success) throw new KbError(parsed.issues.map((issue) => describeIssue(input, issue)));
  const kb: KnowledgeBaseInput = parsed.output;
  const problems: string[] = [];

  const publishers: Record<string, Publisher> = {};
  for (const publisher of kb.publishers) {
    if (publishers[publisher.id]) problems.push(`publisher ${JSON.stringify(publisher.id)}, field id: duplicate id`);
    publishers[publisher.id] = publisher;
  }
  const records: Record<string, Source> = {};
  for (const source of kb.sources) {
    if (records[source.id]) problems.push(`source ${JSON.stringify(source.id)}, field id: duplicate id`);
    records[source.id] = source;
  }
  const graph: SourceGraph = { publishers, sources: records };
  problems.push(...sourceGraphProblems(graph));
  if (problems.length) throw new KbError(problems);

  const cite = (where: string, sid: string) => {
    if (!records[sid]) problems.push(`${where}: unknown source ${JSON.stringify(sid)}`);
    else {
      const why = uncitable(graph, sid);
      if (why) problems.push(`${where}: ${why}`);
    }
  };

  const entityIds = new Set<string>();
  const aliasOwner = new Map<string, { entity: string; alias: string }>();
  const compiledEntities: CompiledEntity[] = [];
  for (const entity of kb.entities) {
    const at = `entity ${JSON.stringify(entity.id)}`;
    if (entityIds.has(entity.id)) problems.push(`${at}, field id: duplicate id`);
    entityIds.add(entity.id);
    // The matcher folds names with aliasKey (width, case, separators): two entities must not fold to one name.
    for (const alias of entity.aliases) {
      const key = aliasKey(alias);
      const owner = aliasOwner.get(key);
      if (owner && owner.entity !== entity.id)
        problems.push(
          `${at}, field aliases: "${alias}" reads as "${owner.alias}", an alias of ${owner.entity}, to the matcher`,
        );
      if (!owner) aliasOwner.set(key, { entity: entity.id, alias });
    }
    const factIds = new Set<string>();
    const facts: CompiledFact[] = [];
    entity.facts.forEach((fact, i) => {
      const where = `${at}, field facts[${i}](${fact.id})`;
      if (factIds.has(fact.id)) problems.push(`${where}.id: duplicate fact id`);
      factIds.add(fact.id);
      const before = problems.length;
      fact.sources.forEach((sid, j) => cite(`${where}.sources[${j}]`, sid));
      fact.variants?.forEach((variant, k) =>
        variant.sources.forEach((sid, j) => cite(`${where}.variants[${k}].sources[${j}]`, sid)),
      );
      if (problems.length > before) return;
      const verdict = judgeFact(fact, graph);
      if (!verdict.origins.some((o) => o.kind === "primary" || isReport(o)))
        problems.push(
          `${where}.sources: the claim rests on no primary source and no dated news or wire report (blogs, reference works, undated pages and contradicting sources do not count)`,
        );
      fact.variants?.forEach((variant, k) => {
        const problem = variantProblem(fact, variant, verdict);
        if (problem) problems.push(`${where}.variants[${k}].difference: ${problem}`);
      });
      facts.push({
        ...fact,
        sources: verdict.supporting,
        ...(fact.variants
          ? { variants: fact.variants.map((variant) => ({ ...variant, sources: shownIds(graph, variant.sources) })) }
          : {}),
        status: verdict.status,
        independentReports: verdict.independentReports,
      });
    });
    if (entity.type === "figure" && !entity.figure)
      problems.push(`${at}, field figure: a figure entity needs its verified value`);
    entity.figure?.conversions.forEach((c, k) => {
      if (c.min > c.max) problems.push(`${at}, field figure.conversions[${k}]: min is greater than max`);
      c.sources.forEach((sid, j) => cite(`${at}, field figure.conversions[${k}].sources[${j}]`, sid));
    });
    compiledEntities.push({
      ...entity,
      ...(entity.figure
        ? {
            figure: {
              ...entity.figure,
              conversions: entity.figure.conversions.map((c) => ({ ...c, sources: shownIds(graph, c.sources) })),
            },
          }
        : {}),
      facts,
    });
  }
  for (const publisher of kb.publishers) {
    if (publisher.ownedBy !== undefined && !entityIds.has(publisher.ownedBy))
      problems.push(
        `publisher ${JSON.stringify(publisher.id)}, field ownedBy: unknown entity ${JSON.stringify(publisher.ownedBy)}`,
      );
  }
  (kb.corrections ?? []).forEach((correction, i) => {
    const where = `correction ${i} (${correction.entity})`;
    if (!entityIds.has(correction.entity))
      problems.push(`${where}, field entity: unknown entity ${JSON.stringify(correction.entity)}`);
    correction.sources.forEach((sid, j) => cite(`${where}, field sources[${j}]`, sid));
  });
  if (problems.length) throw new KbError(problems);

  const sources: Record<string, Citation> = {};
  for (const id of Object.keys(records).sort()) if (!uncitable(graph, id)) sources[id] = citation(graph, id);
  const compiled: CompiledKb = {
    version: kb.version,
    asOf: kb.asOf,
    otherPeople: kb.otherPeople ?? [],
    sources,
    entities: compiledEntities,
    corrections: (kb.corrections ?? []).map((c) => ({ ...c, sources: shownIds(graph, c.sources) })),
  };
  return { input: kb, graph, compiled };
}
