/**
 * Scan CLI over the core matcher:
 *   npm run --silent scan -- --jsonl [--date YYYY-MM-DD] FILE...
 * prints one JSON line per file: {"file", "mentions": [{start, end, text, entity}]}. --date is the
 * publication date periods are resolved against (지난해 4분기) for every file given; without it an HTML
 * file's own date (article:published_time, JSON-LD datePublished, a byline) is used when it states one.
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
import type { FigureVerdict } from "../core/vocabulary.ts";
import { pageDateFromDocument } from "../content/page-date.ts";
import type { CliIo } from "./io.ts";
import { isMain, processIo } from "./io.ts";

type FigureOutput = {
  value: number;
  currency: string;
  status: FigureVerdict;
  /** The figure record it was checked against. */
  id: string;
  /** For a unit slip: the amount the article most likely meant. */
  intended?: number;
};
type ScannedMention = { start: number; end: number; text: string; entity: string; figure?: FigureOutput };

/** Checked amounts carry the amount as parsed, the verdict and the figure it was checked against. */
function figureOf(m: Mention): { figure?: FigureOutput } {
  if (!m.figure) return {};
  return {
    figure: {
      value: m.figure.amount.value,
      currency: m.figure.amount.currency,
      status: m.figure.verdict,
      id: m.figure.id,
      ...(m.figure.intended !== undefined ? { intended: m.figure.intended } : {}),
    },
  };
}

async function scanHtml(matcher: Matcher, source: string, date: string | undefined): Promise<ScannedMention[]> {
  const { JSDOM } = await import("jsdom");
  const { BlockReader } = await import("../content/page-text.ts");
  const dom = new JSDOM(source, { includeNodeLocations: true });
  const g = globalThis as Record<string, unknown>;
  g.NodeFilter ??= dom.window.NodeFilter;
  g.Node ??= dom.window.Node;
  const reader = new BlockReader(dom.window.document.body ?? dom.window.document.documentElement);
  const state = createScanState(date ?? pageDateFromDocument(dom.window.document));
  const out: ScannedMention[] = [];
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

const plain = (m: Mention): ScannedMention => ({
  start: m.start,
  end: m.end,
  text: m.text,
  entity: m.entity,
  ...figureOf(m),
});

const USAGE = "usage: npm run --silent scan -- --jsonl [--date YYYY-MM-DD] FILE...";

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const args = argv.filter((arg) => arg !== "--jsonl");
  const dateAt = args.indexOf("--date");
  const date = dateAt >= 0 ? args[dateAt + 1] : undefined;
  if (dateAt >= 0 && !(date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)))) {
    io.err(`scan: --date needs a date as YYYY-MM-DD, got ${JSON.stringify(date ?? "")}\n${USAGE}\n`);
    return 2;
  }
  const files = dateAt >= 0 ? args.filter((_, i) => i !== dateAt && i !== dateAt + 1) : args;
  if (!files.length) {
    io.err(`${USAGE}\n`);
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
      io.err(`scan: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      status = 2;
      continue;
    }
    const mentions = /\.html?$/i.test(file)
      ? await scanHtml(matcher, text, date)
      : findMentions(matcher, text, date).map(plain);
    io.out(`${JSON.stringify({ file, mentions })}\n`);
  }
  return status;
}

if (isMain(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
