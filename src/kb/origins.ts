/**
 * Where a source's text comes from. A reprint or verbatim copy (`copyOf`) is shown as its original; a rewrite or
 * translation (`basedOn`) is shown as itself; both count as their original when independence is weighed, followed
 * through chains. Outlets of one group (`partOf`) are one voice. Pure.
 */
import type { PublisherKind } from "../core/vocabulary.ts";
import type { Publisher, Source } from "./schema.ts";

export type SourceGraph = {
  publishers: Record<string, Publisher>;
  sources: Record<string, Source>;
};

/** What a reader is shown for a cited source: the original's publisher, title, date and own address. */
export type Citation = {
  /** The id of the record shown (a copy's original). */
  id: string;
  publisherId: string;
  publisher: { ko: string; en: string };
  kind: PublisherKind;
  title: string | null;
  date: string | null;
  dateApprox?: boolean;
  url: string | null;
};

/** One origin behind a claim, as the status rules weigh it. */
export type Origin = {
  id: string;
  publisher: string;
  /** Outlets of one group share it (the top of the `partOf` chain). */
  voice: string;
  kind: PublisherKind;
  dated: boolean;
  /** Published by an outlet the subject company owns (`ownedBy`): not independent of it. */
  ownedBySubject: boolean;
};

/** Follows `relations` from source `id` to the end of the chain; `loops` when it comes back to a source it passed. */
function walk(graph: SourceGraph, id: string, relations: ReadonlyArray<"copyOf" | "basedOn">) {
  let source = graph.sources[id]!;
  const seen = new Set<string>([id]);
  for (;;) {
    const next = relations.map((r) => source[r]).find((x) => x !== undefined);
    if (next === undefined || !graph.sources[next]) return { end: source, loops: false };
    if (seen.has(next)) return { end: source, loops: true };
    seen.add(next);
    source = graph.sources[next];
  }
}

const follow = (graph: SourceGraph, id: string, relations: ReadonlyArray<"copyOf" | "basedOn">): Source =>
  walk(graph, id, relations).end;

/** The record a reader is sent to for source `id`: copies followed to their original. */
export function shownRecord(graph: SourceGraph, id: string): Source {
  return follow(graph, id, ["copyOf"]);
}

/** The top of a publisher's `partOf` chain. */
export function voiceOf(graph: SourceGraph, publisherId: string): string {
  let id = publisherId;
  const seen = new Set<string>();
  while (graph.publishers[id]?.partOf && !seen.has(id)) {
    seen.add(id);
    id = graph.publishers[id]!.partOf!;
  }
  return id;
}

export function citation(graph: SourceGraph, id: string): Citation {
  const shown = shownRecord(graph, id);
  const publisher = graph.publishers[shown.publisher]!;
  return {
    id: shown.id,
    publisherId: publisher.id,
    publisher: publisher.names,
    kind: publisher.kind,
    title: shown.title,
    date: shown.date,
    ...(shown.dateApprox ? { dateApprox: true } : {}),
    url: shown.url,
  };
}

/** Publishers whose own rewrite of a report still carries that report's weight. */
const NEWSROOMS: ReadonlySet<PublisherKind> = new Set(["primary", "wire", "news"]);

/**
 * The origin behind source `id`, as the status rules weigh it: the first publication its text comes from, copies
 * followed always and rewrites when a newsroom wrote them. A blog's or an aggregator's retelling of a report is its
 * own (weak) origin: what we read is the blog, not the report.
 */
export function origin(graph: SourceGraph, id: string): Origin {
  let record = graph.sources[id]!;
  const seen = new Set<string>([id]);
  for (;;) {
    const kind = graph.publishers[record.publisher]?.kind;
    const next = record.copyOf ?? (kind && NEWSROOMS.has(kind) ? record.basedOn : undefined);
    if (next === undefined || seen.has(next) || !graph.sources[next]) break;
    seen.add(next);
    record = graph.sources[next];
  }
  const publisher = graph.publishers[record.publisher]!;
  return {
    id: record.id,
    publisher: publisher.id,
    voice: voiceOf(graph, publisher.id),
    kind: publisher.kind,
    dated: record.date !== null,
    ownedBySubject: publisher.ownedBy !== undefined,
  };
}

/**
 * Problems in the publishers and sources themselves: unknown publishers and originals, loops, a record that is both
 * a copy and a rewrite, and an aggregator that would be shown (only its copies of an original may be cited).
 */
export function sourceGraphProblems(graph: SourceGraph): string[] {
  const problems: string[] = [];
  for (const publisher of Object.values(graph.publishers)) {
    const at = `publisher ${JSON.stringify(publisher.id)}`;
    if (publisher.partOf === undefined) continue;
    if (!graph.publishers[publisher.partOf])
      problems.push(`${at}, field partOf: unknown publisher ${JSON.stringify(publisher.partOf)}`);
    else if (voiceOf(graph, publisher.id) === publisher.id)
      problems.push(`${at}, field partOf: the groups loop back to this publisher`);
  }
  for (const source of Object.values(graph.sources)) {
    const at = `source ${JSON.stringify(source.id)}`;
    if (!graph.publishers[source.publisher]) {
      problems.push(`${at}, field publisher: unknown publisher ${JSON.stringify(source.publisher)}`);
      continue;
    }
    if (source.copyOf !== undefined && source.basedOn !== undefined)
      problems.push(`${at}, field basedOn: a source is either a copy (copyOf) or a rewrite (basedOn), not both`);
    for (const relation of ["copyOf", "basedOn"] as const) {
      const target = source[relation];
      if (target === undefined) continue;
      if (target === source.id) problems.push(`${at}, field ${relation}: a source cannot copy itself`);
      else if (!graph.sources[target])
        problems.push(`${at}, field ${relation}: unknown source ${JSON.stringify(target)}`);
      else if (walk(graph, source.id, ["copyOf", "basedOn"]).loops)
        problems.push(`${at}, field ${relation}: the copies loop back to a source already passed`);
    }
    if (graph.publishers[source.publisher]!.kind === "aggregator" && source.basedOn !== undefined)
      problems.push(
        `${at}, field basedOn: an aggregator's page is never cited as itself; use copyOf for the original it copies`,
      );
  }
  return problems;
}

/**
 * Why source `id` cannot be cited, or null: an aggregator's own page (not a copy of an original) is provenance only.
 */
export function uncitable(graph: SourceGraph, id: string): string | null {
  const shown = shownRecord(graph, id);
  const publisher = graph.publishers[shown.publisher];
  if (publisher?.kind !== "aggregator") return null;
  return shown.id === id
    ? `source ${JSON.stringify(id)} is an aggregator's page (${publisher.names.en}), kept as provenance only: cite the original it copies`
    : `source ${JSON.stringify(id)} copies ${JSON.stringify(shown.id)}, an aggregator's page (${publisher.names.en})`;
}
