/**
 * The highlights' look, written per page: random highlight names (nothing a page script can enumerate says
 * Maekrak) and the `::highlight()` rules for them, put into the page only when the first mention is
 * registered, as a constructed style sheet in `document.adoptedStyleSheets` (no node is added). A page
 * without mentions has no such rule, so its style recalculation costs nothing extra.
 */
import type { HighlightStyle } from "../core/settings";
import type { Random } from "./random-names";
import { cryptoRandom, randomLetters } from "./random-names";

import type { Kind, Rgb } from "../ui/highlight-palette";
import { KINDS, PALETTE } from "../ui/highlight-palette";

export type { Kind } from "../ui/highlight-palette";
export { KINDS } from "../ui/highlight-palette";
/** The registry slots: one per kind, and the mention a jump landed on. */
export type Slot = Kind | "flash";
const SLOTS: readonly Slot[] = [...KINDS, "flash"];

/** Random registry names for one page (6 to 10 letters each), all different. */
export function randomNames(random: Random = cryptoRandom): Record<Slot, string> {
  const used = new Set<string>();
  const names = {} as Record<Slot, string>;
  for (const slot of SLOTS) {
    let name = randomLetters(6, 10, random);
    while (used.has(name)) name = randomLetters(6, 10, random);
    used.add(name);
    names[slot] = name;
  }
  return names;
}

/**
 * The rules for `names` in `style`. `scope` is the selector each rule hangs on: ":root" where highlight styles
 * inherit down the tree (Blink; restyling the page then costs less than matching every element), "" (every
 * element) elsewhere. `shade` (0..1, random per page) moves every alpha by up to 0.02, so the rule text differs
 * from page to page too.
 */
export function highlightRules(
  names: Record<Slot, string>,
  style: HighlightStyle,
  scope: string,
  shade: number,
): string {
  const rgba = ([r, g, b]: Rgb, alpha: number) => `rgba(${r}, ${g}, ${b}, ${(alpha - shade * 0.02).toFixed(3)})`;
  const rule = (slot: Slot, body: string) => `${scope}::highlight(${names[slot]}) { ${body} }`;
  const paint = (kind: Kind, dark: boolean): string => {
    const p = PALETTE[kind];
    const line = dark ? p.darkLine : p.line;
    const wavy = kind === "differs";
    if (style === "underline")
      return `text-decoration: underline ${wavy ? "wavy 2px" : "3px"} ${rgba(line, 0.95)}; text-underline-offset: 2px;`;
    const [fill, alpha] = dark ? p.darkFill : p.fill;
    return `background-color: ${rgba(fill, alpha)}; text-decoration: underline ${wavy ? "wavy " : ""}2px ${rgba(line, wavy || dark ? 0.95 : 0.9)};`;
  };
  const light = KINDS.map((kind) => rule(kind, paint(kind, false)));
  const dark = KINDS.map((kind) => rule(kind, paint(kind, true)));
  return [
    ...light,
    `@media (prefers-color-scheme: dark) { ${dark.join(" ")} }`,
    rule("flash", `background-color: ${rgba([255, 214, 0], 0.85)}; color: #111;`),
  ].join("\n");
}

/** The one constructed sheet holding the rules, adopted by the page's document on demand. */
export class PageStyleSheet {
  #doc: Document;
  #sheet: CSSStyleSheet | null = null;
  #text = "";

  constructor(doc: Document) {
    this.#doc = doc;
  }

  static supported(doc: Document): boolean {
    return (
      typeof CSSStyleSheet !== "undefined" && "replaceSync" in CSSStyleSheet.prototype && "adoptedStyleSheets" in doc
    );
  }

  /** Makes `text` the page's highlight rules: sets them if they changed, adopts the sheet if the page dropped it. */
  apply(text: string): void {
    const doc = this.#doc;
    if (!PageStyleSheet.supported(doc)) return;
    this.#sheet ??= new CSSStyleSheet();
    if (text !== this.#text) {
      this.#sheet.replaceSync(text);
      this.#text = text;
    }
    const adopted = doc.adoptedStyleSheets;
    if (!adopted.includes(this.#sheet)) doc.adoptedStyleSheets = [...adopted, this.#sheet];
  }

  get applied(): boolean {
    return Boolean(this.#sheet && this.#doc.adoptedStyleSheets?.includes(this.#sheet));
  }

  remove(): void {
    const sheet = this.#sheet;
    if (!sheet || !PageStyleSheet.supported(this.#doc)) return;
    const adopted = this.#doc.adoptedStyleSheets;
    if (adopted.includes(sheet)) this.#doc.adoptedStyleSheets = adopted.filter((s) => s !== sheet);
  }
}
