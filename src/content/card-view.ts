/**
 * Builds the hover card's content from an entity's details: names, type,
 * summary, key facts with dates, sources and a verification badge. DOM only
 * through `h()`, so knowledge-base text is always inserted as text.
 */
import type { EntityDetails } from "../kb/details";
import type { Figure } from "../kb/schema";
import { misreportsOnPage } from "../kb/misreports";
import type { Citation, CompiledFact } from "../kb/compile";
import type { PageTopics } from "../kb/relevance";
import { rankByPage } from "../kb/relevance";
import type { MentionRecord } from "./highlighter";
import { h } from "./dom";
import { t } from "../ui/i18n";
import type { Lang } from "../ui/format";
import {
  factDateLabel,
  formatAmount,
  formatDate,
  formatDateInWords,
  formatRate,
  sourceKindTag,
  sourceLabel,
  statusExplanation,
} from "../ui/format";
import { differenceLabel, legendEntries, legendNotes, statusLabel } from "../ui/legend";
import { distinctCitations, notesInOrder, primaryPublishers } from "../ui/citations";
import { aliasKey } from "../core/text";
import { currentFacts, isAfterEvidence, previousFacts } from "../kb/timeline";

/** Facts at first sight (two beside a figure check), and at most after 더 보기. */
const FIRST_FACTS = 3;
const MAX_FACTS = 6;
const MAX_SOURCES = 3;
const MAX_NOTES = 3;

/** The badge, then in a few words why (shown, not only on hover: touch and keyboard readers see it too). */
function statusBadge(doc: Document, details: EntityDetails, fact: CompiledFact, lang: Lang) {
  return [
    h(doc, "span", { class: `badge ${fact.status}` }, statusLabel(fact.status, t)),
    h(
      doc,
      "span",
      { class: "basis" },
      statusExplanation(fact, primaryPublishers(details.sources, fact.sources, lang), t),
    ),
  ];
}

/** One cited source as a list item: publisher and date, linked to its own address, with its kind when it matters. */
function sourceItem(doc: Document, source: Citation, lang: Lang) {
  const label = sourceLabel(source, lang, t("date_unknown"));
  const tag = sourceKindTag(source.kind, t);
  const link = source.url
    ? h(
        doc,
        "a",
        {
          href: source.url,
          target: "_blank",
          rel: "noopener noreferrer",
          ...(source.title ? { title: source.title } : {}),
        },
        label,
      )
    : label;
  return h(
    doc,
    "li",
    {},
    h(doc, "span", { class: "label" }, `${t("source_label")} `),
    link,
    tag ? h(doc, "span", { class: "source-kind" }, ` (${tag})`) : null,
  );
}

/** The sources of a claim: the first `shown` at first sight, the rest (and how many more the popup has) under 더 보기. */
function sourceLine(doc: Document, details: EntityDetails, ids: string[], lang: Lang, shown = 1) {
  const list = h(doc, "ul", { class: "sources" });
  const cited = distinctCitations(details.sources, ids);
  cited.slice(0, MAX_SOURCES).forEach((source, index) => {
    list.append(index < shown ? sourceItem(doc, source, lang) : extra(sourceItem(doc, source, lang)));
  });
  if (cited.length > MAX_SOURCES)
    list.append(extra(h(doc, "li", { class: "more" }, t("more_sources", String(cited.length - MAX_SOURCES)))));
  return list;
}

/** Marks what the card shows only after 더 보기 (hidden until then, in place). */
function extra<E extends HTMLElement | null>(element: E): E {
  if (element) {
    element.dataset.more = "";
    element.hidden = true;
  }
  return element;
}

/**
 * The facts a card lists, the page's first (what was superseded folds under its successor): the first `shown` at
 * first sight, up to MAX_FACTS under 더 보기; the popup has them all.
 */
function keyFacts(facts: CompiledFact[], topics: PageTopics | undefined): CompiledFact[] {
  const current = currentFacts(facts);
  if (!topics) return current.slice(0, MAX_FACTS);
  // What replaced an older fact (the newest model, a new title) stays first, as the timeline orders it.
  const replaced = new Set(facts.map((f) => f.supersededBy));
  const newer = current.filter((f) => replaced.has(f.id));
  const rest = current.filter((f) => !replaced.has(f.id));
  return [...newer, ...rankByPage(rest, topics)].slice(0, MAX_FACTS);
}

/** When a fact holds: "2026년 9월 기준" for one that can go stale, else its own date. */
function factDate(doc: Document, fact: CompiledFact, lang: Lang) {
  return h(doc, "time", { datetime: fact.asOf ?? fact.date }, factDateLabel(fact, lang, t));
}

