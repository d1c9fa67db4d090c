/**
 * A card read at a glance (#18), in both browsers and both languages: five cards of the sample article open
 * without scrolling inside them in an 800 px window; 더 보기 shows the rest in place and 접기 hides it again; a pinned
 * card stays while the pointer opens a second one beside it; Esc gives focus back where the reader was; a misreport
 * the page repeats is corrected once, its label said once; the one-syllable 우 of 우 CEO is hit beside its glyph;
 * in English the card shows no Korean except the names it quotes (the Korean name, the page's own words).
 */
import { describe, expect, test } from "vitest";
import type { BrowserName, PageLike } from "./support/browsers";
import { waitFor } from "./support/browsers";
import { cardPoint, measureCard, pointOfMention, readCard } from "./support/page-probes";
import { closeCard, expandCard, hoverMention, openPopupFor, popupRows, settledHighlights } from "./support/steps";
import { useExtensionSuite } from "./support/suite";

const CARDS = ["3800억 위안", "알리바바", "마윈", "큐원3", "알리바바 클라우드"];

/** The open cards: entity, whether pinned, and the text an English reader reads (quoted Korean names left out). */
function openCards(): Array<{ entity: string; pinned: boolean; text: string }> {
  const root = __e2eProbe.card().root;
  return [...(root?.querySelectorAll<HTMLElement>(".panel:not([hidden])") ?? [])].map((panel) => {
    const copy = panel.cloneNode(true) as HTMLElement;
    for (const quoted of copy.querySelectorAll(".names, .as-written, .on-page, [hidden]")) quoted.remove();
    return {
      entity: panel.dataset.entity ?? "",
      pinned: panel.dataset.card === "pinned",
      text: copy.textContent ?? "",
    };
  });
}

async function chord(page: PageLike, ...keys: string[]) {
  for (const key of keys.slice(0, -1)) await page.keyboard.down(key);
  await page.keyboard.press(keys.at(-1)!);
  for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key);
}

async function clickInCard(page: PageLike, selector: string) {
  const point = await waitFor(() => page.evaluate(cardPoint, selector), 5_000, selector);
  await page.mouse.move(point.x, point.y, { steps: 2 });
  await page.mouse.click(point.x, point.y);
}

