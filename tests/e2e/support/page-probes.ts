/**
 * Functions evaluated in the page's main world (both browsers). They read
 * what a reader would see: the highlight registry, the card in its shadow
 * root, and the page's own DOM. Kept free of closures so they serialise.
 *
 * A release build shows a page nothing to find Maekrak by: random highlight names and host tag, a closed
 * shadow root. The test build answers one more event (src/content/test-probe.ts); `installProbeChannel`,
 * added to every page the suites open (browsers.ts), asks it and gives the probes `__e2eProbe`: our highlights
 * under their logical keys ("maekrak-person", "maekrak-underline-product", "maekrak-flash" …) and the card.
 */

export type HighlightSnapshot = Record<string, string[]>;

export type ProbeChannel = {
  /** Maekrak's highlights now registered, by logical key. */
  highlights(): Array<[string, Highlight]>;
  /** The card's host (its tag is random) and closed shadow root, once made. */
  card(): { host: HTMLElement | null; root: ShadowRoot | null };
  /** Elements added under <html> that the page did not put there (the card's host, and nothing else). */
  added(): Element[];
};

declare global {
  var __e2eProbe: ProbeChannel;
}

/** The page-side half of the test build's probe channel (an init script: runs before the page's own scripts). */
export function installProbeChannel(): void {
  // The genuine built-ins, kept before any page script runs: a hostile page may replace them (patched-globals.html).
  const HighlightType = Highlight;
  const registry = CSS.highlights;
  const { set, delete: remove } = HighlightRegistry.prototype;
  const { addEventListener: listen, removeEventListener: unlisten, dispatchEvent } = EventTarget.prototype;
  const Custom = CustomEvent;
  const served = new WeakSet<Element>();
  const ask = () => {
    const holder = `probe${Math.random().toString(36).slice(2)}`;
    const highlight = new HighlightType();
    set.call(registry, holder, highlight);
    let reply: string | null = null;
    const onReply = (event: Event) => {
      reply = String((event as CustomEvent).detail);
    };
    listen.call(document, "e2e-reply", onReply);
    try {
      dispatchEvent.call(document, new Custom("e2e-probe", { detail: holder }));
    } finally {
      unlisten.call(document, "e2e-reply", onReply);
      remove.call(registry, holder);
    }
    const answer = reply ? JSON.parse(reply) : { names: {}, host: null };
    const root = ([...highlight][0]?.startContainer ?? null) as ShadowRoot | null;
    return { names: answer.names as Record<string, string>, host: answer.host as string | null, root };
  };
  const channel: ProbeChannel = {
    highlights: () => {
      const { names } = ask();
      const out: Array<[string, Highlight]> = [];
      for (const [name, highlight] of (CSS as any).highlights as Map<string, Highlight>)
        if (names[name]) out.push([names[name]!, highlight]);
      return out;
    },
    card: () => {
      const { host, root } = ask();
      const element = host ? ([...document.documentElement.children].find((e) => e.localName === host) ?? null) : null;
      return { host: element as HTMLElement | null, root };
    },
    added: () => [...document.documentElement.children].filter((e) => !served.has(e)),
  };
  Object.defineProperty(globalThis, "__e2eProbe", { value: channel, configurable: true });
  // What <html> holds once the page is parsed is the page's own.
  listen.call(document, "DOMContentLoaded", () => {
    for (const element of document.documentElement.children) served.add(element);
  });
}

/** Texts of every range in each of Maekrak's highlights, by logical key. */
export function readHighlights(): HighlightSnapshot {
  const out: Record<string, string[]> = {};
  for (const [key, highlight] of __e2eProbe.highlights())
    out[key] = [...(highlight as unknown as Set<Range>)].map((range) => range.toString());
  return out;
}

