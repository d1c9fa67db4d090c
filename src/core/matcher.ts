/**
 * The Korean-aware entity matcher: one left-to-right pass over a block of
 * text with a character trie of every alias key. At each position that can
 * start a name it walks the trie (skipping spaces and hyphens inside a name),
 * then accepts the longest alias whose boundaries hold: nothing word-like
 * before it, and after it either a non-letter or a chain of Korean particles.
 * Pure: strings in, offsets out.
 */
import type { CheckedAmount, ClaimData, ClaimState } from "./claims.ts";
import { ClaimReader, createClaimState } from "./claims.ts";
import { endsWithCopula, isCopulaAfterTopic, isValidTail, nextToPersonWord } from "./korean.ts";
import {
  NAME_SEPARATOR_CLASS,
  aliasKey,
  composeHangul,
  foldCode,
  foldPreimages,
  isHan,
  isHangulSyllable,
  isInvisible,
  isLatinOrDigit,
  isNameSeparator,
} from "./text.ts";
import type { EntityType, MatcherEntity, Mention, LinkReason } from "./types.ts";

type AliasRule = "alias" | "after-full-name" | "near-cue" | "other-person";

export { CURRENCY_HINT } from "./money.ts";

/** What an alias key reads as where it ends in the trie: whose name, and under which rule. */
export type AliasReading = {
  entity: string;
  type: EntityType;
  rule: AliasRule;
  /** Cue words for near-cue aliases, as written (folded when the matcher is loaded). */
  cues?: string[];
  /** For near-cue aliases: entities whose earlier mention on the page is evidence too. */
  after?: string[];
  /** Upper-case tickers (BABA) match only as written. */
  exactCase?: string;
  /** For title forms: the surname they stand for ("차이" in "차이 회장"), and its length as written. */
  surname?: string;
  surnameLength?: number;
};

/** `gap`: some alias has a space or hyphen right after this prefix (조 차이), so one may be skipped here even early on. */
type TrieNode = { next: Map<number, TrieNode>; readings?: AliasReading[]; gap?: boolean };

const newNode = (): TrieNode => ({ next: new Map() });

/**
 * What a page has said so far, carried from block to block in document order:
 * the entities named, and for each surname of a title form (마, 차이, 우 …) who
 * was last named in full with it — so 마 회장 after 마화텅 is not Jack Ma.
 */
export type ScanState = {
  seen: Set<string>;
  lastBySurname: Map<string, string>;
  /** Where on the page (characters scanned before it) each entity was last named by one of its names, and how. */
  named: Map<string, { at: number; text: string }>;
  /** Characters scanned so far: positions in `named` are comparable across blocks. */
  offset: number;
  /** The claim reader's: the page's date and the amounts checked so far. */
  claims: ClaimState;
  /**
   * Blocks were handed to a claim reader elsewhere (the content script's go to the background): its state is not
   * here, so any of them may have set an owner that later amounts refer back to.
   */
  claimsHandedOn: boolean;
};
/** `pageDate` (YYYY-MM-DD, when the page states it) places the periods its amounts are read with. */
export const createScanState = (pageDate?: string): ScanState => ({
  seen: new Set(),
  lastBySurname: new Map(),
  named: new Map(),
  offset: 0,
  claims: createClaimState(pageDate),
  claimsHandedOn: false,
});

/** What the build adds to the entities' names: words that may be glued after a name, and what tolerance must avoid. */
export type MatcherOptions = {
  /** Words glued after an organization's or product's name that keep it that entity (알리바바닷컴). */
  unitWords?: readonly string[];
  /** Ordinary words close to a long name: a misspelling close to one of them is not tolerated. */
  ordinaryWords?: readonly string[];
  /** The figures, rates and owner tables the claim reader checks amounts with. */
  claims?: ClaimData;
};

/**
 * A long name that tolerates one substituted character (알라바바 for 알리바바, Ta0bao): the alias as written
 * (the card shows it), its entity, and the keys of other names and ordinary words within two substitutions of
 * it — a form as close to one of those as to this name is not read as this name.
 */
export type FuzzyName = { intended: string; entity: string; blockers?: string[] };

export type Matcher = {
  /** Finds mentions in one block (paragraph); `state` is read and updated. */
  scanBlock(text: string, state: ScanState): Mention[];
  /**
   * Whether a short form valid only near a cue may stand at `start` of a text that is part of a block (a text
   * node): false when its ending there already rules it out, whatever the rest of the block holds.
   */
  shortFormMayStand(text: string, start: number): boolean;
  /** Builds now what the first scanBlock would (a caller that splits its work into steps); false if already built. */
  prepare(): boolean;
  entities: ReadonlyMap<string, MatcherEntity>;
};

/** A form's judgement: what it spans, how near its evidence is (0 for forms that need none), and why. */
type Judged = {
  reading: AliasReading;
  spanEnd: number;
  distance: number;
  gluedNext: boolean;
  reason: LinkReason | undefined;
};
/** Evidence for a form that needs some: how far from it, in characters, and what it is. */
type Evidence = { distance: number; reason: LinkReason };

const isLatinLetter = (code: number) => code >= 0x61 && code <= 0x7a;
/** Digits that stand for letters in look-alike spellings (Ta0bao, A1ibaba). */
const LOOKALIKE_DIGITS = [0x30, 0x31, 0x33, 0x35, 0x38];

