/**
 * Holds the knowledge base to the research dossiers (shared/research/facts.yaml and its extensions) it was written
 * from: every source's title, date, address, kind and copy relation; every fact's value, qualifiers, date and
 * numbers; that every dossier fact and name is in the knowledge base or listed as left out with why; and the as-of
 * and evidence dates. Problems are what must be fixed; notes are deliberate departures worth a look (a downgraded
 * kind, an inferred date). Pure: the caller parses the dossiers.
 */
import { aliasKey } from "../core/text.ts";
import type { Fact, KnowledgeBaseInput, Publisher, Source } from "./schema.ts";

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
export type DossierEntity = {
  id: string;
  type?: string;
  facts: DossierFact[];
  aliases?: string[];
  /** Names an extension adds to an entity an earlier dossier has. */
  aliases_added?: string[];
};
export type Dossier = {
  as_of?: string;
  evidence_through?: string;
  sources: DossierSource[];
  entities: DossierEntity[];
};
export type AuditResult = { problems: string[]; notes: string[] };

/** What the knowledge base deliberately leaves out of the dossiers, each with why (src/kb/audit-left-out.json). */
export type LeftOut = {
  facts?: Array<{ ref: string; why: string }>;
  aliases?: Array<{ entity: string; alias: string; why: string }>;
};

/**
 * The dossiers read as one, in order (the March dossier, then its extensions): a source shared by two keeps the
 * first record; an entity's facts and names are gathered from all; the as-of and evidence dates are the last's.
 */
export function mergeDossiers(dossiers: readonly Dossier[]): Dossier {
  const sources = new Map<string, DossierSource>();
  const entities = new Map<string, DossierEntity>();
  let asOf: string | undefined;
  let evidence: string | undefined;
  for (const dossier of dossiers) {
    for (const source of dossier.sources) if (!sources.has(source.id)) sources.set(source.id, source);
    for (const entity of dossier.entities) {
      const known = entities.get(entity.id);
      if (!known) entities.set(entity.id, { ...entity, facts: [...(entity.facts ?? [])] });
      else {
        known.facts.push(...(entity.facts ?? []));
        known.aliases_added = [
          ...(known.aliases_added ?? []),
          ...(entity.aliases ?? []),
          ...(entity.aliases_added ?? []),
        ];
        known.type ??= entity.type;
      }
    }
    asOf = dossier.as_of ?? asOf;
    evidence = dossier.evidence_through ?? evidence;
  }
  return {
    ...(asOf ? { as_of: String(asOf) } : {}),
    ...(evidence ? { evidence_through: String(evidence) } : {}),
    sources: [...sources.values()],
    entities: [...entities.values()],
  };
}

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

/**
 * The dossier writes qualifiers and measures into the unit ("USD (planned raise)", "hours autonomous operation
 * (vendor claim)"): the KB keeps the unit plain and the rest as fields.
 */