/** What a current fact replaced, folded under it ("이전: …"), newest first, each with its date, badge and sources. */
function earlierVersions(doc: Document, details: EntityDetails, fact: CompiledFact, lang: Lang) {
  const earlier = previousFacts(details.entity.facts, fact);
  if (!earlier.length) return null;
  return h(
    doc,
    "details",
    { class: "previous" },
    h(doc, "summary", {}, t("time_previous_toggle", String(earlier.length))),
    h(
      doc,
      "ul",
      {},
      ...earlier.map((old) =>
        h(
          doc,
          "li",
          {},
          h(
            doc,
            "div",
            { class: "fact-head" },
            h(doc, "span", { class: "label" }, t("time_previous")),
            factDate(doc, old, lang),
            ...statusBadge(doc, details, old, lang),
          ),
          h(doc, "p", {}, old.claim[lang]),
          sourceLine(doc, details, old.sources, lang),
        ),
      ),
    ),
  );
}

/** The notes under a fact: each source's own version, what kind of difference it is, who said it and why. */
function variantList(doc: Document, details: EntityDetails, fact: CompiledFact, lang: Lang) {
  if (!fact.variants?.length) return null;
  const variants = notesInOrder(fact.variants);
  const list = h(doc, "ul", { class: "variants" });
  for (const variant of variants.slice(0, MAX_NOTES)) {
    const cited = distinctCitations(details.sources, variant.sources);
    list.append(
      h(
        doc,
        "li",
        { class: variant.difference },
        h(doc, "span", { class: "difference" }, `${differenceLabel(variant.difference, t)} `),
        variant.text[lang],
        cited.length
          ? h(
              doc,
              "span",
              { class: "cited" },
              ` (${cited
                .slice(0, 2)
                .map((s) => sourceLabel(s, lang, t("date_unknown")))
                .join("; ")})`,
            )
          : null,
        variant.reason ? h(doc, "span", { class: "reason" }, ` — ${variant.reason[lang]}`) : null,
      ),
    );
  }
  if (variants.length > MAX_NOTES) list.append(h(doc, "li", { class: "more" }, t("more_in_popup")));
  return list;
}

let legendCount = 0;

/** A disclosure button and the legend it opens: a real button, so keyboard, touch and screen readers reach it. */
function legend(doc: Document) {
  const id = `maekrak-legend-${++legendCount}`;
  const panel = h(
    doc,
    "div",
    { class: "legend", id, role: "region", "aria-label": t("legend_title") },
    h(
      doc,
      "dl",
      {},
      ...legendEntries(t).flatMap((entry) => [
        h(doc, "dt", {}, h(doc, "span", { class: `badge ${entry.status}` }, entry.label)),
        h(doc, "dd", {}, entry.rule),
      ]),
    ),
    ...legendNotes(t).map((note) => h(doc, "p", { class: "legend-note" }, note)),
  );
  panel.hidden = true;
  const button = h(
    doc,
    "button",
    { type: "button", class: "legend-toggle", "data-action": "legend", "aria-expanded": "false", "aria-controls": id },
    t("legend_toggle"),
  );
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
  });
  return { button, panel };
}

export type CardActions = {
  togglePin(): void;
  close(): void;
  openInPopup(): void;
  copy(text: string): Promise<boolean>;
};

/** A fact as the reader pastes it: the claim, then each original's publisher, title, date and address. */
export function citationText(details: EntityDetails, fact: CompiledFact, lang: Lang): string {
  const cited = distinctCitations(details.sources, fact.sources).map((s) =>
    [sourceLabel(s, lang, t("date_unknown")), s.title && `“${s.title}”`, s.url].filter(Boolean).join(" "),
  );
  return `${details.entity.names[lang] ?? details.entity.names.ko}: ${fact.claim[lang]}\n${t("source_label")} ${cited.join("; ")}`;
}

const SVG = "http://www.w3.org/2000/svg";
/** Icons as SVG paths (no icon font, no emoji font needed on the reader's system). */
const ICONS: Record<string, string> = {
  pin: "M9 2h6l-1 6 3 3v2h-4v7l-1 2-1-2v-7H7v-2l3-3z",
  close: "M6 6l12 12M18 6L6 18",
};

function icon(doc: Document, name: string): SVGSVGElement {
  const svg = doc.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  const path = doc.createElementNS(SVG, "path");
  path.setAttribute("d", ICONS[name]!);
  path.setAttribute("class", name === "close" ? "stroke" : "fill");
  svg.append(path);
  return svg;
}

