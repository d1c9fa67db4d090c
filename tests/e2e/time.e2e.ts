/**
 * Time where the reader sees it, in real Chromium and Firefox: on a page dated November 2026 the card for 큐원
 * shows the newest generation "2026년 9월 기준" with the three generations it replaced folded under it (이전: …,
 * opened by the reader), the footer gives the knowledge base's as-of and evidence dates and says the page is newer
 * than the evidence; 저우징런's card leads with his April title, his CTO years under it. The popup's footer gives
 * the same dates.
 */
import { describe, expect, test } from "vitest";
import type { BrowserName } from "./support/browsers";
import { waitFor } from "./support/browsers";
import { closeCard, expandCard, hoverMention, openPopupFor } from "./support/steps";
import { useExtensionSuite } from "./support/suite";

/** The card's first fact, what it replaced (and whether that is shown), the footer. */
function readTimeline() {
  const panel =
    __e2eProbe.card().root?.querySelector(".panel[data-card=hover]:not([hidden])") ??
    __e2eProbe.card().root?.querySelector(".panel:not([hidden])") ??
    __e2eProbe.card().root?.querySelector(".panel");
  const first = panel?.querySelector(".facts > li");
  const previous = first?.querySelector<HTMLDetailsElement>("details.previous");
  const summary = previous?.querySelector("summary");
  const box = summary?.getBoundingClientRect();
  return {
    when: first?.querySelector(".fact-head time")?.textContent ?? "",
    claim: first?.querySelector(":scope > p")?.textContent ?? "",
    toggle: summary?.textContent ?? "",
    open: previous?.open ?? false,
    earlier: [...(previous?.querySelectorAll(":scope > ul > li") ?? [])].map((li) => ({
      label: li.querySelector(".label")?.textContent ?? "",
      when: li.querySelector("time")?.textContent ?? "",
      claim: li.querySelector("p")?.textContent ?? "",
      // Inside a closed <details> the content is not rendered (content-visibility), though it may keep a box.
      visible: (li as HTMLElement).checkVisibility(),
    })),
    point: box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null,
    dates: panel?.querySelector("footer .kb-dates")?.textContent ?? "",
    pageNewer: panel?.querySelector("footer .page-newer")?.textContent ?? "",
  };
}

describe.each<BrowserName>(["chromium", "firefox"])("%s: time in the card and the popup", (browserName) => {
  const suite = useExtensionSuite(browserName, { path: "e2e-time.html", minimum: 5 });

  test("큐원: the newest generation as of September 2026 first, the ones it replaced under 이전", async () => {
    const { page } = suite;
    const { card } = await hoverMention(page, "큐원");
    expect(card.entity).toBe("qwen");
    const before = await page.evaluate(readTimeline, undefined);
    expect(before.when).toBe("2026년 9월 기준");
    expect(before.claim).toMatch(/Qwen3\.8/);
    expect(before.toggle).toBe("이전 내용 3건");
    expect(before.open).toBe(false);
    expect(before.earlier.every((e) => !e.visible)).toBe(true);
    // The reader asks for more, then opens what it replaced (the card stays open while the pointer is on it).
    await expandCard(page);
    const expanded = await page.evaluate(readTimeline, undefined);
    await page.mouse.click(expanded.point!.x, expanded.point!.y);
    const after = await waitFor(
      async () => {
        const t = await page.evaluate(readTimeline, undefined);
        return t.open && t.earlier.every((e) => e.visible) ? t : null;
      },
      5_000,
      "이전 opened",
    );
    expect(after.earlier.map((e) => e.label)).toEqual(["이전:", "이전:", "이전:"]);
    expect(after.earlier.map((e) => e.when)).toEqual(["2026년 5월 기준", "2026년 4월 기준", "2026년 3월 기준"]);
    expect(after.earlier[0]!.claim).toMatch(/Qwen3\.7-Max/);
    expect(after.dates).toMatch(/2026년 12월 2일 기준 · 근거 자료는 2026년 9월까지$/);
    expect(after.pageNewer).toMatch(
      /^이 페이지의 날짜\(2026년 11월 3일\)는 지식 베이스의 근거 자료\(2026년 9월까지\)보다 나중이라/,
    );
    await closeCard(page);
  });

  test("저우징런: his April title first, the CTO years folded under it", async () => {
    const { page } = suite;
    const { card } = await hoverMention(page, "저우징런");
    expect(card.entity).toBe("zhou-jingren");
    const timeline = await page.evaluate(readTimeline, undefined);
    expect(timeline.when).toBe("2026년 5월 기준");
    expect(timeline.claim).toMatch(/수석 AI 아키텍트/);
    expect(timeline.toggle).toBe("이전 내용 2건");
    expect(timeline.earlier.map((e) => e.claim).join(" ")).toMatch(/알리바바 클라우드 CTO/);
    await closeCard(page);
  });

  test("the popup gives the knowledge base's as-of and evidence dates", async () => {
    const popup = await openPopupFor(suite.session, suite.page);
    const footer = await waitFor(
      () => popup.evaluate(() => document.querySelector("footer.bottom")?.textContent || null, undefined),
      10_000,
      "popup footer",
    );
    expect(footer).toMatch(/^지식 베이스 \S+ · 2026년 12월 2일 기준 · 근거 자료는 2026년 9월까지$/);
    await popup.close();
  });
});
