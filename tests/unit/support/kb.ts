/** Builders for small knowledge bases in tests: a publisher, a source, a fact, and a knowledge base around facts. */
export const publisher = (id: string, kind: string, extra: Record<string, unknown> = {}) => ({
  id,
  names: { ko: `${id}-ko`, en: `${id}-en` },
  kind,
  ...extra,
});

export const source = (id: string, publisherId: string, extra: Record<string, unknown> = {}) => ({
  id,
  publisher: publisherId,
  title: null,
  date: "2025-02-24",
  url: `https://example.org/${id}`,
  ...extra,
});

export const fact = (id: string, sources: string[], extra: Record<string, unknown> = {}) => ({
  id,
  claim: { ko: "주장", en: "claim" },
  date: "2025-02-24",
  sources,
  ...extra,
});

/** One entity holding `facts` (plus a filler fact, since an entity needs two), with the given publishers and sources. */
export function kbWith(parts: {
  publishers: Array<ReturnType<typeof publisher>>;
  sources: Array<ReturnType<typeof source>>;
  facts: Array<ReturnType<typeof fact>>;
}) {
  return {
    version: "t",
    asOf: "2026-01-01",
    publishers: [...parts.publishers, publisher("filler-wire", "wire")],
    sources: [...parts.sources, source("filler", "filler-wire")],
    entities: [
      {
        id: "alibaba-group",
        type: "organization",
        names: { ko: "알리바바", en: "Alibaba" },
        aliases: ["알리바바"],
        summary: { ko: "요약", en: "summary" },
        facts: [...parts.facts, fact("filler", ["filler"])],
      },
    ],
  };
}
