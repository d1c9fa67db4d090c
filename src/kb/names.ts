/**
 * The names the matcher knows beyond the written aliases, generated at build time from the knowledge base's
 * data: the Korean renderings of every Chinese name (from its pinyin, by the syllable table in transliterate.ts),
 * the Sino-Korean reading where articles use it, the Japanese (shinjitai) form of the characters, tickers with
 * their exchange's suffixes and prefixes, and Latin names in Korean and mixed script (Qwen-VL → 큐원-VL, Tmall → T몰).
 * Every generated form goes through the same collision check as a written alias; a form that is an ordinary
 * Korean word (ordinary-words.json, extracted from a real word list) or only one or two syllables long is
 * accepted only with evidence on the page. Checks fail the build naming entity, field and form.
 */
import { pinyin as pinyinOf } from "pinyin-pro";
import { toleratesMisspelling } from "../core/matcher.ts";
import { aliasKey, isHan } from "../core/text.ts";
import type { MatcherEntity } from "../core/types.ts";
import type { CompiledEntity, CompiledKb } from "./compile.ts";
import { KbError } from "./compile.ts";
import type { ChineseName, Naming } from "./schema.ts";
import { renderPinyin, sinoKoreanReading, splitPinyinWord } from "./transliterate.ts";

/**
 * Traditional (and simplified) characters whose Japanese form differs, for the characters of common Chinese
 * company and product names: Japanese text writes 全球速売通 for 全球速賣通.
 */
const SHINJITAI: Record<string, string> = Object.fromEntries(
  "賣売 卖売 團団 团団 寶宝 貓猫 吳呉 吴呉 來来 贊賛 赞賛 國国 發発 发発 會会 學学 體体 电電 氣気 气気 圖図 图図 聲声 點点 樂楽 乐楽 藝芸 艺芸 營営 营営 擔担 擴拡 扩拡 傳伝 传伝 轉転 转転 經経 经経 濟済 济済 戰戦 战戦 歐欧 驛駅 驿駅 龍竜 龙竜 头頭 鸟鳥 蚁蟻 蚂螞 云雲 钉釘 义義 问問 达達 张張 马馬 铭銘 网網 际際"
    .split(" ")
    .map((pair) => [...pair]),
);

/** The Japanese writing of a Chinese name, or null when it is the same as the Chinese. */
export function shinjitaiForm(name: ChineseName): string | null {
  const source = name.hant ?? name.hans;
  const form = [...source].map((char, k) => SHINJITAI[char] ?? SHINJITAI[[...name.hans][k] ?? ""] ?? char).join("");
  return form === name.hans || form === name.hant ? null : form;
}

/** Why a generated form exists, for the card and the checks. */
export type GeneratedSource = "pinyin" | "sino-korean" | "characters" | "ticker" | "rendering";
export type GeneratedName = { text: string; source: GeneratedSource; field: string; needsContext: boolean };

const hangulSyllables = (form: string) => [...form].filter((c) => c >= "\uac00" && c <= "\ud7a3").length;
const isAllHan = (alias: string) => [...alias.replace(/\s/g, "")].every((c) => isHan(c.charCodeAt(0)));

/** The generated names of one entity (before the collision check). */
export function generatedNames(entity: CompiledEntity, naming: Naming | undefined): GeneratedName[] {
  const out: GeneratedName[] = [];
  const ordinary = new Set((naming?.ordinaryWords ?? []).map(aliasKey));
  const korean = (text: string, source: GeneratedSource, field: string, context = false) =>
    out.push({
      text,
      source,
      field,
      needsContext: context || hangulSyllables(text) <= 2 || ordinary.has(aliasKey(text)),
    });
  (entity.names.chinese ?? []).forEach((name, k) => {
    const field = `names.chinese[${k}]`;
    if (name.rendered !== false)
      for (const form of renderPinyin(name.pinyin)) korean(form, "pinyin", `${field}.pinyin`);
    if (name.sinoKorean)
      korean(
        sinoKoreanReading(name.hant ?? name.hans),
        "sino-korean",
        `${field}.sinoKorean`,
        name.sinoKorean === "context",
      );
    for (const form of [name.hans, name.hant, shinjitaiForm(name)])
      if (form) out.push({ text: form, source: "characters", field, needsContext: false });
  });
  (entity.names.tickers ?? []).forEach((ticker, k) => {
    const exchange = naming?.exchanges[ticker.exchange];
    if (!exchange) return;
    const padded = exchange.pad ? ticker.symbol.padStart(exchange.pad, "0") : ticker.symbol;
    for (const symbol of new Set([ticker.symbol, padded]))
      for (const form of exchange.forms)
        out.push({
          text: form.replace("{s}", symbol),
          source: "ticker",
          field: `names.tickers[${k}]`,
          needsContext: false,
        });
  });
  const renderings = naming?.renderings ?? {};
  for (const alias of entity.aliases) {
    // Words of a Latin name (Qwen2.5-VL → Qwen, 2.5, VL); each may stay or take one of its renderings.
    const words = alias.match(/[A-Za-z]+|[^A-Za-z]+/g) ?? [];
    if (!renderings[words[0] ?? ""]) continue;
    let forms = [""];
    for (const word of words) forms = forms.flatMap((f) => [word, ...(renderings[word] ?? [])].map((w) => f + w));
    for (const form of forms)
      if (form !== alias)
        out.push({
          text: form,
          source: "rendering",
          field: "naming.renderings",
          needsContext: ordinary.has(aliasKey(form)),
        });
  }
  return out;
}

/**
 * Checks what the generated names are made of and that no generated form belongs to two entities: pinyin that
 * is not Mandarin or does not read the characters (pinyin-pro), a Han alias without its pinyin, an unknown
 * exchange, an `after` naming no entity, a form that is also another entity's name.
 */
