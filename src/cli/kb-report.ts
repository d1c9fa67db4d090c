/** `npm run --silent kb:report`: the knowledge base's size and verification, as one JSON object. */
import { loadKnowledgeBase } from "../build/kb-files.ts";
import { KbError } from "../kb/compile.ts";

try {
  const kb = loadKnowledgeBase();
  const facts = kb.entities.flatMap((e) => e.facts);
  const count = <T extends string>(values: T[]) =>
    values.reduce<Record<string, number>>((acc, v) => {
      acc[v] = (acc[v] ?? 0) + 1;
      return acc;
    }, {});
  const sources = Object.values(kb.sources);
  process.stdout.write(
    `${JSON.stringify({
      version: kb.version,
      asOf: kb.asOf,
      entities: kb.entities.map((e) => e.id),
      facts: facts.length,
      sources: sources.length,
      sourcesByKind: { primary: 0, news: 0, blog: 0, ...count(sources.map((s) => s.kind)) },
      factsByStatus: { corroborated: 0, "single-source": 0, disputed: 0, ...count(facts.map((f) => f.status)) },
      aliases: kb.entities.reduce((n, e) => n + e.aliases.length + (e.contextAliases?.length ?? 0), 0),
    })}\n`,
  );
} catch (error) {
  console.error(error instanceof KbError ? error.message : error);
  process.exit(1);
}
