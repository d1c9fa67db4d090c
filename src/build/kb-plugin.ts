/**
 * Vite plugin: validates the knowledge base when the build starts (an invalid
 * entry fails the build with the entry and field named) and serves it as
 * virtual modules:
 *   virtual:maekrak/kb       the compiled knowledge base (background, popup)
 *   virtual:maekrak/matcher  only what the matcher needs (content script), its trie precompiled (CompiledMatcher)
 *   virtual:maekrak/sieve    the page sieve's patterns, derived from that trie (core/sieve.ts)
 *   virtual:maekrak/claims   what the claim reader checks amounts with (background: the content script hands on
 *                            the blocks to read, core/claim-blocks.ts)
 */
import type { Plugin } from "vite";
import { KB_DATA_DIR, loadKnowledgeBase } from "./kb-files.ts";
import { toMatcherData } from "../kb/matcher-data.ts";
import type { CompiledMatcher } from "../core/matcher.ts";
import { compileMatcher } from "../core/matcher.ts";
import { sieveSource } from "../core/sieve.ts";

const KB_ID = "virtual:maekrak/kb";
const MATCHER_ID = "virtual:maekrak/matcher";
const SIEVE_ID = "virtual:maekrak/sieve";
const CLAIMS_ID = "virtual:maekrak/claims";
const IDS = [KB_ID, MATCHER_ID, SIEVE_ID, CLAIMS_ID];

/** JSON.parse of a string literal is faster to start than an object literal of the same size. */
const jsonModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

export function knowledgeBasePlugin(): Plugin {
  return {
    name: "maekrak-kb",
    resolveId(id) {
      if (IDS.includes(id)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (!IDS.some((known) => id === `\0${known}`)) return null;
      this.addWatchFile(KB_DATA_DIR);
      const kb = loadKnowledgeBase(); // throws KbError naming entry and field
      if (id === `\0${KB_ID}`) return jsonModule(kb);
      // The trie is built here, once, not on every page: the content script only maps its edges.
      const data = toMatcherData(kb);
      const compiled: CompiledMatcher = compileMatcher(data.entities, data.otherPeople, data.options);
      if (id === `\0${SIEVE_ID}`) return jsonModule(sieveSource(compiled));
      if (id === `\0${CLAIMS_ID}`) return jsonModule(compiled.claims ?? null);
      // The claims are read in the background; the written forms live in the trie now, so the content script needs
      // only each entity's id and type.
      delete compiled.claims;
      compiled.entities = compiled.entities.map(({ aliases: _a, contextAliases: _c, generatedFrom: _g, ...rest }) => ({
        ...rest,
        aliases: [],
      }));
      return jsonModule(compiled);
    },
    buildStart() {
      loadKnowledgeBase();
    },
  };
}
