/**
 * The Korean-aware entity matcher: one left-to-right pass over a block of
 * text with a character trie of every alias key. At each position that can
 * start a name it walks the trie (skipping spaces and hyphens inside a name),
 * then accepts the longest alias whose boundaries hold: nothing word-like
 * before it, and after it either a non-letter or a chain of Korean particles.
 * Pure: strings in, offsets out.
 */
import { isValidTail } from "./korean.ts";
import type { MoneyAmount } from "./money.ts";
import { findMoneyAmounts } from "./money.ts";
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
import type { EntityType, MatcherEntity, Mention, FigureVerdict } from "./types.ts";

type AliasRule = "alias" | "after-full-name" | "near-cue" | "other-person";

/** A currency word or sign somewhere in the block: without one there is no amount to parse (the page sieve relies on it). */
export const CURRENCY_HINT = /[원元$¥￥₩]|위안|달러|yuan|dollar|usd|krw|cny|rmb/i;

/** An amount within this share of a figure (same currency) is read as a differing statement of it. */
const DIFFERS_WITHIN = 0.15;

export type Output = {
  entity: string;
  type: EntityType;
  rule: AliasRule;
  /** Folded cue words for near-cue aliases. */
  cues?: string[];
  /** Upper-case tickers (BABA) match only as written. */
  exactCase?: string;
  /** For title forms: the surname they stand for ("차이" in "차이 회장"), and its length as written. */
  surname?: string;
  surnameLength?: number;
};

/** `gap`: some alias has a space or hyphen right after this prefix (조 차이), so one may be skipped here even early on. */
type TrieNode = { next: Map<number, TrieNode>; out?: Output[]; gap?: boolean };

const newNode = (): TrieNode => ({ next: new Map() });

/**
 * What a page has said so far, carried from block to block in document order:
 * the entities named, and for each surname of a title form (마, 차이, 우 …) who
 * was last named in full with it — so 마 회장 after 마화텅 is not Jack Ma.
 */
export type ScanState = { seen: Set<string>; lastBySurname: Map<string, string> };
export const createScanState = (): ScanState => ({ seen: new Set(), lastBySurname: new Map() });

export type Matcher = {
  /** Finds mentions in one block (paragraph); `state` is read and updated. */
  scanBlock(text: string, state: ScanState): Mention[];
  entities: ReadonlyMap<string, MatcherEntity>;
};

/** Marks an output that is never a mention: a name of someone out of scope that takes over a surname. */
const OTHER_PERSON = "\u0000other";

function addAlias(root: TrieNode, alias: string, output: Output): void {
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
  (node.out ??= []).push(output);
}

type Candidate = { end: number; outputs: Output[] };

/**
 * The matcher's data as built once at build time (kb-plugin → virtual:maekrak/matcher) and loaded with one
 * JSON.parse, so a page does not build the trie: the entities, the trie as flat edges (parent, folded code
 * unit, child; node 0 is the root), each node's outputs (0 for none), the nodes after which an alias has a
 * space or hyphen (`gap`), and the surnames of title forms.
 */
export type CompiledMatcher = {
  entities: MatcherEntity[];
  /** Nodes are numbered breadth-first, so a node's children are the next numbers: per node its child count, then every edge's code unit, as strings. */
  counts: string;
  codes: string;
  /** Per node: indices into `outputs`, or 0. */
  out: Array<number[] | 0>;
  outputs: Output[];
  gaps: number[];
  surnames: string[];
  /** The source of nameStartPattern for this trie (built with it, so a page only compiles the RegExp). */
  nameStart: string;
};

/**
 * The compiled trie as it is read at run time. Nodes are numbered breadth first, so the children of a node
 * are consecutive: edge e (its character codes.charCodeAt(e)) leads to node e + 1, and the edges of node n
 * are firstEdge[n] .. firstEdge[n + 1]. Building that is one pass of additions (a Map of every edge cost a
 * hash insertion per edge on every page); the root's many edges get a Map, the rest have one or two.
 */
type Trie = {
  codes: string;
  firstEdge: Int32Array;
  rootChildren: Map<number, number>;
  /** Per node, the indices of its outputs (resolved only when a walk reaches the node: few ever are). */
  out: Array<number[] | 0>;
  outputs: Output[];
  gap: Uint8Array;
};

/** The child of `node` along `code`, or 0 (the root is nobody's child). */
function childOf(trie: Trie, node: number, code: number): number {
  if (node === 0) return trie.rootChildren.get(code) ?? 0;
  const { codes, firstEdge } = trie;
  for (let e = firstEdge[node]!, end = firstEdge[node + 1]!; e < end; e++)
    if (codes.charCodeAt(e) === code) return e + 1;
  return 0;
}

