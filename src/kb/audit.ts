/**
 * Holds the knowledge base to the research dossier (shared/research/facts.yaml) it was written from: every source's
 * title, date, address, kind and copy relation, and every fact's value, qualifiers, date and numbers. Problems are
 * what must be fixed; notes are deliberate departures worth a look (a downgraded kind, an inferred date). Pure: the
 * caller parses the dossier.
 */
import type { KnowledgeBaseInput, Publisher, Source } from "./schema.ts";

export type DossierSource = {
  id: string;
  publisher: string | null;
  title: string | null;
  date: string | null;
  url: string | null;
  kind: string;
  found_at?: string;
  date_confidence?: string;
  note?: string;
};
export type DossierFact = {
  id: string;
  claim_ko: string;
  claim_en: string;
  value: { amount: number; unit: string } | null;
  date: string;
  sources: string[];
  contrary_sources?: string[];
  note_sources?: string[];
  variants?: string[];
  note?: string;
};
export type Dossier = {
  sources: DossierSource[];
  entities: Array<{ id: string; facts: DossierFact[] }>;
};
export type AuditResult = { problems: string[]; notes: string[] };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The dossier's publisher line says the page is a copy, reprint, rewrite, translation or summary of another. */
const COPY_SIGNAL =
  /\((?:[^)]*\b(?:Reuters|AFP|AP|Xinhua|Bloomberg|WSJ|CNN|CNBC|Sputnik|Asia Times|SCMP|TechCrunch)\b[^)]*)\)|\bcopy\b|mirror|\bvia\b|-based|citing|translat|summary|transcript|reprint|republish|aggregator|Wikipedia-derived/i;

/** Every number a sentence states, Korean large units (조/억/만/천) and English suffixes (bn, tn, million) applied. */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  const korean = /\d[\d,]*(?:\.\d+)?\s*[조억만천](?:\s*\d[\d,]*(?:\.\d+)?\s*[조억만천])*(?:\s*\d[\d,]*(?:\.\d+)?)?/g;
  const rest = text.replace(korean, (match) => {
    const BIG: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };
    let total = 0;
    let group = 0;
    for (const [, digits, unit] of match.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*([조억만천]?)/g)) {
      const n = Number(digits!.replace(/,/g, ""));
      if (unit === "천") group += n * 1000;
      else if (unit) {
        total += (group + n) * BIG[unit]!;
        group = 0;
      } else group += n;
    }
    out.push(total + group);
    return " ";
  });
  const SCALE: Record<string, number> = { bn: 1e9, billion: 1e9, tn: 1e12, trillion: 1e12, m: 1e6, million: 1e6 };
  for (const [, digits, suffix] of rest.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(bn|billion|tn|trillion|million|m\b)?/g)) {
    const n = Number(digits!.replace(/,/g, ""));
    out.push(suffix ? n * SCALE[suffix]! : n);
  }
  return out;
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-9;

/** The dossier writes qualifiers into the unit ("USD (planned raise)"): the KB keeps them as fields. */
function qualifierProblem(unit: string, value: NonNullable<KnowledgeBaseInput["entities"][0]["facts"][0]["value"]>) {
  const [, base = unit, words = ""] = unit.match(/^(\S+)\s*(?:\((.*)\))?$/) ?? [];
  if (base !== value.unit) return `unit ${value.unit}, the dossier's is ${base}`;
  const wants: Array<[RegExp, string]> = [
    [/approx/i, "about"],
    [/lower bound|at least|minimum/i, "at-least"],
    [/maximum|at most|up to/i, "at-most"],
  ];
  const rest = words
    .split(/,\s*/)
    .filter(Boolean)
    .filter((word) => {
      const qualifier = wants.find(([pattern]) => pattern.test(word));
      if (!qualifier) return true;
      return value.qualifier !== qualifier[1] || word.replace(qualifier[0], "").trim() !== "";
    });
  const missingQualifier = wants.find(([pattern, q]) => pattern.test(words) && value.qualifier !== q);
  if (missingQualifier) return `qualifier "${missingQualifier[1]}" is missing (the dossier says "${words}")`;
  const measure = value.measure?.en.toLowerCase() ?? "";
  const lost = rest
    .map((w) => w.replace(/maximum|lower bound|approx\.?/gi, "").trim())
    .filter((w) => w && !w.split(/\s+/).every((part) => measure.includes(part.toLowerCase())));
  return lost.length ? `the measure does not say "${lost.join(", ")}"` : null;
}