function iconButton(
  doc: Document,
  action: string,
  label: string,
  onClick: () => void,
  extra: Record<string, string> = {},
) {
  const button = h(
    doc,
    "button",
    { type: "button", class: `icon ${action}`, "data-action": action, "aria-label": label, title: label, ...extra },
    icon(doc, action),
  );
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    onClick();
  });
  return button;
}

/** Under the title: how the page wrote the name, and why a short or differently spelled form was linked. */
function writtenLine(doc: Document, mention: MentionRecord, title: string): HTMLElement | null {
  const reason = mention.reason;
  if (reason?.kind === "spelling")
    return h(doc, "div", { class: "as-written" }, t("link_spelling", mention.text, reason.intended));
  const asWritten = aliasKey(mention.text) !== aliasKey(title) ? t("as_written", mention.text) : "";
  const why = !reason ? "" : reason.kind === "cue" ? t("link_cue", reason.cue) : t("link_named_before", reason.name);
  return asWritten || why ? h(doc, "div", { class: "as-written" }, [asWritten, why].filter(Boolean).join(" · ")) : null;
}

/** What the card knows of the page it is on: the date the page states, and what it names and talks about. */
export type PageContext = { date?: string; topics?: PageTopics };

/**
 * The knowledge base's as-of and evidence dates, and a note when the page is dated after the evidence (it may
 * describe what the knowledge base does not know yet).
 */
function knowledgeDates(doc: Document, details: EntityDetails, pageDate: string | undefined, lang: Lang) {
  const { version, asOf, evidenceThrough } = details.kb;
  const dates = evidenceThrough
    ? t("time_card_footer", version, formatDateInWords(asOf, lang), formatDateInWords(evidenceThrough, lang))
    : t("card_footer", version, formatDate(asOf, lang));
  const later =
    pageDate && evidenceThrough && isAfterEvidence(pageDate, evidenceThrough)
      ? h(
          doc,
          "p",
          { class: "page-newer", role: "note" },
          t("time_page_newer", formatDateInWords(pageDate, lang), formatDateInWords(evidenceThrough, lang)),
        )
      : null;
  // The dates are for the full record (더 보기), unless the page is newer than them: then the note says so at once.
  const kbDates = h(doc, "span", { class: "kb-dates" }, dates);
  return [later, later ? kbDates : extra(kbDates)];
}

/** Type, pin and close: the card's top row, also its drag handle. */
function toolbar(doc: Document, details: EntityDetails, actions: CardActions, lang: Lang) {
  const { entity } = details;
  return h(
    doc,
    "div",
    { class: "toolbar", "data-drag-handle": "" },
    h(
      doc,
      "div",
      { class: "kind" },
      t(`type_${entity.type}`),
      details.family ? ` · ${t("time_family_of", details.family.names[lang])}` : null,
    ),
    h(
      doc,
      "div",
      { class: "tools" },
      iconButton(doc, "pin", t("card_pin"), actions.togglePin, { "aria-pressed": "false" }),
      iconButton(doc, "close", t("card_close"), actions.close),
    ),
  );
}

/** The names: the reader's language first, the others after it (an English reader sees the Korean name second). */
function titleBlock(doc: Document, details: EntityDetails, mention: MentionRecord, lang: Lang) {
  const { names } = details.entity;
  const title = lang === "en" ? names.en : names.ko;
  const other = lang === "en" ? names.ko : names.en;
  const chinese = names.zh ? h(doc, "span", { class: "zh", lang: "zh" }, ` · ${names.zh}`) : null;
  return h(
    doc,
    "header",
    {},
    h(doc, "h2", { id: "maekrak-card-title" }, title),
    h(doc, "div", { class: "names", lang: lang === "en" ? "ko" : "en" }, other !== title ? other : "", extra(chinese)),
    writtenLine(doc, mention, title),
  );
}

/**
 * The misreports the knowledge base knows that this paragraph repeats: what it says (its label said once, here),
 * what the sources show, one source at first sight.
 */
function corrections(doc: Document, details: EntityDetails, mention: MentionRecord, lang: Lang) {
  return misreportsOnPage(details, mention.blockText).map((misreport) =>
    h(
      doc,
      "section",
      { class: "correction", role: "note" },
      h(doc, "div", { class: "label" }, t("correction_label")),
      h(doc, "div", { class: "says" }, `${t("correction_says")}: ${misreport.says[lang]}`),
      h(doc, "div", { class: "actually" }, `${t("correction_actually")}: ${misreport.actually[lang]}`),
      sourceLine(doc, details, misreport.sources, lang),
    ),
  );
}

