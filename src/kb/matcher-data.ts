/** Projects the compiled knowledge base onto what the matcher needs, and nothing more (the content script ships this). */
import type { MatcherEntity } from "../core/types.ts";
import type { CompiledKb } from "./compile";

export type MatcherData = { entities: MatcherEntity[]; otherPeople: string[] };

export function toMatcherData(kb: CompiledKb): MatcherData {
  return { entities: toMatcherEntities(kb), otherPeople: kb.otherPeople };
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
    ...(entity.figure
      ? {
          figure: {
            amount: entity.figure.amount,
            currency: entity.figure.currency,
            topicWords: entity.figure.topicWords,
            ...(entity.figure.identifyingWords ? { identifyingWords: entity.figure.identifyingWords } : {}),
            conversions: entity.figure.conversions.map(({ currency, min, max }) => ({ currency, min, max })),
          },
        }
      : {}),
  }));
}
