/**
 * Hostile pages, in real Chromium and real Firefox with the built extension: pages that reset all
 * CSS, hold a 10 MB text node, nest 10,000 deep, mutate 10,000 nodes a second, hydrate after the content
 * script ran, navigate as an SPA, hide text in shadow roots and iframes, hold mentions in editable fields,
 * or patch the DOM's prototypes. For each: no error from the extension, the page's own script still works,
 * the page's document is unchanged (tests/fixtures/pages/hostile/harness.js records every mutation the page
 * did not make itself and serialises the document), and mentions are highlighted where they should be.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { BrowserName, ExtensionSession, PageLike } from "./support/browsers";
import { launch, waitFor } from "./support/browsers";
import type { FixtureServer } from "./support/server";
import { startServer } from "./support/server";
import { readHighlights } from "./support/page-probes";
import { allTexts, closeCard, hoverMention, settledHighlights } from "./support/steps";

/** Errors seen by the browser while a page runs; `fromExtension` are the ones Maekrak would be to blame for. */
type Collected = { pageErrors: string[]; consoleErrors: string[] };
const fromExtension = (c: Collected) =>
  [...c.pageErrors, ...c.consoleErrors].filter((e) => /maekrak|chrome-extension:|moz-extension:/i.test(e));

function collectErrors(page: PageLike): Collected {
  const collected: Collected = { pageErrors: [], consoleErrors: [] };
  const raw = page as any;
  raw.on("pageerror", (error: any) => collected.pageErrors.push(String(error?.stack ?? error?.message ?? error)));
  raw.on("console", (message: any) => {
    if (message.type() !== "error" && message.type() !== "warning" && message.type() !== "warn") return;
    collected.consoleErrors.push(`${message.text()} @ ${message.location?.()?.url ?? ""}`);
  });
  return collected;
}

type PageReport = { ready: boolean; errors: string[]; foreign: string[]; unchanged: boolean; pageDone: number };
const pageReport = (): PageReport => {
  const H = (window as any).__hostile;
  return {
    ready: H.ready,
    errors: H.errors,
    foreign: H.foreign,
    unchanged: H.unchanged(),
    pageDone: (window as any).__pageDone ?? 0,
  };
};

/** Texts of Maekrak's ranges whose start lies inside the element with this id. */
const highlightedTextsInside = (id: string): string[] => {
  const element = document.getElementById(id);
  const out: string[] = [];
  for (const [, highlight] of __e2eProbe.highlights()) {
    for (const range of highlight as unknown as Set<Range>)
      if (element?.contains(range.startContainer)) out.push(range.toString());
  }
  return out;
};

/** Every Maekrak range: its text, whether it is still in the document, and whether it is in the document's own tree. */
const rangeFacts = () => {
  const out: Array<{ text: string; connected: boolean; inDocumentTree: boolean }> = [];
  for (const [, highlight] of __e2eProbe.highlights()) {
    for (const range of highlight as unknown as Set<Range>) {
      const node = range.startContainer;
      out.push({
        text: range.toString(),
        connected: node.isConnected,
        inDocumentTree: node.getRootNode() === document,
      });
    }
  }
  return out;
};