function qualifierProblem(unit: string, value: NonNullable<Fact["value"]>) {
  const [, phrase = unit, words = ""] = unit.match(/^([^()]*?)\s*(?:\((.*)\))?$/) ?? [];
  const [base = phrase, ...extra] = phrase.trim().split(/\s+/);
  if (value.unit !== phrase.trim() && value.unit !== base)
    return `unit ${value.unit}, the dossier's is ${phrase.trim()}`;
  const wants: Array<[RegExp, string]> = [
    [/approx/i, "about"],
    [/lower bound|at least|minimum/i, "at-least"],
    [/maximum|at most|up to/i, "at-most"],
  ];
  const groups = [...words.split(/,\s*|;\s*/), value.unit === base && extra.length ? extra.join(" ") : ""].filter(
    Boolean,
  );
  const rest = groups.filter((word) => {
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

const ref = (entity: string, fact: string) => `${entity}/${fact}`;

/** Tells which entities the knowledge base finds in a piece of text (its own matcher), for the names check. */
export type FindEntities = (text: string) => string[];

export function auditAgainstDossier(
  kb: KnowledgeBaseInput,
  dossier: Dossier,
  leftOut: LeftOut = {},
  findEntities?: FindEntities,
): AuditResult {
  const audit = startAudit(kb, dossier);
  for (const source of kb.sources) auditSource(audit, source);
  if (dossier.as_of && kb.asOf !== String(dossier.as_of))
    audit.problems.push(`meta asOf: ${kb.asOf}, the dossier is as of ${dossier.as_of}`);
  if (dossier.evidence_through && kb.evidenceThrough !== String(dossier.evidence_through))
    audit.problems.push(
      `meta evidenceThrough: ${kb.evidenceThrough ?? "missing"}, the dossier's evidence runs through ${dossier.evidence_through}`,
    );
  for (const entity of kb.entities) auditEntityFacts(audit, entity);
  auditLeftOutFacts(audit, leftOut);
  auditNames(audit, leftOut, findEntities);
  return { problems: audit.problems, notes: audit.notes };
}

/** What the checks share: the findings so far, and lookups into both sides built once. */
type Audit = AuditResult & {
  kb: KnowledgeBaseInput;
  dossier: Dossier;
  publishers: Map<string, Publisher>;
  records: Map<string, Source>;
  researched: Map<string, DossierSource>;
  dossierEntities: Map<string, DossierEntity>;
  /** Every dossier fact a KB fact is written from. */
  covered: Set<string>;
  /** Every KB fact written from each dossier fact (the same id on the same entity, or writtenFrom). */
  coverers: Map<string, Fact[]>;
  /** The numbers anywhere in the dossier's facts, per language. */
  everywhere: Record<"ko" | "en", number[]>;
};

function startAudit(kb: KnowledgeBaseInput, dossier: Dossier): Audit {
  const coverers = new Map<string, Fact[]>();
  for (const entity of kb.entities)
    for (const fact of entity.facts)
      for (const from of [ref(entity.id, fact.id), ...(fact.writtenFrom ?? [])])
        coverers.set(from, [...(coverers.get(from) ?? []), fact]);
  const anywhere = (lang: "ko" | "en") =>
    numbersIn(dossier.entities.flatMap((e) => e.facts.map((f) => factText(f, lang))).join(" "));
  return {
    problems: [],
    notes: [],
    kb,
    dossier,
    publishers: new Map(kb.publishers.map((p) => [p.id, p])),
    records: new Map(kb.sources.map((s) => [s.id, s])),
    researched: new Map(dossier.sources.map((s) => [s.id, s])),
    dossierEntities: new Map(dossier.entities.map((e) => [e.id, e])),
    covered: new Set(),
    coverers,
    everywhere: { ko: anywhere("ko"), en: anywhere("en") },
  };
}

/** A dossier fact's text in one language (its claim there, plus the notes and variants, which mix both). */
const factText = (f: DossierFact, lang: "ko" | "en") =>
  [lang === "ko" ? f.claim_ko : f.claim_en, ...(f.variants ?? []), f.note ?? "", String(f.value?.amount ?? "")].join(
    " ",
  );

const dossierFact = (audit: Audit, at: string): DossierFact | undefined => {
  const [entity = "", fact = ""] = at.split("/");
  return audit.dossierEntities.get(entity)?.facts.find((f) => f.id === fact);
};

/** What the dossier's notes on sources say (a figure a source gives, which the facts may leave out). */
const sourceNotes = (audit: Audit, ids: Iterable<string>) =>
  [...ids].map((id) => audit.researched.get(id)?.note ?? "").join(" ");

/** A source record against the dossier's: title, date, address, kind, and what it copies. */
function auditSource({ problems, notes, publishers, records, researched }: Audit, source: Source): void {
  const at = `source ${source.id}`;
  const kind = publishers.get(source.publisher)?.kind;
  const d = researched.get(source.id);
  if (!d) {
    if (!source.copyOf && !source.basedOn && !source.note)
      problems.push(`${at}: not in the dossier and says nothing of where it comes from (note)`);
    return;
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
  if (d.publisher && COPY_SIGNAL.test(d.publisher) && !related && kind === "blog")
    notes.push(`${at}: the dossier calls it "${d.publisher}"; a blog's retelling counts as its own weak origin`);
  else if (d.publisher && COPY_SIGNAL.test(d.publisher) && !related && kind !== "aggregator")
    problems.push(`${at}: the dossier calls it "${d.publisher}" but it records no original (copyOf, basedOn, readAt)`);
  if (related && related !== "a mirror" && !records.has(related))
    problems.push(`${at}: its original ${related} is not recorded`);
}

type KbEntity = KnowledgeBaseInput["entities"][number];

/** What one KB fact is checked against: the dossier facts it is written from and the rest of their entities. */
type FactContext = {
  at: string;
  entity: KbEntity;
  fact: Fact;
  /** Whether the dossier has a fact of the same id on the same entity. */
  own: boolean;
  /** The dossier facts it is written from (its own first). */
  dfs: DossierFact[];
  /** Every fact of the dossier entities it is written from. */
  entityFacts: DossierFact[];
  /** The sources it and its dossier facts cite. */
  cited: Set<string>;
};

function auditEntityFacts(audit: Audit, entity: KbEntity): void {
  const de = audit.dossierEntities.get(entity.id);
  if (!de && entity.facts.some((f) => !f.writtenFrom?.length))
    audit.problems.push(
      `entity ${entity.id}: not in the dossier, and not every fact says what it was written from (writtenFrom)`,
    );
  for (const fact of entity.facts) {
    const at = `fact ${entity.id}/${fact.id}`;
    const own = de?.facts.find((f) => f.id === fact.id);
    if (own) audit.covered.add(ref(entity.id, fact.id));
    for (const from of fact.writtenFrom ?? []) {
      if (dossierFact(audit, from)) audit.covered.add(from);
      else audit.problems.push(`${at}: written from ${from}, which the dossier does not have`);
    }
    const written = (fact.writtenFrom ?? []).map((from) => dossierFact(audit, from)).filter((f) => f !== undefined);
    const dfs = [...(own ? [own] : []), ...written];
    const entityFacts = [
      ...(de?.facts ?? []),
      ...(fact.writtenFrom ?? []).flatMap((from) => audit.dossierEntities.get(from.split("/")[0]!)?.facts ?? []),
    ];
    const cited = new Set([...fact.sources, ...dfs.flatMap((f) => f.sources)]);
    const context: FactContext = { at, entity, fact, own: own !== undefined, dfs, entityFacts, cited };
    const df = dfs[0];
    if (!df)
      audit.notes.push(`${at}: not in the dossier (split from another fact): numbers checked against the entity`);
    if (df && df.date !== fact.date) audit.notes.push(`${at}: date ${fact.date}, the dossier's ${df.date}`);
    auditFactValue(audit, context);
    for (const lang of ["ko", "en"] as const) auditClaimNumbers(audit, context, lang);
    if (df) auditCitations(audit, context, df);
  }
}

/** The fact's value against the dossier's: the same number, moved to another fact, or stated beside it. */
function auditFactValue(audit: Audit, { at, entity, fact, own, dfs, cited }: FactContext): void {
  const { problems, notes } = audit;
  const valued = dfs.filter((f) => f.value);
  if (valued.length && !fact.value) {
    for (const value of valued.map((f) => f.value!)) {
      const written = [own ? ref(entity.id, fact.id) : "", ...(fact.writtenFrom ?? [])].flatMap(
        (from) => audit.coverers.get(from) ?? [],
      );
      const movedTo = [...entity.facts, ...written].find((f) => f.value && sameNumber(f.value.amount, value.amount));
      if (movedTo) notes.push(`${at}: its value ${value.amount} moved to ${movedTo.id}`);
      else problems.push(`${at}: the dossier's value ${value.amount} ${value.unit} is gone`);
    }
  }
  if (!fact.value) return;
  const same = valued.find((f) => sameNumber(f.value!.amount, fact.value!.amount));
  if (same) {
    const why = qualifierProblem(same.value!.unit, fact.value);
    if (why) problems.push(`${at}: ${why}`);
  } else if (valued.length) {
    const stated = numbersIn(`${dfs.map((f) => factText(f, "en")).join(" ")} ${sourceNotes(audit, cited)}`);
    if (stated.some((n) => sameNumber(n, fact.value!.amount)))
      notes.push(
        `${at}: value ${fact.value.amount}, which the dossier states beside its value ${valued[0]!.value!.amount}`,
      );
    else problems.push(`${at}: value ${fact.value.amount}, the dossier's ${valued[0]!.value!.amount}`);
  }
}

/** Every number in the claim is one the dossier states: for this fact, elsewhere on the entity, or anywhere. */
function auditClaimNumbers(audit: Audit, { at, fact, dfs, entityFacts, cited }: FactContext, lang: "ko" | "en"): void {
  const notesText = sourceNotes(audit, cited);
  const stated = numbersIn(`${dfs.map((f) => factText(f, lang)).join(" ")} ${notesText}`);
  const elsewhere = numbersIn(`${entityFacts.map((f) => factText(f, lang)).join(" ")} ${notesText}`);
  const missing = numbersIn(fact.claim[lang]).filter((n) => !stated.some((m) => sameNumber(m, n)));
  const unknown = missing.filter((n) => !elsewhere.some((m) => sameNumber(m, n)));
  if (unknown.some((n) => !audit.everywhere[lang].some((m) => sameNumber(m, n))))
    audit.problems.push(`${at}: the ${lang} claim states ${unknown.join(", ")}, which the dossier does not`);
  else if (missing.length && dfs.length)
    audit.notes.push(`${at}: the ${lang} claim states ${missing.join(", ")}, found in another of the dossier's facts`);
}

/** The sources the fact cites against those the dossier lists for it (notes only: a source may be added or dropped). */
function auditCitations(audit: Audit, { at, fact, dfs }: FactContext, df: DossierFact): void {
  const known = new Set(dfs.flatMap((f) => [...f.sources, ...(f.contrary_sources ?? []), ...(f.note_sources ?? [])]));
  for (const sid of fact.sources)
    if (!known.has(sid)) audit.notes.push(`${at}: cites ${sid}, which the dossier does not list for it`);
  for (const sid of df.sources)
    if (!fact.sources.includes(sid) && !(fact.variants ?? []).some((v) => v.sources.includes(sid))) {
      const kind = audit.publishers.get(audit.records.get(sid)?.publisher ?? "")?.kind ?? "?";
      audit.notes.push(`${at}: no longer cites ${sid} (${kind})`);
    }
}

/** Every dossier fact is in the knowledge base or listed as left out, not both; every listed one exists. */
function auditLeftOutFacts(audit: Audit, leftOut: LeftOut): void {
  const leftOutFacts = new Map((leftOut.facts ?? []).map((l) => [l.ref, l.why]));
  for (const entity of audit.dossier.entities)
    for (const fact of entity.facts) {
      const at = ref(entity.id, fact.id);
      if (audit.covered.has(at) && leftOutFacts.has(at))
        audit.problems.push(`dossier fact ${at}: listed as left out, but it is in the knowledge base`);
      else if (!audit.covered.has(at) && !leftOutFacts.has(at))
        audit.problems.push(
          `dossier fact ${at}: not in the knowledge base (write it, or list it as left out with why)`,
        );
    }
  for (const at of leftOutFacts.keys())
    if (!dossierFact(audit, at)) audit.problems.push(`left-out fact ${at}: the dossier has no such fact`);
}

/**
 * Every name the dossier records is one the knowledge base finds as that entity (or one of its family, a model
 * generation of qwen), as an alias or a context form; figures are found by value, not by name.
 */
function auditNames({ kb, dossier, problems }: Audit, leftOut: LeftOut, findEntities?: FindEntities): void {
  const family = new Map<string, Set<string>>();
  for (const entity of kb.entities) {
    for (const id of [entity.id, entity.family].filter((x) => x !== undefined)) {
      if (!family.has(id)) family.set(id, new Set([id]));
      family.get(id)!.add(entity.id);
    }
  }
  const keysOf = new Map<string, Set<string>>();
  for (const entity of kb.entities)
    keysOf.set(
      entity.id,
      new Set([...entity.aliases, ...(entity.contextAliases ?? []).map((c) => c.text)].map(aliasKey)),
    );
  const types = new Map(kb.entities.map((e) => [e.id, e.type]));
  const leftOutNames = new Set((leftOut.aliases ?? []).map((l) => `${l.entity}\u0000${aliasKey(l.alias)}`));
  const usedLeftOut = new Set<string>();
  for (const entity of dossier.entities) {
    if ((types.get(entity.id) ?? entity.type) === "figure") continue;
    const members = family.get(entity.id) ?? new Set([entity.id]);
    for (const alias of [...(entity.aliases ?? []), ...(entity.aliases_added ?? [])]) {
      const key = aliasKey(alias);
      const listed = `${entity.id}\u0000${key}`;
      const known = [...members].some((id) => keysOf.get(id)?.has(key));
      const found = !known && (findEntities?.(alias) ?? []).some((id) => members.has(id));
      const name = `name ${JSON.stringify(alias)} (${entity.id})`;
      if (leftOutNames.has(listed)) {
        usedLeftOut.add(listed);
        if (known || found) problems.push(`${name}: listed as left out, but the knowledge base finds it`);
      } else if (!known && !found)
        problems.push(`${name}: the knowledge base does not find it (add it, or list it as left out with why)`);
    }
  }
  for (const l of leftOut.aliases ?? [])
    if (!usedLeftOut.has(`${l.entity}\u0000${aliasKey(l.alias)}`))
      problems.push(`left-out name ${JSON.stringify(l.alias)} (${l.entity}): the dossier does not record it`);
}
