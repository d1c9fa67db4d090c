/**
 * `npm run kb:ordinary-words`: writes src/kb/data/ordinary-words.json, the words of Debian's Korean word list
 * (hunspell-ko) that the generated names and the misspelling tolerance must know of (names.ts,
 * extractOrdinaryWords). A unit test checks the file is what this writes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { KB_DATA_DIR, loadKnowledgeBase } from "../build/kb-files.ts";
import { readKoreanWords } from "../build/word-list.ts";
import { toMatcherEntities } from "../kb/matcher-data.ts";
import { extractOrdinaryWords } from "../kb/names.ts";

const kb = loadKnowledgeBase();
const words = extractOrdinaryWords(kb, toMatcherEntities(kb), readKoreanWords());
writeFileSync(join(KB_DATA_DIR, "ordinary-words.json"), `${JSON.stringify(words, null, 2)}\n`);
console.log(`${words.length} ordinary words near the generated and tolerant names`);
