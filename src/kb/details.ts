/** What a card shows about one entity: the entity with its facts, and the sources they cite. Pure. */
import type { CompiledEntity, CompiledKb } from "./compile";
import type { Correction, Source } from "./schema";

export type EntityDetails = {
  entity: CompiledEntity;
  sources: Record<string, Source>;
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
    fact.contrarySources?.forEach((s) => used.add(s));
    fact.variants?.forEach((variant) => variant.sources.forEach((s) => used.add(s)));
  }
  entity.figure?.conversions.forEach((c) => c.sources.forEach((s) => used.add(s)));
  corrections.forEach((c) => c.sources.forEach((s) => used.add(s)));
  const sources: Record<string, Source> = {};
  for (const id of used) if (kb.sources[id]) sources[id] = kb.sources[id];
  return { entity, sources, corrections, kb: { version: kb.version, asOf: kb.asOf } };
}
