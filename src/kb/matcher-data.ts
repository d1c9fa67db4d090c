/** Projects the compiled knowledge base onto what the matcher needs, and nothing more (the content script ships this). */
import type { MatcherOptions } from "../core/matcher.ts";
import type { MatcherEntity } from "../core/types.ts";
import type { CompiledEntity, CompiledKb } from "./compile";
import { withGeneratedNames } from "./names.ts";

/** `otherPeople` also holds the out-of-scope names that begin with ours (naming.otherNames): never marked. */
export type MatcherData = { entities: MatcherEntity[]; otherPeople: string[]; options: MatcherOptions };

export function toMatcherData(kb: CompiledKb): MatcherData {
  return {
    entities: toMatcherEntities(kb),
    otherPeople: [...kb.otherPeople, ...(kb.naming?.otherNames ?? [])],
    options: {
      unitWords: kb.naming?.unitWords ?? [],
      ...(kb.naming?.ordinaryWords ? { ordinaryWords: kb.naming.ordinaryWords } : {}),
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
  };
}
