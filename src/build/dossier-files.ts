/**
 * Reads the research dossiers the knowledge base is written from (Node only): shared/research/facts.yaml and its
 * extension facts-2026.yaml beside the checkout (or beside a folder above it, for a worktree), or the files
 * MAEKRAK_DOSSIER lists (separated by ":"), merged in that order; and what the knowledge base leaves out of them on purpose (src/kb/audit-left-out.json).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import type { Dossier, LeftOut } from "../kb/audit.ts";
import { mergeDossiers } from "../kb/audit.ts";

/** shared/research in the nearest folder above the checkout that has one (worktrees sit a level deeper). */
function researchFolder(): string {
  for (let dir = join(import.meta.dirname, "..", ".."); ; dir = dirname(dir)) {
    const candidate = join(dir, "..", "shared", "research");
    if (existsSync(join(candidate, "facts.yaml")) || dirname(dir) === dir) return candidate;
  }
}
const RESEARCH = researchFolder();

export const DOSSIER_FILES: string[] = process.env.MAEKRAK_DOSSIER
  ? process.env.MAEKRAK_DOSSIER.split(":").filter(Boolean)
  : [join(RESEARCH, "facts.yaml"), join(RESEARCH, "facts-2026.yaml")];

export const LEFT_OUT_FILE = join(import.meta.dirname, "..", "kb", "audit-left-out.json");

export const dossiersAvailable = (): boolean => DOSSIER_FILES.every((file) => existsSync(file));

export function readDossiers(files: readonly string[] = DOSSIER_FILES): Dossier {
  return mergeDossiers(files.map((file) => parse(readFileSync(file, "utf8")) as Dossier));
}

export function readLeftOut(): LeftOut {
  return existsSync(LEFT_OUT_FILE) ? (JSON.parse(readFileSync(LEFT_OUT_FILE, "utf8")) as LeftOut) : {};
}
