/**
 * `npm run --silent kb:report`: the knowledge base's size, verification and dates (as of, evidence through, its
 * newest source, how many facts carry an as-of date or are superseded), as one JSON object.
 * `-- --facts`: one JSON line per fact, {"entity","fact","status","origins":[{"publisher","kind","date"}]} plus
 * "asOf" and "supersededBy" when it has them, the origins being what supports the claim after copies and rewrites
 * are merged into their originals.
 */
import { readKnowledgeBaseInput } from "../build/kb-files.ts";
import { PUBLISHER_KINDS, VERIFICATION_STATUSES } from "../core/vocabulary.ts";
import { analyseKnowledgeBase, judgeFact, KbError } from "../kb/compile.ts";
import { lastDay } from "../kb/timeline.ts";
import type { CliIo } from "./io.ts";
import { isMain, processIo } from "./io.ts";

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
const count = (keys: readonly string[], values: string[]) =>
  values.reduce((acc, v) => {
    acc[v] = (acc[v] ?? 0) + 1;
    return acc;
  }, zeros(keys));

type Analysis = ReturnType<typeof analyseKnowledgeBase>;

/** One line per fact: its status, its origins after copies are merged, and its dates. */
function factLines({ input, graph }: Analysis): string {
  let lines = "";
  for (const entity of input.entities)
    for (const fact of entity.facts) {
      const verdict = judgeFact(fact, graph);
      const origins = verdict.origins.map((o) => ({
        publisher: o.publisher,
        kind: o.kind,
        date: graph.sources[o.id]!.date,
      }));
      const time = {
        ...(fact.asOf ? { asOf: fact.asOf } : {}),
        ...(fact.supersededBy ? { supersededBy: fact.supersededBy } : {}),
      };
      lines += `${JSON.stringify({ entity: entity.id, fact: fact.id, status: verdict.status, origins, ...time })}\n`;
    }
  return lines;
}

/** The knowledge base's size, verification and dates. */
function summary({ graph, compiled: kb }: Analysis): Record<string, unknown> {
  const facts = kb.entities.flatMap((e) => e.facts);
  const sources = Object.values(graph.sources);
  return {
    version: kb.version,
    asOf: kb.asOf,
    evidenceThrough: kb.evidenceThrough ?? null,
    newestSource: sources
      .map((source) => source.date)
      .filter((date): date is string => date !== null)
      .sort((a, b) => lastDay(a).localeCompare(lastDay(b)))
      .pop(),
    factsWithAsOf: facts.filter((f) => f.asOf).length,
    supersededFacts: facts.filter((f) => f.supersededBy).length,
    entities: kb.entities.map((e) => e.id),
    facts: facts.length,
    publishers: Object.keys(graph.publishers).length,
    sources: sources.length,
    sourcesByKind: count(
      PUBLISHER_KINDS,
      sources.map((s) => graph.publishers[s.publisher]!.kind),
    ),
    copies: sources.filter((s) => s.copyOf || s.basedOn).length,
    undatedSources: sources.filter((s) => !s.date).length,
    factsByStatus: count(
      VERIFICATION_STATUSES,
      facts.map((f) => f.status),
    ),
    aliases: kb.entities.reduce((n, e) => n + e.aliases.length + (e.contextAliases?.length ?? 0), 0),
  };
}

export function main(argv: string[], io: CliIo = processIo): number {
  try {
    const analysis = analyseKnowledgeBase(readKnowledgeBaseInput());
    io.out(argv.includes("--facts") ? factLines(analysis) : `${JSON.stringify(summary(analysis))}\n`);
    return 0;
  } catch (error) {
    io.err(`${error instanceof KbError ? error.message : error}\n`);
    return 1;
  }
}

if (isMain(import.meta.url)) process.exitCode = main(process.argv.slice(2));