/** Marks an output that is never a mention: a name of someone out of scope that takes over a surname. */
const OTHER_PERSON = "\u0000other";

function addAlias(root: TrieNode, alias: string, reading: AliasReading): void {
  let node = root;
  for (let i = 0; i < alias.length; i++) {
    const code = foldCode(alias.charCodeAt(i));
    if (isNameSeparator(code)) {
      if (node !== root) node.gap = true;
      continue;
    }
    let child = node.next.get(code);
    if (!child) node.next.set(code, (child = newNode()));
    node = child;
  }
  (node.readings ??= []).push(reading);
}

type Candidate = { end: number; readings: AliasReading[] };

/**
 * The matcher's data as built once at build time (kb-plugin → virtual:maekrak/matcher) and loaded with one
 * JSON.parse, so a page does not build the trie. Nodes are numbered breadth first (node 0 is the root), so a
 * node's children are the next numbers and the trie is two strings: each node's child count, then every edge's
 * folded code unit.
 */
export type CompiledMatcher = {
  entities: MatcherEntity[];
  /** Per node, its number of children (+ COUNT_BASE, as a character). */
  childCounts: string;
  /** Per edge, in node order, the folded code unit it reads. */
  edgeCodes: string;
  /** Per node: indices into `readings` of the aliases that end there, or 0. */
  nodeReadings: Array<number[] | 0>;
  /** Every distinct reading, once. */
  readings: AliasReading[];
  /** The nodes after which some alias has a space or hyphen (조 차이): a separator may be skipped there. */
  gapNodes: number[];
  /** The surnames of title forms (마 회장). */
  surnames: string[];
  /** Folded unit words (compounds), longest first. */
  units: string[];
  fuzzy: FuzzyName[];
  /** The source of nameStartPattern for this trie (built with it, so a page only compiles the RegExp). */
  nameStart: string;
  /** The figures, rates and owner tables the claim reader checks amounts with. */
  claims?: ClaimData;
};

/**
 * The compiled trie as it is read at run time: edge e (its character edgeCodes.charCodeAt(e)) leads to node
 * e + 1, and the edges of node n are firstEdge[n] .. firstEdge[n + 1]. Building that is one pass of additions
 * (a Map of every edge cost a hash insertion per edge on every page); the root's many edges get a Map, the rest
 * have one or two.
 */
type Trie = {
  edgeCodes: string;
  firstEdge: Int32Array;
  rootChildren: Map<number, number>;
  /** Per node, the indices of its readings (resolved only when a walk reaches the node: few ever are). */
  nodeReadings: Array<number[] | 0>;
  readings: AliasReading[];
  gap: Uint8Array;
};

/** The child of `node` along `code`, or 0 (the root is nobody's child). */
function childOf(trie: Trie, node: number, code: number): number {
  if (node === 0) return trie.rootChildren.get(code) ?? 0;
  const { edgeCodes, firstEdge } = trie;
  for (let e = firstEdge[node]!, end = firstEdge[node + 1]!; e < end; e++)
    if (edgeCodes.charCodeAt(e) === code) return e + 1;
  return 0;
}

/** Child counts are stored as printable characters (count + 0x40), which JSON keeps unescaped. */
const COUNT_BASE = 0x40;

const NONE: Candidate[] = [];

/**
 * Whether the last walk stopped at (or next to) the end of its text, or before a gloss it could not see closed:
 * in a longer text the name might go on.
 */
let walkCutShort = false;

/** Walks the trie from `start`; returns every accepting position, shortest first. */
function walk(trie: Trie, text: string, start: number): Candidate[] {
  // Most walks find nothing: the result array is made only when something is found.
  let found = NONE;
  let node = 0;
  let matched = 0;
  let i = start;
  while (i < text.length) {
    const code = foldCode(text.charCodeAt(i));
    const child = childOf(trie, node, code);
    if (child !== 0) {
      node = child;
      matched++;
      i++;
      const here = trie.nodeReadings[node];
      if (here) (found === NONE ? (found = []) : found).push({ end: i, readings: here.map((k) => trie.readings[k]!) });
      continue;
    }
    // A parenthesised gloss inside a name ("큐원(Qwen) 2.5-맥스") is stepped over when the name goes on after it.
    if (code === 0x28 /* ( */ && matched >= 2) {
      const close = text.indexOf(")", i);
      if (close < 0 || close + 2 >= text.length) walkCutShort = true; // the name may go on past the text
      let after = close + 1;
      if (close > i && close - i <= 40) {
        if (isNameSeparator(text.charCodeAt(after))) after++;
        if (after < text.length && childOf(trie, node, foldCode(text.charCodeAt(after))) !== 0) {
          i = after;
          continue;
        }
      }
    }
    // Invisible characters are stepped over anywhere inside a name.
    if (matched >= 1 && isInvisible(code) && i + 1 < text.length) {
      i++;
      continue;
    }
    // Spaces and hyphens inside a name ("퉁이 첸원", "Qwen 2.5 Max") are skipped once two characters
    // matched, or where an alias itself has one (조 차이); never two in a row.
    if (
      (matched >= 2 || trie.gap[node]) &&
      isNameSeparator(code) &&
      i + 1 < text.length &&
      !isNameSeparator(text.charCodeAt(i + 1))
    ) {
      i++;
      continue;
    }
    break;
  }
  walkCutShort ||= i >= text.length - 1;
  return found;
}

