/**
 * `npm run bench`: Maekrak against two references in the same run, in real
 * headless Chromium, on the generated pages of bench/pages.ts:
 *   none    no extension (the baseline every cost is measured against)
 *   floor   a minimal extension that walks every text node once and reads it
 *   regex   the minimal Highlight-API highlighter: one RegExp of the aliases, one Highlight, one rule
 *   markjs  mark.js with the same alias list (the standard highlighting library)
 *   maekrak the built extension (dist/test/chrome: the test build, which matches 127.0.0.1)
 * Runs are interleaved (page by page, variant by variant, round after round)
 * and medians are reported. Cost = CDP Performance.getMetrics deltas against
 * the `none` run of the same page in the same round. Writes bench/results/latest.{json,md}.
 * This is a measurement, not a test: nothing here asserts a time.
 */
import { mkdirSync, mkdtempSync, writeFileSync, copyFileSync, readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:http";
import type { BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";
import type { PageName } from "./pages.ts";
import { PAGES } from "./pages.ts";
import { loadKnowledgeBase } from "../src/build/kb-files.ts";

const ROOT = resolve(import.meta.dirname, "..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SETTLE_MS = 800;
const TIMEOUT_MS = 20_000;
/** mark.js takes ~10 s on the portal page: given longer (BENCH_MARKJS_TIMEOUT_MS), so its ratio to Maekrak is measured. */
const MARKJS_TIMEOUT_MS = Number(process.env.BENCH_MARKJS_TIMEOUT_MS ?? 60_000);
type Variant = "none" | "floor" | "regex" | "regexLate" | "markjs" | "maekrak" | "compare";
/** BENCH_SKIP_MARKJS=1 for quick runs (mark.js takes most of the time; its column then reads "did not finish"). */
const VARIANTS: Variant[] = ["none", "floor", "regex", "regexLate", "maekrak"];
/**
 * BENCH_COMPARE=<dir>: a second build of Maekrak (e.g. the previous commit's dist/test/chrome) measured in the
 * same interleaved run, for A/B comparisons of a change (its row is marked "compare").
 */
const COMPARE_DIR = process.env.BENCH_COMPARE;
if (COMPARE_DIR) VARIANTS.push("compare");
/**
 * mark.js comes last in each round, and the machine gets a pause after it: its seconds of script and the teardown of
 * its page had slowed whatever ran next (Maekrak's own time on the page without mentions went from about 14 to
 * 25–29 ms in the rounds where it followed mark.js).
 */
if (!process.env.BENCH_SKIP_MARKJS) VARIANTS.push("markjs");
const SETTLE_AFTER_MARKJS_MS = 3_000;

/** Folders made for a run (reference extensions, browser profiles), removed when it ends. */
const temporary: string[] = [];
process.on("exit", () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** The reference extensions, written to a temp folder. */
function buildReferences(): Record<"floor" | "regex" | "regexLate" | "markjs", string> {
  const dir = mkdtempSync(join(tmpdir(), "maekrak-bench-ext-"));
  temporary.push(dir);
  const manifest = (name: string, js: string[], css?: string[]) =>
    JSON.stringify({
      manifest_version: 3,
      name,
      version: "1.0",
      content_scripts: [{ matches: ["http://127.0.0.1/*"], js, ...(css ? { css } : {}), run_at: "document_idle" }],
    });
  const floor = join(dir, "floor");
  mkdirSync(floor);
  writeFileSync(join(floor, "manifest.json"), manifest("floor", ["floor.js"]));
  // The physical floor: read every text node once (and the text of added nodes on dynamic pages).
  writeFileSync(
    join(floor, "floor.js"),
    `
    let total = 0;
    const read = (root) => { const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); for (let n = w.nextNode(); n; n = w.nextNode()) total += n.data.length; };
    read(document.body);
    new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) read(n); }).observe(document.body, { childList: true, subtree: true });
    globalThis.__floorTotal = total;`,
  );
  // The simplest highlighter: one RegExp of the same aliases over each text node, Ranges in one Highlight.
  // No Korean rules (particles, collisions, names across tags), no settings, no messages: what those cost.
  // Its one rule the simplest way: the manifest's css (on every page from the start, riding on the page's own first
  // style recalculation). regexLate: the same, but its rule adopted when it registers its first range (what a page
  // without a mention must not pay for, and what per-page names need: Maekrak's way).
  const RULE = "::highlight(regex-reference) { background-color: rgba(255, 196, 0, 0.32); }";
  const regex = join(dir, "regex");
  mkdirSync(regex);
  writeFileSync(join(regex, "manifest.json"), manifest("regex", ["regex.js"], ["regex.css"]));
  writeFileSync(join(regex, "regex.css"), `${RULE}\n`);
  const regexLate = join(dir, "regexLate");
  mkdirSync(regexLate);
  writeFileSync(join(regexLate, "manifest.json"), manifest("regexLate", ["regex.js"]));
  const aliases = loadKnowledgeBase()
    .entities.filter((e) => e.type !== "figure")
    .flatMap((e) => e.aliases);
  const regexAliases = [...aliases].sort((a, b) => b.length - a.length);
  const regexSource = `
    const NAMES = new RegExp(${JSON.stringify(regexAliases.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"))}, "g");
    const highlight = new Highlight();
    CSS.highlights.set("regex-reference", highlight);
    const LATE = typeof LATE_RULE === "string";
    const adopt = () => { if (!LATE || adopt.done) return; adopt.done = true; const s = new CSSStyleSheet(); s.replaceSync(LATE_RULE); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; };
    const scan = (root) => {
      const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        const text = n.data;
        NAMES.lastIndex = 0;
        for (let m = NAMES.exec(text); m; m = NAMES.exec(text)) { adopt(); const r = new Range(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length); highlight.add(r); }
      }
    };
    scan(document.body);
    new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) scan(n); }).observe(document.body, { childList: true, subtree: true });`;
  writeFileSync(join(regex, "regex.js"), regexSource);
  writeFileSync(join(regexLate, "regex.js"), `const LATE_RULE = ${JSON.stringify(RULE)};${regexSource}`);
  const markjs = join(dir, "markjs");
  mkdirSync(markjs);
  writeFileSync(join(markjs, "manifest.json"), manifest("markjs", ["mark.min.js", "run.js"]));
  copyFileSync(join(ROOT, "node_modules", "mark.js", "dist", "mark.min.js"), join(markjs, "mark.min.js"));
  writeFileSync(
    join(markjs, "run.js"),
    `
    const ALIASES = ${JSON.stringify(aliases)};
    const run = (root) => new Mark(root).mark(ALIASES, { separateWordSearch: false, acrossElements: false });
    run(document.body);
    new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && !n.closest("mark")) run(n); }).observe(document.body, { childList: true, subtree: true });`,
  );
  return { floor, regex, regexLate, markjs };
}

/**
 * In the page's main world from the start: long tasks, when the highlight count last changed, and when
 * each Maekrak range was first seen registered (polled every 10 ms, so latencies carry up to 10 ms of
 * polling delay). The anchor pairs a trace timestamp (console.timeStamp) with performance.now(), so trace
 * events (the content script's injection) and page times can be compared.
 */
const PROBE = `(() => {
  const state = { longest: 0, lastChange: 0, count: 0, anchor: 0 };
  const seen = new Map();
  globalThis.__bench = state;
  globalThis.__benchSeen = seen;
  try { new PerformanceObserver((list) => { for (const e of list.getEntries()) state.longest = Math.max(state.longest, e.duration); }).observe({ type: "longtask", buffered: true }); } catch {}
  let marks = null;
  let lastSize = -1;
  const tick = () => {
    let size = 0;
    const mine = [];
    if (globalThis.CSS && CSS.highlights) for (const h of CSS.highlights.values()) { size += h.size; mine.push(h); }
    if (size !== lastSize) {
      lastSize = size;
      const now = performance.now();
      for (const h of mine) for (const r of h) if (!seen.has(r)) seen.set(r, now);
    }
    const n = size + (marks ??= document.getElementsByTagName("mark")).length;
    if (n !== state.count) { state.count = n; state.lastChange = performance.now(); }
    setTimeout(tick, 10);
  };
  addEventListener("DOMContentLoaded", () => { state.anchor = performance.now(); console.timeStamp("bench-anchor"); tick(); });
})();`;

/** After settling, in the page: first-screen and per-batch latencies from the first-seen times. */
const LATENCIES = () => {
  const seen = (globalThis as any).__benchSeen as Map<Range, number>;
  let firstScreenAt = NaN;
  let inView = 0;
  for (const [range, at] of seen) {
    const r = range.getBoundingClientRect();
    if ((r.width || r.height) && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth) {
      inView++;
      firstScreenAt = Number.isNaN(firstScreenAt) ? at : Math.max(firstScreenAt, at);
    }
  }
  const boxes = [...document.querySelectorAll("main > .more")];
  const appendedAt = ((globalThis as any).__appendedAt ?? []) as number[];
  const perBatch = boxes.map(() => -Infinity);
  for (const [range, at] of seen) {
    const box = range.startContainer.parentElement?.closest(".more");
    const i = box ? boxes.indexOf(box) : -1;
    if (i >= 0 && appendedAt[i] !== undefined) perBatch[i] = Math.max(perBatch[i]!, at - appendedAt[i]!);
  }
  return {
    firstScreenAt,
    inView,
    batchLatencies: perBatch.filter((x) => Number.isFinite(x)),
    anchor: (globalThis as any).__bench.anchor as number,
    firstAppendAt: appendedAt[0] ?? NaN,
  };
};

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any };

/**
 * From the trace of one page load: when the extension's script was first run (page time), its own time
 * per task (the longest), and how many tasks it made long. Extension work = the outermost EvaluateScript /
 * FunctionCall events whose script is a chrome-extension:// URL, on the page's main thread.
 */
function analyseTrace(events: TraceEvent[], anchorPerf: number, firstAppendAt: number) {
  const anchor = events.find((e) => e.name === "TimeStamp" && e.args?.data?.message === "bench-anchor");
  if (!anchor) return { injectedAt: NaN, longestOwnMs: NaN, ownOver50: NaN, ownTotalMs: NaN, ownAfterAppendMs: NaN };
  const onMain = events
    .filter((e) => e.pid === anchor.pid && e.tid === anchor.tid && e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const isExtension = (e: TraceEvent) =>
    (e.name === "EvaluateScript" || e.name === "FunctionCall" || e.name === "v8.compile") &&
    String(e.args?.data?.url ?? "").startsWith("chrome-extension://");
  const tasks = onMain.filter((e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask");
  const own = onMain.filter(isExtension);
  const injected = own[0];
  // Outermost extension events only, summed per task.
  const perTask = new Map<TraceEvent, number>();
  let coveredUntil = -Infinity;
  let t = 0;
  const outermost: TraceEvent[] = [];
  for (const e of own) {
    if (e.ts < coveredUntil) continue;
    coveredUntil = e.ts + e.dur!;
    outermost.push(e);
    while (t < tasks.length && tasks[t]!.ts + tasks[t]!.dur! < e.ts) t++;
    const task = tasks[t] && tasks[t]!.ts <= e.ts ? tasks[t]! : e;
    perTask.set(task, (perTask.get(task) ?? 0) + e.dur! / 1000);
  }
  const owns = [...perTask.values()];
  // Diagnosis: the main thread's events (over 1.5 ms) in the 400 ms after injection, ms from it, * = the extension's.
  if (process.env.BENCH_TIMELINE && injected) {
    const line = onMain
      .filter((e) => e.ts >= injected.ts && e.ts < injected.ts + 400_000 && e.dur! > 1500 && !/RunTask/.test(e.name))
      .map(
        (e) =>
          `${((e.ts - injected.ts) / 1000).toFixed(0)}:${e.name}${isExtension(e) ? "*" : ""}(${(e.dur! / 1000).toFixed(0)})`,
      );
    process.stderr.write(`  timeline: ${line.join(" ")}\n`);
  }
  if (process.env.BENCH_TRACE_SUMMARY) {
    const byName = new Map<string, number>();
    for (const e of onMain)
      if (
        /^(UpdateLayoutTree|Layout|Paint|PrePaint|Layerize|Commit|HitTest|ParseHTML|EvaluateScript|FunctionCall|FireIdleCallback|TimerFire|MajorGC|MinorGC|V8.GC_SCAVENGER|BlinkGC.AtomicPhase)$/.test(
          e.name,
        )
      )
        byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur! / 1000);
    process.stderr.write(
      `  trace: ${[...byName]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(", ")}\n`,
    );
  }
  return {
    injectedAt: injected ? anchorPerf + (injected.ts - anchor.ts) / 1000 : NaN,
    longestOwnMs: owns.length ? Math.max(...owns) : 0,
    ownOver50: owns.filter((x) => x > 50).length,
    ownTotalMs: owns.reduce((a, b) => a + b, 0),
    // Dynamic page: the own time spent once the page started appending (the cost of following the appended text).
    ownAfterAppendMs: Number.isFinite(firstAppendAt)
      ? outermost
          .filter((e) => e.ts >= anchor.ts + (firstAppendAt - anchorPerf) * 1000)
          .reduce((sum, e) => sum + e.dur! / 1000, 0)
      : NaN,
  };
}

async function launch(extension: string | null): Promise<BrowserContext> {
  const args = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const profile = mkdtempSync(join(tmpdir(), "maekrak-bench-"));
  temporary.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args,
    viewport: { width: 1200, height: 900 },
  });
  await context.addInitScript(PROBE);
  return context;
}

type Sample = {
  script: number;
  recalc: number;
  task: number;
  heap: number;
  longest: number;
  complete: number;
  matches: number;
  finished: boolean;
  /** Extension-only: longest run of its own code inside one task, tasks where that exceeded 50 ms, ms from injection to the first screen's ranges registered, per-batch latencies. */
  longestOwn: number;
  ownOver50: number;
  firstScreen: number;
  inView: number;
  batchMax: number;
  batchMedian: number;
  /** The extension's own script time from the trace (outermost events of its scripts, incl. compiling them): no page noise. */
  ownTotal: number;
  /** Dynamic page: own script time from the first append on. */
  ownAfterAppend: number;
};
const FAILED: Sample = {
  script: NaN,
  recalc: NaN,
  task: NaN,
  heap: NaN,
  longest: NaN,
  complete: NaN,
  matches: NaN,
  finished: false,
  longestOwn: NaN,
  ownOver50: NaN,
  firstScreen: NaN,
  inView: NaN,
  batchMax: NaN,
  batchMedian: NaN,
  ownTotal: NaN,
  ownAfterAppend: NaN,
};

async function measure(page: Page, url: string, dynamic: boolean, timeout = TIMEOUT_MS): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  const trace: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => {
    for (const x of e.value) trace.push(x as unknown as TraceEvent);
  });
  const traced = new Promise<void>((r) => cdp.once("Tracing.tracingComplete", () => r()));
  await cdp.send("Tracing.start", {
    traceConfig: { includedCategories: ["devtools.timeline", "toplevel"] },
    transferMode: "ReportEvents",
  });
  // A reference that blocks the page (mark.js on the huge page) may hold up "load" for minutes.
  const loaded = await page.goto(url, { waitUntil: "load", timeout }).then(
    () => true,
    () => false,
  );
  if (!loaded) {
    await cdp.detach().catch(() => undefined);
    return FAILED;
  }
  const loadedAt = await page.evaluate(() => performance.now());
  const started = Date.now();
  let finished = true;
  // Settled: the page's own appending is over and the highlight count has not changed for a while.
  for (;;) {
    const s = await page.evaluate(() => ({
      ...(globalThis as any).__bench,
      now: performance.now(),
      appended: document.documentElement.dataset.appended === "1",
    }));
    if ((!dynamic || s.appended) && s.now - Math.max(s.lastChange, loadedAt) > SETTLE_MS) break;
    if (Date.now() - started > timeout) {
      finished = false;
      break;
    }
    await page.waitForTimeout(100);
  }
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m: { name: string }) => m.name === name)?.value ?? 0;
  await cdp.send("Tracing.end");
  await traced;
  const probe = await page.evaluate(() => (globalThis as any).__bench);
  const nav = await page.evaluate(
    () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
  const lat = await page.evaluate(LATENCIES);
  const t = analyseTrace(trace, lat.anchor, lat.firstAppendAt);
  await cdp.detach();
  const sorted = [...lat.batchLatencies].sort((a, b) => a - b);
  return {
    script: metric("ScriptDuration") * 1000,
    recalc: metric("RecalcStyleDuration") * 1000,
    task: metric("TaskDuration") * 1000,
    heap: metric("JSHeapUsedSize") / 1024 / 1024,
    longest: probe.longest,
    matches: probe.count,
    complete: probe.count ? Math.max(0, probe.lastChange - nav) : 0,
    finished,
    longestOwn: t.longestOwnMs,
    ownOver50: t.ownOver50,
    ownTotal: t.ownTotalMs,
    ownAfterAppend: t.ownAfterAppendMs,
    firstScreen: lat.inView ? lat.firstScreenAt - t.injectedAt : NaN,
    inView: lat.inView,
    batchMax: sorted.length ? sorted[sorted.length - 1]! : NaN,
    batchMedian: sorted.length ? sorted[(sorted.length - 1) >> 1]! : NaN,
  };
}

