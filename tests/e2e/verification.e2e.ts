/**
 * "Checked" as a reader sees it, in real Chromium and Firefox, on a page dated 25 Feb 2025 that states the
 * 3800억 위안 plan right (and its won conversion), wrong (4000억 위안), with a unit slip (53억 달러 for 530억),
 * and a competitor's plan of the same size: exactly those verdicts are highlighted, each card says what was
 * checked and how (owner, metric, period, verified value, rate and date, sources; the intended value of the
 * slip), the competitor's amount gets nothing, and the popup lists the checked amounts with their verdicts.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BrowserName, ExtensionSession, PageLike } from "./support/browsers";
import { launch } from "./support/browsers";
import type { FixtureServer } from "./support/server";
import { startServer } from "./support/server";
import { waitFor } from "./support/browsers";
import { closeCard, hoverMention, openPopupFor, settledHighlights } from "./support/steps";

describe.each<BrowserName>(["chromium", "firefox"])("%s: verification on the page", (browserName) => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let page: PageLike;
  let highlights: Record<string, string[]>;

  beforeAll(async () => {
    server = await startServer();
    session = await launch(browserName);
    page = await session.newPage();
    await page.goto(server.url("e2e-verify.html"));
    highlights = await settledHighlights(page, 5);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test("the match and its conversion are figures, the differing amount and the unit slip have the differing look, the competitor's amount nothing", () => {
    expect([...highlights["maekrak-figure"]!].sort()).toEqual(["3800억 위안", "약 74조9000억원"]);
    expect([...highlights["maekrak-figure-differs"]!].sort()).toEqual(["4000억 위안", "53억 달러"].sort());
  });

  test("the card of the matching amount says what was checked and how, and how sources write it differently", async () => {
    const { card } = await hoverMention(page, "3800억 위안");
    expect(card.entity).toBe("capex-380b");
    expect(card.verdict).toBe("match");
    expect(card.text).toContain("3800억 위안"); // the verified value
    expect(card.text).toContain("향후 3년간"); // the period as the article gave it
    expect(card.text).toContain("투자"); // the metric word read
    // Won and dollar conversions at different dates' rates are notation (표기 차이), not a difference of substance.
    expect(card.badges![0]).toBe("corroborated");
    expect(card.variants).toBeGreaterThanOrEqual(3);
    await closeCard(page);
  });

  test("the converted amount's card names the rate, its date and its source", async () => {
    const { card } = await hoverMention(page, "약 74조9000억원");
    expect(card.verdict).toBe("conversion");
    expect(card.text).toContain("1위안 = 197.1원");
    expect(card.text).toContain("2025. 2. 24.");
    expect(card.text).toContain("조선비즈");
    await closeCard(page);
  });

  test("the differing amount's card says it differs and shows the verified value", async () => {
    const { card } = await hoverMention(page, "4000억 위안");
    expect(card.entity).toBe("capex-380b");
    expect(card.verdict).toBe("differs");
    expect(card.text).toContain("3800억 위안");
    await closeCard(page);
  });

  test("the unit slip's card says so, with the amount most likely meant", async () => {
    const { card } = await hoverMention(page, "53억 달러");
    expect(card.verdict).toBe("unit-slip");
    expect(card.text).toContain("530억 달러");
    await closeCard(page);
  });

  test("a known misreport on the page brings its correction, with sources", async () => {
    const { card } = await hoverMention(page, "큐원2.5-맥스");
    expect(card.entity).toBe("qwen2.5-max");
    expect(card.corrections).toBe(1);
    expect(card.text).toContain("GPT-4o");
    await closeCard(page);
  });

  test("the popup's 이 기사의 수치 점검 lists every checked amount with its verdict, and says some differ", async () => {
    const popup = await openPopupFor(session, page);
    const rows = await waitFor(
      async () => {
        const found = await popup.evaluate(
          () =>
            [...document.querySelectorAll<HTMLElement>(".claim-row")].map((r) => [
              r.querySelector(".claim-amount")?.textContent ?? "",
              r.dataset.verdict ?? "",
            ]),
          undefined,
        );
        return found.length >= 4 ? found : null;
      },
      10_000,
      "checked amounts in the popup",
    );
    expect(rows).toEqual([
      ["3800억 위안", "match"],
      ["약 74조9000억원", "conversion"],
      ["4000억 위안", "differs"],
      ["53억 달러", "unit-slip"],
    ]);
    const summary = await popup.evaluate(
      () => document.querySelector("[data-testid=figure-summary]")?.className ?? "",
      undefined,
    );
    expect(summary).toContain("differs");
    await popup.close();
  });
});
