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
import type {
  Correction,
  Entity,
  Fact,
  Figure,
  FiguresFile,
  KnowledgeBaseInput,
  Naming,
  Publisher,
  Rate,
  Segment,
  Source,
  Variant,
} from "./schema.ts";
import { KnowledgeBaseSchema } from "./schema.ts";
import type { StatusResult } from "./status.ts";
import { isEstablished, isReport, isRounding, SAME_CURRENCY_CONVERSION_SPREAD, verificationStatus } from "./status.ts";
import { lastDay, timelineProblems } from "./timeline.ts";

export type { VerificationStatus } from "../core/vocabulary.ts";
export type { Citation } from "./origins.ts";

export type CompiledFact = Omit<Fact, "sources" | "writtenFrom"> & {
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
  /** The newest evidence behind the knowledge base (YYYY-MM), when stated. */
  evidenceThrough?: string;
  otherPeople: string[];
  naming?: Naming;
  /** Every citable source id → what a reader is shown for it (a copy's entry is its original's). */
  sources: Record<string, Citation>;
  entities: CompiledEntity[];
  corrections: Correction[];
  /** Checkable figures, the segments and speakers owners are read through, and the sourced exchange rates. */
  figures: CompiledFigure[];
  segments: Segment[];
  speakers: Record<string, string>;
  rates: Rate[];
};

/**
 * A checkable figure with the status of its own sources under the same rules as a fact: only a figure resting on
 * the company's statement or on independent reports is checked against articles (see toClaimData).
 */
export type CompiledFigure = Figure & { status: VerificationStatus };

