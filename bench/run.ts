/**
 * `npm run bench`: Maekrak against two references in the same run, in real
 * headless Chromium, on the generated pages of bench/pages.ts:
 *   none    no extension (the baseline every cost is measured against)
 *   floor   a minimal extension that walks every text node once and reads it
 *   markjs  mark.js with the same alias list (the standard highlighting library)
 *   maekrak the built extension (dist/chrome)
 * Runs are interleaved (page by page, variant by variant, round after round)
 * and medians are reported. Cost = CDP Performance.getMetrics deltas against
 * the `none` run of the same page in the same round. Writes bench/results/latest.{json,md}.
 * This is a measurement, not a test: nothing here asserts a time.
 */
import { mkdirSync, mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:http";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { PAGES, type PageName } from "./pages.ts";
import { loadKnowledgeBase } from "../src/build/kb-files.ts";

const ROOT = resolve(import.meta.dirname, "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SETTLE_MS = 800;
const TIMEOUT_MS = 20_000;
type Variant = "none" | "floor" | "markjs" | "maekrak";
const VARIANTS: Variant[] = ["none", "floor", "markjs", "maekrak"];

/** The two reference extensions, written to a temp folder. */
function buildReferences(): Record<"floor" | "markjs", string> {
  const dir = mkdtempSync(join(tmpdir(), "maekrak-bench-ext-"));
  const manifest = (name: string, js: string[]) => JSON.stringify({
    manifest_version: 3, name, version: "1.0",
    content_scripts: [{ matches: ["http://127.0.0.1/*"], js, run_at: "document_idle" }],
  });
  const floor = join(dir, "floor");
  mkdirSync(floor);
  writeFileSync(join(floor, "manifest.json"), manifest("floor", ["floor.js"]));
  // The physical floor: read every text node once (and the text of added nodes on dynamic pages).
  writeFileSync(join(floor, "floor.js"), `
    let total = 0;
    const read = (root) => { const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); for (let n = w.nextNode(); n; n = w.nextNode()) total += n.data.length; };
    read(document.body);
    new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) read(n); }).observe(document.body, { childList: true, subtree: true });
    globalThis.__floorTotal = total;`);
  const markjs = join(dir, "markjs");
  mkdirSync(markjs);
  writeFileSync(join(markjs, "manifest.json"), manifest("markjs", ["mark.min.js", "run.js"]));
  copyFileSync(join(ROOT, "node_modules", "mark.js", "dist", "mark.min.js"), join(markjs, "mark.min.js"));
  const aliases = loadKnowledgeBase().entities.filter((e) => e.type !== "figure").flatMap((e) => e.aliases);
  writeFileSync(join(markjs, "run.js"), `
    const ALIASES = ${JSON.stringify(aliases)};
    const run = (root) => new Mark(root).mark(ALIASES, { separateWordSearch: false, acrossElements: false });
    run(document.body);
    new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && !n.closest("mark")) run(n); }).observe(document.body, { childList: true, subtree: true });`);
  return { floor, markjs };
}

/** In the page's main world from the start: long tasks, and when the highlight count last changed. */
const PROBE = `(() => {
  const state = { longest: 0, lastChange: 0, count: 0 };
  globalThis.__bench = state;
  try { new PerformanceObserver((list) => { for (const e of list.getEntries()) state.longest = Math.max(state.longest, e.duration); }).observe({ type: "longtask", buffered: true }); } catch {}
  const count = () => {
    let n = 0;
    if (globalThis.CSS && CSS.highlights) for (const [name, h] of CSS.highlights) if (name.startsWith("maekrak-")) n += h.size;
    n += document.querySelectorAll("mark[data-markjs]").length;
    return n;
  };
  const tick = () => { const n = count(); if (n !== state.count) { state.count = n; state.lastChange = performance.now(); } setTimeout(tick, 25); };
  addEventListener("DOMContentLoaded", tick);
})();`;

async function launch(extension: string | null): Promise<BrowserContext> {
  const args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "maekrak-bench-")), {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args, viewport: { width: 1200, height: 900 },
  });
  await context.addInitScript(PROBE);
  return context;
}

type Sample = { script: number; recalc: number; task: number; heap: number; longest: number; complete: number; matches: number; finished: boolean };

async function measure(page: Page, url: string, dynamic: boolean): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  // A reference that blocks the page (mark.js on the huge page) may hold up "load" for minutes.
  const loaded = await page.goto(url, { waitUntil: "load", timeout: TIMEOUT_MS }).then(() => true, () => false);
  if (!loaded) {
    await cdp.detach().catch(() => undefined);
    return { script: NaN, recalc: NaN, task: NaN, heap: NaN, longest: NaN, complete: NaN, matches: NaN, finished: false };
  }
  const loadedAt = await page.evaluate(() => performance.now());
  const started = Date.now();
  let finished = true;
  // Settled: the page's own appending is over and the highlight count has not changed for a while.
  for (;;) {
    const s = await page.evaluate(() => ({ ...(globalThis as any).__bench, now: performance.now(), appended: document.documentElement.dataset.appended === "1" }));
    if ((!dynamic || s.appended) && s.now - Math.max(s.lastChange, loadedAt) > SETTLE_MS) break;
    if (Date.now() - started > TIMEOUT_MS) { finished = false; break; }
    await page.waitForTimeout(100);
  }
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m: { name: string }) => m.name === name)?.value ?? 0;
  const probe = await page.evaluate(() => (globalThis as any).__bench);
  const nav = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
  await cdp.detach();
  return {
    script: metric("ScriptDuration") * 1000, recalc: metric("RecalcStyleDuration") * 1000, task: metric("TaskDuration") * 1000,
    heap: metric("JSHeapUsedSize") / 1024 / 1024, longest: probe.longest, matches: probe.count,
    complete: probe.count ? Math.max(0, probe.lastChange - nav) : 0, finished,
  };
}

