/**
 * Reads the publication date a page states, in order of trust: the article meta tags, JSON-LD
 * datePublished, a <time> marked as the publication time, then a Korean byline near the top of the text.
 * Reads attributes and text only; the parsing is core/page-date.ts.
 */
import { dateFromByline, dateFromIso, dateFromJsonLd, dateFromText } from "../core/page-date";

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[property="og:article:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
];
/** How much of the page's text is searched for a byline (it sits at the top, under the headline). */
const BYLINE_TEXT_LIMIT = 20_000;

const JSON_LD = 'script[type="application/ld+json"]';
const PUBLISHED_TIME = 'time[itemprop="datePublished"], time[pubdate], time[data-type="published"]';

export function pageDateFromDocument(doc: Document): string | undefined {
  // Meta tags live in the head: asked there, a big page's body is not searched once per selector.
  const head = doc.head ?? doc;
  for (const selector of META_SELECTORS) {
    const content = head.querySelector(selector)?.getAttribute("content");
    const date = content ? (dateFromIso(content) ?? dateFromText(content)) : null;
    if (date) return date;
  }
  // JSON-LD and <time> may be anywhere: one search of the page for both.
  const found = [...doc.querySelectorAll(`${JSON_LD}, ${PUBLISHED_TIME}`)];
  for (const script of found.filter((element) => element.matches(JSON_LD))) {
    const date = dateFromJsonLd(script.textContent ?? "");
    if (date) return date;
  }
  const time = found.find((element) => element.matches(PUBLISHED_TIME));
  const datetime = time?.getAttribute("datetime");
  const fromTime = datetime ? (dateFromIso(datetime) ?? dateFromText(datetime)) : null;
  if (fromTime) return fromTime;
  return dateFromByline(bylineText(doc)) ?? undefined;
}

/** The first stretch of the page's visible text (script and style skipped), where bylines are. */
function bylineText(doc: Document): string {
  const root = doc.body;
  if (!root) return "";
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = "";
  for (let node = walker.nextNode(); node && text.length < BYLINE_TEXT_LIMIT; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    if (parent === "SCRIPT" || parent === "STYLE" || parent === "NOSCRIPT") continue;
    text += `${(node as Text).data} `;
  }
  return text;
}