describe.each<BrowserName>(["chromium", "firefox"])("%s: hostile pages", (browserName) => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let page: PageLike;
  let errors: Collected;
  /** The same fixtures on 127.0.0.2, which the content script does not match: the page without Maekrak. */
  let control: FixtureServer;

  beforeAll(async () => {
    server = await startServer();
    control = await startServer(undefined, "127.0.0.2");
    session = await launch(browserName);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await control?.close();
  });
  // A fresh tab per fixture, so a page that breaks the browser cannot take the next fixture with it.
  beforeEach(async () => {
    await page?.close().catch(() => undefined);
    page = await session.newPage();
    errors = collectErrors(page);
  });

  async function open(fixture: string, on = server): Promise<void> {
    await page.goto(on.url(`hostile/${fixture}`));
    await waitFor(
      () => page.evaluate(() => Boolean((window as any).__hostile?.ready && (window as any).__pageDone), undefined),
      30_000,
      `${fixture} ready`,
    );
  }

  /** No error from the extension (nor any uncaught one at all), the page's script finished, its document unchanged. */
  async function expectPageIntact(): Promise<PageReport> {
    const report = await page.evaluate(pageReport, undefined);
    expect(fromExtension(errors), "errors from the extension").toEqual([]);
    expect(errors.pageErrors, "uncaught errors").toEqual([]);
    expect(report.errors, "errors the page saw").toEqual([]);
    expect(report.pageDone, "the page's own script ran to its end").toBeGreaterThan(0);
    expect(report.foreign, "DOM changes the page did not make (other than the card host)").toEqual([]);
    expect(report.unchanged, "the document serialises as the page left it").toBe(true);
    return report;
  }

  /** Waits (up to `timeout`) until the sorted texts of all maekrak-* ranges equal `texts`, with every range in the document. */
  async function highlightsBecome(texts: string[], timeout = 20_000): Promise<void> {
    const want = JSON.stringify([...texts].sort());
    await waitFor(
      async () => {
        const facts = await page.evaluate(rangeFacts, undefined);
        return JSON.stringify(facts.map((f) => f.text).sort()) === want && facts.every((f) => f.connected);
      },
      timeout,
      `highlights to become ${want}`,
    );
  }

  type Heartbeat = { maxGap: number; longGaps: Array<[number, number]>; beats: number; sinceMeasure: number };
  const heartbeat = () =>
    page.evaluate((): Heartbeat => {
      const H = (window as any).__hostile;
      return {
        maxGap: Math.round(H.maxGap),
        longGaps: H.longGaps,
        beats: H.beats,
        sinceMeasure: Math.round(H.now() - H.measureFrom),
      };
    }, undefined);

  test("1. all CSS reset, huge z-indexes, the page's own ::highlight rules: mentions highlighted, the card opens", async () => {
    await open("reset-css.html");
    const snapshot = await settledHighlights(page, 4);
    expect(snapshot["maekrak-organization"]).toEqual(expect.arrayContaining(["알리바바", "앤트그룹"]));
    expect(snapshot["maekrak-person"]).toEqual(["마윈"]);
    expect(snapshot["maekrak-product"]).toEqual(["큐원"]);
    // The page's own highlight is left alone.
    expect(
      await page.evaluate(
        () => CSS.highlights.has("foo") && [...(CSS.highlights.get("foo") as any)][0].toString(),
        undefined,
      ),
    ).toBe("지난해 실적 정리");

    const { card } = await hoverMention(page, "마윈");
    expect(card.entity).toBe("jack-ma");
    expect(card.title).toContain("마윈");
    const panel = await page.evaluate(cardVisibility, undefined);
    expect({ ...panel, covered: undefined }).toEqual({ size: true, inViewport: true, shown: true, covered: undefined });
    await closeCard(page);
    await expectPageIntact();
  });

  // The host's inline style is `!important` throughout, so `* { all: unset !important }` cannot make it static
  // and leave the card under the page's own z-indexed layers (#article, #bottom).
  test("1b. the open card is painted above the page's z-indexed layers", async () => {
    await open("reset-css.html");
    await settledHighlights(page, 4);
    await hoverMention(page, "마윈");
    const panel = await page.evaluate(cardVisibility, undefined);
    await closeCard(page);
    expect(panel.covered).toEqual([]);
  });

  test("2. one 10 MB text node: the page keeps responding and every mention in it is highlighted", async () => {
    // The page alone first (127.0.0.2, not matched by the content script): its own cost of laying out 10 MB.
    await open("huge-text.html", control);
    await new Promise((r) => setTimeout(r, 3000));
    const alone = await heartbeat();
    expect(await page.evaluate(() => Object.keys(Object.fromEntries(CSS.highlights as any)).length, undefined)).toBe(0);

    await open("huge-text.html");
    const { length, qwen } = await page.evaluate(
      () => ({ length: (window as any).__hugeLength, qwen: (window as any).__qwenCount }),
      undefined,
    );
    expect(length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    expect(qwen).toBe(9);
    const expected = ["알리바바", "마윈", "앤트그룹", ...Array(qwen).fill("큐원")];
    await highlightsBecome(expected, 45_000);
    const withMaekrak = await heartbeat();
    console.info(
      `[hostile] ${browserName} 10 MB text node: highlighted ${withMaekrak.sinceMeasure} ms after DOMContentLoaded; ` +
        `longest heartbeat gap ${withMaekrak.maxGap} ms with Maekrak vs ${alone.maxGap} ms for the page alone; gaps > 50 ms: ` +
        `${JSON.stringify(withMaekrak.longGaps)} (alone: ${JSON.stringify(alone.longGaps)})`,
    );
    expect(withMaekrak.beats).toBeGreaterThan(alone.beats > 0 ? 10 : 0);
    // Generous but meaningful: the matcher sees the node as one 10 MB block, which it cannot slice; it must not
    // freeze the page for more than a few seconds on top of what the page costs by itself.
    expect(withMaekrak.maxGap).toBeLessThan(Math.max(alone.maxGap, 500) + 4000);
    await expectPageIntact();
  }, 120_000);

  test("3. DOM nested 10,000 deep: no stack overflow, the mentions at the bottom highlighted", async () => {
    await open("deep-dom.html");
    expect(await page.evaluate(() => (window as any).__depth, undefined)).toBeGreaterThan(10_000);
    await settledHighlights(page, 3);
    expect((await page.evaluate(highlightedTextsInside, "bottom")).sort()).toEqual(["마윈", "알리바바", "큐원"]);
    await expectPageIntact();
  });

  test("4. 10,000 node mutations a second for 5 s: Maekrak catches up, drops removed text, stays bounded", async () => {
    await open("mutation-storm.html", control);
    const alone = await heartbeat();
    const aloneStorm = await page.evaluate(() => (window as any).__storm, undefined);

    await open("mutation-storm.html");
    const storm = await page.evaluate(
      () => ({ ...(window as any).__storm, afterScan: (window as any).__stormAfterScan }),
      undefined,
    );
    expect(storm.afterScan, "the storm started on a page Maekrak had scanned").toBe(true);
    expect(storm.nodes).toBeGreaterThanOrEqual(50_000);
    const stormMs = Math.round(storm.ended - storm.started);
    const caughtUpFrom = Date.now();
    await highlightsBecome(["알리바바", "마윈", "앤트그룹"], 20_000);
    const caughtUpMs = Date.now() - caughtUpFrom;
    const beat = await heartbeat();
    console.info(
      `[hostile] ${browserName} mutation storm: ${storm.nodes} node changes in ${stormMs} ms ` +
        `(${Math.round(storm.nodes / (stormMs / 1000))}/s; page alone: ${aloneStorm.nodes} in ${Math.round(aloneStorm.ended - aloneStorm.started)} ms); ` +
        `final highlights ${caughtUpMs} ms after the storm was seen to end; longest heartbeat gap ${beat.maxGap} ms with Maekrak ` +
        `vs ${alone.maxGap} ms alone; gaps > 50 ms with Maekrak: ${beat.longGaps.length} ${JSON.stringify(beat.longGaps.slice(0, 20))}`,
    );
    expect(
      await page.evaluate(
        () => document.getElementById("live")!.textContent === (window as any).__finalText,
        undefined,
      ),
    ).toBe(true);
    expect(
      allTexts(await page.evaluate(readHighlights, undefined)).some((t) => ["타오바오", "티몰", "큐원"].includes(t)),
    ).toBe(false);
    // Bounded: the page's 100 ticks still ran within 2.5 × the time they take without Maekrak (a starved main
    // thread would stretch them far more; on this 2-core machine the ratio measured 1.0-1.7 in Chromium), and no stall passed 1 s.
    const aloneMs = aloneStorm.ended - aloneStorm.started;
    expect(stormMs).toBeLessThan(Math.max(aloneMs, 5000) * 2.5);
    expect(beat.maxGap).toBeLessThan(1000);
    await expectPageIntact();
  }, 90_000);

  test("5. a server-rendered page that hydrates after the content script ran: no hydration mismatch", async () => {
    await open("hydration.html");
    const state = await page.evaluate(() => (window as any).__hydration, undefined);
    expect(state.afterExtension, "hydrated after Maekrak had highlighted the page").toBe(true);
    expect(state.hydrated).toBe(true);
    expect(state.mismatches).toEqual([]);
    // The hydrated app works: its listeners are attached and its re-renders land.
    await page.evaluate(() => {
      document.getElementById("like")!.click();
      document.getElementById("more")!.click();
    }, undefined);
    expect(await page.evaluate(() => document.getElementById("likes")!.textContent, undefined)).toBe("4");
    await waitFor(
      async () => (await page.evaluate(highlightedTextsInside, "extra")).includes("앤트그룹"),
      10_000,
      "the new paragraph highlighted",
    );
    expect((await page.evaluate(highlightedTextsInside, "root")).sort()).toEqual([
      "마윈",
      "알리바바",
      "알리바바",
      "앤트그룹",
      "큐원",
    ]);
    await expectPageIntact();
  });

  test("6. SPA navigation by pushState and back (popstate): new mentions highlighted, old ones dropped", async () => {
    await open("spa.html");
    await highlightsBecome(["알리바바", "마윈"]);
    await page.evaluate(() => document.getElementById("to-2")!.click(), undefined);
    await highlightsBecome(["앤트그룹", "타오바오", "큐원"]);
    expect(await page.evaluate(() => [location.search, (window as any).__rendered], undefined)).toEqual([
      "?article=2",
      2,
    ]);
    await page.evaluate(() => history.back(), undefined);
    await waitFor(() => page.evaluate(() => (window as any).__rendered === 1, undefined), 10_000, "popstate render");
    await highlightsBecome(["알리바바", "마윈"]);
    expect(await page.evaluate(() => location.search, undefined)).toBe(""); // back to the URL first loaded
    await expectPageIntact();
  });

  test("7. open shadow roots and same-origin iframes are not scanned (no all_frames, no shadow walk), without error", async () => {
    await open("shadow-iframe.html");
    await settledHighlights(page, 1);
    await new Promise((r) => setTimeout(r, 1000)); // time for anything late
    const facts = await page.evaluate(rangeFacts, undefined);
    expect(facts).toEqual([{ text: "알리바바", connected: true, inDocumentTree: true }]);
    const inside = await page.evaluate(
      () => ({
        shadowText: document.getElementById("scripted")!.shadowRoot!.textContent,
        declarative: Boolean(document.getElementById("declarative")!.shadowRoot),
        frames: ["frame", "srcdoc"].map((id) => {
          const doc = (document.getElementById(id) as HTMLIFrameElement).contentDocument!;
          const registry = (doc.defaultView as any).CSS.highlights as Map<string, unknown>;
          return {
            mentions: doc.body.textContent!.includes("마윈"),
            // Nothing registered there at all, and nothing added under the frame's <html>.
            maekrak: [...registry.keys()],
            host: [...doc.documentElement.children].some((e) => e.localName !== "head" && e.localName !== "body"),
          };
        }),
      }),
      undefined,
    );
    expect(inside.shadowText).toContain("마윈");
    expect(inside.declarative).toBe(true);
    expect(inside.frames).toEqual([
      { mentions: true, maekrak: [], host: false },
      { mentions: true, maekrak: [], host: false },
    ]);
    await expectPageIntact();
  });

  test("8. inputs, textareas and editable regions are never annotated, even after the reader types a mention", async () => {
    await open("editable.html");
    await settledHighlights(page, 1);
    const editables = ["field", "search", "area", "pick", "editor", "plainonly", "empty-attr", "nested"];
    const inEditables = async () =>
      (await Promise.all(editables.map((id) => page.evaluate(highlightedTextsInside, id)))).flat();
    expect(await inEditables()).toEqual([]);
    expect(await page.evaluate(highlightedTextsInside, "plain")).toEqual(["알리바바"]);

    await page.evaluate(() => {
      (window as any).__hostile.readerEdits = "[contenteditable]";
    }, undefined);
    const keyboard = page.keyboard as any;
    for (const id of ["field", "area", "editor", "plainonly", "nested"]) {
      await page.evaluate((target: string) => {
        const element = document.getElementById(target) as HTMLElement;
        element.focus();
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
          element.setSelectionRange(element.value.length, element.value.length);
        else {
          let last: Node = element;
          while (last.lastChild) last = last.lastChild;
          getSelection()!.collapse(last, (last as Text).data.length);
        }
      }, id);
      await keyboard.type(" 마윈과 큐원");
    }
    const typed = await page.evaluate(
      () => [
        (document.getElementById("field") as HTMLInputElement).value,
        (document.getElementById("area") as HTMLTextAreaElement).value,
        document.getElementById("editor")!.textContent,
        document.getElementById("plainonly")!.textContent,
        document.getElementById("nested")!.textContent,
      ],
      undefined,
    );
    for (const value of typed) expect(value).toMatch(/ 마윈과 큐원$/);
    await page.evaluate(() => (window as any).__hostile.own(() => undefined), undefined); // the typed text is now the page's
    // The page adds a paragraph; once it is highlighted, Maekrak has processed everything before it too.
    await page.evaluate(() => (window as any).__addLater(), undefined);
    await highlightsBecome(["알리바바", "티몰"]);
    expect(await inEditables()).toEqual([]);
    await expectPageIntact();
  });

  test("9. a page that patches DOM built-ins in its main world: Maekrak is unaffected and never calls them", async () => {
    await open("patched-globals.html");
    const snapshot = await settledHighlights(page, 4);
    expect(allTexts(snapshot).sort()).toEqual(["마윈", "알리바바", "앤트그룹", "큐원"]);
    const { card } = await hoverMention(page, "알리바바");
    expect(card.entity).toBe("alibaba-group");
    await closeCard(page);
    expect(await page.evaluate(() => (window as any).__patchedCalls, undefined)).toEqual([]);
    await expectPageIntact();
  });
});

/** Where the open card is: its size, whether it is in the viewport and shown, and what covers it (ids of page elements). */
function cardVisibility() {
  const { host, root } = __e2eProbe.card();
  const panel = root!.querySelector(".panel") as HTMLElement;
  const r = panel.getBoundingClientRect();
  const style = getComputedStyle(panel);
  const points = [
    [r.left + r.width / 2, r.top + r.height / 2],
    [r.left + 12, r.top + 12],
    [r.right - 12, r.bottom - 12],
  ];
  const covered = points
    .map(([x, y]) => document.elementFromPoint(x!, y!))
    .filter((e) => e !== host)
    .map((e) => e?.id || e?.nodeName);
  return {
    size: r.width > 100 && r.height > 60,
    inViewport: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
    shown: style.display !== "none" && style.visibility === "visible" && Number(style.opacity) > 0.9,
    covered: covered as string[] | undefined,
  };
}
