/**
 * `npx tsx bench/matcher-compare.ts`: candidate search over the bench pages' text (blocks as the content
 * script reads them), three ways, with the same alias keys:
 *   trie   the matcher's own pass (first-character bitmap, then a trie walk; full Korean rules)
 *   regexp one combined RegExp (separators allowed between characters), as a candidate finder
 *   aho    modern-ahocorasick (AHO_PATH=/path/to/node_modules/modern-ahocorasick), leftmost-longest
 * Also the full matcher (trie + rules) and the build cost of each. Node, so absolute numbers differ from
 * the browser; the ratios are what matters. Not part of the build or the tests.
 */
import { PAGES } from "./pages.ts";
import { loadKnowledgeBase } from "../src/build/kb-files.ts";
import { toMatcherData } from "../src/kb/matcher-data.ts";
import { buildMatcher, createScanState } from "../src/core/matcher.ts";
import { aliasKey } from "../src/core/text.ts";

const BLOCK = /<\/?(?:p|div|li|h[1-6]|section|header|footer|main|aside|nav|ul|button|title|head|body|html)\b[^>]*>/gi;
function blocksOf(html: string): string[] {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, "")
    .split(BLOCK)
    .map((b) => b.replace(/<[^>]+>/g, "").replace(/&[a-z]+;/g, " "))
    .filter((b) => b.trim());
}

const data = toMatcherData(loadKnowledgeBase());
const aliases = [
  ...new Set([
    ...data.entities
      .filter((e) => e.type !== "figure")
      .flatMap((e) => [...e.aliases, ...(e.contextAliases ?? []).map((c) => c.text)]),
    ...data.otherPeople,
  ]),
].filter((a) => aliasKey(a));

const time = (fn: () => unknown, reps: number) => {
  fn(); // warm
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps;
};

// RegExp: each alias as its folded characters with an optional separator between them.
const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const sep = "[\\s\\u00a0\\u200b\\u00ad-]?";
const regexSource = () =>
  aliases
    .map((a) => [...aliasKey(a)].map(esc).join(sep))
    .sort((a, b) => b.length - a.length)
    .join("|");

async function main() {
  const ahoPath = process.env.AHO_PATH;
  const Aho = ahoPath ? (await import(`${ahoPath}/dist/${process.env.AHO_ENTRY ?? "unicode-fast"}.js`)).default : null;
  const buildMs = {
    trie: time(() => buildMatcher(data.entities, data.otherPeople, data.options), 50),
    regexp: time(() => new RegExp(regexSource(), "gi").exec("워밍업 알리바바"), 50),
    aho: Aho ? time(() => new Aho(aliases.flatMap((a) => [a.toLowerCase(), aliasKey(a)])), 50) : NaN,
  };
  const matcher = buildMatcher(data.entities, data.otherPeople, data.options);
  const regex = new RegExp(regexSource(), "gi");
  const plain = new RegExp(
    aliases
      .map((a) => esc(aliasKey(a)))
      .sort((a, b) => b.length - a.length)
      .join("|"),
    "g",
  );
  const aho = Aho ? new Aho([...new Set(aliases.flatMap((a) => [a.toLowerCase(), aliasKey(a)]))]) : null;
  console.log(
    `aliases ${aliases.length}; build ms: trie ${buildMs.trie.toFixed(3)}, regexp ${buildMs.regexp.toFixed(3)}, aho ${buildMs.aho.toFixed(3)}`,
  );
  console.log(
    "| page | chars | blocks | trie: full matcher ms (mentions) | regexp: candidates ms (hits) | aho: candidates ms (hits) | aho (lower-cased text) | regexp, exact keys only, no i flag ms (hits) |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const name of ["article", "portal", "huge"] as const) {
    const blocks = blocksOf(PAGES[name]());
    const chars = blocks.reduce((n, b) => n + b.length, 0);
    const reps = name === "huge" ? 5 : name === "portal" ? 20 : 200;
    let mentions = 0;
    const trie = time(() => {
      const st = createScanState();
      mentions = 0;
      for (const b of blocks) mentions += matcher.scanBlock(b, st).length;
    }, reps);
    let hits = 0;
    const re = time(() => {
      hits = 0;
      for (const b of blocks) {
        regex.lastIndex = 0;
        while (regex.exec(b)) hits++;
      }
    }, reps);
    let plainHits = 0;
    const rePlain = time(() => {
      plainHits = 0;
      for (const b of blocks) {
        plain.lastIndex = 0;
        while (plain.exec(b)) plainHits++;
      }
    }, reps);
    let ahoHits = 0;
    const ac = aho
      ? time(() => {
          ahoHits = 0;
          for (const b of blocks) ahoHits += aho.search(b, { strategy: "leftmost-longest" }).length;
        }, reps)
      : NaN;
    const acLower = aho
      ? time(() => {
          for (const b of blocks) aho.search(b.toLowerCase(), { strategy: "leftmost-longest" });
        }, reps)
      : NaN;
    console.log(
      `| ${name} | ${chars} | ${blocks.length} | ${trie.toFixed(2)} (${mentions}) | ${re.toFixed(2)} (${hits}) | ${ac.toFixed(2)} (${ahoHits}) | ${acLower.toFixed(2)} | ${rePlain.toFixed(2)} (${plainHits}) |`,
    );
  }
}
await main();
