/**
 * Scan CLI over the core matcher:
 *   npm run --silent scan -- --jsonl FILE...
 * prints one JSON line per file: {"file", "mentions": [{start, end, text, entity}]}.
 * Offsets are UTF-16 code units into the file's (UTF-8 decoded) text. .txt files
 * are scanned as plain text (a line is a block); .html files by their visible
 * text, block by block as the content script reads them, with offsets mapped
 * back to the source. Exit code 2 when a file cannot be read.
 */
import { readFileSync } from "node:fs";
import type { Matcher } from "../core/matcher.ts";
import { buildMatcher, createScanState, findMentions } from "../core/matcher.ts";
import { loadKnowledgeBase } from "../build/kb-files.ts";
import { toMatcherData } from "../kb/matcher-data.ts";
import type { Mention } from "../core/types.ts";

type FigureOutput = { value: number; currency: string; status: "match" | "conversion" | "differs" | "unknown" };
type Output = { start: number; end: number; text: string; entity: string; figure?: FigureOutput };

const FIGURE_STATUS = {
  match: "match",
  "conversion-match": "conversion",
  differs: "differs",
  unverifiable: "unknown",
} as const;

/** Figures carry the amount as parsed and how it relates to the verified value. */
function figureOf(m: Mention): { figure?: FigureOutput } {
  if (!m.figure) return {};
  return {
    figure: {
      value: m.figure.amount.value,
      currency: m.figure.amount.currency,
      status: FIGURE_STATUS[m.figure.verdict],
    },
  };
}

async function scanHtml(matcher: Matcher, source: string): Promise<Output[]> {
  const { JSDOM } = await import("jsdom");
  const { BlockReader } = await import("../content/page-text.ts");
  const dom = new JSDOM(source, { includeNodeLocations: true });
  const g = globalThis as Record<string, unknown>;
  g.NodeFilter ??= dom.window.NodeFilter;
  g.Node ??= dom.window.Node;
  const reader = new BlockReader(dom.window.document.body ?? dom.window.document.documentElement);
  const state = createScanState();
  const out: Output[] = [];
  /** Source offset of a character in a text node (exact when the source spells the text out, else the node's start). */
  const sourceOffset = (node: Text, offset: number): number => {
    const location = dom.nodeLocation(node);
    if (!location) return -1;
    const raw = source.slice(location.startOffset, location.endOffset);
    return location.startOffset + (raw === node.data ? offset : Math.min(offset, raw.length));
  };
  for (let block = reader.next(); block; block = reader.next()) {
    for (const mention of matcher.scanBlock(block.text, state)) {
      const locate = (at: number, end: boolean) => {
        let i = block!.starts.length - 1;
        while (i > 0 && (end ? block!.starts[i]! >= at : block!.starts[i]! > at)) i--;
        return sourceOffset(block!.nodes[i]!, at - block!.starts[i]!);
      };
      out.push({
        start: locate(mention.start, false),
        end: locate(mention.end, true),
        text: mention.text,
        entity: mention.entity,
        ...figureOf(mention),
      });
    }
  }
  return out;
}

const plain = (m: Mention): Output => ({ start: m.start, end: m.end, text: m.text, entity: m.entity, ...figureOf(m) });

async function main(argv: string[]): Promise<number> {
  const files = argv.filter((arg) => arg !== "--jsonl");
  if (!files.length) {
    console.error("usage: npm run --silent scan -- --jsonl FILE...");
    return 2;
  }
  const data = toMatcherData(loadKnowledgeBase());
  const matcher = buildMatcher(data.entities, data.otherPeople, data.options);
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      console.error(`scan: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      status = 2;
      continue;
    }
    const mentions = /\.html?$/i.test(file) ? await scanHtml(matcher, text) : findMentions(matcher, text).map(plain);
    process.stdout.write(`${JSON.stringify({ file, mentions })}\n`);
  }
  return status;
}

process.exitCode = await main(process.argv.slice(2));
