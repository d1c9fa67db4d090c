/**
 * Korean renderings of Chinese names, generated at build time from pinyin by a syllable table: the form of the
 * 국립국어원 rule (외래어 표기법, 중국어), and the forms press style guides and common practice also use (퉁/통,
 * 첸/치엔/쳰, 쥔/준, 원/웬, 윈/윤/원 …), plus the Sino-Korean reading of the characters (林俊暘 → 임준양).
 * A syllable is an initial and a final; each maps to jamo, and the variants are rewrites of those jamo, so every
 * syllable of Mandarin is covered by the same few rules rather than by a list of names.
 */
import { translate as readHanja } from "hanja/lib/translate.js";

/** One Hangul syllable as jamo: initial (ㅇ for none), vowel, final consonant ("" for none). */
type Jamo = { i: string; v: string; f: string };
/** A pinyin syllable rendered: one or more Hangul syllables. */
type Rendering = Jamo[];

const INITIALS: Record<string, string> = {
  b: "ㅂ",
  p: "ㅍ",
  m: "ㅁ",
  f: "ㅍ",
  d: "ㄷ",
  t: "ㅌ",
  n: "ㄴ",
  l: "ㄹ",
  g: "ㄱ",
  k: "ㅋ",
  h: "ㅎ",
  j: "ㅈ",
  q: "ㅊ",
  x: "ㅅ",
  zh: "ㅈ",
  ch: "ㅊ",
  sh: "ㅅ",
  r: "ㄹ",
  z: "ㅉ",
  c: "ㅊ",
  s: "ㅆ",
};

/**
 * Finals as the rule writes them after a consonant: the first syllable's vowel and final consonant, then any
 * further syllables (ai → 아이, iao → 야오, üan → 위안). `ü` is written `v`, as pinyin input methods do.
 */
const FINALS: Record<string, Array<[string, string] | string>> = {
  a: [["ㅏ", ""]],
  o: [["ㅗ", ""]],
  e: [["ㅓ", ""]],
  ai: [["ㅏ", ""], "이"],
  ei: [["ㅔ", ""], "이"],
  ao: [["ㅏ", ""], "오"],
  ou: [["ㅓ", ""], "우"],
  an: [["ㅏ", "ㄴ"]],
  en: [["ㅓ", "ㄴ"]],
  ang: [["ㅏ", "ㅇ"]],
  eng: [["ㅓ", "ㅇ"]],
  ong: [["ㅜ", "ㅇ"]],
  er: [["ㅓ", "ㄹ"]],
  i: [["ㅣ", ""]],
  ia: [["ㅑ", ""]],
  ie: [["ㅖ", ""]],
  iao: [["ㅑ", ""], "오"],
  iu: [["ㅠ", ""]],
  ian: [["ㅖ", "ㄴ"]],
  in: [["ㅣ", "ㄴ"]],
  iang: [["ㅑ", "ㅇ"]],
  ing: [["ㅣ", "ㅇ"]],
  iong: [["ㅠ", "ㅇ"]],
  u: [["ㅜ", ""]],
  ua: [["ㅘ", ""]],
  uo: [["ㅝ", ""]],
  uai: [["ㅘ", ""], "이"],
  ui: [["ㅜ", ""], "이"],
  uan: [["ㅘ", "ㄴ"]],
  un: [["ㅜ", "ㄴ"]],
  uang: [["ㅘ", "ㅇ"]],
  ueng: [["ㅝ", "ㅇ"]],
  v: [["ㅟ", ""]],
  ve: [["ㅞ", ""]],
  van: [["ㅟ", ""], "안"],
  vn: [["ㅟ", "ㄴ"]],
};

/** Syllables without an initial, spelled with y/w: the final they stand for (and 웨이/원/웡, which the rule writes so). */
const ZERO_INITIAL: Record<string, string> = {
  yi: "i",
  ya: "ia",
  ye: "ie",
  yao: "iao",
  you: "iu",
  yan: "ian",
  yin: "in",
  yang: "iang",
  ying: "ing",
  yong: "iong",
  yu: "v",
  yue: "ve",
  yuan: "van",
  yun: "vn",
  wu: "u",
  wa: "ua",
  wo: "uo",
  wai: "uai",
  wei: "uei",
  wan: "uan",
  wen: "uen",
  wang: "uang",
  weng: "ueng",
};
const ZERO_FINALS: Record<string, Array<[string, string] | string>> = {
  uei: [["ㅞ", ""], "이"],
  uen: [["ㅝ", "ㄴ"]],
};

/** Every initial longest first, so zh/ch/sh are read before z/c/s. */
const INITIAL_KEYS = Object.keys(INITIALS).sort((a, b) => b.length - a.length);
const RETROFLEX_AND_DENTAL = new Set(["zh", "ch", "sh", "r", "z", "c", "s"]);
const PALATAL = new Set(["j", "q", "x"]);
/** The rule drops the glide after ㅈ, ㅉ, ㅊ (jia 자, jie 제, jiu 주, qian 첸). */
const DROP_GLIDE: Record<string, string> = { ㅑ: "ㅏ", ㅖ: "ㅔ", ㅛ: "ㅗ", ㅠ: "ㅜ" };
const AFFRICATES = new Set(["ㅈ", "ㅉ", "ㅊ"]);

