/** axe-core in a page (the card's shadow root or a popup), violations only. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { PageLike } from "./browsers";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The card's panel inside its shadow root, as an axe context. The root is closed (a page script cannot open it):
 * for the run it is shown to axe, and to axe only, as its host's shadowRoot (the test build's probe channel).
 */
export const CARD_CONTEXT = { card: ".panel" };

export async function runAxe(
  page: PageLike,
  context: unknown,
): Promise<Array<{ id: string; nodes: number; help: string }>> {
  // Evaluated by the driver (not eval in the page), so the popup's strict CSP does not block it.
  const loaded = await page.evaluate(() => typeof (globalThis as any).axe !== "undefined", undefined);
  if (!loaded) await page.evaluate(new Function(AXE_SOURCE) as () => void, undefined);
  return page.evaluate(async (ctx) => {
    let target: unknown = ctx ?? document;
    let host: HTMLElement | null = null;
    const card = (ctx as { card?: string } | null)?.card;
    if (card) {
      const found = __e2eProbe.card();
      host = found.host;
      Object.defineProperty(host!, "shadowRoot", { value: found.root, configurable: true });
      target = { include: [{ fromShadowDom: [host!.localName, card] }] };
    }
    try {
      const result = await (globalThis as any).axe.run(target, { resultTypes: ["violations"] });
      return result.violations.map((v: any) => ({ id: v.id, nodes: v.nodes.length, help: v.help }));
    } finally {
      if (host) delete (host as { shadowRoot?: unknown }).shadowRoot;
    }
  }, context);
}
