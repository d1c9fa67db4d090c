/**
 * "Verified" as a reader sees it, in real Chromium and Firefox: amounts that
 * state a verified figure (directly or converted) are marked as figures, one
 * that differs gets its own highlight and a card that says so, the ways sources
 * write a figure differently are listed with the reason (notes, not a dispute), a known misreport on the page brings
 * its correction, and the popup sums the page's figures up.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BrowserName, ExtensionSession, PageLike } from "./support/browsers";
import { launch } from "./support/browsers";
import type { FixtureServer } from "./support/server";
import { startServer } from "./support/server";
import { allTexts, closeCard, hoverMention, openPopupFor, popupRows, settledHighlights } from "./support/steps";

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

  test("verified amounts are figures, a differing one has its own highlight, another company's amount is left alone", () => {
    expect(highlights["maekrak-figure"]).toEqual(expect.arrayContaining(["3800억 위안", "약 73조7000억원"]));
    expect(highlights["maekrak-figure-differs"]).toEqual(["4000억 위안"]);
    expect(allTexts(highlights).some((t) => t.includes("1600억"))).toBe(false);
  });

  test("the card of a matching amount lists how sources write it differently, and why, without calling it a dispute", async () => {
    const { card } = await hoverMention(page, "3800억 위안");
    expect(card.entity).toBe("capex-380b");
    expect(card.verdict).toBe("match");
    // Won and dollar conversions at different dates' rates are notation (표기 차이), not a difference of substance.
    expect(card.badges![0]).toBe("corroborated");
    expect(card.variants).toBeGreaterThanOrEqual(3);
    expect(card.reasons).toBeGreaterThanOrEqual(3);
    await closeCard(page);
  });

  test("a converted amount within the documented band is a conversion match", async () => {
    const { card } = await hoverMention(page, "약 73조7000억원");
    expect(card.verdict).toBe("conversion-match");
    await closeCard(page);
  });

  test("a differing amount's card says it differs and shows the verified value", async () => {
    const { card } = await hoverMention(page, "4000억 위안");
    expect(card.entity).toBe("capex-380b");
    expect(card.verdict).toBe("differs");
    expect(card.text).toContain("3800억");
    await closeCard(page);
  });

  test("a known misreport on the page brings its correction, with sources", async () => {
    const { card } = await hoverMention(page, "큐원2.5-맥스");
    expect(card.entity).toBe("qwen2.5-max");
    expect(card.corrections).toBe(1);
    expect(card.text).toContain("GPT-4o");
    await closeCard(page);
  });

  test("the popup lists the page's figures with their verdicts and says one differs", async () => {
    const popup = await openPopupFor(session, page);
    const rows = await popupRows(popup);
    const plan = rows.find((r) => r.entity === "capex-380b")!;
    expect(plan.type).toBe("figure");
    expect([...plan.verdicts].sort(), JSON.stringify(rows)).toEqual(["conversion-match", "differs", "match"]);
    const summary = await popup.evaluate(
      () => document.querySelector("[data-testid=figure-summary]")?.className ?? "",
      undefined,
    );
    expect(summary).toContain("differs");
    await popup.close();
  });
});