/**
 * Whether a short form valid only near a cue may stand at `start`, judged from `text` alone (a text node): false
 * only when every such form there is followed, well inside `text`, by a verb-like ending (알리겠다고, 알리기) that
 * is not the copula. No other reading may start there, and the name and its ending must not reach the text's end,
 * so the block the text lies in reads the same.
 */
function shortFormMayStand(trie: Trie, text: string, start: number): boolean {
  walkCutShort = false;
  const candidates = walk(trie, text, start);
  if (walkCutShort) return true;
  for (const { end, readings } of candidates) {
    if (readings.some((r) => r.rule !== "near-cue")) return true;
    let tailEnd = end;
    while (tailEnd < text.length && isHangulSyllable(text.charCodeAt(tailEnd))) tailEnd++;
    if (tailEnd + 3 >= text.length || rightBoundaryOk(text, end, true) || endsWithCopula(text, end)) return true;
  }
  return false;
}

/** A first character of some name: the characters that may follow it in a name, and whether it is a name alone. */
export type NameStart = { code: number; next: readonly number[]; endsHere: boolean };

/**
 * Where a name can start, as one RegExp: a character that folds (foldCode) to the first character of some
 * name, at a word start (not after a Hangul syllable, a Latin letter, a digit or a dot; Han characters may
 * start a name anywhere), followed — past any separators, which the trie walk may step over — by a character
 * that comes second in some name (unless the first is a name alone). Only there is the trie walked: far fewer
 * places than the first character alone allows. One class of second characters for all names, not one per
 * first character: that much longer pattern cost more to compile on an article than its fewer walks saved
 * (figures: bench/results/design-notes.md).
 */
export function nameStartPattern(starts: readonly NameStart[]): RegExp {
  // Letters and digits as themselves (the pattern ships in the content script: shorter), anything else escaped.
  const inClass = (code: number) => {
    const char = String.fromCharCode(code);
    return /^[\p{L}\p{N}]$/u.test(char) ? char : `\\u${code.toString(16).padStart(4, "0")}`;
  };
  const anyForm = (codes: readonly number[]) => `[${codes.flatMap(foldPreimages).map(inClass).join("")}]`;
  const seconds = [...new Set(starts.flatMap((s) => s.next))];
  const followed = `(?=[${NAME_SEPARATOR_CLASS}]*${anyForm(seconds)})`;
  const part = (group: readonly NameStart[]) => {
    const branches: string[] = [];
    const going = group.filter((s) => !s.endsHere).map((s) => s.code);
    const alone = group.filter((s) => s.endsHere).map((s) => s.code);
    if (going.length) branches.push(anyForm(going) + followed);
    if (alone.length) branches.push(anyForm(alone));
    return branches.join("|");
  };
  const han = part(starts.filter((s) => isHan(s.code)));
  const other = part(starts.filter((s) => !isHan(s.code)));
  const alternatives = [
    ...(han ? [`(?:${han})`] : []),
    ...(other ? [`(?<![\\uac00-\\ud7a3A-Za-z0-9])(?<!(?:^|[^\\uac00-\\ud7a3])\\.)(?:${other})`] : []),
  ];
  return new RegExp(alternatives.length ? alternatives.join("|") : "(?!)", "g");
}

/** What a name's first character (unless Han) may not follow: a name starts a word (nameStartPattern). */
const WORD_CHAR = /[\uac00-\ud7a3A-Za-z0-9]/;

/**
 * Whether a name that is not glued to one before it may start at `start` of a text that is part of a block (a text
 * node): false when the character before it, in the text itself, is a word's (시장 holds no 장).
 */
export function nameMayStartAt(text: string, start: number): boolean {
  return start === 0 || isHan(text.charCodeAt(start)) || !WORD_CHAR.test(text[start - 1]!);
}

/**
 * Whether a name may end at `end`: not inside a Latin word or a version number, and after it a non-letter or only
 * particles and endings (`strict`: no verb-like ending either, for short forms).
 */
function rightBoundaryOk(text: string, end: number, strict: boolean): boolean {
  if (end >= text.length) return true;
  const last = text.charCodeAt(end - 1);
  const next = text.charCodeAt(end);
  if (isLatinOrDigit(last) && isLatinOrDigit(next)) return false;
  // A version number goes on ("큐원3" inside "큐원 3.5", "Qwen2" inside "Qwen2.5"): not this name.
  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
  if (isDigit(last) && (next === 0x2e || next === 0x2d) && isDigit(text.charCodeAt(end + 1))) return false;
  if (isHan(last) && !isHangulSyllable(next)) return true;
  let tailEnd = end;
  while (tailEnd < text.length && isHangulSyllable(text.charCodeAt(tailEnd))) tailEnd++;
  return isValidTail(text.slice(end, tailEnd), strict);
}

/**
 * Whether a full name carries `surname`: East Asian order puts it first (마윈, 차이충신, 우융밍), Western
 * order last (조 차이, 에디 우, 잭마); a syllable inside a name (저우징런's 우) is not a surname.
 */