export class KbError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid knowledge base:\n  - ${problems.join("\n  - ")}`);
    this.name = "KbError";
  }
}

const ENTRY_NAMES: Record<string, string> = {
  entities: "entity",
  sources: "source",
  publishers: "publisher",
  rates: "rate",
  "figures.figures": "figure",
  "figures.segments": "segment",
};

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
      if (!entry && parts.length <= 2 && ENTRY_NAMES[parts.join(".")]) {
        entry = `${ENTRY_NAMES[parts.join(".")]} ${JSON.stringify(idValue)}`;
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
      if (!isEstablished(verdict))
        return `an error is called one only when the claim stands on a primary source or two independent dated reports (it has ${verdict.independentReports}); otherwise it is a contradiction`;
      if (variant.misreported?.length && variant.formsWithheld)
        return "an error lists page forms (misreported) or says why it has none (formsWithheld), not both";
      return variant.misreported?.length || variant.formsWithheld
        ? null
        : "an error lists how a page writes it (misreported), so the card can correct it where a page repeats it, or says why no form can be told from a true statement (formsWithheld)";
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
  const graph = sourceGraphOf(kb);
  const problems: string[] = [];
  const cite = (where: string, sid: string) => {
    if (!graph.sources[sid]) problems.push(`${where}: unknown source ${JSON.stringify(sid)}`);
    else {
      const why = uncitable(graph, sid);
      if (why) problems.push(`${where}: ${why}`);
    }
  };
  const entities = compileEntities(kb.entities, graph, cite, problems);
  checkFigures(kb.figures ?? EMPTY_FIGURES, kb.entities, cite, problems);
  checkRates(kb.rates ?? [], cite, problems);
  checkReferences(kb, entities.ids, cite, problems);
  if (!problems.length)
    problems.push(
      ...timelineProblems(
        kb.entities,
        (entity, fact) => entities.newestSupport.get(`${entity.id}/${fact.id}`) ?? null,
        (e, i) => `entity ${JSON.stringify(kb.entities[e]!.id)}, field facts[${i}](${kb.entities[e]!.facts[i]!.id})`,
        kb.evidenceThrough,
      ),
    );
  if (problems.length) throw new KbError(problems);
  return { input: kb, graph, compiled: compiledForm(kb, graph, entities.compiled) };
}

const EMPTY_FIGURES: FiguresFile = { segments: [], speakers: {}, figures: [] };

/** Publishers and sources by id; duplicate ids and a broken copy graph fail at once. */
function sourceGraphOf(kb: KnowledgeBaseInput): SourceGraph {
  const problems: string[] = [];
  const publishers: Record<string, Publisher> = {};
  for (const publisher of kb.publishers) {
    if (publishers[publisher.id]) problems.push(`publisher ${JSON.stringify(publisher.id)}, field id: duplicate id`);
    publishers[publisher.id] = publisher;
  }
  const sources: Record<string, Source> = {};
  for (const source of kb.sources) {
    if (sources[source.id]) problems.push(`source ${JSON.stringify(source.id)}, field id: duplicate id`);
    sources[source.id] = source;
  }
  const graph: SourceGraph = { publishers, sources };
  problems.push(...sourceGraphProblems(graph));
  if (problems.length) throw new KbError(problems);
  return graph;
}

type Cite = (where: string, sid: string) => void;

/** Every entity with its facts judged, the ids seen, and each fact's newest supporting date (for as-of checks). */
function compileEntities(entities: readonly Entity[], graph: SourceGraph, cite: Cite, problems: string[]) {
  const ids = new Set<string>();
  /** "entity/fact" → the latest date among the originals that support it. */
  const newestSupport = new Map<string, string | null>();
  const aliasOwner = new Map<string, { entity: string; alias: string }>();
  const compiled: CompiledEntity[] = [];
  for (const entity of entities) {
    const at = `entity ${JSON.stringify(entity.id)}`;
    if (ids.has(entity.id)) problems.push(`${at}, field id: duplicate id`);
    ids.add(entity.id);
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
      const judged = compileFact(fact, where, graph, cite, problems);
      if (!judged) return;
      newestSupport.set(`${entity.id}/${fact.id}`, judged.newestSupport);
      facts.push(judged.fact);
    });
    compiled.push({ ...entity, facts });
  }
  return { ids, newestSupport, compiled };
}

/** One fact with its status derived from its sources (null when a source it cites is unknown or uncitable). */
function compileFact(fact: Fact, where: string, graph: SourceGraph, cite: Cite, problems: string[]) {
  const before = problems.length;
  fact.sources.forEach((sid, j) => cite(`${where}.sources[${j}]`, sid));
  fact.variants?.forEach((variant, k) =>
    variant.sources.forEach((sid, j) => cite(`${where}.variants[${k}].sources[${j}]`, sid)),
  );
  if (problems.length > before) return null;
  const verdict = judgeFact(fact, graph);
  const dates = verdict.supporting.map((sid) => citation(graph, sid).date).filter((d): d is string => d !== null);
  const newestSupport = dates.sort((a, b) => lastDay(a).localeCompare(lastDay(b))).pop() ?? null;
  if (!verdict.origins.some((o) => o.kind === "primary" || isReport(o)))
    problems.push(
      `${where}.sources: the claim rests on no primary source and no dated news or wire report (blogs, reference works, undated pages and contradicting sources do not count)`,
    );
  fact.variants?.forEach((variant, k) => {
    const problem = variantProblem(fact, variant, verdict);
    if (problem) problems.push(`${where}.variants[${k}].difference: ${problem}`);
  });
  const { writtenFrom: _dossierRefs, ...shipped } = fact;
  const compiled: CompiledFact = {
    ...shipped,
    sources: verdict.supporting,
    ...(fact.variants
      ? { variants: fact.variants.map((variant) => ({ ...variant, sources: shownIds(graph, variant.sources) })) }
      : {}),
    status: verdict.status,
    independentReports: verdict.independentReports,
  };
  return { fact: compiled, newestSupport };
}

/** Families, publishers' owners and corrections point at entities that exist; corrections cite known sources. */
function checkReferences(kb: KnowledgeBaseInput, entityIds: ReadonlySet<string>, cite: Cite, problems: string[]) {
  for (const entity of kb.entities) {
    if (entity.family === undefined) continue;
    const at = `entity ${JSON.stringify(entity.id)}, field family`;
    if (entity.family === entity.id) problems.push(`${at}: an entity is not its own family`);
    else if (!entityIds.has(entity.family)) problems.push(`${at}: unknown entity ${JSON.stringify(entity.family)}`);
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
}

/** What ships: citations instead of source records, shown ids only, figures with their derived status. */
function compiledForm(kb: KnowledgeBaseInput, graph: SourceGraph, entities: CompiledEntity[]): CompiledKb {
  const figures = kb.figures ?? EMPTY_FIGURES;
  const sources: Record<string, Citation> = {};
  for (const id of Object.keys(graph.sources).sort()) if (!uncitable(graph, id)) sources[id] = citation(graph, id);
  return {
    version: kb.version,
    asOf: kb.asOf,
    ...(kb.evidenceThrough ? { evidenceThrough: kb.evidenceThrough } : {}),
    otherPeople: kb.otherPeople ?? [],
    ...(kb.naming ? { naming: kb.naming } : {}),
    sources,
    entities,
    corrections: (kb.corrections ?? []).map((c) => ({ ...c, sources: shownIds(graph, c.sources) })),
    figures: figures.figures.map((f) => ({
      ...f,
      status: verificationStatus(distinctOrigins(graph, f.sources), []).status,
      sources: shownIds(graph, f.sources),
      ...(f.reported ? { reported: f.reported.map((r) => ({ ...r, sources: shownIds(graph, r.sources) })) } : {}),
    })),
    segments: figures.segments,
    speakers: figures.speakers,
    rates: (kb.rates ?? []).map((r) => ({ ...r, sources: shownIds(graph, r.sources) })),
  };
}

/**
 * Figure records point at entities, facts, owners and sources that exist; every figure entity has a record;
 * periods run forward; a segment's parent and members are entities.
 */
function checkFigures(
  file: FiguresFile,
  entities: readonly Entity[],
  checkSource: (where: string, id: string) => void,
  problems: string[],
): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const owners = new Set([...byId.keys(), ...file.segments.map((s) => s.id)]);
  for (const segment of file.segments) {
    const at = `segment ${JSON.stringify(segment.id)}`;
    if (!byId.has(segment.parent))
      problems.push(`${at}, field parent: unknown entity ${JSON.stringify(segment.parent)}`);
    segment.entities.forEach((e, j) => {
      if (!byId.has(e)) problems.push(`${at}, field entities[${j}]: unknown entity ${JSON.stringify(e)}`);
    });
    if (!segment.id.startsWith(`${segment.parent}#`))
      problems.push(`${at}, field id: must start with its parent and # (${segment.parent}#…)`);
  }
  for (const [person, company] of Object.entries(file.speakers)) {
    if (!byId.has(person)) problems.push(`speakers, field ${person}: unknown entity`);
    if (!byId.has(company)) problems.push(`speakers, field ${person}: unknown entity ${JSON.stringify(company)}`);
  }
  const seen = new Set<string>();
  for (const figure of file.figures) {
    const at = `figure ${JSON.stringify(figure.id)}`;
    if (seen.has(figure.id)) problems.push(`${at}, field id: duplicate id`);
    seen.add(figure.id);
    const entity = byId.get(figure.entity);
    if (!entity) problems.push(`${at}, field entity: unknown entity ${JSON.stringify(figure.entity)}`);
    else if (figure.fact && !entity.facts.some((f) => f.id === figure.fact))
      problems.push(`${at}, field fact: entity ${figure.entity} has no fact ${JSON.stringify(figure.fact)}`);
    figure.owners.forEach((o, j) => {
      if (!owners.has(o)) problems.push(`${at}, field owners[${j}]: unknown entity or segment ${JSON.stringify(o)}`);
    });
    if (figure.period.from > figure.period.to) problems.push(`${at}, field period: from is after to`);
    if (figure.value.precision > Math.abs(figure.value.amount) && figure.value.amount !== 0)
      problems.push(`${at}, field value.precision: larger than the value itself`);
    figure.sources.forEach((sid, j) => checkSource(`${at}, field sources[${j}]`, sid));
    figure.reported?.forEach((r, k) =>
      r.sources.forEach((sid, j) => checkSource(`${at}, field reported[${k}].sources[${j}]`, sid)),
    );
  }
  for (const entity of entities) {
    if (entity.type === "figure" && !file.figures.some((f) => f.entity === entity.id))
      problems.push(
        `entity ${JSON.stringify(entity.id)}, field type: a figure entity needs a figure record (figures.json)`,
      );
  }
}

function checkRates(
  rates: readonly Rate[],
  checkSource: (where: string, id: string) => void,
  problems: string[],
): void {
  const seen = new Set<string>();
  for (const rate of rates) {
    const at = `rate ${JSON.stringify(rate.id)}`;
    if (seen.has(rate.id)) problems.push(`${at}, field id: duplicate id`);
    seen.add(rate.id);
    rate.sources.forEach((sid, j) => checkSource(`${at}, field sources[${j}]`, sid));
  }
}
