/**
 * `npm start` (after the build): serves the bundled sample Korean news page
 * on 127.0.0.1 and opens Chromium with the extension loaded on it. With no
 * display (or --headless) it runs headless instead, hovers a mention, and
 * writes a screenshot with the highlights and the open card.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { distPath } from "../build/variants.ts";
import { startServer } from "../../tests/e2e/support/server.ts";
import { installProbeChannel, pointOfMention, readCard } from "../../tests/e2e/support/page-probes.ts";

const args = process.argv.slice(2);
const outDir = resolve(args.includes("--out") ? args[args.indexOf("--out") + 1]! : "artifacts");
const headless = args.includes("--headless") || !process.env.DISPLAY;
// The test build: the sample page is served from 127.0.0.1, which the release build does not match.
const extension = distPath(".", "chrome", "test");
const server = await startServer();
const url = server.url("sample-news.html");

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "maekrak-start-")), {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless,
  viewport: headless ? { width: 1200, height: 900 } : null,
  locale: "ko-KR",
  // A Korean reader's browser: the extension's UI follows the browser's language.
  env: { ...process.env, LANGUAGE: process.env.MAEKRAK_LANG ?? "ko" },
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--lang=ko",
  ],
});
// The probes below read the test build's highlights and card through its probe channel.
// tsx keeps function names with a `__name` helper that the probes' page-side copies would call: the page gets one.
await context.addInitScript({
  content: `globalThis.__name ??= (target) => target; (${installProbeChannel.toString()})();`,
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);

if (!headless) {
  console.log(`Maekrak is running on ${url} — close the browser window to stop.`);
  await new Promise<void>((done) => context.on("close", () => done()));
  await server.close();
  process.exit(0);
}

// Headless: wait for the highlights, hover a mention, and take the picture.
const target = "알리바바 클라우드";
let point: { x: number; y: number } | null = null;
for (let i = 0; i < 100 && !point; i++) {
  point = await page.evaluate(pointOfMention, target);
  if (!point) await page.waitForTimeout(100);
}
if (!point) throw new Error(`no highlighted "${target}" found on the sample page`);
await page.mouse.move(point.x, point.y);
for (let i = 0; i < 50 && !(await page.evaluate(readCard)).open; i++) await page.waitForTimeout(100);
mkdirSync(outDir, { recursive: true });
const file = join(outDir, "sample-news.png");
await page.screenshot({ path: file });
console.log(file);
await context.close();
await server.close();