describe.each<[BrowserName, "ko" | "en"]>([
  ["chromium", "ko"],
  ["chromium", "en"],
  ["firefox", "ko"],
  ["firefox", "en"],
])("%s, %s: the card at a glance", (browserName, lang) => {
  const suite = useExtensionSuite(browserName, { launch: { lang }, path: "sample-news.html", minimum: 10 });

  test.each(CARDS)("%s: the first view fits the window without scrolling inside the card", async (text) => {
    const { card } = await hoverMention(suite.page, text);
    const measure = (await suite.page.evaluate(measureCard, undefined))!;
    console.log(`card-glance ${browserName} ${lang} ${text}: ${JSON.stringify(measure)}`);
    expect(measure.scrolls).toBe(false);
    expect(measure.content).toBeLessThanOrEqual(measure.height + 1);
    expect(card.box!.top).toBeGreaterThanOrEqual(0);
    expect(card.box!.bottom).toBeLessThanOrEqual(800);
    expect(measure.tabStops).toBeLessThanOrEqual(9);
    if (lang === "en") {
      const [shown] = await suite.page.evaluate(openCards, undefined);
      expect(shown!.text, shown!.text).not.toMatch(/[가-힣]/);
      // Expanded: English too, but for the names and the article's words it quotes.
      await expandCard(suite.page);
      const [full] = await suite.page.evaluate(openCards, undefined);
      const unquoted = full!.text.replace(/“[^”]*”|‘[^’]*’|(?<![A-Za-z])'[^']*'/g, "");
      expect(unquoted, unquoted).not.toMatch(/[가-힣]/);
    }
    await closeCard(suite.page);
  });

  test("더 보기 shows the sources, variants and facts the first view left out, in place; 접기 hides them", async () => {
    await hoverMention(suite.page, "3800억 위안");
    const first = (await suite.page.evaluate(measureCard, undefined))!;
    await expandCard(suite.page);
    const expanded = (await suite.page.evaluate(measureCard, undefined))!;
    // Dark mode reaches the browser's own parts too: the card's scheme and scrollbar colours are set.
    const scheme = await suite.page.evaluate(() => {
      const panel = __e2eProbe.card().root!.querySelector<HTMLElement>(".panel:not([hidden])")!;
      const style = getComputedStyle(panel);
      return { colorScheme: style.colorScheme, scrollbar: style.getPropertyValue("scrollbar-color") };
    }, undefined);
    expect(scheme.colorScheme).toMatch(/dark/);
    expect(scheme.scrollbar).not.toMatch(/^(auto|)$/);
    expect(expanded.sources).toBeGreaterThan(first.sources);
    expect(expanded.chars).toBeGreaterThan(first.chars);
    expect((await suite.page.evaluate(readCard, undefined)).entity).toBe("capex-380b");
    await clickInCard(suite.page, "[data-action=expand]");
    if (lang === "en") {
      // Expanded, too: English, except the names and the article's own words it quotes.
      const [shown] = await suite.page.evaluate(openCards, undefined);
      expect(shown!.text.replace(/“[^”]*”|‘[^’]*’|'[^']*'/g, "")).not.toMatch(/[가-힣]/);
    }
    const collapsed = (await suite.page.evaluate(measureCard, undefined))!;
    expect(collapsed.sources).toBe(first.sources);
    await closeCard(suite.page);
  });

  test("a pinned card stays while the pointer opens a second card elsewhere; that one closes as usual", async () => {
    const { page } = suite;
    await hoverMention(page, "마윈");
    await clickInCard(page, "[data-action=pin]");
    await hoverMention(page, "큐원3");
    const both = await waitFor(
      async () => {
        const cards = await page.evaluate(openCards, undefined);
        return cards.length === 2 ? cards : null;
      },
      5_000,
      "two cards",
    );
    expect(both.find((c) => c.pinned)?.entity).toBe("jack-ma");
    expect(both.find((c) => !c.pinned)?.entity).toBe("qwen3");
    await page.mouse.move(5, 790, { steps: 3 });
    const left = await waitFor(
      async () => {
        const cards = await page.evaluate(openCards, undefined);
        return cards.length === 1 ? cards : null;
      },
      5_000,
      "the hover card to close",
    );
    expect(left[0]).toMatchObject({ entity: "jack-ma", pinned: true });
    await closeCard(page);
    expect(await page.evaluate(openCards, undefined)).toEqual([]);
  });

  test("the popup's header breaks no word at 380 px or 360 px; 색과 단축키 explains the colours and keys", async () => {
    const popup = await openPopupFor(suite.session, suite.page);
    await popupRows(popup);
    for (const width of [380, 360]) {
      const header = await popup.evaluate((w) => {
        document.body.style.width = `${w}px`;
        const lines = (el: Element) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        };
        const top = document.querySelector(".top")!;
        return {
          words: [...top.querySelectorAll("h1, [role=tab]")].map((el) => [el.textContent, lines(el)]),
          overflow: top.scrollWidth > top.clientWidth + 1,
        };
      }, width);
      for (const [word, count] of header.words) expect(count, `${word} at ${width} px`).toBe(1);
      expect(header.overflow).toBe(false);
    }
    const legend = await popup.evaluate(
      () => ({
        colours: document.querySelectorAll("[data-testid=colour-keys] .colours li").length,
        keys: document.querySelector("[data-testid=colour-keys] .shortcuts")?.textContent ?? "",
        unlabelled: [...document.querySelectorAll(".entity-row")].filter((row) => !row.querySelector(".tally[title]"))
          .length,
      }),
      undefined,
    );
    const scheme = await popup.evaluate(() => {
      const style = getComputedStyle(document.querySelector("main")!);
      return { colorScheme: style.colorScheme, scrollbar: style.getPropertyValue("scrollbar-color") };
    }, undefined);
    expect(scheme.colorScheme).toMatch(/dark/);
    expect(scheme.scrollbar).not.toMatch(/^(auto|)$/);
    expect(legend.colours).toBe(5);
    expect(legend.keys).toMatch(/Esc/);
    expect(legend.unlabelled).toBe(0);
    await popup.close();
  });

  test("dragging a card moves it without pinning it", async () => {
    const { page } = suite;
    await hoverMention(page, "마윈");
    const handle = await page.evaluate(cardPoint, ".toolbar .kind");
    await page.mouse.move(handle!.x, handle!.y);
    await page.mouse.down();
    await page.mouse.move(handle!.x + 40, handle!.y + 60, { steps: 6 });
    await page.mouse.up();
    const [card] = await page.evaluate(openCards, undefined);
    expect(card).toMatchObject({ entity: "jack-ma", pinned: false });
    await closeCard(page);
  });
});

