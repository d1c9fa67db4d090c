/**
 * What the content script scans with, built from the knowledge base on disk the way the build does it
 * (kb-plugin): the compiled trie, the matcher over it, and the page sieve derived from it.
 */
import { loadKnowledgeBase } from "../../../src/build/kb-files";
import { compileMatcher, matcherFromCompiled } from "../../../src/core/matcher";
import { compileSieve, sieveSource } from "../../../src/core/sieve";
import { toMatcherData } from "../../../src/kb/matcher-data";

export const kb = loadKnowledgeBase();
export const matcherData = toMatcherData(kb);
export const compiled = compileMatcher(matcherData.entities, matcherData.otherPeople, matcherData.options);
export const matcher = matcherFromCompiled(compiled);
export const sieve = compileSieve(sieveSource(compiled));