/** Viewport centre of the first highlighted range whose text is `text` (scrolled into view first). */
export function pointOfMention(text: string): { x: number; y: number } | null {
  for (const [, highlight] of __e2eProbe.highlights()) {
    for (const range of highlight as unknown as Set<Range>) {
      if (range.toString() !== text) continue;
      (range.startContainer.parentElement as Element).scrollIntoView({ block: "center" });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

/** Whether any highlighted range starts inside the element with this id. */
export function highlightedInside(id: string): boolean {
  const element = document.getElementById(id);
  for (const [, highlight] of __e2eProbe.highlights()) {
    for (const range of highlight as unknown as Set<Range>) if (element?.contains(range.startContainer)) return true;
  }
  return false;
}

export type CardSnapshot = {
  open: boolean;
  entity?: string;
  title?: string;
  /** The line under the title: the name as written, and why a short or misspelt form was linked. */
  written?: string;
  text?: string;
  role?: string;
  /** Verification status of each fact shown. */
  badges?: string[];
  /** Number of source lines shown. */
  sources?: number;
  /** For amounts: the verdict shown (match, conversion-match, differs, unverifiable). */
  verdict?: string;
  /** Corrections of misreports shown. */
  corrections?: number;
  /** Differing values listed, and how many say why they differ. */
  variants?: number;
  reasons?: number;
  box?: { top: number; bottom: number };
};

export function readCard(): CardSnapshot {
  const panel = (__e2eProbe.card().root?.querySelector(".panel[data-card=hover]:not([hidden])") ??
    __e2eProbe.card().root?.querySelector(".panel:not([hidden])") ??
    __e2eProbe.card().root?.querySelector(".panel")) as HTMLElement | null | undefined;
  if (!panel || panel.hidden) return { open: false };
  const rect = panel.getBoundingClientRect();
  return {
    open: true,
    entity: panel.dataset.entity,
    title: panel.querySelector("h2")?.textContent ?? "",
    written: panel.querySelector(".as-written")?.textContent ?? "",
    text: panel.textContent ?? "",
    role: panel.getAttribute("role") ?? "",
    badges: [...panel.querySelectorAll(".facts .badge")].map((b) => [...b.classList].find((c) => c !== "badge") ?? ""),
    sources: panel.querySelectorAll(".sources li").length,
    verdict: [...(panel.querySelector(".figure-check")?.classList ?? [])].find((c) => c !== "figure-check") ?? "",
    corrections: panel.querySelectorAll(".correction").length,
    variants: panel.querySelectorAll(".variants li").length,
    reasons: panel.querySelectorAll(".variants .reason").length,
    box: { top: rect.top, bottom: rect.bottom },
  };
}

/** The page as served vs. as it is now: body markup, the elements added under <html>, and which is the card's host. */
export async function integrityReport(): Promise<{ bodySame: boolean; added: string[]; cardHost: string | null }> {
  const served = await (await fetch(location.href, { cache: "no-store" })).text();
  const parsed = new DOMParser().parseFromString(served, "text/html");
  const bodySame = parsed.body.outerHTML === document.body.outerHTML;
  const known = new Set([...parsed.documentElement.children].map((e) => e.tagName));
  const added = [...document.documentElement.children].map((e) => e.tagName).filter((tag) => !known.has(tag));
  return { bodySame, added, cardHost: __e2eProbe.card().host?.tagName ?? null };
}

export type PageView = {
  /** Every place a page script can enumerate where `word` shows (case-insensitive). */
  traces: string[];
  /** What it saw: the registry's names, and the `::highlight()` rules in adopted style sheets. */
  highlightNames: string[];
  highlightRules: string[];
  /** Elements under <html> the page did not put there, and whether a page script can open any of them. */
  added: string[];
  openShadowRoots: number;
};

/**
 * What a page script can see of an extension, searched for `word`: highlight names, the rules of adopted and
 * document style sheets (also in open shadow roots), every element's tag and attributes, the custom-element
 * registry for every tag on the page, global and document property names, storage keys, cookies, and
 * performance entries. Page text is the page's own and not searched.
 */
export function pageView(word: string): PageView {
  const traces: string[] = [];
  const pattern = new RegExp(word, "i");
  const note = (where: string, value: unknown) => {
    if (pattern.test(String(value))) traces.push(`${where}: ${String(value).slice(0, 120)}`);
  };
  const rulesOf = (sheet: CSSStyleSheet): string[] => {
    try {
      return [...sheet.cssRules].map((r) => r.cssText);
    } catch {
      return []; // a cross-origin sheet: its rules are not readable by the page either
    }
  };
  const highlightNames = [...((CSS as any).highlights as Map<string, unknown>).keys()];
  for (const name of highlightNames) note("CSS.highlights", name);
  const highlightRules: string[] = [];
  let openShadowRoots = 0;
  const visit = (root: Document | ShadowRoot) => {
    for (const sheet of root.adoptedStyleSheets ?? [])
      for (const rule of rulesOf(sheet)) {
        note("adoptedStyleSheets", rule);
        if (rule.includes("::highlight(")) highlightRules.push(rule);
      }
    for (const sheet of root.styleSheets) for (const rule of rulesOf(sheet)) note("styleSheets", rule);
    for (const element of root.querySelectorAll("*")) {
      note("element", element.localName);
      for (const attribute of element.attributes)
        note(`attribute of <${element.localName}>`, `${attribute.name}=${attribute.value}`);
      if (element.localName.includes("-"))
        note("customElements", customElements.get(element.localName) ? element.localName : "");
      if (element.shadowRoot) {
        openShadowRoots++;
        visit(element.shadowRoot);
      }
    }
  };
  visit(document);
  for (const name of Object.getOwnPropertyNames(globalThis)) note("global", name);
  for (const name of Object.getOwnPropertyNames(document)) note("document property", name);
  for (const storage of [localStorage, sessionStorage])
    for (let i = 0; i < storage.length; i++) note("storage", storage.key(i));
  note("cookie", document.cookie);
  for (const entry of performance.getEntries()) note("performance", entry.name);
  const added = __e2eProbe.added().map((e) => e.localName);
  return { traces, highlightNames, highlightRules, added, openShadowRoots };
}

export type SheetSnapshot = {
  /** The card is laid out as the bottom sheet. */
  sheet: boolean;
  box: { left: number; right: number; top: number; bottom: number };
  viewport: { width: number; height: number };
  /** Size of every button and link in the card that is on screen (what a finger must hit). */
  targets: Array<{ name: string; width: number; height: number }>;
  /** The link row a touch-opened card shows for a mention inside a link. */
  pageLink: string | null;
};

/** The open card's layout as a phone reader meets it, or null when no card is open. */
export function readSheet(): SheetSnapshot | null {
  const panel = (__e2eProbe.card().root?.querySelector(".panel[data-card=hover]:not([hidden])") ??
    __e2eProbe.card().root?.querySelector(".panel:not([hidden])") ??
    __e2eProbe.card().root?.querySelector(".panel")) as HTMLElement | null | undefined;
  if (!panel || panel.hidden) return null;
  const rect = panel.getBoundingClientRect();
  const targets = [...panel.querySelectorAll<HTMLElement>("button, a")]
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && r.bottom > rect.top && r.top < rect.bottom)
    .map(({ el, r }) => ({
      name: el.dataset.action ?? el.className ?? el.tagName.toLowerCase(),
      width: Math.round(r.width),
      height: Math.round(r.height),
    }));
  return {
    sheet: panel.classList.contains("sheet"),
    box: { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom },
    // The layout viewport without scrollbars (what position: fixed fills).
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    targets,
    pageLink: panel.querySelector(".page-link")?.textContent ?? null,
  };
}

/** Centre of the element matching `selector` inside the open card (scrolled into the card's view first). */
export function cardPoint(selector: string): { x: number; y: number } | null {
  const el = __e2eProbe.card().root?.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: "nearest" });
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** The viewport box of the first highlighted range whose text is `text` (no scrolling). */
export function boxOfMention(text: string): { top: number; bottom: number } | null {
  for (const [, highlight] of __e2eProbe.highlights()) {
    for (const range of highlight as unknown as Set<Range>) {
      if (range.toString() !== text) continue;
      const rect = range.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom };
    }
  }
  return null;
}

