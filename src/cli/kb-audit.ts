/**
 * `npm run kb:audit`: checks src/kb/data against the research dossier (MAEKRAK_DOSSIER, by default
 * ../shared/research/facts.yaml beside the checkout) — sources' titles, dates, addresses, kinds and copies, facts'
 * values, qualifiers and numbers. Prints the problems (exit 1 if any) and, with --notes, the deliberate departures.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { readKnowledgeBaseInput } from "../build/kb-files.ts";
import type { Dossier } from "../kb/audit.ts";
import { auditAgainstDossier } from "../kb/audit.ts";
import { analyseKnowledgeBase, KbError } from "../kb/compile.ts";

export const DOSSIER =
  process.env.MAEKRAK_DOSSIER ?? join(import.meta.dirname, "..", "..", "..", "shared", "research", "facts.yaml");

if (!existsSync(DOSSIER)) {
  console.error(`no dossier at ${DOSSIER} (set MAEKRAK_DOSSIER)`);
  process.exit(2);
}
try {
  const { input } = analyseKnowledgeBase(readKnowledgeBaseInput());
  const { problems, notes } = auditAgainstDossier(input, parse(readFileSync(DOSSIER, "utf8")) as Dossier);
  if (process.argv.includes("--notes")) for (const note of notes) console.log(`note: ${note}`);
  for (const problem of problems) console.log(`problem: ${problem}`);
  console.log(`${problems.length} problems, ${notes.length} notes`);
  process.exit(problems.length ? 1 : 0);
} catch (error) {
  console.error(error instanceof KbError ? error.message : error);
  process.exit(1);
}
