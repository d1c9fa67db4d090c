/**
 * `npm run eval`: precision, recall and F1 of the core matcher on the labelled
 * corpus in tests/fixtures/eval — overall, per entity and per category (plain
 * names, context-dependent forms, collisions in the negative texts, figures) —
 * and every miss and false positive.
 *
 * The corpus is authored as *.marked.txt: gold mentions inline as
 * [[surface|entity]] or [[surface|entity|ctx]] (context-dependent; a checked amount's label is its
 * figure's id in figures.json), with tags
 * for the class of Korean as it is really written that the form exercises
 * (|translit, |short, |compound, |spelling), and look-alikes that must stay
 * unmarked as {{surface|lookalike}}. `--write` derives the plain text (*.txt)
 * and the gold labels (*.gold.json, the scan CLI's shape) beside each file;
 * evaluation reads the marked files directly. Recall is reported per class
 * (for look-alikes: the share left unmarked).
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildMatcher, findMentions } from "../core/matcher.ts";
import { loadKnowledgeBase } from "../build/kb-files.ts";
import { toMatcherData } from "../kb/matcher-data.ts";

export const EVAL_DIR = resolve(import.meta.dirname, "..", "..", "tests", "fixtures", "eval");

/** Classes of Korean as it is really written, tagged on gold mentions; look-alikes are negatives. */
export const CLASSES = ["translit", "short", "compound", "lookalike", "spelling"] as const;
export type WrittenClass = (typeof CLASSES)[number];

export type Gold = {
  start: number;
  end: number;
  text: string;
  entity: string;
  category: "plain" | "context";
  classes?: WrittenClass[];
};
/** A look-alike (티몰 지니): text that must stay unmarked. */
export type LookAlike = { start: number; end: number; text: string };

/** Strips the markers, returning the plain text, the gold mentions and the look-alikes with offsets into it. */
export function parseMarked(marked: string): { text: string; gold: Gold[]; lookAlikes: LookAlike[] } {
  const gold: Gold[] = [];
  const lookAlikes: LookAlike[] = [];
  let text = "";
  let last = 0;
  for (const m of marked.matchAll(/\[\[([^\]|]+)\|([a-z0-9.-]+)((?:\|[a-z]+)*)\]\]|\{\{([^}|]+)\|lookalike\}\}/g)) {
    text += marked.slice(last, m.index);
    const surface = m[1] ?? m[4]!;
    if (m[4]) lookAlikes.push({ start: text.length, end: text.length + surface.length, text: surface });
    else {
      const tags = m[3]!.split("|").filter(Boolean);
      const unknown = tags.filter((t) => t !== "ctx" && !(CLASSES as readonly string[]).includes(t));
      if (unknown.length) throw new Error(`unknown tag ${unknown.join(", ")} in ${m[0]}`);
      const classes = tags.filter((t): t is WrittenClass => t !== "ctx");
      gold.push({
        start: text.length,
        end: text.length + surface.length,
        text: surface,
        entity: m[2]!,
        category: tags.includes("ctx") ? "context" : "plain",
        ...(classes.length ? { classes } : {}),
      });
    }
    text += surface;
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  return { text, gold, lookAlikes };
}

