/**
 * Every misreport the knowledge base knows about an entity, in one shape (pure): its corrections, and the variants
 * its facts mark as errors (what the erring source wrote against what the evidence shows). A card shows a
 * correction box for each one a paragraph repeats, once even when a correction and an error variant describe it.
 */
import { aliasKey } from "../core/text";
import type { CompiledEntity } from "./compile";
import type { Correction } from "./schema";

type Bilingual = { ko: string; en: string };

export type Misreport = {
  /** Forms as pages write it. */
  forms: string[];
  /** What the misreport says (without a label: the card adds "일부 기사" once). */
  says: Bilingual;
  actually: Bilingual;
  sources: string[];
};

/** The entity's corrections first (written for readers), then its error variants. */
export function misreportsOf(entity: Pick<CompiledEntity, "facts">, corrections: readonly Correction[]): Misreport[] {
  const out: Misreport[] = corrections.map((c) => ({
    forms: c.misreported,
    says: c.says,
    actually: c.actually,
    sources: c.sources,
  }));
  for (const fact of entity.facts)
    for (const variant of fact.variants ?? []) {
      if (variant.difference !== "error" || !variant.misreported?.length) continue;
      out.push({
        forms: variant.misreported,
        says: variant.text,
        actually: variant.reason ?? fact.claim,
        sources: fact.sources,
      });
    }
  return out;
}

/**
 * The misreports `text` repeats. One the page matched through a form an earlier one also lists is the same
 * misreport told twice (a correction and the variant it came from): shown once.
 */
export function misreportsIn(misreports: readonly Misreport[], text: string): Misreport[] {
  const compact = aliasKey(text);
  const shownForms = new Set<string>();
  const shown: Misreport[] = [];
  for (const misreport of misreports) {
    const keys = misreport.forms.map(aliasKey);
    if (!keys.some((key) => compact.includes(key))) continue;
    if (keys.some((key) => shownForms.has(key))) continue;
    keys.forEach((key) => shownForms.add(key));
    shown.push(misreport);
  }
  return shown;
}

/** What a card shows for a mention in `text`: the misreports of its entity that the paragraph repeats. */
export function misreportsOnPage(
  details: { entity: Pick<CompiledEntity, "facts">; corrections: readonly Correction[] },
  text: string,
): Misreport[] {
  return misreportsIn(misreportsOf(details.entity, details.corrections), text);
}