function hasSurname(words: readonly string[], surname: string): boolean {
  const first = words[0] ?? "";
  const last = words[words.length - 1] ?? "";
  return (
    first.startsWith(surname) ||
    last === surname ||
    (words.length === 1 && first.endsWith(surname) && first.length <= surname.length + 1)
  );
}

/** A name's words as alias keys, for hasSurname (split once per name, not once per surname). */
const nameWords = (name: string): string[] => name.trim().split(/\s+/).map(aliasKey);

/** Tickers and other short all-capital forms: case matters (BABA, not "baba"). */
const isTicker = (alias: string) => /^[A-Z0-9]{2,6}$/.test(alias) && /[A-Z]/.test(alias);

/** The matcher with its claim reader, in one process (CLI, tests): a block's amounts are read with its names. */
export function buildMatcher(
  entities: readonly MatcherEntity[],
  otherPeople: readonly string[] = [],
  options: MatcherOptions = {},
): Matcher {
  return matcherFromCompiled(compileMatcher(entities, otherPeople, options), (data) => new ClaimReader(data));
}

/** Characters that differ between two keys of the same length (Infinity when the lengths differ). */
function substitutions(a: string, b: string): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (let k = 0; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) n++;
  return n;
}

/** Names long enough to tolerate a misspelling: ≥ 4 Hangul syllables or ≥ 5 Latin letters, one word, no digits. */
const FUZZY_ELIGIBLE = /^(?:[\uac00-\ud7a3]{4,}|[a-z]{5,})$/;
export const toleratesMisspelling = (alias: string): boolean => {
  const key = aliasKey(alias);
  return key === alias.toLowerCase() && FUZZY_ELIGIBLE.test(key);
};

/** The long names that tolerate one substitution, each with what is too close to it to tolerate (build time). */
export function fuzzyNames(
  entities: readonly MatcherEntity[],
  otherNames: readonly string[],
  ordinaryWords: readonly string[],
): FuzzyName[] {
  const owners: Array<[string, string]> = [
    ...entities.flatMap((e) =>
      [...e.aliases, ...(e.contextAliases ?? []).map((c) => c.text)].map((a): [string, string] => [aliasKey(a), e.id]),
    ),
    ...[...otherNames, ...ordinaryWords].map((a): [string, string] => [aliasKey(a), ""]),
  ];
  const out: FuzzyName[] = [];
  const done = new Set<string>();
  for (const entity of entities) {
    if (entity.type === "figure") continue;
    // Written names only: a misspelling of a generated rendering is too far from what anyone wrote.
    for (const alias of entity.aliases.slice(0, entity.generatedFrom)) {
      const key = aliasKey(alias);
      if (!toleratesMisspelling(alias) || done.has(key)) continue;
      done.add(key);
      const blockers = owners.filter(([k, owner]) => owner !== entity.id && substitutions(k, key) <= 2).map(([k]) => k);
      out.push({
        intended: alias,
        entity: entity.id,
        ...(blockers.length ? { blockers: [...new Set(blockers)] } : {}),
      });
    }
  }
  return out;
}

/** Builds the trie and numbers its nodes (build time; tests and the CLI through buildMatcher). */
export function compileMatcher(
  entities: readonly MatcherEntity[],
  otherPeople: readonly string[] = [],
  options: MatcherOptions = {},
): CompiledMatcher {
  const { root, surnames } = buildTrie(entities, otherPeople);
  const units = [...new Set((options.unitWords ?? []).map(aliasKey))].sort((a, b) => b.length - a.length);
  // Tolerance needs to know the ordinary words near each long name: without them, none.
  const fuzzy = options.ordinaryWords ? fuzzyNames(entities, otherPeople, options.ordinaryWords) : [];
  const flat = flattenTrie(root);
  return {
    entities: [...entities],
    ...flat,
    surnames: [...surnames],
    units,
    fuzzy,
    nameStart: nameStartPattern(nameStarts(flat)).source,
    ...(options.claims ? { claims: options.claims } : {}),
  };
}

/** The trie of every alias key (figures excepted: the money parser finds them by value), and the title surnames. */
function buildTrie(
  entities: readonly MatcherEntity[],
  otherPeople: readonly string[],
): { root: TrieNode; surnames: Set<string> } {
  const root = newNode();
  const surnames = new Set<string>();
  for (const entity of entities) {
    if (entity.type === "figure") continue;
    const { id, type } = entity;
    for (const alias of entity.aliases)
      if (aliasKey(alias))
        addAlias(root, alias, { entity: id, type, rule: "alias", ...(isTicker(alias) ? { exactCase: alias } : {}) });
    for (const ctx of entity.contextAliases ?? []) {
      if (!aliasKey(ctx.text)) continue;
      const surnameWritten = ctx.rule === "after-full-name" ? ctx.text.trim().split(/\s+/)[0]! : undefined;
      const surname = surnameWritten ? aliasKey(surnameWritten) : undefined;
      if (surname) surnames.add(surname);
      addAlias(root, ctx.text, {
        entity: id,
        type,
        rule: ctx.rule,
        ...(ctx.cues ? { cues: ctx.cues } : {}),
        ...(ctx.after ? { after: ctx.after } : {}),
        ...(surname ? { surname, surnameLength: surnameWritten!.length } : {}),
        ...(isTicker(ctx.text) ? { exactCase: ctx.text } : {}),
      });
    }
  }
  for (const name of otherPeople)
    if (aliasKey(name)) addAlias(root, name, { entity: OTHER_PERSON, type: "person", rule: "other-person" });
  return { root, surnames };
}

