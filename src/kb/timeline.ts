/**
 * Time as part of a fact. A fact that can go stale says the date it holds for (`asOf`, no later than its newest
 * source); one replaced by a newer fact links to it (`supersededBy`, within its entity, never to an earlier one, no
 * loops); and what facts say is current (a role, the newest model, a running total) has one holder per slot among
 * the facts not superseded. Dates of any precision are compared as the days they cover. Pure.
 */
import type { Current, Entity, Fact } from "./schema.ts";

/** The first and last day a date of any precision covers: "2026-09" → 2026-09-01 … 2026-09-31 (as strings). */
export const firstDay = (iso: string): string =>
  iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso;
export const lastDay = (iso: string): string =>
  iso.length === 4 ? `${iso}-12-31` : iso.length === 7 ? `${iso}-31` : iso;

/** The date a fact holds for: its as-of date when it can go stale, else its own date. */
export const holdsFor = (fact: Pick<Fact, "asOf" | "date">): string => fact.asOf ?? fact.date;

/** True when a page dated `pageDate` is later than everything the evidence covers (`evidenceThrough`). */
export const isAfterEvidence = (pageDate: string, evidenceThrough: string): boolean =>
  firstDay(pageDate) > lastDay(evidenceThrough);

type Where = (entityIndex: number, factIndex: number) => string;

const ref = (entity: Entity, fact: Fact) => `${entity.id}/${fact.id}`;
/** A total, ranking or share without a named holder is held by the fact itself: two current ones always conflict. */
const holderOf = (entity: Entity, fact: Fact, current: Current) => current.holder ?? ref(entity, fact);

/**
 * Everything wrong with the facts' dates, successors and current holders. `newestSource` gives the latest date among
 * the sources that support a fact (null when none is dated); `evidenceThrough` bounds every as-of date.
 */
export function timelineProblems(
  entities: readonly Entity[],
  newestSource: (entity: Entity, fact: Fact) => string | null,
  where: Where,
  evidenceThrough?: string,
): string[] {
  const problems: string[] = [];
  const holders = new Map<string, Array<{ entity: Entity; fact: Fact; at: string; current: Current }>>();
  entities.forEach((entity, e) => {
    const byId = new Map(entity.facts.map((f) => [f.id, f]));
    entity.facts.forEach((fact, i) => {
      const at = where(e, i);
      if (fact.current && !fact.asOf)
        problems.push(`${at}.asOf: a fact that says what is current says as of when (asOf)`);
      if (fact.asOf) {
        if (lastDay(fact.asOf) < firstDay(fact.date))
          problems.push(`${at}.asOf: ${fact.asOf} is before the fact's own date ${fact.date}`);
        const newest = newestSource(entity, fact);
        if (!newest) problems.push(`${at}.asOf: no dated source shows the fact holding on ${fact.asOf}`);
        else if (firstDay(fact.asOf) > lastDay(newest))
          problems.push(
            `${at}.asOf: said to hold on ${fact.asOf}, but its newest source is dated ${newest} (cite one that shows it still holding, or give that date)`,
          );
        if (evidenceThrough && firstDay(fact.asOf) > lastDay(evidenceThrough))
          problems.push(`${at}.asOf: ${fact.asOf} is after the evidence the knowledge base has (${evidenceThrough})`);
      }
      if (fact.supersededBy !== undefined) {
        const next = byId.get(fact.supersededBy);
        if (fact.supersededBy === fact.id) problems.push(`${at}.supersededBy: a fact cannot supersede itself`);
        else if (!next)
          problems.push(`${at}.supersededBy: no fact ${JSON.stringify(fact.supersededBy)} in entity ${entity.id}`);
        else if (firstDay(holdsFor(next)) < firstDay(holdsFor(fact)))
          problems.push(
            `${at}.supersededBy: ${fact.supersededBy} holds for ${holdsFor(next)}, before this fact (${holdsFor(fact)}): the newer fact replaces the older`,
          );
        else {
          const seen = new Set([fact.id]);
          for (
            let step: Fact | undefined = next;
            step?.supersededBy !== undefined;
            step = byId.get(step.supersededBy)
          ) {
            if (seen.has(step.id)) {
              problems.push(`${at}.supersededBy: the successors loop back to ${step.id}`);
              break;
            }
            seen.add(step.id);
          }
        }
      }
      if (fact.supersededBy !== undefined) return;
      fact.current?.forEach((current, k) => {
        const list = holders.get(current.slot) ?? [];
        list.push({ entity, fact, at: `${at}.current[${k}]`, current });
        holders.set(current.slot, list);
      });
    });
  });
  for (const [slot, list] of holders) {
    const kinds = new Set(list.map((h) => h.current.kind));
    if (kinds.size > 1)
      problems.push(`${list[0]!.at}.kind: ${slot} is called ${[...kinds].join(" and ")} by different facts`);
    for (const holder of list) {
      const others = list.filter(
        (other) =>
          holderOf(other.entity, other.fact, other.current) !== holderOf(holder.entity, holder.fact, holder.current),
      );
      if (!others.length) continue;
      const named = others.map((o) => `${holderOf(o.entity, o.fact, o.current)} (${ref(o.entity, o.fact)})`);
      problems.push(
        `${holder.at}: ${slot} has another current ${holder.current.kind === "role" ? "holder" : "entry"}, ${named.join(", ")}: the older fact must be superseded by a newer one (supersededBy)`,
      );
    }
  }
  return problems;
}

/**
 * The facts a card lists: those not superseded, the ones that replaced an older fact first (a changed role, a newer
 * model: what a reader may not know yet), each group in its authored order.
 */
export function currentFacts<F extends Pick<Fact, "id" | "supersededBy">>(facts: readonly F[]): F[] {
  const replaced = new Set(facts.map((f) => f.supersededBy).filter((id) => id !== undefined));
  const current = facts.filter((f) => f.supersededBy === undefined);
  return [...current.filter((f) => replaced.has(f.id)), ...current.filter((f) => !replaced.has(f.id))];
}

/** What `fact` replaced, newest first, following the chain back (each fact's predecessors before theirs). */
export function previousFacts<F extends Pick<Fact, "id" | "supersededBy" | "date" | "asOf">>(
  facts: readonly F[],
  fact: F,
): F[] {
  const out: F[] = [];
  const seen = new Set<string>([fact.id]);
  const queue = [fact.id];
  while (queue.length) {
    const id = queue.shift()!;
    for (const f of facts)
      if (f.supersededBy === id && !seen.has(f.id)) {
        seen.add(f.id);
        out.push(f);
        queue.push(f.id);
      }
  }
  return out.sort((a, b) => firstDay(holdsFor(b)).localeCompare(firstDay(holdsFor(a))));
}
