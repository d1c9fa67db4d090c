/**
 * The publication date a page states (YYYY-MM-DD), read from its article meta tags, JSON-LD datePublished or a
 * <time> marked as the publication time. A small stand-in until the claim reader's fuller page-date reading (issue
 * 13: bylines, time zones) lands with the same name and signature.
 */
const META =
  'meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="pubdate"], meta[name="date"]';
const ISO_DAY = /^\s*(\d{4}-\d{2}-\d{2})/;

const isoDay = (value: string | null | undefined): string | undefined => (value ? ISO_DAY.exec(value)?.[1] : undefined);

function fromJsonLd(text: string): string | undefined {
  try {
    const queue: unknown[] = [JSON.parse(text)];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const node = queue[i];
      if (!node || typeof node !== "object") continue;
      const published = (node as Record<string, unknown>).datePublished;
      const day = typeof published === "string" ? isoDay(published) : undefined;
      if (day) return day;
      queue.push(...Object.values(node));
    }
  } catch {
    // Not JSON: the page's own script, not our concern.
  }
  return undefined;
}

export function pageDateFromDocument(doc: Document): string | undefined {
  for (const meta of doc.querySelectorAll(META)) {
    const day = isoDay(meta.getAttribute("content"));
    if (day) return day;
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const day = fromJsonLd(script.textContent ?? "");
    if (day) return day;
  }
  return isoDay(doc.querySelector("time[itemprop='datePublished'], time[pubdate]")?.getAttribute("datetime"));
}
