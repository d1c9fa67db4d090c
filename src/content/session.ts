/**
 * Maekrak on one page, from start to stop: scanner, highlights, card, hover
 * and keyboard navigation, with the reader's settings applied live. Stopping
 * removes every highlight and the shadow host, leaving the page as it was.
 */
import matcherData from "virtual:maekrak/matcher";
import sieveSource from "virtual:maekrak/sieve";
import type { Matcher } from "../core/matcher";
import { matcherFromCompiled } from "../core/matcher";
import type { Sieve } from "../core/sieve";
import { compileSieve } from "../core/sieve";
import type { Settings } from "../core/settings";
import type { Direction } from "../core/vocabulary";
import type { EntityCount, PageMentions, ScrollResult } from "../messages/protocol";
import type { EntityDetails } from "../kb/details";
import type { HighlightView, MentionRecord } from "./highlighter";
import { MentionHighlighter, highlightApiAvailable } from "./highlighter";
import { PageScanner } from "./scanner";
import { HoverCard } from "./card";
import type { HoverOptions } from "./hover";
import { HoverController } from "./hover";
import { throttle } from "./throttle";
import { pageDateFromDocument } from "./page-date";
import type { VisibilityCache } from "./visibility";
import { afterLayout, textIsVisible } from "./visibility";
import { answerTestProbes } from "./test-probe";
import { randomLetters } from "./random-names";
import type { ClaimBlock } from "../core/claim-blocks";
import type { Mention } from "../core/types";

function isEditable(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName ?? "")));
}

let sharedMatcher: Matcher | null = null;
/** Built when a block first needs it, and kept: a page switched off and on again does not pay for it twice. */
const matcher = () => (sharedMatcher ??= matcherFromCompiled(matcherData));
let sharedSieve: Sieve | null = null;
const sieve = () => (sharedSieve ??= compileSieve(sieveSource));

/** Whether the reader can see the mention (asked when counting or stepping; `cache` shared by one count). */
const visible = (record: MentionRecord, cache: VisibilityCache) => textIsVisible(record.range.startContainer, cache);

/**
 * The badge is updated at most this often: each update is a runtime message that costs the page's main
 * thread (see bench/results/design-notes.md for what it cost on the bench's dynamic page).
 */
const BADGE_EVERY_MS = 500;

const viewOf = (s: Settings): HighlightView => ({ categories: s.categories, density: s.density, style: s.style });
const hoverOf = (s: Settings): HoverOptions => ({
  delayMs: s.hoverDelayMs,
  holdKey: s.holdKey,
  tapToOpen: s.tapToOpen,
  linkTap: s.linkTap,
});

export type SessionServices = {
  loadDetails(entity: string): Promise<EntityDetails | null>;
  /** Shows the number of mentions counted on the toolbar badge (0 clears it). */
  setBadge(count: number): void;
  /** The localised "N mentions on this page" (worded by the background, see GetAnnouncement). */
  announcement(count: number): Promise<string | null>;
  openInPopup(entity: string): void;
  /** Reads the amounts of `blocks` (in page order) against the claim state the background keeps for `page`. */
  readClaims(page: string, pageDate: string | undefined, blocks: ClaimBlock[]): Promise<Mention[][]>;
};

export class ContentSession {
  #doc: Document;
  #highlighter: MentionHighlighter;
  #scanner: PageScanner;
  #card: HoverCard;
  #hover: HoverController;
  #services: SessionServices;
  #badgeCount = -1;
  /**
   * The first count goes at once, after the first pass; later ones at most every BADGE_EVERY_MS, the last one always.
   */
  #updateBadgeSoon = throttle(() => this.#updateBadge(), BADGE_EVERY_MS);
  #announced = false;
  /** The count waits for a laid-out frame: asking what is visible must not force a restyle inside our task. */
  #laidOut: ReturnType<typeof afterLayout>;
  #announcePending = false;
  /** Per entity, the index of the mention scrollToEntity last went to. */
  #entityPosition = new Map<string, number>();
  #stepCursor: MentionRecord | null = null;

