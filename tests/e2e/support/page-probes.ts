/**
 * Functions evaluated in the page's main world (both browsers). They read
 * what a reader would see: the highlight registry, the card in its shadow
 * root, and the page's own DOM. Kept free of closures so they serialise.
 */

export type HighlightSnapshot = Record<string, string[]>;

/** Texts of every range in each maekrak-* highlight. */
export function readHighlights(): HighlightSnapshot {
  const out: Record<string, string[]> = {};
  for (const [name, highlight] of (CSS as any).highlights as Map<string, Set<Range>>) {
    if (!name.startsWith("maekrak-")) continue;
    out[name] = [...highlight].map((range) => range.toString());
  }
  return out;
}

/** Viewport centre of the first highlighted range whose text is `text` (scrolled into view first). */
export function pointOfMention(text: string): { x: number; y: number } | null {
  for (const [name, highlight] of (CSS as any).highlights as Map<string, Set<Range>>) {
    if (!name.startsWith("maekrak-")) continue;
    for (const range of highlight) {
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
  for (const [name, highlight] of (CSS as any).highlights as Map<string, Set<Range>>) {
    if (!name.startsWith("maekrak-")) continue;
    for (const range of highlight) if (element?.contains(range.startContainer)) return true;
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
  const host = document.querySelector("maekrak-root");
  const panel = host?.shadowRoot?.querySelector(".panel") as HTMLElement | null | undefined;
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

/** The page as served vs. as it is now: body markup, and the elements added under <html>. */
export async function integrityReport(): Promise<{ bodySame: boolean; added: string[] }> {
  const served = await (await fetch(location.href, { cache: "no-store" })).text();
  const parsed = new DOMParser().parseFromString(served, "text/html");
  const bodySame = parsed.body.outerHTML === document.body.outerHTML;
  const known = new Set([...parsed.documentElement.children].map((e) => e.tagName));
  const added = [...document.documentElement.children].map((e) => e.tagName).filter((tag) => !known.has(tag));
  return { bodySame, added };
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
  const panel = document.querySelector("maekrak-root")?.shadowRoot?.querySelector(".panel") as HTMLElement | null;
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
  const el = document.querySelector("maekrak-root")?.shadowRoot?.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: "nearest" });
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** The viewport box of the first highlighted range whose text is `text` (no scrolling). */
export function boxOfMention(text: string): { top: number; bottom: number } | null {
  for (const [name, highlight] of (CSS as any).highlights as Map<string, Set<Range>>) {
    if (!name.startsWith("maekrak-")) continue;
    for (const range of highlight) {
      if (range.toString() !== text) continue;
      const rect = range.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom };
    }
  }
  return null;
}
