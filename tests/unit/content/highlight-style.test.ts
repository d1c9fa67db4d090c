// @vitest-environment jsdom
/**
 * The highlight names and rules a page gets: random per page (nothing fixed a page script could look for),
 * valid CSS identifiers, one rule per kind for light and for dark pages plus the jump's flash, in the reader's
 * style. The rules are read back through a style sheet's CSSOM (jsdom's parser).
 */
import { describe, expect, test } from "vitest";
import { KINDS, highlightRules, randomNames } from "../../../src/content/highlight-style";
import { randomElementName } from "../../../src/content/random-names";

describe("highlight names and rules", () => {
  test("names are new on every page, all different, lower-case identifiers of 6 to 10 letters", () => {
    const pages = Array.from({ length: 200 }, () => randomNames());
    for (const names of pages) {
      const all = Object.values(names);
      expect(new Set(all).size).toBe(all.length);
      for (const name of all) expect(name).toMatch(/^[a-z]{6,10}$/);
    }
    const first = Object.values(pages[0]!);
    expect(pages.slice(1).every((names) => Object.values(names).some((n) => !first.includes(n)))).toBe(true);
    for (let i = 0; i < 200; i++) expect(randomElementName()).toMatch(/^[a-z]{2,5}-[a-z]{3,6}$/);
  });

  test("one rule per kind, for light and dark pages, and the flash; the underline style has no fill", () => {
    const names = randomNames();
    for (const style of ["background", "underline"] as const) {
      const element = document.createElement("style");
      element.textContent = highlightRules(names, style, ":root", 0.5);
      document.head.replaceChildren(element);
      const rules = [...element.sheet!.cssRules];
      const top = rules.filter((r) => "selectorText" in r) as CSSStyleRule[];
      const dark = rules.find((r) => "media" in r) as CSSMediaRule;
      expect(dark.media.mediaText).toBe("(prefers-color-scheme: dark)");
      for (const kind of KINDS) {
        const light = top.find((r) => r.selectorText === `:root::highlight(${names[kind]})`)!;
        expect(light.style.getPropertyValue("text-decoration")).toMatch(kind === "differs" ? /wavy/ : /underline/);
        expect(Boolean(light.style.getPropertyValue("background-color"))).toBe(style === "background");
        expect(
          [...(dark.cssRules as unknown as CSSStyleRule[])].some(
            (r) => r.selectorText === `:root::highlight(${names[kind]})`,
          ),
        ).toBe(true);
      }
      expect(top.some((r) => r.selectorText === `:root::highlight(${names.flash})`)).toBe(true);
    }
  });

  test("the rule text differs from page to page and never names Maekrak", () => {
    const texts = Array.from({ length: 50 }, () => highlightRules(randomNames(), "background", "", Math.random()));
    expect(new Set(texts).size).toBe(50);
    for (const text of texts) expect(text).not.toMatch(/maekrak/i);
  });
});