/**
 * BENCH_PROFILE=1: one CDP CPU profile (Profiler domain, 100 µs sampling) of Maekrak per page, reported as
 * the top functions by self and by total time, and the split between the extension, the page, GC and the
 * browser's own work. Build with MAEKRAK_NO_MINIFY=1 for readable names. Writes bench/results/profile.md.
 */
type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
async function profilePage(context: BrowserContext, url: string, dynamic: boolean): Promise<string> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await page.goto(url, { waitUntil: "load", timeout: TIMEOUT_MS });
  const loadedAt = await page.evaluate(() => performance.now());
  for (const started = Date.now(); Date.now() - started < TIMEOUT_MS; await page.waitForTimeout(100)) {
    const s = await page.evaluate(() => ({
      ...(globalThis as any).__bench,
      now: performance.now(),
      appended: document.documentElement.dataset.appended === "1",
    }));
    if ((!dynamic || s.appended) && s.now - Math.max(s.lastChange, loadedAt) > SETTLE_MS) break;
  }
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await page.close();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isExt = (n: ProfileNode) => n.callFrame.url.startsWith("chrome-extension://");
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\//, "")}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const split = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    // Who is responsible: the outermost frame with a URL (extension or page), else the node's own name.
    let owner = node.callFrame.functionName.startsWith("(") ? node.callFrame.functionName : "page";
    const keys = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
      if (isExt(n)) {
        keys.add(key(n));
        owner = "extension";
      } else if (n.callFrame.url && owner !== "extension") owner = "page";
    }
    split.set(owner, (split.get(owner) ?? 0) + ms);
    if (isExt(node)) self.set(key(node), (self.get(key(node)) ?? 0) + ms);
    else if (owner === "extension")
      self.set(
        `[native] ${node.callFrame.functionName || "(native)"}`,
        (self.get(`[native] ${node.callFrame.functionName || "(native)"}`) ?? 0) + ms,
      );
    for (const k of keys) total.set(k, (total.get(k) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `| ${k} | ${v.toFixed(1)} |`)
      .join("\n");
  return [
    `split (ms): ${[...split]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(", ")}`,
    "",
    "| extension self time (native = built-ins called by the extension) | ms |",
    "|---|---:|",
    top(self, 25),
    "",
    "| extension total time | ms |",
    "|---|---:|",
    top(total, 25),
    "",
  ].join("\n");
}

