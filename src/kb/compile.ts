/**
 * Turns the authored knowledge base into the compiled form the extension
 * ships: validated, cross-checked, with every fact's verification status
 * derived from its sources (never typed by hand). Pure: runs in Node (build,
 * CLI, tests) and needs no browser API.
 */
import * as v from "valibot";
import type { Correction, Entity, Fact, KnowledgeBaseInput, Naming, Source } from "./schema.ts";
import { KnowledgeBaseSchema } from "./schema.ts";

/** 교차 확인 / 단일 출처 / 출처 간 차이. */
export type VerificationStatus = "corroborated" | "single-source" | "disputed";

export type CompiledFact = Fact & {
  status: VerificationStatus;
  /** Number of independent reports behind the claim (relays counted once). */
  independentSources: number;
  /** True when at least one supporting source is the company's own filing or announcement. */
  hasPrimary: boolean;
};

export type CompiledEntity = Omit<Entity, "facts"> & { facts: CompiledFact[] };

export type CompiledKb = {
  version: string;
  asOf: string;
  otherPeople: string[];
  naming?: Naming;
  sources: Record<string, Source>;
  entities: CompiledEntity[];
  corrections: Correction[];
};

export class KbError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid knowledge base:\n  - ${problems.join("\n  - ")}`);
    this.name = "KbError";
  }
}

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
      if (!entry && (parts[0] === "entities" || parts[0] === "sources")) {
        entry = `${parts[0] === "entities" ? "entity" : "source"} ${JSON.stringify(idValue)}`;
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

/** Independent reports: a source and everything relaying it (or relaying the same original) count once. */
export function countIndependent(sourceIds: readonly string[], sources: Record<string, Source>): number {
  const origins = new Set(sourceIds.map((sid) => sources[sid]?.relays ?? sid));
  return origins.size;
}

/**
 * 출처 간 차이 when a source contradicts the claim, or when the values sources
 * state (the claim's and its variants') disagree within one unit — e.g. two
 * different won conversions of the same yuan figure. Otherwise 교차 확인 with
 * two or more independent reports, else 단일 출처.
 */
export function deriveStatus(fact: Fact, sources: Record<string, Source>): VerificationStatus {
  if ((fact.contrarySources?.length ?? 0) > 0) return "disputed";
  const amountsByUnit = new Map<string, Set<number>>();
  for (const value of [fact.value, ...(fact.variants ?? []).map((variant) => variant.value)]) {
    if (!value) continue;
    const amounts = amountsByUnit.get(value.unit) ?? new Set<number>();
    amounts.add(value.amount);
    amountsByUnit.set(value.unit, amounts);
  }
  if ([...amountsByUnit.values()].some((amounts) => amounts.size > 1)) return "disputed";
  return countIndependent(fact.sources, sources) >= 2 ? "corroborated" : "single-source";
}

export function compileKnowledgeBase(input: unknown): CompiledKb {
  const parsed = v.safeParse(KnowledgeBaseSchema, input);
  if (!parsed.success) throw new KbError(parsed.issues.map((issue) => describeIssue(input, issue)));
  const kb: KnowledgeBaseInput = parsed.output;
  const problems: string[] = [];

  const sources: Record<string, Source> = {};
  for (const source of kb.sources) {
    if (sources[source.id]) problems.push(`source ${JSON.stringify(source.id)}, field id: duplicate id`);
    sources[source.id] = source;
  }
  const checkSource = (where: string, sid: string) => {
    if (!sources[sid]) problems.push(`${where}: unknown source ${JSON.stringify(sid)}`);
  };

  const entityIds = new Set<string>();
  const aliasOwner = new Map<string, string>();
  for (const entity of kb.entities) {
    const at = `entity ${JSON.stringify(entity.id)}`;
    if (entityIds.has(entity.id)) problems.push(`${at}, field id: duplicate id`);
    entityIds.add(entity.id);
    for (const alias of entity.aliases) {
      const key = alias.replace(/\s+/g, "").toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner && owner !== entity.id) problems.push(`${at}, field aliases: "${alias}" is also an alias of ${owner}`);
      aliasOwner.set(key, entity.id);
    }
    const factIds = new Set<string>();
    entity.facts.forEach((fact, i) => {
      const where = `${at}, field facts[${i}](${fact.id})`;
      if (factIds.has(fact.id)) problems.push(`${where}.id: duplicate fact id`);
      factIds.add(fact.id);
      fact.sources.forEach((sid, j) => checkSource(`${where}.sources[${j}]`, sid));
      fact.contrarySources?.forEach((sid, j) => checkSource(`${where}.contrarySources[${j}]`, sid));
      fact.variants?.forEach((variant, k) =>
        variant.sources.forEach((sid, j) => checkSource(`${where}.variants[${k}].sources[${j}]`, sid)),
      );
    });
    if (entity.type === "figure" && !entity.figure)
      problems.push(`${at}, field figure: a figure entity needs its verified value`);
    entity.figure?.conversions.forEach((c, k) => {
      if (c.min > c.max) problems.push(`${at}, field figure.conversions[${k}]: min is greater than max`);
      c.sources.forEach((sid, j) => checkSource(`${at}, field figure.conversions[${k}].sources[${j}]`, sid));
    });
  }
  for (const source of kb.sources) {
    if (source.relays === source.id)
      problems.push(`source ${JSON.stringify(source.id)}, field relays: a source cannot relay itself`);
  }
  (kb.corrections ?? []).forEach((correction, i) => {
    const where = `correction ${i} (${correction.entity})`;
    if (!entityIds.has(correction.entity))
      problems.push(`${where}, field entity: unknown entity ${JSON.stringify(correction.entity)}`);
    correction.sources.forEach((sid, j) => checkSource(`${where}, field sources[${j}]`, sid));
  });
  if (problems.length) throw new KbError(problems);

  const entities: CompiledEntity[] = kb.entities.map((entity) => ({
    ...entity,
    facts: entity.facts.map((fact) => ({
      ...fact,
      status: deriveStatus(fact, sources),
      independentSources: countIndependent(fact.sources, sources),
      hasPrimary: fact.sources.some((sid) => sources[sid]?.kind === "primary"),
    })),
  }));
  return {
    version: kb.version,
    asOf: kb.asOf,
    otherPeople: kb.otherPeople ?? [],
    ...(kb.naming ? { naming: kb.naming } : {}),
    sources,
    entities,
    corrections: kb.corrections ?? [],
  };
}