/** Child counts are stored as printable characters (count + 0x40), which JSON keeps unescaped. */
const COUNT_BASE = 0x40;

/** Walks the trie from `start`; returns every accepting position, shortest first. */
const NONE: Candidate[] = [];

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
      const out = trie.out[node];
      if (out) (found === NONE ? (found = []) : found).push({ end: i, outputs: out.map((k) => trie.outputs[k]!) });
      continue;
    }
    // A parenthesised gloss inside a name ("큐원(Qwen) 2.5-맥스") is stepped over when the name goes on after it.
    if (code === 0x28 /* ( */ && matched >= 2) {
      const close = text.indexOf(")", i);
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
  return found;
}

/** A first character of some name: the characters that may follow it in a name, and whether it is a name alone. */
export type NameStart = { code: number; next: readonly number[]; endsHere: boolean };

/**
 * Where a name can start, as one RegExp: a character that folds (foldCode) to the first character of some
 * name, at a word start (not after a Hangul syllable, a Latin letter, a digit or a dot; Han characters may
 * start a name anywhere), followed — past any separators, which the trie walk may step over — by a character
 * that comes second in some name (unless the first is a name alone). Only there is the trie walked: about a
 * quarter of the places the first character alone allows on news text. One class of second characters for
 * all names, not one per first character: that pattern, ten times longer, cost more to compile on an
 * article than its fewer walks saved.
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
    ...(other ? [`(?<![\\uac00-\\ud7a3A-Za-z0-9.])(?:${other})`] : []),
  ];
  return new RegExp(alternatives.length ? alternatives.join("|") : "(?!)", "g");
}

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

/** Compares a money amount with a figure entity: same currency, or a conversion inside its band. */
export function checkFigure(amount: MoneyAmount, figure: NonNullable<MatcherEntity["figure"]>): FigureVerdict | null {
  if (amount.currency === figure.currency) {
    const tolerance = figure.amount * 0.005;
    if (amount.value <= figure.amount + tolerance && amount.max >= figure.amount - tolerance) return "match";
    return null;
  }
  for (const band of figure.conversions) {
    if (band.currency === amount.currency && amount.max >= band.min && amount.value <= band.max)
      return "conversion-match";
  }
  return null;
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

export function buildMatcher(entities: readonly MatcherEntity[], otherPeople: readonly string[] = []): Matcher {
  return matcherFromCompiled(compileMatcher(entities, otherPeople));
}

/** Builds the trie and numbers its nodes (build time; tests and the CLI through buildMatcher). */
export function compileMatcher(
  entities: readonly MatcherEntity[],
  otherPeople: readonly string[] = [],
): CompiledMatcher {
  const root = newNode();
  const surnames = new Set<string>();
  for (const entity of entities) {
    if (entity.type === "figure") continue; // found by value (money parser), not by written forms
    for (const alias of entity.aliases) {
      const key = aliasKey(alias);
      if (key)
        addAlias(root, alias, {
          entity: entity.id,
          type: entity.type,
          rule: "alias",
          ...(isTicker(alias) ? { exactCase: alias } : {}),
        });
    }
    for (const ctx of entity.contextAliases ?? []) {
      const key = aliasKey(ctx.text);
      if (!key) continue;
      const surnameWritten = ctx.rule === "after-full-name" ? ctx.text.trim().split(/\s+/)[0]! : undefined;
      const surname = surnameWritten ? aliasKey(surnameWritten) : undefined;
      if (surname) surnames.add(surname);
      addAlias(root, ctx.text, {
        entity: entity.id,
        type: entity.type,
        rule: ctx.rule,
        ...(ctx.cues ? { cues: ctx.cues.map((cue) => aliasKey(cue)) } : {}),
        ...(surname ? { surname, surnameLength: surnameWritten!.length } : {}),
        ...(isTicker(ctx.text) ? { exactCase: ctx.text } : {}),
      });
    }
  }
  for (const name of otherPeople) {
    const key = aliasKey(name);
    if (key) addAlias(root, name, { entity: OTHER_PERSON, type: "person", rule: "other-person" });
  }
  let counts = "";
  let codes = "";
  const out: Array<number[] | 0> = [];
  const outputs: Output[] = [];
  const outputIndex = new Map<string, number>();
  const gaps: number[] = [];
  const queue: TrieNode[] = [root];
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index]!;
    out.push(
      node.out
        ? node.out.map((o) => {
            const key = JSON.stringify(o);
            let at = outputIndex.get(key);
            if (at === undefined) outputIndex.set(key, (at = outputs.push(o) - 1));
            return at;
          })
        : 0,
    );
    if (node.gap) gaps.push(index);
    counts += String.fromCharCode(COUNT_BASE + node.next.size);
    for (const [code, child] of node.next) {
      codes += String.fromCharCode(code);
      queue.push(child);
    }
  }
  const compiled = { entities: [...entities], counts, codes, out, outputs, gaps, surnames: [...surnames] };
  return { ...compiled, nameStart: nameStartPattern(nameStarts(compiled)).source };
}

