/**
 * What the content script scans with, built from the knowledge base on disk the way the build does it
 * (kb-plugin): the compiled trie, the matcher over it (no claim reader: the content script hands amounts to the
 * background), the page sieve derived from it, and the background's claim reader (`readClaims` for a PageScanner).
 */
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { compileMatcher, matcherFromCompiled } from "../../../src/core/matcher";
import { ClaimReader } from "../../../src/core/claims";
import type { ClaimBlock } from "../../../src/core/claim-blocks";
import { ClaimPages } from "../../../src/background/claim-pages";
import { compileSieve, sieveSource } from "../../../src/core/sieve";
import { toMatcherData } from "../../../src/kb/matcher-data";
import type { Mention } from "../../../src/core/types";

export const kb = loadKnowledgeBase();
export const matcherData = toMatcherData(kb);
export const compiled = compileMatcher(matcherData.entities, matcherData.otherPeople, matcherData.options);
export const matcher = matcherFromCompiled(compiled);
/** The same matcher reading amounts itself, as the CLI does. */
export const matcherWithClaims = matcherFromCompiled(compiled, (data) => new ClaimReader(data));

/** A PageScanner's readClaims over the background's reader, one claim state per call of this (one page). */
export function claimsReadAsTheBackgroundDoes(): (blocks: ClaimBlock[], pageDate?: string) => Promise<Mention[][]> {
  const pages = new ClaimPages(compiled.claims ?? null);
  return (blocks, pageDate) => Promise.resolve(pages.read("testpage", pageDate, blocks));
}
export const sieve = compileSieve(sieveSource(compiled));
