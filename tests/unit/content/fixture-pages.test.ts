// @vitest-environment jsdom
/**
 * The fixture pages, read the way the content script reads them (page-text
 * blocks) and matched with the bundled knowledge base: every expected mention
 * is found with its entity, and no trap word is ever inside a mention.
 */
import { describe, expect, test } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { BlockReader } from "../../../src/content/page-text";
import { buildMatcher, createScanState } from "../../../src/core/matcher";
import { toMatcherData } from "../../../src/kb/matcher-data";
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import type { Mention } from "../../../src/core/types";

const PAGES = join(import.meta.dirname, "..", "..", "fixtures", "pages");
const data = toMatcherData(loadKnowledgeBase());
const matcher = buildMatcher(data.entities, data.otherPeople, data.options);

type Found = Mention & { blockText: string };

function scanPage(file: string): Found[] {
  const doc = new DOMParser().parseFromString(readFileSync(join(PAGES, file), "utf8"), "text/html");
  const reader = new BlockReader(doc.body);
  const state = createScanState();
  const out: Found[] = [];
  for (let block = reader.next(); block; block = reader.next()) {
    for (const mention of matcher.scanBlock(block.text, state)) out.push({ ...mention, blockText: block.text });
  }
  return out;
}

/** Mentions overlapping an occurrence of `trap` in their block. */
function overlapping(mentions: Found[], trap: string): string[] {
  return mentions
    .filter((m) => {
      for (let at = m.blockText.indexOf(trap); at >= 0; at = m.blockText.indexOf(trap, at + 1)) {
        if (m.start < at + trap.length && at < m.end) return true;
      }
      return false;
    })
    .map((m) => `${m.text}:${m.entity}`);
}

const pages = readdirSync(PAGES).filter(
  (f) => f.endsWith(".html") && readdirSync(PAGES).includes(f.replace(".html", ".expected.json")),
);

describe.each(pages)("%s", (page) => {
  const expected = JSON.parse(readFileSync(join(PAGES, page.replace(".html", ".expected.json")), "utf8")) as {
    mustFind: Array<{ text: string; entity: string }>;
    mustNotFind: string[];
  };
  const mentions = scanPage(page);
  test.each(expected.mustFind.map((m) => [m.text, m.entity] as const))("finds %s as %s", (text, entity) => {
    expect(
      mentions.some((m) => m.text === text && m.entity === entity),
      JSON.stringify(mentions.map((m) => `${m.text}:${m.entity}`)),
    ).toBe(true);
  });
  test.each(expected.mustNotFind)("no mention overlaps the trap %s", (trap) => {
    expect(overlapping(mentions, trap)).toEqual([]);
  });
});