type FlatTrie = Pick<CompiledMatcher, "childCounts" | "edgeCodes" | "nodeReadings" | "readings" | "gapNodes">;

/** Numbers the nodes breadth first and writes the trie as flat strings, each distinct reading stored once. */
function flattenTrie(root: TrieNode): FlatTrie {
  let childCounts = "";
  let edgeCodes = "";
  const nodeReadings: Array<number[] | 0> = [];
  const readings: AliasReading[] = [];
  const readingIndex = new Map<string, number>();
  const indexOf = (reading: AliasReading) => {
    const key = JSON.stringify(reading);
    let at = readingIndex.get(key);
    if (at === undefined) readingIndex.set(key, (at = readings.push(reading) - 1));
    return at;
  };
  const gapNodes: number[] = [];
  const queue: TrieNode[] = [root];
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index]!;
    nodeReadings.push(node.readings ? node.readings.map(indexOf) : 0);
    if (node.gap) gapNodes.push(index);
    childCounts += String.fromCharCode(COUNT_BASE + node.next.size);
    for (const [code, child] of node.next) {
      edgeCodes += String.fromCharCode(code);
      queue.push(child);
    }
  }
  return { childCounts, edgeCodes, nodeReadings, readings, gapNodes };
}

/** Each first character of a name, with the characters that can follow it, read from the compiled trie. */
function nameStarts({ childCounts, edgeCodes, nodeReadings }: FlatTrie): NameStart[] {
  const firstEdge = edgeIndex(childCounts);
  const starts: NameStart[] = [];
  for (let e = 0; e < firstEdge[1]!; e++) {
    const child = e + 1;
    const next: number[] = [];
    for (let c = firstEdge[child]!; c < firstEdge[child + 1]!; c++) next.push(edgeCodes.charCodeAt(c));
    starts.push({ code: edgeCodes.charCodeAt(e), next, endsHere: nodeReadings[child] !== 0 });
  }
  return starts;
}

/** firstEdge[n] .. firstEdge[n + 1] are the edges of node n (prefix sums of the child counts). */
export function edgeIndex(childCounts: string): Int32Array {
  const firstEdge = new Int32Array(childCounts.length + 1);
  for (let node = 0; node < childCounts.length; node++)
    firstEdge[node + 1] = firstEdge[node]! + childCounts.charCodeAt(node) - COUNT_BASE;
  return firstEdge;
}

/** The run-time trie from its compiled form: the edge index, the root's Map and the gap flags. */
function loadTrie(compiled: CompiledMatcher): Trie {
  const { edgeCodes, nodeReadings, readings } = compiled;
  const firstEdge = edgeIndex(compiled.childCounts);
  const rootChildren = new Map<number, number>();
  for (let e = 0; e < firstEdge[1]!; e++) rootChildren.set(edgeCodes.charCodeAt(e), e + 1);
  const gap = new Uint8Array(nodeReadings.length);
  for (const node of compiled.gapNodes) gap[node] = 1;
  return { edgeCodes, firstEdge, rootChildren, nodeReadings, readings, gap };
}

/** Records, after a full name, who now holds each surname it contains (for the title forms: 마 회장). */
type NoteFullName = (state: ScanState, text: string, entity: string, type: EntityType) => void;

function surnameKeeper(compiled: CompiledMatcher): NoteFullName {
  const { surnames } = compiled;
  // The short forms (surnames, 다모) each entity has: an organization's name takes over only its own.
  const ownSurnames = new Map<string, string[]>();
  for (const o of compiled.readings)
    if (o.rule === "after-full-name") ownSurnames.set(o.entity, [...(ownSurnames.get(o.entity) ?? []), o.surname!]);
  return (state, text, entity, type) => {
    const held = type === "person" ? surnames : ownSurnames.get(entity);
    if (!held?.length) return;
    const words = nameWords(text);
    for (const surname of held) if (hasSurname(words, surname)) state.lastBySurname.set(surname, entity);
  };
}

/**
 * The nearest evidence for a form that needs some: a cue anywhere in its block (the distance from the form),
 * or an entity of `after` named earlier on the page (the distance back to that mention); null when none.
 * `topicWordsOnly` leaves out cues that are themselves names the matcher finds (마윈), keeping topic words (직구).
 */
type NearestEvidence = (
  reading: AliasReading,
  text: string,
  start: number,
  state: ScanState,
  folded: string,
  topicWordsOnly: boolean,
) => Evidence | null;