/** Median of the finished runs (NaN when none finished). */
const median = (values: number[]) => {
  const s = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

async function main() {
  const html = Object.fromEntries(Object.entries(PAGES).map(([name, make]) => [name, make()])) as Record<
    PageName,
    string
  >;
  const server = createServer((req, res) => {
    const name = (req.url ?? "").slice(1).replace(/\?.*/, "") as PageName;
    if (!html[name]) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html[name]);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  if (process.env.BENCH_PROFILE) {
    const context = await launch(join(ROOT, "dist", "test", "chrome"));
    const out: string[] = [];
    for (const name of (process.env.BENCH_PAGES?.split(",") ?? Object.keys(PAGES)) as PageName[]) {
      await profilePage(context, `http://127.0.0.1:${port}/${name}?warm`, name === "dynamic"); // warm-up
      out.push(`## ${name}`, "", await profilePage(context, `http://127.0.0.1:${port}/${name}`, name === "dynamic"));
    }
    await context.close();
    server.close();
    mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
    writeFileSync(
      join(ROOT, "bench", "results", "profile.md"),
      `# CPU profile of Maekrak (one run per page after a warm-up)\n\n${out.join("\n")}`,
    );
    console.log(out.join("\n"));
    return;
  }
  const refs = buildReferences();
  const contexts: Record<Variant, BrowserContext> = {
    none: await launch(null),
    floor: await launch(refs.floor),
    regex: await launch(refs.regex),
    regexLate: await launch(refs.regexLate),
    markjs: await launch(refs.markjs),
    maekrak: await launch(join(ROOT, "dist", "test", "chrome")),
    compare: COMPARE_DIR ? await launch(resolve(COMPARE_DIR)) : (null as unknown as BrowserContext),
  };
  const samples: Record<string, Record<Variant, Sample[]>> = {};
  const pages = (process.env.BENCH_PAGES?.split(",") ?? Object.keys(PAGES)) as PageName[];
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of pages) {
      for (const variant of VARIANTS) {
        // Once a variant has failed to finish a page, later rounds skip it (it would only stall the run).
        if (samples[name]?.[variant]?.some((x) => !x.finished)) {
          samples[name]![variant]!.push(FAILED);
          continue;
        }
        const page = await contexts[variant].newPage();
        const sample = await measure(
          page,
          `http://127.0.0.1:${port}/${name}?r=${round}`,
          name === "dynamic",
          variant === "markjs" ? MARKJS_TIMEOUT_MS : TIMEOUT_MS,
        );
        await page.close({ runBeforeUnload: false }).catch(() => undefined);
        if (variant === "markjs") await new Promise((r) => setTimeout(r, SETTLE_AFTER_MARKJS_MS));
        ((samples[name] ??= {} as Record<Variant, Sample[]>)[variant] ??= []).push(sample);
        process.stderr.write(
          `round ${round + 1}/${ROUNDS} ${name.padEnd(8)} ${variant.padEnd(8)} script ${sample.script.toFixed(0)} ms, recalc ${sample.recalc.toFixed(0)} ms, longest ${sample.longest.toFixed(0)} ms (own ${sample.longestOwn.toFixed(0)}), first screen ${sample.firstScreen.toFixed(0)} ms (${sample.inView}), batch max ${sample.batchMax.toFixed(0)} ms, own ${sample.ownTotal.toFixed(1)} ms (after the first append ${sample.ownAfterAppend.toFixed(1)}), matches ${sample.matches}${sample.finished ? "" : " (did not finish)"}\n`,
        );
      }
    }
  }
  for (const context of Object.values(contexts)) await context?.close();
  server.close();

  // Per page: each variant's cost over `none` in the same round, median across rounds.
  const report: Record<string, unknown> = {};
  const rows: string[] = [];
  const summaries: string[] = [];
  for (const name of pages) {
    const s = samples[name]!;
    const cost = (v: Variant, key: "script" | "recalc" | "task" | "heap") =>
      median(s[v].map((x, i) => x[key] - s.none[i]![key]));
    const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "did not finish");
    type Costs = {
      scriptMs: number;
      recalcMs: number;
      taskMs: number;
      heapMB: number;
      longestTaskMs: number;
      completeMs: number;
      matches: number;
      finishedRuns: number;
      longestOwnTaskMs: number;
      ownTasksOver50: number;
      firstScreenMs: number;
      inView: number;
      batchLatencyMaxMs: number;
      batchLatencyMedianMs: number;
      ownScriptMs: number;
      ownAfterAppendMs: number;
    };
    const entry: Record<string, Costs | Record<string, number>> = {};
    for (const v of COMPARE_DIR
      ? (["floor", "regex", "regexLate", "markjs", "maekrak", "compare"] as const)
      : (["floor", "regex", "regexLate", "markjs", "maekrak"] as const)) {
      if (!s[v]) s[v] = s.none.map(() => FAILED);
      entry[v] = {
        scriptMs: cost(v, "script"),
        recalcMs: cost(v, "recalc"),
        taskMs: cost(v, "task"),
        heapMB: cost(v, "heap"),
        longestTaskMs: median(s[v].map((x) => x.longest)),
        completeMs: median(s[v].map((x) => x.complete)),
        matches: median(s[v].map((x) => x.matches)),
        finishedRuns: s[v].filter((x) => x.finished).length,
        longestOwnTaskMs: median(s[v].map((x) => x.longestOwn)),
        ownTasksOver50: median(s[v].map((x) => x.ownOver50)),
        firstScreenMs: median(s[v].map((x) => x.firstScreen)),
        inView: median(s[v].map((x) => x.inView)),
        batchLatencyMaxMs: median(s[v].map((x) => x.batchMax)),
        batchLatencyMedianMs: median(s[v].map((x) => x.batchMedian)),
        ownScriptMs: median(s[v].map((x) => x.ownTotal)),
        ownAfterAppendMs: median(s[v].map((x) => x.ownAfterAppend)),
      };
    }
    const m = entry.maekrak as Costs;
    const f = entry.floor as Costs;
    const k = entry.markjs as Costs;
    const g = entry.regex as Costs;
    const late = entry.regexLate as Costs;
    entry.ratios = {
      maekrakToFloorScript: m.scriptMs / f.scriptMs,
      maekrakToFloorOwnScript: m.ownScriptMs / f.ownScriptMs,
      regexReferenceToFloorOwnScript: g.ownScriptMs / f.ownScriptMs,
      maekrakToRegexReferenceOwnScript: m.ownScriptMs / g.ownScriptMs,
      ...(name === "dynamic" ? { maekrakToFloorOwnAfterAppend: m.ownAfterAppendMs / f.ownAfterAppendMs } : {}),
      maekrakToFloorTask: m.taskMs / f.taskMs,
      markjsToMaekrakScript: k.scriptMs / m.scriptMs,
    };
    report[name] = entry;
    const row = (label: string, m: Costs) =>
      `| ${label} | ${fmt(f.scriptMs)} | ${fmt(m.scriptMs)} | ${k.finishedRuns ? fmt(k.scriptMs) : `did not finish in ${MARKJS_TIMEOUT_MS / 1000} s`} | ${fmt(m.scriptMs / f.scriptMs, 2)}× | ${k.finishedRuns ? `${fmt(k.scriptMs / m.scriptMs, 0)}×` : "—"} | ${fmt(m.recalcMs)} | ${fmt(m.taskMs)} / ${fmt(f.taskMs)} | ${fmt(m.longestTaskMs, 0)} / ${fmt(f.longestTaskMs, 0)} | ${fmt(m.completeMs, 0)} | ${m.matches} / ${k.finishedRuns ? k.matches : "—"} | ${fmt(m.heapMB, 2)} | ${fmt(m.longestOwnTaskMs, 0)} / ${fmt(f.longestOwnTaskMs, 0)} (${fmt(m.ownTasksOver50, 0)}) | ${fmt(m.firstScreenMs, 0)} (${fmt(m.inView, 0)}) | ${name === "dynamic" ? `${fmt(m.batchLatencyMaxMs, 0)} / ${fmt(m.batchLatencyMedianMs, 0)}` : "—"} | ${fmt(m.ownScriptMs)} / ${fmt(f.ownScriptMs)} = ${fmt(m.ownScriptMs / f.ownScriptMs, 2)}× | ${fmt(g.ownScriptMs)} = ${fmt(g.ownScriptMs / f.ownScriptMs, 2)}× (${g.matches}) | ${name === "dynamic" ? `${fmt(m.ownAfterAppendMs)} / ${fmt(f.ownAfterAppendMs)} = ${fmt(m.ownAfterAppendMs / f.ownAfterAppendMs, 2)}×` : "—"} |`;
    rows.push(row(name, m));
    // Script and style recalculation of every variant, and the targets' ratios.
    const both = (c: Costs) => (c.finishedRuns ? `${fmt(c.scriptMs)} / ${fmt(c.recalcMs)}` : "did not finish");
    const summary = (label: string, m: Costs) =>
      `| ${label} | ${both(f)} | ${both(g)} | ${both(late)} | ${both(k)} | ${both(m)} | ${fmt(m.scriptMs / f.scriptMs, 2)}× | ${fmt((m.scriptMs + Math.max(0, m.recalcMs)) / f.scriptMs, 2)}× | ${fmt(m.recalcMs / g.recalcMs, 2)}× / ${fmt(m.recalcMs / late.recalcMs, 2)}× | ${k.finishedRuns ? `${fmt(k.scriptMs / m.scriptMs, 0)}×` : "—"} | ${fmt(m.longestOwnTaskMs, 0)} | ${fmt(m.firstScreenMs, 0)} |`;
    summaries.push(summary(name, m));
    if (COMPARE_DIR) {
      const c = entry.compare as Costs;
      (entry.ratios as Record<string, number>).compareToFloorScript = c.scriptMs / f.scriptMs;
      rows.push(row(`${name} (compare)`, c));
      summaries.push(summary(`${name} (compare)`, c));
    }
  }
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  const content = readFileSync(join(ROOT, "dist", "test", "chrome", "content.js"));
  const meta = {
    date: new Date().toISOString(),
    rounds: ROUNDS,
    chromium: (await import("node:child_process")).execSync("chromium --version 2>/dev/null || true").toString().trim(),
    contentScriptBytes: content.length,
    contentScriptGzipBytes: gzipSync(content, { level: 9 }).length,
  };
  writeFileSync(join(ROOT, "bench", "results", "latest.json"), `${JSON.stringify({ meta, report }, null, 2)}\n`);
  const table = [
    `# Benchmark (${meta.chromium}, ${ROUNDS} interleaved rounds, medians; costs over a no-extension run)`,
    "",
    `content.js: ${(meta.contentScriptBytes / 1024).toFixed(1)} KB, ${(meta.contentScriptGzipBytes / 1024).toFixed(1)} KB gzip.`,
    "",
    "Script / style: ScriptDuration and RecalcStyleDuration (CDP, thread time) over the no-extension run of the same page in the same round. `none` is the portal page with every entity slot filled by an out-of-scope company. The regex reference has its one `::highlight()` rule in the manifest's css (on every page, from the first style recalculation); the late regex reference adopts the same rule when it registers its first range. Extra style: Maekrak's style cost over the no-extension run (0 when negative).",
    "",
    "| page | floor script / style ms | regex reference script / style ms | late regex reference script / style ms | mark.js script / style ms | Maekrak script / style ms | Maekrak script ÷ floor script | (Maekrak script + extra style) ÷ floor script | Maekrak style ÷ regex reference style / ÷ late regex reference style | mark.js ÷ Maekrak script | longest own task ms | first screen ms |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...summaries,
    "",
    "Longest own task: the extension's own code inside one task (trace), Maekrak / floor, and (count of tasks where it passed 50 ms).",
    "First screen: ms from the content script's injection until every range intersecting the initial viewport was registered (count in view).",
    "Batch latency: dynamic page, ms from a batch's append until its last range was registered, max / median over batches.",
    "Own script: the extension's own script time from the trace (its scripts' outermost evaluate/call/compile events, summed): the same cost without the page's own script noise.",
    "Regex reference: one RegExp of the same aliases over each text node, Ranges in one Highlight; no Korean rules, settings or messages.",
    "After the first append: dynamic page, own script time from the page's first append on: the cost of following the appended text, start-up excluded.",
    "",
    "| page | floor script ms | Maekrak script ms | mark.js script ms | Maekrak ÷ floor | mark.js ÷ Maekrak | Maekrak style recalc ms | task ms Maekrak / floor | longest task ms Maekrak / floor | highlights complete ms | matches Maekrak / mark.js | Maekrak heap MB | longest own task ms Maekrak / floor (>50) | first screen ms (in view) | batch latency ms max / median | own script ms (trace) Maekrak / floor | regex reference own ms, ÷ floor (matches) | own script ms after the first append Maekrak / floor |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
  ].join("\n");
  writeFileSync(join(ROOT, "bench", "results", "latest.md"), table);
  console.log(table);
}

await main();
