/**
 * English means English: every text the knowledge base gives in two languages (entities, facts, notes, variants and
 * their reasons, corrections, figures, segments, rates' notes, publishers) has an English text without Korean in
 * it. A Korean term may stand in brackets after its English rendering, as legal and official names do ("penalty
 * surcharge (과징금)"); page forms (misreported) are Korean by nature and are not bilingual texts.
 */
import { describe, expect, test } from "vitest";
import { readKnowledgeBaseInput } from "../../../src/build/kb-files";

type Found = { path: string; ko: string; en: string };

/**
 * Every { ko, en } object in `value`, with where it is. A spelling variant's text is about how Korean pages write a
 * name (its English lists those forms), so it is left out.
 */
function bilingualTexts(value: unknown, path = "kb", out: Found[] = []): Found[] {
  if (Array.isArray(value)) value.forEach((item, i) => bilingualTexts(item, `${path}[${i}]`, out));
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.ko === "string" && "en" in record)
      out.push({ path, ko: record.ko, en: typeof record.en === "string" ? record.en : "" });
    for (const [key, inner] of Object.entries(record))
      if (!(record.difference === "spelling" && key === "text")) bilingualTexts(inner, `${path}.${key}`, out);
  }
  return out;
}

/** The English text with bracketed and quoted terms taken out ('19억7800억원' as a page wrote it): no Hangul left. */
const outsideBrackets = (text: string) =>
  text.replace(/\([^()]*\)|\[[^\]]*\]/g, "").replace(/(?<![A-Za-z])'[^']*'|"[^"]*"|“[^”]*”|‘[^’]*’/g, "");
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

const texts = bilingualTexts(readKnowledgeBaseInput());

describe("the knowledge base in English", () => {
  test("it has bilingual texts to check (entities, facts, variants, corrections, figures, rates)", () => {
    const kinds = new Set(
      texts.map((t) =>
        t.path
          .replace(/\[\d+\]/g, "")
          .split(".")
          .slice(0, 2)
          .join("."),
      ),
    );
    expect(texts.length).toBeGreaterThan(500);
    expect([...kinds].some((k) => k.startsWith("kb.entities"))).toBe(true);
    expect([...kinds].some((k) => k.startsWith("kb.corrections"))).toBe(true);
    expect([...kinds].some((k) => k.startsWith("kb.rates"))).toBe(true);
  });

  test("every text has English", () => {
    const missing = texts.filter((t) => !t.en.trim()).map((t) => t.path);
    expect(missing).toEqual([]);
  });

  test("no English text holds Korean outside brackets", () => {
    const korean = texts.filter((t) => HANGUL.test(outsideBrackets(t.en))).map((t) => `${t.path}: ${t.en}`);
    expect(korean).toEqual([]);
  });

  test("the bracket rule is not a loophole: a bracketed term follows English words", () => {
    const onlyKorean = texts.filter((t) => HANGUL.test(t.en) && !/[A-Za-z]{3,}/.test(outsideBrackets(t.en)));
    expect(onlyKorean.map((t) => `${t.path}: ${t.en}`)).toEqual([]);
  });
});