  constructor(doc: Document, settings: Settings, services: SessionServices) {
    this.#doc = doc;
    this.#services = services;
    this.#laidOut = afterLayout(doc.defaultView ?? window);
    this.#highlighter = new MentionHighlighter(viewOf(settings), doc);
    this.#card = new HoverCard(doc, {
      pointerInside: (inside) => this.#hover.pointerInsideCard(inside),
      closed: () => this.#hover.close(),
      openInPopup: (entity) => services.openInPopup(entity),
      pageMentions: () => this.#highlighter.records,
    });
    this.#hover = new HoverController({
      doc,
      highlighter: this.#highlighter,
      card: this.#card,
      loadDetails: services.loadDetails,
      hover: hoverOf(settings),
    });
    let page: string | null = null;
    this.#scanner = new PageScanner({
      doc,
      matcher,
      sieve: sieve(),
      highlighter: this.#highlighter,
      onChange: () => this.#updateBadgeSoon.call(),
      onSettled: () => this.#announceOnce(),
      pageDate: () => pageDateFromDocument(doc),
      onFound: () => this.#listen(),
      // One claim state per session (a page switched off and on again is read afresh), named at the first amount: a
      // page without one draws nothing from the random generator.
      readClaims: (blocks, pageDate) => services.readClaims((page ??= randomLetters(8, 12)), pageDate, blocks),
    });
  }

  #abort = new AbortController();
  #listening = false;
  #endProbes: (() => void) | null = null;

  start(): void {
    if (!highlightApiAvailable())
      console.info("[maekrak] this browser has no CSS Custom Highlight API; nothing is highlighted");
    if (__MAEKRAK_TEST_BUILD__)
      this.#endProbes = answerTestProbes(this.#doc, () => ({
        names: this.#highlighter.registeredNames(),
        host: this.#card.host,
        root: this.#card.root,
      }));
    this.#scanner.start();
  }

  /** Pointer and keys are listened to from the first mention on: a page without one gets no listener. */
  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    this.#hover.start();
    // The same keys as the commands (manifest), for when the browser leaves the command unassigned (another
    // extension took the shortcut): a registered command never reaches the page, so this never doubles it.
    this.#doc.defaultView?.addEventListener(
      "keydown",
      (event) => {
        if (event.defaultPrevented || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
        const direction = event.code === "KeyJ" ? "next" : event.code === "KeyK" ? "previous" : null;
        if (!direction || isEditable(event.target)) return;
        event.preventDefault();
        this.step(direction);
      },
      { signal: this.#abort.signal },
    );
  }

  stop(): void {
    this.#endProbes?.();
    this.#abort.abort();
    this.#scanner.stop();
    this.#hover.stop();
    this.#highlighter.clear();
    this.#card.destroy();
    this.#updateBadgeSoon.cancel();
    this.#laidOut.cancel();
    this.#services.setBadge(0);
  }

  apply(settings: Settings): void {
    this.#hover.options = hoverOf(settings);
    const view = viewOf(settings);
    const current = this.#highlighter.view;
    if (JSON.stringify(view) === JSON.stringify(current)) return;
    this.#highlighter.setView(view);
    const open = this.#card.open;
    if (open && !this.#highlighter.isShown(open)) this.#hover.close();
    this.#updateBadgeSoon.call();
  }

  /** The mentions the reader chose and can see: what the badge, the popup and the announcement count. */
  #counted(): MentionRecord[] {
    const cache: VisibilityCache = new Map();
    return this.#highlighter.inChosenCategories().filter((r) => visible(r, cache));
  }

  #updateBadge(): void {
    // Nothing found and nothing shown yet: no badge to clear, nothing to announce, no frame to wait for.
    // (The browser clears a tab's badge when it loads a page.)
    if (this.#badgeCount === -1 && !this.#highlighter.records.length) {
      this.#announcePending = false;
      return;
    }
    this.#laidOut.run(() => {
      const count = this.#counted().length;
      if (this.#announcePending) {
        this.#announcePending = false;
        if (count > 0)
          void this.#services.announcement(count).then((text) => {
            if (text) this.#card.announce(text);
          });
      }
      if (count === this.#badgeCount) return;
      this.#badgeCount = count;
      this.#services.setBadge(count);
    });
  }

  /** Once per page, after the first full scan: "N mentions on this page" for screen readers. */
  #announceOnce(): void {
    if (this.#announced) return;
    this.#announced = true;
    this.#announcePending = true;
    this.#updateBadge();
  }

  summary(): PageMentions {
    this.#updateBadgeSoon.call(); // the popup asks: the badge catches up too (a menu opened since shows its mentions)
    const byEntity = new Map<string, EntityCount>();
    const records = this.#counted();
    const entityTypes = matcher().entities;
    for (const record of records) {
      // A checked amount counts under its card's entity only when that entity is a figure (the 3800억 위안
      // plan); amounts of a company's figures (앤트그룹's fine) are listed with the checked amounts only.
      if (record.figure && entityTypes.get(record.entity)?.type !== "figure") continue;
      let entry = byEntity.get(record.entity);
      if (!entry)
        byEntity.set(record.entity, (entry = { entity: record.entity, type: record.type, count: 0, forms: [] }));
      entry.count++;
      if (!entry.forms.includes(record.text)) entry.forms.push(record.text);
      if (record.figure) (entry.verdicts ??= []).push(record.figure.verdict);
    }
    const claims = this.#checkedAmounts().map(({ text, entity, figure }) => ({
      text,
      entity,
      verdict: figure!.verdict,
      figure: figure!.id,
      currency: figure!.amount.currency,
      ...(figure!.intended !== undefined ? { intended: figure!.intended } : {}),
    }));
    return {
      url: location.href,
      title: this.#doc.title,
      total: records.length,
      entities: [...byEntity.values()],
      claims,
      enabled: true,
    };
  }

  /** The amounts checked against a verified figure, in document order (the figure category chosen). */
  #checkedAmounts(): MentionRecord[] {
    if (!this.#highlighter.view.categories.figure) return [];
    const cache: VisibilityCache = new Map();
    return this.#highlighter.inDocumentOrder((r) => r.figure !== undefined && visible(r, cache));
  }

  /** Popup: the index-th checked amount, scrolled to, flashed and opened. */
  showClaim(index: number): ScrollResult {
    const list = this.#checkedAmounts();
    const record = list[index];
    if (!record) return null;
    this.#reveal(record, false);
    return { index, total: list.length };
  }

  /** Popup: the next/previous mention of one entity (cycling), scrolled to, flashed and opened. */
  scrollToEntity(entity: string, direction: Direction): ScrollResult {
    const cache: VisibilityCache = new Map();
    const list = this.#highlighter.inDocumentOrder((r) => r.entity === entity && visible(r, cache));
    if (!list.length) return null;
    const last = this.#entityPosition.get(entity) ?? -1;
    const index = direction === "next" ? (last + 1) % list.length : (last - 1 + list.length) % list.length;
    this.#entityPosition.set(entity, index);
    this.#reveal(list[index]!, false);
    return { index, total: list.length };
  }

  /** Keyboard command: the next/previous highlighted mention in reading order, with its card focused. */
  step(direction: Direction): ScrollResult {
    const cache: VisibilityCache = new Map();
    const list = this.#highlighter.inDocumentOrder((r) => this.#highlighter.isShown(r) && visible(r, cache));
    if (!list.length) return null;
    let index = this.#stepCursor ? list.indexOf(this.#stepCursor) : -1;
    if (index === -1 && this.#stepCursor) {
      // The last mention went away: continue from where it was.
      const probe = this.#stepCursor.range;
      index = list.findIndex((r) => r.range.compareBoundaryPoints(Range.START_TO_START, probe) > 0) - 1;
    }
    index = direction === "next" ? (index + 1) % list.length : index <= 0 ? list.length - 1 : index - 1;
    const target = list[index]!;
    this.#stepCursor = target;
    this.#reveal(target, true);
    return { index, total: list.length };
  }

  #reveal(record: MentionRecord, focus: boolean): void {
    const reduceMotion = this.#doc.defaultView?.matchMedia("(prefers-reduced-motion: reduce)").matches;
    record.range.startContainer.parentElement?.scrollIntoView({
      block: "center",
      behavior: reduceMotion ? "auto" : "smooth",
    });
    this.#highlighter.flash(record);
    this.#hover.close();
    void this.#hover.openFor(record, { focus, force: true });
  }
}