/** Median of the finished runs (NaN when none finished). */
const median = (values: number[]) => {
  const s = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

async function main() {
  const html = Object.fromEntries(Object.entries(PAGES).map(([name, make]) => [name, make()])) as Record<PageName, string>;
  const server = createServer((req, res) => {
    const name = (req.url ?? "").slice(1).replace(/\?.*/, "") as PageName;
    if (!html[name]) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html[name]);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const refs = buildReferences();
  const contexts: Record<Variant, BrowserContext> = {
    none: await launch(null), floor: await launch(refs.floor), markjs: await launch(refs.markjs), maekrak: await launch(join(ROOT, "dist", "chrome")),
  };
  const samples: Record<string, Record<Variant, Sample[]>> = {};
  const pages = (process.env.BENCH_PAGES?.split(",") ?? Object.keys(PAGES)) as PageName[];
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of pages) {
      for (const variant of VARIANTS) {
        // Once a variant has failed to finish a page, later rounds skip it (it would only stall the run).
        if (samples[name]?.[variant]?.some((x) => !x.finished)) {
          samples[name]![variant]!.push({ script: NaN, recalc: NaN, task: NaN, heap: NaN, longest: NaN, complete: NaN, matches: NaN, finished: false });
          continue;
        }
        const page = await contexts[variant].newPage();
        const sample = await measure(page, `http://127.0.0.1:${port}/${name}?r=${round}`, name === "dynamic");
        await page.close({ runBeforeUnload: false }).catch(() => undefined);
        ((samples[name] ??= {} as Record<Variant, Sample[]>)[variant] ??= []).push(sample);
        process.stderr.write(`round ${round + 1}/${ROUNDS} ${name.padEnd(8)} ${variant.padEnd(8)} script ${sample.script.toFixed(0)} ms, recalc ${sample.recalc.toFixed(0)} ms, longest ${sample.longest.toFixed(0)} ms, matches ${sample.matches}${sample.finished ? "" : " (did not finish)"}\n`);
      }
    }
  }
  for (const context of Object.values(contexts)) await context.close();
  server.close();

  // Per page: each variant's cost over `none` in the same round, median across rounds.
  const report: Record<string, unknown> = {};
  const rows: string[] = [];
  for (const name of pages) {
    const s = samples[name]!;
    const cost = (v: Variant, key: "script" | "recalc" | "task" | "heap") => median(s[v].map((x, i) => x[key] - s.none[i]![key]));
    const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "did not finish");
    type Costs = { scriptMs: number; recalcMs: number; taskMs: number; heapMB: number; longestTaskMs: number; completeMs: number; matches: number; finishedRuns: number };
    const entry: Record<string, Costs | Record<string, number>> = {};
    for (const v of VARIANTS.filter((x) => x !== "none")) {
      entry[v] = {
        scriptMs: cost(v, "script"), recalcMs: cost(v, "recalc"), taskMs: cost(v, "task"), heapMB: cost(v, "heap"),
        longestTaskMs: median(s[v].map((x) => x.longest)), completeMs: median(s[v].map((x) => x.complete)),
        matches: median(s[v].map((x) => x.matches)), finishedRuns: s[v].filter((x) => x.finished).length,
      };
    }
    const m = entry.maekrak as Costs;
    const f = entry.floor as Costs;
    const k = entry.markjs as Costs;
    entry.ratios = { maekrakToFloorScript: m.scriptMs / f.scriptMs, maekrakToFloorTask: m.taskMs / f.taskMs, markjsToMaekrakScript: k.scriptMs / m.scriptMs };
    report[name] = entry;
    rows.push(`| ${name} | ${fmt(f.scriptMs)} | ${fmt(m.scriptMs)} | ${k.finishedRuns ? fmt(k.scriptMs) : `did not finish in ${TIMEOUT_MS / 1000} s`} | ${fmt(m.scriptMs / f.scriptMs, 2)}× | ${k.finishedRuns ? `${fmt(k.scriptMs / m.scriptMs, 0)}×` : "—"} | ${fmt(m.recalcMs)} | ${fmt(m.taskMs)} / ${fmt(f.taskMs)} | ${fmt(m.longestTaskMs, 0)} / ${fmt(f.longestTaskMs, 0)} | ${fmt(m.completeMs, 0)} | ${m.matches} / ${k.finishedRuns ? k.matches : "—"} | ${fmt(m.heapMB, 2)} |`);
  }
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  const meta = { date: new Date().toISOString(), rounds: ROUNDS, chromium: (await import("node:child_process")).execSync("chromium --version 2>/dev/null || true").toString().trim() };
  writeFileSync(join(ROOT, "bench", "results", "latest.json"), JSON.stringify({ meta, report }, null, 2) + "\n");
  const table = [
    `# Benchmark (${meta.chromium}, ${ROUNDS} interleaved rounds, medians; costs over a no-extension run)`, "",
    "| page | floor script ms | Maekrak script ms | mark.js script ms | Maekrak ÷ floor | mark.js ÷ Maekrak | Maekrak style recalc ms | task ms Maekrak / floor | longest task ms Maekrak / floor | highlights complete ms | matches Maekrak / mark.js | Maekrak heap MB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|", ...rows, "",
  ].join("\n");
  writeFileSync(join(ROOT, "bench", "results", "latest.md"), table);
  console.log(table);
}

await main();
