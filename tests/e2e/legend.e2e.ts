/**
 * What the badges mean, one line per status: the card's legend is a real button (Tab reaches it, Enter and Space
 * toggle it, a touch tap opens it) and the popup's is a native disclosure, in real Chromium and Firefox.
 */
import { describe, expect, test } from "vitest";
import type { BrowserName, PageLike } from "./support/browsers";
import { waitFor } from "./support/browsers";
import { readCard } from "./support/page-probes";
import { closeCard } from "./support/steps";
import { useExtensionSuite } from "./support/suite";

const LABELS = ["교차 확인", "1차 자료", "단일 출처", "출처 간 차이"];

async function chord(page: PageLike, ...keys: string[]) {
  for (const key of keys.slice(0, -1)) await page.keyboard.down(key);
  await page.keyboard.press(keys.at(-1)!);
  for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key);
}

/** The card's legend button and panel as the reader has them now. */
function cardLegend() {
  const root = __e2eProbe.card().root;
  const button = root?.querySelector<HTMLButtonElement>("button[data-action=legend]");
  const panel = button ? root!.getElementById(button.getAttribute("aria-controls")!) : null;
  const active = root?.activeElement as HTMLElement | null | undefined;
  const box = button?.getBoundingClientRect();
  return {
    expanded: button?.getAttribute("aria-expanded") ?? "",
    shown: Boolean(panel && !panel.hidden && panel.getBoundingClientRect().height > 0),
    text: panel?.textContent ?? "",
    focused: active?.dataset.action ?? "",
    point: box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null,
  };
}

/** Opens the first mention's card from the keyboard (focus moves into it). */
async function openCardByKeyboard(page: PageLike) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), undefined);
  await chord(page, "Alt", "Shift", "KeyJ");
  await waitFor(async () => (await page.evaluate(readCard, undefined)).open, 5_000, "card opened by keyboard");
}

/** The popup's legend disclosure. */
function popupLegend() {
  const details = document.querySelector<HTMLDetailsElement>("details.legend");
  const summary = details?.querySelector("summary");
  const box = summary?.getBoundingClientRect();
  return {
    open: details?.open ?? null,
    text: details?.textContent ?? "",
    focused: document.activeElement === summary,
    point: box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null,
  };
}

describe.each<BrowserName>(["chromium", "firefox"])("%s: the legend of the badges", (browserName) => {
  const suite = useExtensionSuite(browserName, { launch: { touch: true }, path: "e2e-basic.html", minimum: 5 });

  test("in the card, Tab reaches the legend's button; Enter opens it with the four rules, Space closes it", async () => {
    const { page } = suite;
    await openCardByKeyboard(page);
    expect((await page.evaluate(cardLegend, undefined)).expanded).toBe("false");
    for (let i = 0; i < 20 && (await page.evaluate(cardLegend, undefined)).focused !== "legend"; i++)
      await page.keyboard.press("Tab");
    expect((await page.evaluate(cardLegend, undefined)).focused).toBe("legend");
    await page.keyboard.press("Enter");
    const open = await waitFor(
      async () => {
        const legend = await page.evaluate(cardLegend, undefined);
        return legend.shown ? legend : null;
      },
      5_000,
      "legend open",
    );
    expect(open.expanded).toBe("true");
    for (const label of LABELS) expect(open.text).toContain(label);
    await page.keyboard.press(" "); // Space
    await waitFor(async () => !(await page.evaluate(cardLegend, undefined)).shown, 5_000, "legend closed");
    expect((await page.evaluate(cardLegend, undefined)).expanded).toBe("false");
    await closeCard(page);
  });

  test("in the card, a touch tap on the button opens the legend", async () => {
    const { page } = suite;
    await openCardByKeyboard(page);
    const { point } = await page.evaluate(cardLegend, undefined);
    await page.touchscreen.tap(point!.x, point!.y);
    const open = await waitFor(
      async () => {
        const legend = await page.evaluate(cardLegend, undefined);
        return legend.shown ? legend : null;
      },
      5_000,
      "legend open after a tap",
    );
    expect(open.expanded).toBe("true");
    expect((await page.evaluate(readCard, undefined)).open).toBe(true);
    await closeCard(page);
  });

  test("in the popup, the legend is a disclosure that opens by keyboard and by a tap", async () => {
    const popup = await suite.session.openPopup("?entity=capex-380b");
    await waitFor(
      () => popup.evaluate(() => Boolean(document.querySelector("details.legend")), undefined),
      10_000,
      "legend",
    );
    expect((await popup.evaluate(popupLegend, undefined)).open).toBe(false);
    for (let i = 0; i < 20 && !(await popup.evaluate(popupLegend, undefined)).focused; i++)
      await popup.keyboard.press("Tab");
    expect((await popup.evaluate(popupLegend, undefined)).focused).toBe(true);
    await popup.keyboard.press("Enter");
    await waitFor(() =>
      popup.evaluate(() => document.querySelector("details.legend")?.hasAttribute("open"), undefined),
    );
    const open = await popup.evaluate(popupLegend, undefined);
    for (const label of LABELS) expect(open.text).toContain(label);
    await popup.keyboard.press("Enter");
    await waitFor(async () => (await popup.evaluate(popupLegend, undefined)).open === false, 5_000, "closed by Enter");
    const { point } = await popup.evaluate(popupLegend, undefined);
    await popup.touchscreen.tap(point!.x, point!.y);
    await waitFor(async () => (await popup.evaluate(popupLegend, undefined)).open === true, 5_000, "opened by a tap");
    await popup.close();
  });
});
