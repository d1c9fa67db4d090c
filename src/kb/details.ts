/** What a card shows about one entity: the entity with its facts, and the sources they cite. Pure. */
import type { Citation, CompiledEntity, CompiledKb } from "./compile";
import type { Correction } from "./schema";

export type EntityDetails = {
  entity: CompiledEntity;
  /** What a reader is shown for each source the entity cites (originals only: copies are already resolved). */
  sources: Record<string, Citation>;
  corrections: Correction[];
  kb: { version: string; asOf: string };
};

export function entityDetails(kb: CompiledKb, id: string): EntityDetails | null {
  const entity = kb.entities.find((e) => e.id === id);
  if (!entity) return null;
  const corrections = kb.corrections.filter((c) => c.entity === id);
  const used = new Set<string>();
  for (const fact of entity.facts) {
    fact.sources.forEach((s) => used.add(s));
    fact.variants?.forEach((variant) => variant.sources.forEach((s) => used.add(s)));
  }
  entity.figure?.conversions.forEach((c) => c.sources.forEach((s) => used.add(s)));
  corrections.forEach((c) => c.sources.forEach((s) => used.add(s)));
  const sources: Record<string, Citation> = {};
  for (const id of used) if (kb.sources[id]) sources[id] = kb.sources[id];
  return { entity, sources, corrections, kb: { version: kb.version, asOf: kb.asOf } };
}