type Tally = { tp: number; fp: number; fn: number };
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
const score = ({ tp, fp, fn }: Tally) => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
};
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function evaluate(dir = EVAL_DIR) {
  const data = toMatcherData(loadKnowledgeBase());
  const figureIds = new Set(data.options.claims.figures.map((f) => f.id));
  const byClass = new Map<WrittenClass, Tally>(CLASSES.map((c) => [c, tally()]));
  const matcher = buildMatcher(data.entities, data.otherPeople, data.options);
  const overall = tally();
  const byEntity = new Map<string, Tally>();
  const byCategory = new Map<string, Tally>([
    ["plain", tally()],
    ["context", tally()],
    ["collision", tally()],
    ["figure", tally()],
  ]);
  const errors: string[] = [];
  let texts = 0;
  let goldCount = 0;
  const entityTally = (id: string) => {
    let entry = byEntity.get(id);
    if (!entry) byEntity.set(id, (entry = tally()));
    return entry;
  };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".marked.txt"))
    .sort()) {
    texts++;
    const negative = file.startsWith("neg-");
    const { text, gold, lookAlikes } = parseMarked(readFileSync(join(dir, file), "utf8"));
    goldCount += gold.length;
    // A checked amount is labelled with its figure's id (the card entity is the figure's, and may be a company).
    const found = findMentions(matcher, text).map((m) => (m.figure ? { ...m, entity: m.figure.id } : m));
    const key = (m: { start: number; end: number; entity: string }) => `${m.start}:${m.end}:${m.entity}`;
    const goldKeys = new Map(gold.map((g) => [key(g), g]));
    const foundKeys = new Set(found.map(key));
    for (const g of gold) {
      const category = figureIds.has(g.entity) ? "figure" : g.category;
      const hit = foundKeys.has(key(g));
      for (const t of [overall, entityTally(g.entity), byCategory.get(category)!]) hit ? t.tp++ : t.fn++;
      for (const c of g.classes ?? []) hit ? byClass.get(c)!.tp++ : byClass.get(c)!.fn++;
      if (!hit) errors.push(`miss  ${file}:${g.start} ${g.text} (${g.entity})`);
    }
    // A look-alike is right when nothing marked overlaps it (a true negative counted as a recalled case).
    for (const look of lookAlikes) {
      const marked = found.find((m) => m.start < look.end && m.end > look.start);
      marked ? byClass.get("lookalike")!.fn++ : byClass.get("lookalike")!.tp++;
    }
    for (const m of found) {
      if (goldKeys.has(key(m))) continue;
      const category = negative
        ? "collision"
        : figureIds.has(m.entity)
          ? "figure"
          : m.via === "context"
            ? "context"
            : "plain";
      for (const t of [overall, entityTally(m.entity), byCategory.get(category)!]) t.fp++;
      errors.push(`false ${file}:${m.start} ${m.text} (${m.entity})${negative ? " [collision]" : ""}`);
    }
  }
  return {
    texts,
    gold: goldCount,
    overall: score(overall),
    overallTally: overall,
    byEntity,
    byCategory,
    byClass,
    errors,
  };
}

function write(dir = EVAL_DIR): void {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".marked.txt"))) {
    const { text, gold } = parseMarked(readFileSync(join(dir, file), "utf8"));
    const base = file.replace(/\.marked\.txt$/, "");
    writeFileSync(join(dir, `${base}.txt`), text);
    const mentions = gold.map(({ start, end, text: t, entity }) => ({ start, end, text: t, entity }));
    writeFileSync(join(dir, `${base}.gold.json`), `${JSON.stringify({ file: `${base}.txt`, mentions }, null, 2)}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  if (process.argv.includes("--write")) write();
  const result = evaluate();
  const { precision, recall, f1 } = result.overall;
  console.log(`corpus: ${result.texts} texts, ${result.gold} gold mentions`);
  console.log(
    `overall: precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(f1)}  (tp ${result.overallTally.tp}, fp ${result.overallTally.fp}, fn ${result.overallTally.fn})`,
  );
  console.log("by category:");
  for (const [name, t] of result.byCategory) {
    const s = score(t);
    console.log(
      `  ${name.padEnd(10)} P ${pct(s.precision).padStart(6)}  R ${pct(s.recall).padStart(6)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`,
    );
  }
  console.log("recall by class of Korean as written (look-alikes: share left unmarked):");
  for (const [name, t] of result.byClass)
    console.log(`  ${name.padEnd(10)} R ${pct(score(t).recall).padStart(6)}  (${t.tp} of ${t.tp + t.fn})`);
  console.log("by entity:");
  for (const [id, t] of [...result.byEntity].sort()) {
    const s = score(t);
    console.log(
      `  ${id.padEnd(24)} P ${pct(s.precision).padStart(6)}  R ${pct(s.recall).padStart(6)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`,
    );
  }
  console.log(result.errors.length ? `errors:\n  ${result.errors.join("\n  ")}` : "no misses, no false positives");
}
