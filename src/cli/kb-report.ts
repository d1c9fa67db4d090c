/**
 * `npm run --silent kb:report`: the knowledge base's size and verification, as one JSON object.
 * `-- --facts`: one JSON line per fact, {"entity","fact","status","origins":[{"publisher","kind","date"}]}, the
 * origins being what supports the claim after copies and rewrites are merged into their originals.
 */
import { readKnowledgeBaseInput } from "../build/kb-files.ts";
import { PUBLISHER_KINDS, VERIFICATION_STATUSES } from "../core/vocabulary.ts";
import { analyseKnowledgeBase, judgeFact, KbError } from "../kb/compile.ts";

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
const count = (keys: readonly string[], values: string[]) =>
  values.reduce((acc, v) => {
    acc[v] = (acc[v] ?? 0) + 1;
    return acc;
  }, zeros(keys));

try {
  const { input, graph, compiled: kb } = analyseKnowledgeBase(readKnowledgeBaseInput());
  if (process.argv.includes("--facts")) {
    for (const entity of input.entities)
      for (const fact of entity.facts) {
        const verdict = judgeFact(fact, graph);
        const origins = verdict.origins.map((o) => ({
          publisher: o.publisher,
          kind: o.kind,
          date: graph.sources[o.id]!.date,
        }));
        process.stdout.write(
          `${JSON.stringify({ entity: entity.id, fact: fact.id, status: verdict.status, origins })}\n`,
        );
      }
  } else {
    const facts = kb.entities.flatMap((e) => e.facts);
    process.stdout.write(
      `${JSON.stringify({
        version: kb.version,
        asOf: kb.asOf,
        entities: kb.entities.map((e) => e.id),
        facts: facts.length,
        publishers: Object.keys(graph.publishers).length,
        sources: Object.keys(graph.sources).length,
        sourcesByKind: count(
          PUBLISHER_KINDS,
          Object.values(graph.sources).map((s) => graph.publishers[s.publisher]!.kind),
        ),
        copies: Object.values(graph.sources).filter((s) => s.copyOf || s.basedOn).length,
        undatedSources: Object.values(graph.sources).filter((s) => !s.date).length,
        factsByStatus: count(
          VERIFICATION_STATUSES,
          facts.map((f) => f.status),
        ),
        aliases: kb.entities.reduce((n, e) => n + e.aliases.length + (e.contextAliases?.length ?? 0), 0),
      })}\n`,
    );
  }
} catch (error) {
  console.error(error instanceof KbError ? error.message : error);
  process.exit(1);
}
