/** `npm run kb:check`: validates src/kb/data and prints a summary, or the problems with entry and field named. */
import { loadKnowledgeBase } from "../build/kb-files";
import { KbError } from "../kb/compile";

try {
  const kb = loadKnowledgeBase();
  const facts = kb.entities.reduce((n, e) => n + e.facts.length, 0);
  const byStatus: Record<string, number> = {};
  for (const e of kb.entities) for (const f of e.facts) byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
  console.log(
    `knowledge base ${kb.version} (as of ${kb.asOf}): ${kb.entities.length} entities, ${facts} facts, ${Object.keys(kb.sources).length} sources, ${kb.corrections.length} corrections`,
  );
  console.log(`statuses: ${JSON.stringify(byStatus)}`);
  for (const e of kb.entities)
    console.log(`  ${e.id.padEnd(24)} ${e.type.padEnd(12)} aliases ${e.aliases.length}  facts ${e.facts.length}`);
} catch (error) {
  console.error(error instanceof KbError ? error.message : error);
  process.exit(1);
}