/** One fact: when, its badge and why, the claim, one source; its variants, older versions and copy under 더 보기. */
function factItem(doc: Document, details: EntityDetails, fact: CompiledFact, actions: CardActions, lang: Lang) {
  return h(
    doc,
    "li",
    {},
    h(doc, "div", { class: "fact-head" }, factDate(doc, fact, lang), ...statusBadge(doc, details, fact, lang)),
    h(doc, "p", {}, fact.claim[lang]),
    sourceLine(doc, details, fact.sources, lang),
    extra(variantList(doc, details, fact, lang)),
    extra(earlierVersions(doc, details, fact, lang)),
    extra(copyButton(doc, () => actions.copy(citationText(details, fact, lang)))),
  );
}

/** 더 보기 / 접기: shows in place what the first view left out, and hides it again. */
function moreToggle(doc: Document, root: HTMLElement) {
  const button = h(
    doc,
    "button",
    { type: "button", class: "more-toggle", "data-action": "expand", "aria-expanded": "false" },
    t("card_more"),
  );
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    const expand = button.getAttribute("aria-expanded") !== "true";
    for (const element of root.querySelectorAll<HTMLElement>("[data-more]")) element.hidden = !expand;
    button.setAttribute("aria-expanded", String(expand));
    button.textContent = t(expand ? "card_less" : "card_more");
    root.classList.toggle("expanded", expand);
  });
  return button;
}

/**
 * The footer: 더 보기, the popup, what the badges mean, the keys that work on a card; the knowledge base's dates
 * (under 더 보기).
 */
function cardFooter(doc: Document, details: EntityDetails, root: HTMLElement, actions: CardActions, page: PageContext) {
  const lang: Lang = t("lang") === "en" ? "en" : "ko";
  const more = h(
    doc,
    "button",
    { type: "button", class: "more-in-popup", "data-action": "more" },
    t("card_more_in_popup"),
  );
  more.addEventListener("click", () => actions.openInPopup());
  const { button: legendButton, panel: legendPanel } = legend(doc);
  const keys = h(doc, "span", { class: "keys" }, t("card_keys"));
  return h(
    doc,
    "footer",
    {},
    h(doc, "div", { class: "actions" }, moreToggle(doc, root), more, legendButton, keys),
    legendPanel,
    ...knowledgeDates(doc, details, page.date, lang),
  );
}

export function renderCard(
  doc: Document,
  details: EntityDetails,
  mention: MentionRecord,
  actions: CardActions,
  page: PageContext = {},
): HTMLElement {
  const lang: Lang = t("lang") === "en" ? "en" : "ko";
  const root = h(doc, "div", { class: `card type-${details.entity.type}` });
  root.append(
    toolbar(doc, details, actions, lang),
    titleBlock(doc, details, mention, lang),
    h(doc, "p", { class: "summary" }, details.entity.summary[lang]),
  );
  const check = figureCheck(doc, details, mention, lang);
  if (check) root.append(check);
  root.append(...corrections(doc, details, mention, lang));
  const boxes = root.querySelectorAll(".figure-check, .correction").length;
  const shown = boxes ? FIRST_FACTS - 1 : FIRST_FACTS;
  const list = h(doc, "ol", { class: "facts" });
  keyFacts(details.entity.facts, page.topics).forEach((fact, index) => {
    const item = factItem(doc, details, fact, actions, lang);
    list.append(index < shown ? item : extra(item));
  });
  root.append(list, cardFooter(doc, details, root, actions, page));
  return root;
}

/** The verified value: at least, when the figure is a floor. */
function verifiedValue(figure: Figure, lang: Lang): string {
  const verified = formatAmount(figure.value.amount, figure.value.currency, lang);
  return figure.value.qualifier === "at-least" ? t("claim_at_least", verified) : verified;
}

/**
 * What was checked and how: the amount as written, the verdict, the figure it was read as and the verified value at
 * first sight; how the sentence was read, the figure's period, rates and further sources after 더 보기.
 */
