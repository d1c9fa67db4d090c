/** axe-core in a page (the card's shadow root or a popup), violations only. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { PageLike } from "./browsers";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The card's panel inside its shadow root, as an axe context. */
export const CARD_CONTEXT = { include: [{ fromShadowDom: ["maekrak-root", ".panel"] }] };

export async function runAxe(
  page: PageLike,
  context: unknown,
): Promise<Array<{ id: string; nodes: number; help: string }>> {
  // Evaluated by the driver (not eval in the page), so the popup's strict CSP does not block it.
  const loaded = await page.evaluate(() => typeof (globalThis as any).axe !== "undefined", undefined);
  if (!loaded) await page.evaluate(new Function(AXE_SOURCE) as () => void, undefined);
  return page.evaluate(async (ctx) => {
    const result = await (globalThis as any).axe.run(ctx ?? document, { resultTypes: ["violations"] });
    return result.violations.map((v: any) => ({ id: v.id, nodes: v.nodes.length, help: v.help }));
  }, context);
}