/** Each first character of a name, with the characters that can follow it, read from the compiled trie. */
function nameStarts({ counts, codes, out }: Pick<CompiledMatcher, "counts" | "codes" | "out">): NameStart[] {
  const firstEdge = edgeIndex(counts);
  const starts: NameStart[] = [];
  for (let e = 0; e < firstEdge[1]!; e++) {
    const child = e + 1;
    const next: number[] = [];
    for (let c = firstEdge[child]!; c < firstEdge[child + 1]!; c++) next.push(codes.charCodeAt(c));
    starts.push({ code: codes.charCodeAt(e), next, endsHere: out[child] !== 0 });
  }
  return starts;
}

/** firstEdge[n] .. firstEdge[n + 1] are the edges of node n (prefix sums of the child counts). */
export function edgeIndex(counts: string): Int32Array {
  const firstEdge = new Int32Array(counts.length + 1);
  for (let node = 0; node < counts.length; node++)
    firstEdge[node + 1] = firstEdge[node]! + counts.charCodeAt(node) - COUNT_BASE;
  return firstEdge;
}

/** The matcher from its compiled data (at run time: the trie's edge index, nothing else to build). */
export function matcherFromCompiled(compiled: CompiledMatcher): Matcher {
  const { entities, counts, codes, outputs, out } = compiled;
  const firstEdge = edgeIndex(counts);
  const rootChildren = new Map<number, number>();
  for (let e = 0; e < firstEdge[1]!; e++) rootChildren.set(codes.charCodeAt(e), e + 1);
  const trie: Trie = { codes, firstEdge, rootChildren, out, outputs, gap: new Uint8Array(out.length) };
  const nameStart = new RegExp(compiled.nameStart, "g");
  for (const node of compiled.gaps) trie.gap[node] = 1;
  const surnames = compiled.surnames;
  const byId = new Map<string, MatcherEntity>();
  const figures: MatcherEntity[] = [];
  for (const entity of entities) {
    byId.set(entity.id, entity);
    if (entity.type === "figure" && entity.figure) figures.push(entity);
  }
  /** After a full name, record who now holds each surname it contains. */
  const noteFullName = (state: ScanState, text: string, entity: string) => {
    const words = nameWords(text);
    for (const surname of surnames) if (hasSurname(words, surname)) state.lastBySurname.set(surname, entity);
  };
  const figureTopics = figures.map((f) => ({
    entity: f,
    words: f.figure!.topicWords.map((w) => aliasKey(w)),
    identifying: (f.figure!.identifyingWords ?? []).map((w) => aliasKey(w)),
  }));

  function scanBlock(input: string, state: ScanState): Mention[] {
    // Decomposed Hangul is composed first; spans map back to the input's own offsets.
    const composed = composeHangul(input);
    if (composed) {
      return scanComposed(composed.text, state).map((m) => {
        const start = composed.origin[m.start]!;
        const end = composed.origin[m.end]!;
        return { ...m, start, end, text: input.slice(start, end) };
      });
    }
    return scanComposed(input, state);
  }

  /** Characters that can start an amount: only blocks with one are given to the money parser. */
  const mayHoldAmount = /[0-9０-９]/;

  function scanComposed(text: string, state: ScanState): Mention[] {
    const { seen } = state;
    const mentions: Mention[] = [];
    let foldedCompact: string | null = null;
    const compact = () => (foldedCompact ??= aliasKey(text));
    let i = 0;
    while (i < text.length) {
      // Straight to the next place a name can start (a native search: a JS step per character was most of
      // the cost of scanning a page, whose code runs once and mostly unoptimised).
      nameStart.lastIndex = i;
      const hit = nameStart.exec(text);
      if (!hit) break;
      i = hit.index;
      const candidates = walk(trie, text, i);
      let accepted: Mention | null = null;
      let acceptedEnd = i;
      for (let c = candidates.length - 1; c >= 0 && !accepted; c--) {
        const { end, outputs } = candidates[c]!;
        for (const out of outputs) {
          // Short forms valid only near a cue (알리) refuse verb-like endings (알리고, 알리는).
          const strict = out.rule === "near-cue";
          if (!rightBoundaryOk(text, end, strict)) continue;
          if (out.exactCase !== undefined && text.slice(i, end).replace(/[\s-]/g, "") !== out.exactCase) continue;
          if (out.rule === "after-full-name" && state.lastBySurname.get(out.surname!) !== out.entity) continue;
          if (out.rule === "near-cue" && !out.cues?.some((cue) => compact().includes(cue))) continue;
          // A title is not part of the span: 조 차이 회장 → 조 차이, 우 CEO → 우.
          const spanEnd = out.rule === "after-full-name" ? i + out.surnameLength! : end;
          acceptedEnd = end;
          accepted = {
            start: i,
            end: spanEnd,
            text: text.slice(i, spanEnd),
            entity: out.entity,
            type: out.type,
            via: out.rule === "alias" || out.rule === "other-person" ? "alias" : "context",
          };
          break;
        }
      }
      if (accepted?.entity === OTHER_PERSON) {
        noteFullName(state, accepted.text, OTHER_PERSON);
        i = accepted.end;
      } else if (accepted) {
        mentions.push(accepted);
        if (accepted.via === "alias") {
          seen.add(accepted.entity);
          if (accepted.type === "person") noteFullName(state, accepted.text, accepted.entity);
        }
        i = Math.max(accepted.end, acceptedEnd);
      } else {
        i++;
      }
    }
    if (figures.length && mayHoldAmount.test(text) && CURRENCY_HINT.test(text)) {
      const hasTopic = (words: string[]) => words.some((w) => compact().includes(w));
      const namesInScope = mentions.length > 0;
      for (const amount of findMoneyAmounts(text)) {
        let found: Mention | null = null;
        for (const { entity, words } of figureTopics) {
          const verdict = checkFigure(amount, entity.figure!);
          if (!verdict) continue;
          // Once a page has stated a figure, the same amount later (530억 달러 a paragraph on) is that figure.
          // Otherwise its topic must be in the block and the page must be about Alibaba: a converted amount
          // (won, dollars) needs a name in scope in this very block, or another company's 3조 원 would pass
          // for the fine; one in the figure's own currency needs one anywhere before on the page.
          const alreadyStated = seen.has(entity.id);
          const inContext =
            hasTopic(words) && (verdict === "conversion-match" ? namesInScope : namesInScope || seen.size > 0);
          if (!alreadyStated && !inContext) continue;
          found = {
            start: amount.start,
            end: amount.end,
            text: amount.text,
            entity: entity.id,
            type: "figure",
            via: "figure",
            figure: { amount, verdict },
          };
          break;
        }
        // Close to a figure in its own currency, on its topic and its period, next to a named entity: the
        // article states the figure differently. Without all of these the context is unclear: nothing is marked.
        if (!found && namesInScope) {
          const near = figureTopics.find(({ entity, words, identifying }) => {
            const f = entity.figure!;
            return (
              amount.currency === f.currency &&
              Math.abs(amount.value - f.amount) / f.amount <= DIFFERS_WITHIN &&
              hasTopic(words) &&
              identifying.length > 0 &&
              hasTopic(identifying)
            );
          });
          if (near)
            found = {
              start: amount.start,
              end: amount.end,
              text: amount.text,
              entity: near.entity.id,
              type: "figure",
              via: "figure",
              figure: { amount, verdict: "differs" },
            };
        }
        if (found) {
          mentions.push(found);
          seen.add(found.entity);
        }
      }
      mentions.sort((a, b) => a.start - b.start);
    }
    return mentions;
  }

  return { scanBlock, entities: byId };
}

/**
 * Plain text (CLI, tests): a block is a paragraph, i.e. text between blank
 * lines, so a name broken across a line still matches.
 */
export function findMentions(matcher: Matcher, text: string): Mention[] {
  const state = createScanState();
  const out: Mention[] = [];
  const paragraph = /[\s\S]*?(?:\n[ \t\u00a0]*\n|$)/g;
  for (let m = paragraph.exec(text); m?.[0].length; m = paragraph.exec(text)) {
    for (const mention of matcher.scanBlock(m[0], state))
      out.push({ ...mention, start: mention.start + m.index, end: mention.end + m.index });
  }
  return out;
}