export function auditAgainstDossier(kb: KnowledgeBaseInput, dossier: Dossier): AuditResult {
  const problems: string[] = [];
  const notes: string[] = [];
  const publishers = new Map<string, Publisher>(kb.publishers.map((p) => [p.id, p]));
  const records = new Map<string, Source>(kb.sources.map((s) => [s.id, s]));
  const researched = new Map(dossier.sources.map((s) => [s.id, s]));

  for (const source of kb.sources) {
    const at = `source ${source.id}`;
    const kind = publishers.get(source.publisher)?.kind;
    const d = researched.get(source.id);
    if (!d) {
      if (!source.copyOf && !source.basedOn && !source.note)
        problems.push(`${at}: not in the dossier and says nothing of where it comes from (note)`);
      continue;
    }
    if (source.title !== null && d.title !== null && source.title !== d.title)
      problems.push(`${at}: title "${source.title}", the dossier's "${d.title}"`);
    if (d.date !== null && source.date !== d.date) problems.push(`${at}: date ${source.date}, the dossier's ${d.date}`);
    if (d.date === null && source.date !== null) {
      const [year, month] = source.date.split("-");
      const note = (d.note ?? "").toLowerCase();
      const evidenced = note.includes(year!) && (!month || note.includes(MONTHS[Number(month) - 1]!));
      if (!evidenced)
        problems.push(`${at}: dated ${source.date} but the dossier has no date and its note does not give one`);
      else notes.push(`${at}: date ${source.date}${source.dateApprox ? " (inferred)" : ""} from the dossier's note`);
    }
    if (d.date_confidence === "estimated" && !source.dateApprox)
      problems.push(`${at}: the dossier estimates the date; dateApprox is missing`);
    const read = d.found_at ?? d.url;
    if (d.found_at && d.found_at !== d.url && source.readAt !== d.found_at && source.url !== d.found_at)
      problems.push(`${at}: the dossier read it at ${d.found_at}; readAt does not say so`);
    if (read && source.url !== read && source.readAt !== read)
      problems.push(`${at}: the address ${read} is neither its url nor where it was read (readAt)`);
    if ((d.kind === "primary") !== (kind === "primary"))
      problems.push(`${at}: the dossier's kind is ${d.kind}, the publisher's ${kind}`);
    if (d.kind === "blog" && (kind === "news" || kind === "wire"))
      problems.push(`${at}: a blog in the dossier is counted as ${kind}`);
    if (d.kind !== kind && !(d.kind === "news" && kind === "wire"))
      notes.push(`${at}: kind ${d.kind} in the dossier, ${kind} here`);
    const related = source.copyOf ?? source.basedOn ?? (source.readAt ? "a mirror" : null);
    if (d.publisher && COPY_SIGNAL.test(d.publisher) && !related && kind !== "aggregator")
      problems.push(
        `${at}: the dossier calls it "${d.publisher}" but it records no original (copyOf, basedOn, readAt)`,
      );
    if (related && related !== "a mirror" && !records.has(related))
      problems.push(`${at}: its original ${related} is not recorded`);
  }

  const dossierEntities = new Map(dossier.entities.map((e) => [e.id, e]));
  /** A dossier fact's text in one language (its claim there, plus the notes and variants, which mix both). */
  const factText = (f: DossierFact, lang: "ko" | "en") =>
    [lang === "ko" ? f.claim_ko : f.claim_en, ...(f.variants ?? []), f.note ?? "", String(f.value?.amount ?? "")].join(
      " ",
    );
  const anywhere = (lang: "ko" | "en") =>
    numbersIn(dossier.entities.flatMap((e) => e.facts.map((f) => factText(f, lang))).join(" "));
  const everywhere = { ko: anywhere("ko"), en: anywhere("en") };
  for (const entity of kb.entities) {
    const de = dossierEntities.get(entity.id);
    if (!de) {
      problems.push(`entity ${entity.id}: not in the dossier`);
      continue;
    }
    const entityText = (lang: "ko" | "en") => de.facts.map((f) => factText(f, lang)).join(" ");
    for (const fact of entity.facts) {
      const at = `fact ${entity.id}/${fact.id}`;
      const df = de.facts.find((f) => f.id === fact.id);

      if (!df) notes.push(`${at}: not in the dossier (split from another fact): numbers checked against the entity`);
      if (df && df.date !== fact.date) notes.push(`${at}: date ${fact.date}, the dossier's ${df.date}`);
      if (df?.value && !fact.value) {
        const value = df.value;
        const movedTo = entity.facts.find((f) => f.value && sameNumber(f.value.amount, value.amount));
        if (movedTo) notes.push(`${at}: its value ${value.amount} moved to ${movedTo.id}`);
        else problems.push(`${at}: the dossier's value ${value.amount} ${value.unit} is gone`);
      }
      if (df?.value && fact.value) {
        if (!sameNumber(df.value.amount, fact.value.amount))
          problems.push(`${at}: value ${fact.value.amount}, the dossier's ${df.value.amount}`);
        const why = qualifierProblem(df.value.unit, fact.value);
        if (why) problems.push(`${at}: ${why}`);
      }
      for (const lang of ["ko", "en"] as const) {
        const stated = numbersIn(df ? factText(df, lang) : entityText(lang));
        const elsewhere = numbersIn(entityText(lang));
        const missing = numbersIn(fact.claim[lang]).filter((n) => !stated.some((m) => sameNumber(m, n)));
        const unknown = missing.filter((n) => !elsewhere.some((m) => sameNumber(m, n)));
        if (unknown.some((n) => !everywhere[lang].some((m) => sameNumber(m, n))))
          problems.push(`${at}: the ${lang} claim states ${unknown.join(", ")}, which the dossier does not`);
        else if (missing.length && df)
          notes.push(`${at}: the ${lang} claim states ${missing.join(", ")}, found in another of the dossier's facts`);
      }
      if (df) {
        const known = new Set([...df.sources, ...(df.contrary_sources ?? []), ...(df.note_sources ?? [])]);
        for (const sid of fact.sources)
          if (!known.has(sid)) notes.push(`${at}: cites ${sid}, which the dossier does not list for it`);
        for (const sid of df.sources)
          if (!fact.sources.includes(sid) && !(fact.variants ?? []).some((v) => v.sources.includes(sid)))
            notes.push(
              `${at}: no longer cites ${sid} (${publishers.get(records.get(sid)?.publisher ?? "")?.kind ?? "?"})`,
            );
      }
    }
  }
  return { problems, notes };
}