function evidenceFinder(trie: Trie): NearestEvidence {
  const cueKeys = new Map<string, string>();
  const cueKey = (cue: string) => {
    let key = cueKeys.get(cue);
    if (key === undefined) cueKeys.set(cue, (key = aliasKey(cue)));
    return key;
  };
  const cueNames = new Map<string, boolean>();
  const cueIsName = (cue: string): boolean => {
    let name = cueNames.get(cue);
    if (name === undefined) {
      const key = cueKey(cue);
      name = walk(trie, key, 0).some((c) => c.end === key.length && c.readings.some((o) => o.rule === "alias"));
      cueNames.set(cue, name);
    }
    return name;
  };
  return (reading, text, start, state, folded, topicWordsOnly) => {
    let best: Evidence | null = null;
    let rawAt: number[] | null = null;
    for (const cue of reading.cues ?? []) {
      if (topicWordsOnly && cueIsName(cue)) continue;
      const key = cueKey(cue);
      for (let at = folded.indexOf(key); at !== -1; at = folded.indexOf(key, at + 1)) {
        // Offsets in the folded compact text back to the block's own.
        if (!rawAt) {
          rawAt = [];
          for (let k = 0; k < text.length; k++) if (!isNameSeparator(foldCode(text.charCodeAt(k)))) rawAt.push(k);
        }
        const distance = Math.abs(rawAt[at]! - start);
        if (distance > 0 && (!best || distance < best.distance)) best = { distance, reason: { kind: "cue", cue } };
      }
    }
    for (const id of reading.after ?? []) {
      const named = state.named.get(id);
      const distance = named ? state.offset + start - named.at : 0;
      if (named && distance > 0 && (!best || distance <= best.distance))
        best = { distance, reason: { kind: "named-before", name: named.text } };
    }
    return best;
  };
}

/** Whether a reading holds for the name at start..end, and what it spans; null when it does not hold. */
type Judge = (
  reading: AliasReading,
  text: string,
  start: number,
  end: number,
  state: ScanState,
  compact: () => string,
) => Judged | null;

function readingJudge(trie: Trie, units: readonly string[]): Judge {
  const nearestEvidence = evidenceFinder(trie);
  /** The length of a unit word glued at `end` (알리바바|닷컴은) with only particles after it, or 0. */
  const unitAt = (text: string, end: number): number => {
    for (const unit of units) {
      let k = 0;
      while (k < unit.length && foldCode(text.charCodeAt(end + k)) === unit.charCodeAt(k)) k++;
      if (k === unit.length && rightBoundaryOk(text, end + k, false)) return k;
    }
    return 0;
  };
  /** Whether another name starts right at `end`, glued to the one before (알리바바그룹|마윈), and ends well. */
  const gluedNameAt = (text: string, end: number): boolean =>
    walk(trie, text, end).some(
      (c) =>
        c.readings.some((o) => o.rule === "alias" && o.entity !== OTHER_PERSON) && rightBoundaryOk(text, c.end, false),
    );
  return (reading, text, start, end, state, compact) => {
    let spanEnd = reading.rule === "after-full-name" ? start + reading.surnameLength! : end;
    let gluedNext = false;
    let copula = false;
    // Short forms valid only with evidence (알리) refuse verb-like endings (알리고, 알리는), but not the copula
    // after a topic ("…업체는 알리다.").
    const bare = reading.rule === "after-full-name" && spanEnd === end;
    if (!rightBoundaryOk(text, end, reading.rule === "near-cue")) {
      const compound = reading.rule === "alias" && reading.type !== "person";
      const unit = compound ? unitAt(text, end) : 0;
      if (unit) spanEnd = end + unit;
      else if (compound && gluedNameAt(text, end)) gluedNext = true;
      else if (reading.rule === "near-cue" && isCopulaAfterTopic(text, start, end)) copula = true;
      else return null;
    }
    if (reading.exactCase !== undefined && text.slice(start, end).replace(/[\s-]/g, "") !== reading.exactCase)
      return null;
    let distance = 0;
    let reason: LinkReason | undefined;
    if (reading.rule === "after-full-name") {
      if (state.lastBySurname.get(reading.surname!) !== reading.entity) return null;
      // A bare surname or short form (린, 다모) stands for the name only with a particle right after it.
      if (bare && !isHangulSyllable(text.charCodeAt(end))) return null;
      const before = state.named.get(reading.entity);
      if (before) reason = { kind: "named-before", name: before.text };
    } else if (reading.rule === "near-cue") {
      if (nextToPersonWord(text, start, end)) return null;
      // "…는 알리다." reads as the copula only next to the form's own topic words (직구, 배송): a name on the page
      // or among the cues is not enough (알리바바는 알리다, 마윈 의장은 알리다 stay the verb).
      const found = nearestEvidence(reading, text, start, state, compact(), copula);
      if (!found) return null;
      if (copula && found.reason.kind !== "cue") return null;
      distance = found.distance;
      reason = found.reason;
    }
    return { reading, spanEnd, distance, gluedNext, reason };
  };
}

/**
 * A long name written with one character substituted (알라바바, Ta0bao): the first character as in the name,
 * a Hangul syllable for a Hangul one, a letter or a digit that looks like the letter for a Latin one, only
 * particles after it, one name only that close, and no ordinary word or other name as close.
 */
type FuzzyAt = (text: string, start: number) => Mention | null;

