/**
 * `npx tsx bench/style-adoption.ts`: what adding highlight rules to a loaded page costs in style recalculation, in
 * real headless Chromium on the bench's portal page (no extension): each way of adding the rules after the page
 * settled, against doing nothing, medians of CDP RecalcStyleDuration deltas over interleaved rounds. Writes
 * bench/results/style-adoption.md. A measurement, not a test: nothing here asserts a time.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { PAGES } from "./pages.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const rule = (selector: string) => `${selector} { background-color: rgba(255, 200, 0, 0.3); }`;
const eight = (scope: string) => Array.from({ length: 8 }, (_, i) => rule(`${scope}::highlight(hx${i})`)).join("\n");
const adopt = (css: string) =>
  `const sheet = new CSSStyleSheet(); sheet.replaceSync(${JSON.stringify(css)}); document.adoptedStyleSheets = [sheet];`;
/** `count` text nodes' parents, each with a range on its text, and a unique :nth-child path for each parent. */
const parentsOf = (count: number) => `const parents = new Set(); const highlight = new Highlight(); let count = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && parents.size < ${count}; n = walker.nextNode())
    if (n.data.length > 8 && !/SCRIPT|STYLE/.test(n.parentElement.tagName) && count++ % 40 === 0) {
      parents.add(n.parentElement); const r = new Range(); r.setStart(n, 0); r.setEnd(n, 2); highlight.add(r); }
  const pathOf = (el) => { const parts = []; for (let e = el; e !== document.documentElement; e = e.parentElement)
    parts.unshift(e.tagName.toLowerCase() + ":nth-child(" + ([...e.parentElement.children].indexOf(e) + 1) + ")");
    return ":root > " + parts.join(" > "); };`;
const WAYS: Array<[string, string]> = [
  ["nothing added", ""],
  ["a sheet with one ordinary rule (no match)", adopt(rule(".zz-none"))],
  ["ranges registered, no rule", `${parentsOf(300)} CSS.highlights.set("hx0", highlight);`],
  [":root::highlight() ×8 in an adopted sheet (Maekrak's)", adopt(eight(":root"))],
  [
    "the same with 300 ranges registered",
    `${adopt(eight(":root"))} ${parentsOf(300)} CSS.highlights.set("hx0", highlight);`,
  ],
  ["::highlight() ×8 (every element) in an adopted sheet", adopt(eight(""))],
  [
    ":root::highlight() ×8 in a <style> element",
    `const s = document.createElement("style"); s.textContent = ${JSON.stringify(eight(":root"))}; document.head.append(s);`,
  ],
  [
    "a rule per range's parent (300 :nth-child paths)",
    `${parentsOf(300)} const sheet = new CSSStyleSheet(); sheet.replaceSync([...parents].map((e) => pathOf(e) + "::highlight(hx0)").join(",") + " { background-color: rgba(255, 200, 0, 0.3); }"); document.adoptedStyleSheets = [sheet]; CSS.highlights.set("hx0", highlight);`,
  ],
  [
    "a rule per range's parent, 8 parents (a first screen's)",
    `${parentsOf(8)} const sheet = new CSSStyleSheet(); sheet.replaceSync(Array.from({ length: 8 }, (_, i) => [...parents].map((e) => pathOf(e) + "::highlight(hx" + i + ")").join(",") + " { background-color: rgba(255, 200, 0, 0.3); }").join("\\n")); document.adoptedStyleSheets = [sheet]; CSS.highlights.set("hx0", highlight);`,
  ],
  ["h1::highlight() ×8 (one element on the page)", adopt(eight("h1"))],
  [
    "a rule per range's parent keyed by its id, classes or parent's key (300 parents)",
    `${parentsOf(300)} const keyOf = (e, depth = 0) => { const tag = CSS.escape(e.localName);
      if (e.id) return "#" + CSS.escape(e.id);
      if (e.classList.length) return tag + [...e.classList].map((c) => "." + CSS.escape(c)).join("");
      const up = e.parentElement; return up && depth < 3 ? keyOf(up, depth + 1) + " > " + tag : tag; };
      const keys = [...new Set([...parents].map((e) => keyOf(e)))];
      const sheet = new CSSStyleSheet(); sheet.replaceSync(Array.from({ length: 8 }, (_, i) => keys.map((k) => k + "::highlight(hx" + i + ")").join(", ") + " { background-color: rgba(255, 200, 0, 0.3); }").join("\\n")); document.adoptedStyleSheets = [sheet]; CSS.highlights.set("hx0", highlight);`,
  ],
  [
    "type selectors of the ranges' parents' tags (300 parents: the tags of the elements holding them)",
    `${parentsOf(300)} const tags = [...new Set([...parents].map((e) => e.localName))];
      const sheet = new CSSStyleSheet(); sheet.replaceSync(Array.from({ length: 8 }, (_, i) => tags.map((t) => t + "::highlight(hx" + i + ")").join(", ") + " { background-color: rgba(255, 200, 0, 0.3); }").join("\\n")); document.adoptedStyleSheets = [sheet]; CSS.highlights.set("hx0", highlight);`,
  ],
  ["a::highlight() ×8 (every link)", adopt(eight("a"))],
];

const browser = await chromium.launch({
  headless: true,
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
});
const html = PAGES.portal();
const samples = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++)
  for (const [name, code] of WAYS) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.setContent(html);
    await page.waitForTimeout(600);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const recalc = async () =>
      (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "RecalcStyleDuration")!.value;
    const before = await recalc();
    await page.evaluate(`${code}; void document.body.offsetTop;`);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
    samples.set(name, [...(samples.get(name) ?? []), ((await recalc()) - before) * 1000]);
    await page.close();
  }
await browser.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const lines = [
  `# Style recalculation when highlight rules are added to a loaded page (${ROUNDS} interleaved rounds, medians)`,
  "",
  "The bench's portal page (34k nodes) in headless Chromium, no extension: each way of adding the rules once the page",
  "settled, RecalcStyleDuration over the next frame (`npx tsx bench/style-adoption.ts`).",
  "",
  "| way | style recalc ms |",
  "|---|---:|",
  ...WAYS.map(([name]) => `| ${name} | ${median(samples.get(name)!).toFixed(1)} |`),
  "",
];
writeFileSync(resolve(import.meta.dirname, "results/style-adoption.md"), lines.join("\n"));
console.log(lines.join("\n"));