export function checkNames(kb: CompiledKb): void {
  const problems: string[] = [];
  const ids = new Set(kb.entities.map((e) => e.id));
  const owner = new Map<string, string>();
  for (const entity of kb.entities) {
    for (const alias of entity.aliases) owner.set(aliasKey(alias), entity.id);
    for (const ctx of entity.contextAliases ?? []) owner.set(aliasKey(ctx.text), entity.id);
  }
  for (const name of kb.otherPeople) owner.set(aliasKey(name), "(otherPeople)");
  for (const name of kb.naming?.otherNames ?? []) owner.set(aliasKey(name), "(naming.otherNames)");
  for (const entity of kb.entities) {
    const at = `entity ${JSON.stringify(entity.id)}`;
    const chinese = entity.names.chinese ?? [];
    chinese.forEach((name, k) => {
      const field = `${at}, field names.chinese[${k}]`;
      let syllables: string[] = [];
      try {
        syllables = name.pinyin.trim().split(/\s+/).flatMap(splitPinyinWord);
      } catch (error) {
        problems.push(`${field}.pinyin: ${(error as Error).message}`);
        return;
      }
      const read = pinyinOf(name.hans, { toneType: "none", type: "array", v: true }).map((s) => s.replace("ü", "v"));
      const written = syllables.map((s) => s.replace("ü", "v"));
      if (read.join(" ") !== written.join(" "))
        problems.push(`${field}.pinyin: "${name.pinyin}" does not read ${name.hans} (${read.join(" ")})`);
    });
    const hanForms = chinese.flatMap((n) => [n.hans, n.hant ?? n.hans]);
    entity.aliases.forEach((alias, k) => {
      if (isAllHan(alias) && !hanForms.some((form) => alias.startsWith(form)))
        problems.push(`${at}, field aliases[${k}]: "${alias}" is Chinese but no names.chinese entry gives its pinyin`);
    });
    (entity.names.tickers ?? []).forEach((ticker, k) => {
      if (!kb.naming?.exchanges[ticker.exchange])
        problems.push(`${at}, field names.tickers[${k}].exchange: unknown exchange ${JSON.stringify(ticker.exchange)}`);
    });
    (entity.contextAliases ?? []).forEach((ctx, k) => {
      for (const id of ctx.after ?? [])
        if (!ids.has(id))
          problems.push(`${at}, field contextAliases[${k}].after: unknown entity ${JSON.stringify(id)}`);
    });
    let generated: GeneratedName[] = [];
    try {
      generated = generatedNames(entity, kb.naming);
    } catch {
      continue; // its pinyin is reported above
    }
    for (const name of generated) {
      const key = aliasKey(name.text);
      const other = owner.get(key);
      if (other && other !== entity.id)
        problems.push(`${at}, field ${name.field}: generated "${name.text}" is also a name of ${other}`);
      else owner.set(key, entity.id);
    }
  }
  if (problems.length) throw new KbError(problems);
}

/**
 * The matcher's view of each entity with its generated names added: forms that need evidence become context
 * forms (accepted after the entity is named on the page, or near the cues of its other context forms).
 */
export function withGeneratedNames(
  entity: CompiledEntity,
  base: MatcherEntity,
  naming: Naming | undefined,
): MatcherEntity {
  const written = new Set([...base.aliases, ...(base.contextAliases ?? []).map((c) => c.text)].map(aliasKey));
  const cues = [...new Set((base.contextAliases ?? []).flatMap((c) => (c.rule === "near-cue" ? (c.cues ?? []) : [])))];
  const aliases = [...base.aliases];
  const contextAliases = [...(base.contextAliases ?? [])];
  for (const name of generatedNames(entity, naming)) {
    const key = aliasKey(name.text);
    if (!key || written.has(key)) continue;
    written.add(key);
    if (!name.needsContext) aliases.push(name.text);
    else
      contextAliases.push({ text: name.text, rule: "near-cue", after: [entity.id], ...(cues.length ? { cues } : {}) });
  }
  return {
    ...base,
    aliases,
    ...(aliases.length > base.aliases.length ? { generatedFrom: base.aliases.length } : {}),
    ...(contextAliases.length ? { contextAliases } : {}),
  };
}

/**
 * The ordinary words the generated names and the misspelling tolerance must know of, from a real word list:
 * those that are a generated form, and those within two substitutions of a name that tolerates one (a
 * misspelling as close to 알리바이 as to 알리바바 is not read as 알리바바). Written to ordinary-words.json.
 */
export function extractOrdinaryWords(
  kb: CompiledKb,
  matcherEntities: readonly MatcherEntity[],
  words: Iterable<string>,
): string[] {
  const generated = new Set(kb.entities.flatMap((e) => generatedNames(e, kb.naming).map((n) => aliasKey(n.text))));
  const tolerant = new Map<number, string[]>();
  for (const entity of matcherEntities)
    for (const alias of entity.type === "figure" ? [] : entity.aliases.slice(0, entity.generatedFrom))
      if (toleratesMisspelling(alias)) {
        const key = aliasKey(alias);
        tolerant.set(key.length, [...(tolerant.get(key.length) ?? []), key]);
      }
  const near = (word: string) =>
    (tolerant.get(word.length) ?? []).some((key) => {
      let differ = 0;
      for (let k = 0; k < key.length && differ <= 2; k++) if (key[k] !== word[k]) differ++;
      return differ <= 2;
    });
  const found = new Set<string>();
  for (const word of words) {
    const key = aliasKey(word);
    if (generated.has(key) || near(key)) found.add(word);
  }
  return [...found].sort();
}
