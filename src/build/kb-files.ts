/**
 * Reads the authored knowledge base from src/kb/data (Node only): meta.json,
 * publishers.json, every file in sources/ and entities/, and corrections.json. Used by the
 * build plugin, the scan CLI and the tests; the browser gets the compiled form.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { CompiledKb } from "../kb/compile.ts";
import { compileKnowledgeBase, KbError } from "../kb/compile.ts";

/** MAEKRAK_KB_DIR points the build at another knowledge base (tests use it to prove a bad one fails the build). */
export const KB_DATA_DIR = process.env.MAEKRAK_KB_DIR ?? join(import.meta.dirname, "..", "kb", "data");

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new KbError([`${file}: ${(error as Error).message}`]);
  }
}

function jsonFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => join(dir, f))
    : [];
}

/** Assembles the raw knowledge base; identical duplicate source records across files are merged. */
export function readKnowledgeBaseInput(dir = KB_DATA_DIR): unknown {
  const meta = readJson(join(dir, "meta.json")) as Record<string, unknown>;
  const sources = new Map<string, { file: string; json: string; record: unknown }>();
  const problems: string[] = [];
  for (const file of jsonFiles(join(dir, "sources"))) {
    const list = readJson(file);
    if (!Array.isArray(list)) throw new KbError([`${file}: must be an array of sources`]);
    for (const record of list) {
      const key = String((record as { id?: unknown })?.id);
      const json = JSON.stringify(record);
      const seen = sources.get(key);
      if (seen && seen.json !== json)
        problems.push(`source "${key}", field id: defined differently in ${seen.file} and ${file}`);
      if (!seen) sources.set(key, { file, json, record });
    }
  }
  if (problems.length) throw new KbError(problems);
  const entities = jsonFiles(join(dir, "entities")).map(readJson);
  const correctionsFile = join(dir, "corrections.json");
  const publishersFile = join(dir, "publishers.json");
  return {
    ...meta,
    publishers: existsSync(publishersFile) ? readJson(publishersFile) : [],
    sources: [...sources.values()].map((s) => s.record),
    entities,
    ...(existsSync(correctionsFile) ? { corrections: readJson(correctionsFile) } : {}),
  };
}

export function loadKnowledgeBase(dir = KB_DATA_DIR): CompiledKb {
  return compileKnowledgeBase(readKnowledgeBaseInput(dir));
}