export type CardMeasure = {
  chars: number;
  sources: number;
  /** Controls the Tab key stops at inside the card (links, buttons, summaries). */
  tabStops: number;
  height: number;
  /** The height its content needs. */
  content: number;
  /** The card's content is taller than its box: the reader has to scroll inside it. */
  scrolls: boolean;
};

/** How much the open (unpinned, when two are open: the newest) card asks of the reader at first sight. */
export function measureCard(): CardMeasure | null {
  const panels = [...(__e2eProbe.card().root?.querySelectorAll(".panel") ?? [])] as HTMLElement[];
  const shown = panels.filter((p) => !p.hidden);
  const panel = shown.find((p) => p.dataset.card === "hover") ?? shown[0];
  if (!panel) return null;
  const visible = (el: Element) => (el as HTMLElement).getClientRects().length > 0;
  const focusable = [...panel.querySelectorAll("a[href], button, summary, [tabindex]")].filter(
    (el) => visible(el) && (el as HTMLElement).tabIndex >= 0,
  );
  const scrollers = [panel, ...panel.querySelectorAll("*")].filter(
    (el) => el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY),
  );
  return {
    // biome-ignore lint/performance/useDomNodeTextContent: what is shown, so what 더 보기 still hides is left out
    chars: (panel.innerText ?? "").replace(/\s+/g, " ").trim().length,
    sources: [...panel.querySelectorAll(".sources li")].filter(visible).length,
    tabStops: focusable.length,
    height: Math.round(panel.getBoundingClientRect().height),
    content: panel.scrollHeight,
    scrolls: scrollers.length > 0,
  };
}
