/**
 * `npm run kb:audit`: checks src/kb/data against the research dossiers (MAEKRAK_DOSSIER, files separated by ":";
 * by default ../shared/research/facts.yaml and facts-2026.yaml beside the checkout) — sources' titles, dates,
 * addresses, kinds and copies, facts' values, qualifiers and numbers, that every dossier fact and name is in the
 * knowledge base or listed in src/kb/audit-left-out.json with why, and the as-of and evidence dates. Prints the
 * problems (exit 1 if any) and, with --notes, the deliberate departures.
 */
import { DOSSIER_FILES, dossiersAvailable, readDossiers, readLeftOut } from "../build/dossier-files.ts";
import { readKnowledgeBaseInput } from "../build/kb-files.ts";
import { buildMatcher, findMentions } from "../core/matcher.ts";
import { auditAgainstDossier } from "../kb/audit.ts";
import { analyseKnowledgeBase, KbError } from "../kb/compile.ts";
import { toMatcherData } from "../kb/matcher-data.ts";

if (!dossiersAvailable()) {
  console.error(`no dossier at ${DOSSIER_FILES.join(", ")} (set MAEKRAK_DOSSIER)`);
  process.exit(2);
}
try {
  const { input, compiled } = analyseKnowledgeBase(readKnowledgeBaseInput());
  const data = toMatcherData(compiled);
  const matcher = buildMatcher(data.entities, data.otherPeople);
  const findEntities = (text: string) => findMentions(matcher, text).map((m) => m.entity);
  const { problems, notes } = auditAgainstDossier(input, readDossiers(), readLeftOut(), findEntities);
  if (process.argv.includes("--notes")) for (const note of notes) console.log(`note: ${note}`);
  for (const problem of problems) console.log(`problem: ${problem}`);
  console.log(`${problems.length} problems, ${notes.length} notes`);
  process.exit(problems.length ? 1 : 0);
} catch (error) {
  console.error(error instanceof KbError ? error.message : error);
  process.exit(1);
}
