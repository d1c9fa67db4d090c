/**
 * Projects the compiled knowledge base onto what the matcher needs, and nothing more (the content script ships this).
 */
import type { ClaimData, ClaimFigure } from "../core/claims.ts";
import type { MatcherOptions } from "../core/matcher.ts";
import type { MatcherEntity } from "../core/types.ts";
import type { CompiledEntity, CompiledKb } from "./compile";
import { withGeneratedNames } from "./names.ts";

/** `otherPeople` also holds the out-of-scope names that begin with ours (naming.otherNames): never marked. */
export type MatcherData = {
  entities: MatcherEntity[];
  otherPeople: string[];
  options: MatcherOptions & { claims: ClaimData };
};

export function toMatcherData(kb: CompiledKb): MatcherData {
  return {
    entities: toMatcherEntities(kb),
    otherPeople: [...kb.otherPeople, ...(kb.naming?.otherNames ?? [])],
    options: {
      unitWords: kb.naming?.unitWords ?? [],
      ...(kb.naming?.ordinaryWords ? { ordinaryWords: kb.naming.ordinaryWords } : {}),
      claims: toClaimData(kb),
    },
  };
}

/** Each entity's names for the matcher: the written ones and those generated from the data (names.ts). */
export function toMatcherEntities(kb: CompiledKb): MatcherEntity[] {
  return kb.entities.map((entity) => withGeneratedNames(entity, writtenNames(entity), kb.naming));
}

function writtenNames(entity: CompiledEntity): MatcherEntity {
  return {
    id: entity.id,
    type: entity.type,
    aliases: entity.aliases,
    ...(entity.contextAliases
      ? {
          contextAliases: entity.contextAliases.map(({ text, rule, cues, after }) => ({
            text,
            rule,
            ...(cues ? { cues } : {}),
            ...(after ? { after } : {}),
          })),
        }
      : {}),
  };
}

/**
 * Figures, rates and the owner tables, without labels and sources (cards get those from the background). Only
 * figures resting on the company's own statement or on independent reports are checked: a verdict against a
 * single-source figure would claim more than the knowledge base knows.
 */
export function toClaimData(kb: CompiledKb): ClaimData {
  const checkable = kb.figures.filter((f) => f.status === "company" || f.status === "corroborated");
  const figures: ClaimFigure[] = checkable.map((f) => ({
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