function misspellingFinder(fuzzy: readonly FuzzyName[], byId: ReadonlyMap<string, MatcherEntity>): FuzzyAt {
  type Tolerant = FuzzyName & { key: string; type: EntityType };
  const fuzzyByFirst = new Map<number, Tolerant[]>();
  for (const name of fuzzy) {
    const key = aliasKey(name.intended);
    const tolerant = { ...name, key, type: byId.get(name.entity)!.type };
    fuzzyByFirst.set(key.charCodeAt(0), [...(fuzzyByFirst.get(key.charCodeAt(0)) ?? []), tolerant]);
  }
  /** Whether the text at start..start + key.length is `key` with exactly one allowed substitution. */
  const oneOff = (text: string, start: number, key: string, hangul: boolean): boolean => {
    let at = -1;
    let differ = 0;
    for (let k = 1; k < key.length && differ < 2; k++)
      if (foldCode(text.charCodeAt(start + k)) !== key.charCodeAt(k)) [at, differ] = [k, differ + 1];
    if (differ !== 1) return false;
    const written = foldCode(text.charCodeAt(start + at));
    return hangul ? isHangulSyllable(written) : isLatinLetter(written) || LOOKALIKE_DIGITS.includes(written);
  };
  return (text, start) => {
    const names = fuzzyByFirst.get(foldCode(text.charCodeAt(start)));
    if (!names) return null;
    // Most places are short words (알리고, 차이가): shorter than any tolerant name, nothing to compare.
    const hangul = isHangulSyllable(text.charCodeAt(start));
    let run = start + 1;
    while (run < text.length && (hangul ? isHangulSyllable : isLatinOrDigit)(text.charCodeAt(run))) run++;
    if (run - start < 4) return null;
    let found: Mention | null = null;
    for (const name of names) {
      const end = start + name.key.length;
      if (end > text.length || !oneOff(text, start, name.key, hangul) || !rightBoundaryOk(text, end, false)) continue;
      const form = aliasKey(text.slice(start, end));
      if (name.blockers?.some((blocker) => substitutions(form, blocker) <= 1)) continue;
      if (found && found.entity !== name.entity) return null;
      found ??= {
        start,
        end,
        text: text.slice(start, end),
        entity: name.entity,
        type: name.type,
        via: "context",
        reason: { kind: "spelling", intended: name.intended },
      };
    }
    return found;
  };
}

/** What scanning a block needs, built once per matcher. */
type Scan = {
  trie: Trie;
  nameStart: RegExp;
  judge: Judge;
  fuzzyAt: FuzzyAt;
  noteFullName: NoteFullName;
  claimReader: ClaimReader | null;
};

/**
 * The matcher from its compiled data (at run time: the trie's edge index, nothing else to build). What only
 * scanning a block needs is built at the first block: a page whose hits are all ruled out in their text nodes
 * (shortFormMayStand needs the trie alone) never builds it. Amounts are read only with `claimReader` (the content
 * script hands them to the background instead, core/claim-blocks.ts).
 */
export function matcherFromCompiled(
  compiled: CompiledMatcher,
  claimReader?: (data: ClaimData) => ClaimReader,
): Matcher {
  const byId = new Map<string, MatcherEntity>();
  for (const entity of compiled.entities) byId.set(entity.id, entity);
  const trie = loadTrie(compiled);
  let built: Scan | null = null;
  const scanParts = (): Scan =>
    (built ??= {
      trie,
      nameStart: new RegExp(compiled.nameStart, "g"),
      judge: readingJudge(trie, compiled.units),
      fuzzyAt: misspellingFinder(compiled.fuzzy, byId),
      noteFullName: surnameKeeper(compiled),
      claimReader: claimReader && compiled.claims?.figures.length ? claimReader(compiled.claims) : null,
    });
  function scanBlock(input: string, state: ScanState): Mention[] {
    const scan = scanParts();
    // Decomposed Hangul is composed first; spans map back to the input's own offsets.
    const composed = composeHangul(input);
    const mentions = composed
      ? scanComposed(scan, composed.text, state).map((m) => inInput(m, composed.origin, input))
      : scanComposed(scan, input, state);
    state.offset += input.length;
    return mentions;
  }
  return {
    scanBlock,
    shortFormMayStand: (text, start) => shortFormMayStand(trie, text, start),
    prepare: () => built === null && scanParts() !== null,
    entities: byId,
  };
}

/**
 * Of the readings of one candidate span, the one that holds: the first that needs no evidence, else (forms
 * several entities share: 알리) the one whose evidence is nearest, none when that is a tie.
 */
function chooseReading(
  scan: Scan,
  readings: readonly AliasReading[],
  text: string,
  start: number,
  end: number,
  state: ScanState,
  compact: () => string,
  glued: boolean,
): Judged | null {
  let nearest: Judged | null = null;
  let tie = false;
  for (const reading of readings) {
    if (glued && reading.rule !== "alias") continue;
    const judged = scan.judge(reading, text, start, end, state, compact);
    if (!judged) continue;
    if (reading.rule !== "near-cue") return judged;
    if (!nearest || judged.distance < nearest.distance) {
      nearest = judged;
      tie = false;
    } else if (judged.distance === nearest.distance && reading.entity !== nearest.reading.entity) tie = true;
  }
  return tie ? null : nearest;
}

const mentionOf = ({ reading, spanEnd, reason }: Judged, text: string, start: number): Mention => ({
  start,
  end: spanEnd,
  text: text.slice(start, spanEnd),
  entity: reading.entity,
  type: reading.type,
  via: reading.rule === "alias" || reading.rule === "other-person" ? "alias" : "context",
  ...(reason ? { reason } : {}),
});