/** Splits one pinyin syllable (no tone) into initial and final, or null when it is not a syllable of Mandarin. */
export function parseSyllable(syllable: string): { initial: string; final: string } | null {
  const s = syllable.toLowerCase().replace(/ü|u:/g, "v");
  if (ZERO_INITIAL[s]) return { initial: "", final: ZERO_INITIAL[s] };
  const initial = INITIAL_KEYS.find((k) => s.startsWith(k)) ?? "";
  let final = s.slice(initial.length);
  if (PALATAL.has(initial) || initial === "") final = final.replace(/^u/, "v"); // ju, que, xuan, yu: the u is ü
  if (initial === "" && !["a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "er"].includes(final))
    return null;
  if (!FINALS[final]) return null;
  return { initial, final };
}

/** The rule's rendering of one syllable. */
function ruleRendering(initial: string, final: string): Rendering {
  const parts = (initial === "" && ZERO_FINALS[final]) || FINALS[final]!;
  const first = parts[0] as [string, string];
  const consonant = initial === "" ? "ㅇ" : INITIALS[initial]!;
  let vowel = first[0];
  if (final === "i" && RETROFLEX_AND_DENTAL.has(initial)) vowel = "ㅡ"; // zhi 즈, shi 스, zi 쯔, si 쓰
  if (AFFRICATES.has(consonant)) vowel = DROP_GLIDE[vowel] ?? vowel;
  const rest = parts.slice(1).map((syllable) => jamoOf(syllable as string));
  return [{ i: consonant, v: vowel, f: first[1] }, ...rest];
}

const INITIAL_JAMO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const VOWEL_JAMO = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
const FINAL_JAMO = ["", ..."ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"];

const jamoOf = (syllable: string): Jamo => {
  const code = syllable.charCodeAt(0) - 0xac00;
  return {
    i: INITIAL_JAMO[Math.floor(code / 588)]!,
    v: VOWEL_JAMO[Math.floor((code % 588) / 28)]!,
    f: FINAL_JAMO[code % 28]!,
  };
};

const composeJamo = ({ i, v, f }: Jamo) =>
  String.fromCharCode(0xac00 + (INITIAL_JAMO.indexOf(i) * 21 + VOWEL_JAMO.indexOf(v)) * 28 + FINAL_JAMO.indexOf(f));

/**
 * The variants besides the rule, each a rewrite of one syllable's rendering that press style or common practice
 * uses; `style` says which. A syllable's forms are the rule's and every combination of the rewrites that apply.
 */
type Rewrite = {
  style: "press" | "common";
  why: string;
  apply(r: Rendering, initial: string, final: string): Rendering | null;
};

const withFirst = (r: Rendering, first: Partial<Jamo>): Rendering => [{ ...r[0]!, ...first }, ...r.slice(1)];

export const REWRITES: readonly Rewrite[] = [
  {
    // 쑤 → 수 is common too, but 수 begins a great many Korean words: a name starting there would be looked up
    // at each of them, and the press keeps 쑤 (쑤저우).
    style: "common",
    why: "z as a plain consonant (쯔 → 즈)",
    apply: (r) => (r[0]!.i === "ㅉ" ? withFirst(r, { i: "ㅈ" }) : null),
  },
  {
    style: "common",
    why: "ong, iong with 오 (퉁 → 통, 융 → 용)",
    apply: (r, _i, final) =>
      final === "ong" || final === "iong" ? withFirst(r, { v: r[0]!.v === "ㅜ" ? "ㅗ" : "ㅛ" }) : null,
  },
  {
    style: "common",
    why: "ou as 오우 (저우 → 조우)",
    apply: (r, _i, final) => (final === "ou" ? withFirst(r, { v: "ㅗ" }) : null),
  },
  {
    style: "common",
    why: "en, eng, wen with 에 (런 → 렌, 원 → 웬)",
    apply: (r, _i, final) =>
      final === "en" || final === "eng"
        ? withFirst(r, { v: "ㅔ" })
        : final === "uen" && r[0]!.v === "ㅝ"
          ? withFirst(r, { v: "ㅞ" })
          : null,
  },
  {
    style: "common",
    why: "ian without the glide (톈 → 텐)",
    apply: (r, _i, final) => (final === "ian" && r[0]!.v === "ㅖ" ? withFirst(r, { v: "ㅔ" }) : null),
  },
  {
    style: "common",
    why: "the i-glide as its own syllable (첸 → 치엔, 냐오 → 니아오, 추 → 치우)",
    apply: (r, initial, final) => {
      const glide: Record<string, string> = {
        ia: "ㅏ",
        ie: "ㅔ",
        iao: "ㅏ",
        iu: "ㅜ",
        ian: "ㅔ",
        iang: "ㅏ",
        iong: "ㅗ",
      };
      if (!initial || !glide[final]) return null;
      return [{ ...r[0]!, v: "ㅣ", f: "" }, { i: "ㅇ", v: glide[final]!, f: r[0]!.f }, ...r.slice(1)];
    },
  },
  {
    style: "press",
    why: "the glide kept after ㅈ, ㅊ (첸 → 쳰, 장 → 쟝)",
    apply: (r, initial, final) => {
      const glided: Record<string, string> = {
        ia: "ㅑ",
        ie: "ㅖ",
        iao: "ㅑ",
        iu: "ㅠ",
        ian: "ㅖ",
        iang: "ㅑ",
        iong: "ㅠ",
      };
      const split = r[0]!.v === "ㅣ" && final !== "i";
      return PALATAL.has(initial) && glided[final] && !split ? withFirst(r, { v: glided[final] }) : null;
    },
  },
  {
    style: "common",
    why: "ü as 우 or 유 (쥔 → 준, 윈 → 윤, 위안 → 유안)",
    apply: (r, initial) => {
      if (r[0]!.v !== "ㅟ") return null;
      if (initial === "") return withFirst(r, { v: "ㅠ" });
      return PALATAL.has(initial) ? withFirst(r, { v: "ㅜ" }) : null;
    },
  },
  {
    style: "common",
    why: "yun as 원 (윈 → 원)",
    apply: (r, initial, final) => (initial === "" && final === "vn" ? withFirst(r, { v: "ㅝ" }) : null),
  },
  {
    style: "common",
    why: "zhi, chi, shi, ri, zi, ci, si with 이 (즈 → 지, 스 → 시)",
    apply: (r, initial, final) =>
      final === "i" && RETROFLEX_AND_DENTAL.has(initial) ? withFirst(r, { v: "ㅣ" }) : null,
  },
];

const compose = (r: Rendering) => r.map(composeJamo).join("");

/** Every Hangul form of one pinyin syllable: the rule's first, then the variants (each combination of rewrites). */
export function renderSyllable(syllable: string): string[] {
  const parsed = parseSyllable(syllable);
  if (!parsed) throw new Error(`"${syllable}" is not a pinyin syllable`);
  const { initial, final } = parsed;
  let renderings: Rendering[] = [ruleRendering(initial, final)];
  for (const rewrite of REWRITES) {
    const more = renderings.map((r) => rewrite.apply(r, initial, final)).filter((r): r is Rendering => r !== null);
    renderings = [...renderings, ...more];
  }
  return [...new Set(renderings.map(compose))];
}

/**
 * A pinyin word into syllables: the longest syllable first unless what is left then cannot be read, and an
 * apostrophe or hyphen always cuts (xi'an). Tone marks and digits are ignored.
 */
export function splitPinyinWord(word: string): string[] {
  const plain = word
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, (mark, at: number, whole: string) =>
      mark === "\u0308" && whole[at - 1] === "u" ? ":" : "",
    )
    .replace(/u:/g, "ü")
    .toLowerCase()
    .replace(/[1-5]/g, "");
  const pieces = plain.split(/['’-]/).filter(Boolean);
  return pieces.flatMap((piece) => {
    const found = split(piece);
    if (!found) throw new Error(`"${word}" is not pinyin`);
    return found;
  });
}

function split(rest: string): string[] | null {
  if (rest === "") return [];
  for (let len = Math.min(6, rest.length); len >= 1; len--) {
    if (!parseSyllable(rest.slice(0, len))) continue;
    const tail = split(rest.slice(len));
    if (tail) return [rest.slice(0, len), ...tail];
  }
  return null;
}

/**
 * Every Korean rendering of a pinyin name ("Tongyi Qianwen", "Lin Junyang"): each word's syllables in each of
 * their forms, words joined by a space (spacing is folded away when matching). The rule's form comes first.
 * A vowel-final syllable before one in ㄹ may also double the ㄹ (阿里 → 아리, 알리), as common practice writes it.
 */
export function renderPinyin(pinyin: string): string[] {
  const words = pinyin.trim().split(/\s+/).map(splitPinyinWord);
  let forms = [""];
  words.forEach((syllables, w) => {
    let wordForms = [""];
    for (const syllable of syllables) {
      const next: string[] = [];
      for (const prefix of wordForms)
        for (const form of renderSyllable(syllable)) {
          next.push(prefix + form);
          const last = prefix.charCodeAt(prefix.length - 1);
          if (form.startsWith("ㄹ") || !prefix || (last - 0xac00) % 28 !== 0) continue;
          if (jamoOf(form[0]!).i === "ㄹ") next.push(prefix.slice(0, -1) + String.fromCharCode(last + 8) + form);
        }
      wordForms = next;
    }
    forms = forms.flatMap((prefix) => wordForms.map((form) => (w === 0 ? form : `${prefix} ${form}`)));
  });
  return [...new Set(forms)];
}

/** The Sino-Korean reading of names in traditional characters (通義千問 → 통의천문, with 두음법칙: 林 → 임). */
export function sinoKoreanReading(hant: string): string {
  return readHanja(hant, "SUBSTITUTION");
}
