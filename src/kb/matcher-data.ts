/** Projects the compiled knowledge base onto what the matcher needs, and nothing more (the content script ships this). */
import type { ClaimData, ClaimFigure } from "../core/claims.ts";
import type { MatcherEntity } from "../core/types.ts";
import type { CompiledKb } from "./compile";

export type MatcherData = { entities: MatcherEntity[]; otherPeople: string[]; claims: ClaimData };

export function toMatcherData(kb: CompiledKb): MatcherData {
  return { entities: toMatcherEntities(kb), otherPeople: kb.otherPeople, claims: toClaimData(kb) };
}

export function toMatcherEntities(kb: CompiledKb): MatcherEntity[] {
  return kb.entities.map((entity) => ({
    id: entity.id,
    type: entity.type,
    aliases: entity.aliases,
    ...(entity.contextAliases
      ? {
          contextAliases: entity.contextAliases.map(({ text, rule, cues }) => ({
            text,
            rule,
            ...(cues ? { cues } : {}),
          })),
        }
      : {}),
  }));
}

/** Figures, rates and the owner tables, without labels and sources (cards get those from the background). */
export function toClaimData(kb: CompiledKb): ClaimData {
  const figures: ClaimFigure[] = kb.figures.map((f) => ({
    id: f.id,
    entity: f.entity,
    owners: f.owners,
    metric: f.metric,
    period: {
      from: f.period.from,
      to: f.period.to,
      published: f.published,
      fiscalStartMonth: f.period.fiscalStartMonth ?? 1,
    },
    value: f.value,
    ...(f.identifiedBy ? { identifiedBy: f.identifiedBy } : {}),
    ...(f.reported
      ? {
          reported: f.reported.map(({ amount, currency, qualifier }) => ({
            amount,
            currency,
            ...(qualifier ? { qualifier } : {}),
          })),
        }
      : {}),
  }));
  const rates = kb.rates.map((r) => {
    const [base, quote] = r.pair.split("/") as [
      ClaimData["rates"][number]["base"],
      ClaimData["rates"][number]["quote"],
    ];
    return { id: r.id, base, quote, rate: r.rate, date: r.date };
  });
  const segments = kb.segments.map(({ id, parent, entities, words }) => ({ id, parent, entities, words }));
  return { figures, rates, segments, speakers: kb.speakers, asOf: kb.asOf };
}
