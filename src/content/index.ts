/**
 * Content script entry: wiring only. Scans the page with the core matcher,
 * highlights mentions, opens cards on hover, and answers the popup.
 */
import matcherData from "virtual:maekrak/matcher";
import { buildMatcher } from "../core/matcher";
import { PopupToContent } from "../messages/protocol";
import type { EntityCount, PageMentions } from "../messages/protocol";
import { handleMessages, sendToBackground } from "../messages/bus";
import type { EntityDetails } from "../kb/details";
import { MentionHighlighter, highlightApiAvailable, type MentionRecord } from "./highlighter";
import { PageScanner } from "./scanner";
import { HoverCard } from "./card";
import { HoverController } from "./hover";

function summarise(records: readonly MentionRecord[]): PageMentions {
  const byEntity = new Map<string, EntityCount>();
  for (const record of records) {
    let entry = byEntity.get(record.entity);
    if (!entry) byEntity.set(record.entity, (entry = { entity: record.entity, type: record.type, count: 0, forms: [] }));
    entry.count++;
    if (!entry.forms.includes(record.text)) entry.forms.push(record.text);
    if (record.figure) (entry.verdicts ??= []).push(record.figure.verdict);
  }
  return { url: location.href, title: document.title, total: records.length, entities: [...byEntity.values()] };
}

function main(): void {
  if (!highlightApiAvailable()) {
    console.info("[maekrak] this browser has no CSS Custom Highlight API; nothing is highlighted");
  }
  const matcher = buildMatcher(matcherData.entities, matcherData.otherPeople);
  const highlighter = new MentionHighlighter();
  const detailsCache = new Map<string, Promise<EntityDetails | null>>();
  const loadDetails = (entity: string) => {
    let cached = detailsCache.get(entity);
    if (!cached) detailsCache.set(entity, (cached = sendToBackground({ type: "getEntityDetails", entity }).catch(() => null)));
    return cached;
  };

  let reported = -1;
  const report = () => {
    const count = highlighter.records.length;
    if (count === reported) return;
    reported = count;
    sendToBackground({ type: "mentionsChanged", count }).catch(() => undefined);
  };

  let hover: HoverController;
  const card = new HoverCard(document, (inside) => hover.pointerInsideCard(inside));
  hover = new HoverController({ doc: document, highlighter, card, loadDetails });
  const scanner = new PageScanner({ doc: document, matcher, highlighter, onChange: report });

  const cursor = new Map<string, number>();
  handleMessages(PopupToContent, {
    getPageMentions: () => summarise(highlighter.records),
    scrollToMention: ({ entity, direction }) => {
      const list = highlighter.records
        .filter((r) => r.entity === entity && r.range.startContainer.isConnected)
        .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
      if (!list.length) return null;
      const last = cursor.get(entity) ?? -1;
      const index = direction === "next" ? (last + 1) % list.length : (last - 1 + list.length) % list.length;
      cursor.set(entity, index);
      const target = list[index]!;
      target.range.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "smooth" });
      void hover.openFor(target);
      return { index, total: list.length };
    },
  });

  scanner.start();
  hover.start();
  report();
}

main();
