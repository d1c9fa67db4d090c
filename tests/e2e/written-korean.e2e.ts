/**
 * Korean as it is really written, in real Chromium and Firefox: a short form linked by evidence and a misspelt
 * long name are highlighted, and their card says why under the title (앞서 언급된 알리익스프레스; 표기가 다름:
 * 알라바바 → 알리바바); a generated transliteration and a mixed-script name are found; the look-alike 티몰 지니
 * is left alone while 티몰 next to it is marked.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { BrowserName } from "./support/browsers";
import { readHighlights } from "./support/page-probes";
import { allTexts, closeCard, hoverMention } from "./support/steps";
import { useExtensionSuite } from "./support/suite";

describe.each<BrowserName>(["chromium", "firefox"])("%s: Korean as it is really written", (browserName) => {
  const suite = useExtensionSuite(browserName, { path: "e2e-written.html", minimum: 7 });
  let highlights: Record<string, string[]>;
  beforeAll(async () => {
    highlights = await suite.page.evaluate(readHighlights, undefined);
  });

  test("short form, misspelling, transliteration and mixed script are highlighted; the look-alike is not", () => {
    const texts = allTexts(highlights);
    expect(texts.filter((t) => t === "알리")).toHaveLength(2);
    expect(texts).toEqual(expect.arrayContaining(["알리익스프레스", "알라바바", "통이치엔원", "T몰 글로벌"]));
    expect(texts.filter((t) => t === "티몰")).toHaveLength(1);
    expect(texts.some((t) => t.includes("지니"))).toBe(false);
  });

  test("the card of a short form says which earlier mention it stands for", async () => {
    const { card } = await hoverMention(suite.page, "알리");
    expect(card.entity).toBe("aliexpress");
    expect(card.written).toMatch(/본문 표기: 알리 · (앞서 언급된 알리익스프레스|문맥: 같은 문단의 '.+')/);
    await closeCard(suite.page);
  });

  test("the card of a misspelt name says the spelling differs", async () => {
    const { card } = await hoverMention(suite.page, "알라바바");
    expect(card.entity).toBe("alibaba-group");
    expect(card.written).toBe("표기가 다름: 알라바바 → 알리바바");
    await closeCard(suite.page);
  });
});