describe.each<[BrowserName, "ko" | "en"]>([
  ["chromium", "ko"],
  ["chromium", "en"],
  ["firefox", "ko"],
  ["firefox", "en"],
])("%s, %s: focus, corrections and small targets", (browserName, lang) => {
  const suite = useExtensionSuite(browserName, { launch: { lang }, path: "e2e-glance.html", minimum: 5 });

  test("Esc closes a card the keyboard opened and gives focus back to where the reader was", async () => {
    const { page } = suite;
    await page.evaluate(() => document.getElementById("list")!.focus(), undefined);
    await chord(page, "Alt", "Shift", "KeyJ");
    await waitFor(async () => ((await page.evaluate(readCard, undefined)).open ? true : null), 5_000, "card");
    await page.keyboard.press("Escape");
    await waitFor(async () => (!(await page.evaluate(readCard, undefined)).open ? true : null), 5_000, "closed");
    expect(await page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName, undefined)).toBe(
      "list",
    );
  });

  test("퉁이첸원 'launched in May 2023', an error only a variant records, is corrected once", async () => {
    const { card } = await hoverMention(suite.page, "퉁이첸원");
    expect(card.entity).toBe("qwen");
    expect(card.corrections).toBe(1);
    // What the misreport says, after its label (said once: the data holds no label of its own).
    const label = lang === "en" ? "Some reports:" : "일부 기사:";
    expect(card.text!.split(label).length - 1).toBe(1);
    await closeCard(suite.page);
  });

  test("the GPT-4 misreport, told by a correction and a variant, gets one box with its label once", async () => {
    const { card } = await hoverMention(suite.page, "큐원2.5-맥스");
    expect(card.corrections).toBe(1);
    expect(card.text).not.toMatch(/일부 기사: 일부 기사|Some reports: Some reports/);
    await closeCard(suite.page);
  });

  test("the one-syllable 우 of 우 CEO is hit beside its glyph, within a 24 px wide target", async () => {
    const { page } = suite;
    await settledHighlights(page, 5);
    const box = await page.evaluate(() => {
      for (const [, highlight] of __e2eProbe.highlights())
        for (const range of highlight as unknown as Set<Range>)
          if (range.toString() === "우") {
            const r = range.getBoundingClientRect();
            return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
          }
      return null;
    }, undefined);
    expect(box!.width).toBeLessThan(24);
    // Just past the glyph's right edge (the space before CEO), still inside the 24 px target.
    const x = box!.right + Math.min(3, (24 - box!.width) / 2 - 1);
    const y = (box!.top + box!.bottom) / 2;
    await page.mouse.move(x - 30, y + 60);
    await page.mouse.move(x, y, { steps: 4 });
    const card = await waitFor(
      async () => {
        const c = await page.evaluate(readCard, undefined);
        return c.open ? c : null;
      },
      5_000,
      "card for 우",
    );
    expect(card.entity).toBe("eddie-wu");
    await closeCard(page);
  });
});

describe.each<BrowserName>(["chromium", "firefox"])("%s on a phone: the sheet at a glance", (browserName) => {
  const suite = useExtensionSuite(browserName, { launch: { phone: true }, path: "sample-news.html", minimum: 10 });

  test.each(["3800억 위안", "알리바바"])("%s: the sheet's first view does not scroll inside it", async (text) => {
    const { page } = suite;
    const point = await waitFor(() => page.evaluate(pointOfMention, text), 10_000, text);
    await page.touch.tap(point.x, point.y);
    const measure = await waitFor(
      async () => ((await page.evaluate(readCard, undefined)).open ? page.evaluate(measureCard, undefined) : null),
      10_000,
      "the sheet",
    );
    console.log(`card-glance ${browserName} phone ${text}: ${JSON.stringify(measure)}`);
    expect(measure!.scrolls).toBe(false);
    await closeCard(page);
  });
});
