/** What a card shows about one entity: the entity with its facts, and the sources they cite. Pure. */
import type { Citation, CompiledEntity, CompiledKb } from "./compile";
import type { Correction, Figure, Rate } from "./schema";

export type EntityDetails = {
  entity: CompiledEntity;
  /** What a reader is shown for each source the entity cites (originals only: copies are already resolved). */
  sources: Record<string, Citation>;
  corrections: Correction[];
  kb: { version: string; asOf: string; evidenceThrough?: string };
  /** The figures this entity's card explains, and the rates their conversions are checked at. */
  figures: Figure[];
  rates: Rate[];
  /** Names of the figures' owners (entities and segments), for "whose figure it is". */
  owners: Record<string, { ko: string; en: string }>;
  /** The family the entity belongs to (a Qwen generation's 큐원), named for the card. */
  family?: { id: string; names: CompiledEntity["names"] };
};

export function entityDetails(kb: CompiledKb, id: string): EntityDetails | null {
  const entity = kb.entities.find((e) => e.id === id);
  if (!entity) return null;
  const corrections = kb.corrections.filter((c) => c.entity === id);
  const figures = kb.figures.filter((f) => f.entity === id);
  const rates = figures.length ? kb.rates : [];
  const used = new Set<string>();
  for (const fact of entity.facts) {
    fact.sources.forEach((s) => used.add(s));
    fact.variants?.forEach((variant) => variant.sources.forEach((s) => used.add(s)));
  }
  for (const figure of figures) {
    figure.sources.forEach((s) => used.add(s));
    figure.reported?.forEach((r) => r.sources.forEach((s) => used.add(s)));
  }
  rates.forEach((r) => r.sources.forEach((s) => used.add(s)));
  corrections.forEach((c) => c.sources.forEach((s) => used.add(s)));
  const sources: Record<string, Citation> = {};
  for (const id of used) if (kb.sources[id]) sources[id] = kb.sources[id];
  const owners: EntityDetails["owners"] = {};
  for (const owner of new Set(figures.flatMap((f) => f.owners))) {
    const named = kb.entities.find((e) => e.id === owner);
    const segment = kb.segments.find((s) => s.id === owner);
    if (named) owners[owner] = { ko: named.names.ko, en: named.names.en };
    else if (segment) owners[owner] = segment.label;
  }
  const family = entity.family ? kb.entities.find((e) => e.id === entity.family) : undefined;
  return {
    entity,
    sources,
    corrections,
    ...(family ? { family: { id: family.id, names: family.names } } : {}),
    kb: {
      version: kb.version,
      asOf: kb.asOf,
      ...(kb.evidenceThrough ? { evidenceThrough: kb.evidenceThrough } : {}),
    },
    figures,
    rates,
    owners,
  };
}
