/** Reader actions shared by the e2e suites: wait for the scan, point at a mention, open the popup. */
import type { ExtensionSession, PageLike } from "./browsers";
import { waitFor } from "./browsers";
import type { CardSnapshot } from "./page-probes";
import { cardPoint, pointOfMention, readCard, readHighlights } from "./page-probes";

export const allTexts = (snapshot: Record<string, string[]>) => Object.values(snapshot).flat();

/** Waits until the highlight registry stops changing (the scan runs in idle slices). */
export async function settledHighlights(page: PageLike, minimum: number) {
  let previous = "";
  return waitFor(
    async () => {
      const snapshot = await page.evaluate(readHighlights, undefined);
      const key = JSON.stringify(snapshot);
      const stable = key === previous && allTexts(snapshot).length >= minimum;
      previous = key;
      return stable ? snapshot : null;
    },
    15_000,
    "highlights to settle",
  );
}

/**
 * Points at the highlighted mention `text` as a reader does (from below, resting on it; again if the first
 * events reached a page not yet accepting input) and returns the card that opens, with the point used.
 */
export async function hoverMention(
  page: PageLike,
  text: string,
): Promise<{ card: CardSnapshot; point: { x: number; y: number } }> {
  const point = await waitFor(() => page.evaluate(pointOfMention, text), 10_000, `${text} highlighted`);
  let attempts = 0;
  const card = await waitFor(
    async () => {
      if (attempts++ % 10 === 0) {
        await page.mouse.move(point.x - 40, point.y + 60);
        await page.mouse.move(point.x, point.y, { steps: 4 });
      }
      const c = await page.evaluate(readCard, undefined);
      return c.open && c.title ? c : null;
    },
    10_000,
    `card for ${text}`,
  );
  return { card, point };
}

export async function closeCard(page: PageLike): Promise<void> {
  await page.keyboard.press("Escape");
  await waitFor(async () => !(await page.evaluate(readCard, undefined)).open, 5_000, "card to close");
}

/** Opens the popup for `page` (brought to front, then the popup reloaded so it reads the active tab). */
export async function openPopupFor(session: ExtensionSession, page: PageLike): Promise<PageLike> {
  const popup = await session.openPopup();
  await page.bringToFront();
  await popup.evaluate(() => location.reload(), undefined).catch(() => undefined);
  // Wait for the reloaded document, so nothing is read from the first one while it goes away.
  await waitFor(
    () =>
      popup.evaluate(
        () =>
          document.readyState === "complete" &&
          (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.type === "reload",
        undefined,
      ),
    15_000,
    "popup reload",
  );
  return popup;
}

export type PopupRow = { entity?: string; type?: string; count: number; verdicts: string[] };

export async function popupRows(popup: PageLike): Promise<PopupRow[]> {
  return waitFor(
    async () => {
      const rows = await popup.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>(".entity-row")].map((b) => ({
            entity: b.dataset.entity,
            type: b.closest<HTMLElement>(".group")?.dataset.type,
            count: Number(b.querySelector(".count")?.textContent),
            verdicts: [...b.querySelectorAll<HTMLElement>("[data-verdict]")].map((v) => v.dataset.verdict!),
          })),
        undefined,
      );
      return rows.length ? rows : null;
    },
    15_000,
    "popup rows",
  );
}

/** Clicks the open card's 더 보기 and waits until what it held is shown. */
export async function expandCard(page: PageLike): Promise<void> {
  const point = await waitFor(() => page.evaluate(cardPoint, "[data-action=expand]"), 5_000, "더 보기");
  await page.mouse.move(point.x, point.y, { steps: 2 });
  await page.mouse.click(point.x, point.y);
  await waitFor(
    () =>
      page.evaluate(
        () => (__e2eProbe.card().root?.querySelector("[data-action=expand][aria-expanded=true]") ? true : null),
        undefined,
      ),
    5_000,
    "card expanded",
  );
}