function figureCheck(doc: Document, details: EntityDetails, mention: MentionRecord, lang: Lang) {
  const checked = mention.figure;
  const figure = checked && details.figures.find((f) => f.id === checked.id);
  if (!checked || !figure) return null;
  const { verdict, amount, read } = checked;
  const ownerName = details.owners[read.owner]?.[lang] ?? read.owner;
  const line = (cls: string, text: string) => h(doc, "div", { class: cls }, text);
  const period = `${formatDate(figure.period.from, lang)}–${formatDate(figure.period.to, lang)}`;
  const periodName = lang === "en" ? figure.label.en : figure.period.ko[0]!;
  const section = h(
    doc,
    "section",
    { class: `figure-check ${verdict}`, "data-figure": figure.id },
    h(doc, "div", { class: "verdict" }, t(`claim_verdict_${verdict.replace("-", "_")}`)),
    line("on-page", t("claim_on_page", amount.text)),
    extra(line("checked-against", t("claim_checked_against", figure.label[lang]))),
    line("verified", t("claim_verified_value", verifiedValue(figure, lang))),
    extra(line("read", t("claim_read", ownerName, pageWords(read.metric, lang), pageWords(read.period, lang)))),
    extra(
      line("period", lang === "en" ? t("claim_period", period, periodName) : t("claim_period", periodName, period)),
    ),
  );
  section.append(...conversionLines(doc, details, checked, figure, lang));
  section.append(...reportLines(doc, details, checked, figure, lang));
  section.append(sourceLine(doc, details, figure.sources, lang));
  return section;
}

type Checked = NonNullable<MentionRecord["figure"]>;

/** The page's own words as the claim reader read them: quoted in English (they are the article's Korean). */
function pageWords(words: string | undefined, lang: Lang): string {
  if (!words) return t("claim_unstated");
  return lang === "en" ? `“${words}”` : words;
}

/** A conversion's rates (one, or two through the dollar) with their dates, and the figure's value converted. */
function conversionLines(doc: Document, details: EntityDetails, checked: Checked, figure: Figure, lang: Lang) {
  const rates = (checked.rate ?? "").split("+").map((id) => details.rates.find((r) => r.id === id));
  if (!checked.rate || !rates.every((r) => r !== undefined)) return [];
  let factor = 1;
  let currency: string = figure.value.currency;
  for (const rate of rates) {
    const [base, quote] = rate.pair.split("/") as [string, string];
    factor *= base === currency ? rate.rate : 1 / rate.rate;
    currency = base === currency ? quote : base;
  }
  const converted = formatAmount(threeDigits(figure.value.amount * factor), checked.amount.currency, lang);
  const lines = rates.map((rate) => {
    const cited = rate.sources.map((id) => details.sources[id]).find((s) => s !== undefined);
    const pair = formatRate(rate.pair, rate.rate, lang);
    const text = t("claim_rate", pair, formatDate(rate.date, lang), cited?.publisher[lang] ?? "");
    return extra(h(doc, "div", { class: "rate" }, text));
  });
  return [...lines, h(doc, "div", { class: "converted" }, t("claim_converted", converted))];
}

/** The documented report an amount matches, a unit slip's likely intended value, why a figure differs. */
function reportLines(doc: Document, details: EntityDetails, checked: Checked, figure: Figure, lang: Lang) {
  const out: HTMLElement[] = [];
  const line = (cls: string, text: string) => h(doc, "div", { class: cls }, text);
  const report = checked.reported !== undefined ? figure.reported?.[checked.reported] : undefined;
  if (report) {
    const cited = report.sources.map((id) => details.sources[id]).filter((s) => s !== undefined);
    const by = cited.map((s) => sourceLabel(s, lang, t("date_unknown"))).join("; ");
    const amount = formatAmount(report.amount, report.currency, lang);
    out.push(line("reported", t("claim_reported", amount, by, report.reason[lang])));
  }
  if (checked.verdict === "unit-slip" && checked.intended !== undefined)
    out.push(line("intended", t("claim_unit_slip", formatAmount(checked.intended, checked.amount.currency, lang))));
  if (checked.verdict === "differs") out.push(extra(line("explain", t("claim_differs_explain"))));
  return out;
}

/** 52998605300 → 53000000000: a converted value is shown to three significant digits, as articles write it. */
function threeDigits(value: number): number {
  const place = 10 ** Math.max(0, Math.floor(Math.log10(Math.abs(value))) - 2);
  return Math.round(value / place) * place;
}

function copyButton(doc: Document, copy: () => Promise<boolean>) {
  const button = h(doc, "button", { type: "button", class: "copy", "data-action": "copy" }, t("card_copy"));
  button.addEventListener("click", async () => {
    const copied = await copy();
    button.textContent = t(copied ? "card_copied_short" : "card_copy_failed_short");
    setTimeout(() => {
      button.textContent = t("card_copy");
    }, 1500);
  });
  return button;
}
