/** Which sources a card or the popup lists for a fact, and in what order its notes come. Pure. */
import type { VariantDifference } from "../core/vocabulary";
import type { Citation } from "../kb/origins";
import type { Variant } from "../kb/schema";
import type { Lang } from "./format";

/** Distinct originals behind `ids` (copies are resolved in the compiled KB; two copies of one original are one). */
export function distinctCitations(sources: Record<string, Citation>, ids: readonly string[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const id of ids) {
    const cited = sources[id];
    if (cited && !seen.has(cited.id)) seen.set(cited.id, cited);
  }
  return [...seen.values()];
}

/** The companies or regulators whose own statement a fact rests on, named in the reader's language. */
export function primaryPublishers(sources: Record<string, Citation>, ids: readonly string[], lang: Lang): string[] {
  return [
    ...new Set(
      distinctCitations(sources, ids)
        .filter((c) => c.kind === "primary")
        .map((c) => c.publisher[lang]),
    ),
  ];
}

/** What differs most comes first: another account, a slip, another basis or detail, then notation. */
const NOTE_ORDER: readonly VariantDifference[] = [
  "contradiction",
  "error",
  "basis",
  "detail",
  "conversion",
  "rounding",
  "spelling",
];

export const notesInOrder = <V extends Pick<Variant, "difference">>(variants: readonly V[]): V[] =>
  [...variants].sort((a, b) => NOTE_ORDER.indexOf(a.difference) - NOTE_ORDER.indexOf(b.difference));