/**
 * Whether an amount in a block without a name could still be read: something was named by one of its names, or
 * the claim reader holds an owner or an amount already checked (a short form linked by its cue sets them too,
 * and a later block's exact repeat of a checked amount is that figure).
 */
export const claimContext = (state: ScanState): boolean =>
  state.seen.size > 0 || state.claimsHandedOn || claimStateContext(state.claims);

/** The claim reader's own part of that: an owner, or an amount already checked. */
export const claimStateContext = (claims: ClaimState): boolean =>
  claims.checked.length > 0 || claims.lastOwner !== undefined;

/** Characters that can start an amount: only blocks with one are given to the money parser. */
const mayHoldAmount = /[0-9０-９]/;

/**
 * Whether the claim reader is asked about a block: one with a name in it, or one with a digit in a claim context.
 * Without a name here or before, no amount in the block has an owner in scope.
 */
export const readsClaims = (text: string, named: boolean, context: boolean): boolean =>
  named || (context && mayHoldAmount.test(text));

/** The scan of one block of composed text: the hot loop, kept whole. */
function scanComposed(scan: Scan, text: string, state: ScanState): Mention[] {
  const { trie, nameStart, noteFullName } = scan;
  const mentions: Mention[] = [];
  let foldedCompact: string | null = null;
  const compact = () => (foldedCompact ??= aliasKey(text));
  let i = 0;
  /** Set where a name glued to the one before starts (알리바바그룹마윈): walked there without the start pattern. */
  let gluedAt = -1;
  while (i < text.length) {
    if (i !== gluedAt) {
      // Straight to the next place a name can start (a native search: a JS step per character was most of
      // the cost of scanning a page, whose code runs once and mostly unoptimised).
      nameStart.lastIndex = i;
      const hit = nameStart.exec(text);
      if (!hit) break;
      i = hit.index;
    }
    const glued = i === gluedAt;
    const candidates = walk(trie, text, i);
    let accepted: Mention | null = null;
    let acceptedEnd = i;
    for (let c = candidates.length - 1; c >= 0 && !accepted; c--) {
      const { end, readings } = candidates[c]!;
      const chosen = chooseReading(scan, readings, text, i, end, state, compact, glued);
      if (!chosen) continue;
      if (chosen.gluedNext) gluedAt = end;
      acceptedEnd = Math.max(end, chosen.spanEnd);
      accepted = mentionOf(chosen, text, i);
    }
    if (!accepted && !glued) accepted = scan.fuzzyAt(text, i);
    if (accepted?.entity === OTHER_PERSON) {
      noteFullName(state, accepted.text, OTHER_PERSON, "person");
      i = accepted.end;
    } else if (accepted) {
      mentions.push(accepted);
      if (accepted.via === "alias") {
        state.seen.add(accepted.entity);
        noteFullName(state, accepted.text, accepted.entity, accepted.type);
        state.named.set(accepted.entity, { at: state.offset + accepted.start, text: accepted.text });
      }
      i = Math.max(accepted.end, acceptedEnd);
    } else {
      i++;
    }
    if (gluedAt !== -1 && gluedAt < i) gluedAt = -1;
  }
  if (scan.claimReader && readsClaims(text, mentions.length > 0, claimContext(state))) {
    // Amounts are the claim reader's: whose figure each one is, read from its sentence (a block of names
    // alone tells it who 그는 / 회사는 will point back to).
    for (const checked of scan.claimReader.read(text, mentions, state.claims)) mentions.push(figureMention(checked));
    mentions.sort((a, b) => a.start - b.start);
  }
  return mentions;
}

/** A mention found in composed text, placed back in the `input` it was composed from (`origin`: composeHangul's). */
export function inInput(mention: Mention, origin: readonly number[], input: string): Mention {
  const start = origin[mention.start]!;
  const end = origin[mention.end]!;
  return { ...mention, start, end, text: input.slice(start, end) };
}

/** A checked amount as a mention: its figure's card entity, the verdict and how it was read. */
export function figureMention(checked: CheckedAmount): Mention {
  const { amount, figure, verdict, read, rate, reported, intended } = checked;
  return {
    start: amount.start,
    end: amount.end,
    text: amount.text,
    entity: figure.entity,
    type: "figure",
    via: "figure",
    figure: {
      amount,
      verdict,
      id: figure.id,
      read,
      ...(rate ? { rate } : {}),
      ...(reported !== undefined ? { reported } : {}),
      ...(intended !== undefined ? { intended } : {}),
    },
  };
}

/**
 * Plain text (CLI, tests): a block is a paragraph, i.e. text between blank
 * lines, so a name broken across a line still matches.
 */
export function findMentions(matcher: Matcher, text: string, pageDate?: string): Mention[] {
  const state = createScanState(pageDate);
  const out: Mention[] = [];
  const paragraph = /[\s\S]*?(?:\n[ \t\u00a0]*\n|$)/g;
  for (let m = paragraph.exec(text); m?.[0].length; m = paragraph.exec(text)) {
    for (const mention of matcher.scanBlock(m[0], state))
      out.push({ ...mention, start: mention.start + m.index, end: mention.end + m.index });
  }
  return out;
}
