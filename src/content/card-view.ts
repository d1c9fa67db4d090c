/**
 * Builds the hover card's content from an entity's details: names, type,
 * summary, key facts with dates, sources and a verification badge. DOM only
 * through `h()`, so knowledge-base text is always inserted as text.
 */
import type { EntityDetails } from "../kb/details";
import type { CompiledFact } from "../kb/compile";
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

const MAX_FACTS = 3;
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

function sourceLine(doc: Document, details: EntityDetails, ids: string[], lang: Lang) {
  const list = h(doc, "ul", { class: "sources" });
  const cited = distinctCitations(details.sources, ids);
  for (const source of cited.slice(0, MAX_SOURCES)) {
    const label = sourceLabel(source, lang, t("date_unknown"));
    const tag = sourceKindTag(source.kind, t);
    list.append(
      h(
        doc,
        "li",
        {},
        h(doc, "span", { class: "label" }, `${t("source_label")} `),
        source.url
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
          : label,
        tag ? h(doc, "span", { class: "source-kind" }, ` (${tag})`) : null,
      ),
    );
  }
  if (cited.length > MAX_SOURCES)
    list.append(h(doc, "li", { class: "more" }, t("more_sources", String(cited.length - MAX_SOURCES))));
  return list;
}

/** The first facts fit a hover card (what was superseded folds under its successor); the popup has them all. */
function keyFacts(facts: CompiledFact[]): CompiledFact[] {
  return currentFacts(facts).slice(0, MAX_FACTS);
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

/** What the card knows of the page it is on: the date the page states, when it states one. */
export type PageContext = { date?: string };

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
  return [later, h(doc, "span", { class: "kb-dates" }, dates)];
}

export function renderCard(
  doc: Document,
  details: EntityDetails,
  mention: MentionRecord,
  actions: CardActions,
  page: PageContext = {},
): HTMLElement {
  const { entity } = details;
  const lang: Lang = t("lang") === "en" ? "en" : "ko";
  const names = [entity.names.en, entity.names.zh].filter(Boolean).join(" · ");
  const root = h(doc, "div", { class: `card type-${entity.type}` });
  root.append(
    h(
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
    ),
    h(
      doc,
      "header",
      {},
      h(doc, "h2", { id: "maekrak-card-title" }, entity.names.ko),
      names ? h(doc, "div", { class: "names", lang: "en" }, names) : null,
      writtenLine(doc, mention, entity.names.ko),
    ),
    h(doc, "p", { class: "summary" }, entity.summary[lang]),
  );

  const check = figureCheck(doc, details, mention, lang);
  if (check) root.append(check);

  const compactBlock = aliasKey(mention.blockText);
  for (const correction of details.corrections) {
    if (!correction.misreported.some((form) => compactBlock.includes(aliasKey(form)))) continue;
    root.append(
      h(
        doc,
        "section",
        { class: "correction", role: "note" },
        h(doc, "div", { class: "label" }, t("correction_label")),
        h(doc, "div", {}, `${t("correction_says")}: ${correction.says[lang]}`),
        h(doc, "div", {}, `${t("correction_actually")}: ${correction.actually[lang]}`),
        sourceLine(doc, details, correction.sources, lang),
      ),
    );
  }

  const { button: legendButton, panel: legendPanel } = legend(doc);
  root.append(h(doc, "div", { class: "facts-head" }, legendButton), legendPanel);
  const list = h(doc, "ol", { class: "facts" });
  for (const fact of keyFacts(entity.facts)) {
    list.append(
      h(
        doc,
        "li",
        {},
        h(doc, "div", { class: "fact-head" }, factDate(doc, fact, lang), ...statusBadge(doc, details, fact, lang)),
        h(doc, "p", {}, fact.claim[lang]),
        variantList(doc, details, fact, lang),
        sourceLine(doc, details, fact.sources, lang),
        earlierVersions(doc, details, fact, lang),
        copyButton(doc, () => actions.copy(citationText(details, fact, lang))),
      ),
    );
  }
  root.append(list);
  const more = h(
    doc,
    "button",
    { type: "button", class: "more-in-popup", "data-action": "more" },
    t("card_more_in_popup"),
  );
  more.addEventListener("click", () => actions.openInPopup());
  root.append(h(doc, "footer", {}, ...knowledgeDates(doc, details, page.date, lang), more));
  return root;
}

/**
 * What was checked and how: the amount as written, the verdict, the figure it was read as (owner, metric,
 * period as the sentence gave them, and the figure's own), the verified value, the rate and its date for a
 * conversion (or the documented report it matches), the likely intended value of a unit slip, the sources.
 */
function figureCheck(doc: Document, details: EntityDetails, mention: MentionRecord, lang: "ko" | "en") {
  const checked = mention.figure;
  const figure = checked && details.figures.find((f) => f.id === checked.id);
  if (!checked || !figure) return null;
  const { verdict, amount, read } = checked;
  const verified = formatAmount(figure.value.amount, figure.value.currency);
  const value = figure.value.qualifier === "at-least" ? t("claim_at_least", verified) : verified;
  const ownerName = details.owners[read.owner]?.[lang] ?? read.owner;
  const line = (cls: string, text: string) => h(doc, "div", { class: cls }, text);
  const section = h(
    doc,
    "section",
    { class: `figure-check ${verdict}`, "data-figure": figure.id },
    h(doc, "div", { class: "verdict" }, t(`claim_verdict_${verdict.replace("-", "_")}`)),
    line("on-page", t("claim_on_page", amount.text)),
    line("checked-against", t("claim_checked_against", figure.label[lang])),
    line("verified", t("claim_verified_value", value)),
    line("read", t("claim_read", ownerName, read.metric ?? t("claim_unstated"), read.period ?? t("claim_unstated"))),
    line(
      "period",
      t(
        "claim_period",
        figure.period.ko[0]!,
        `${formatDate(figure.period.from, lang)}–${formatDate(figure.period.to, lang)}`,
      ),
    ),
  );
  const rates = (checked.rate ?? "").split("+").map((id) => details.rates.find((r) => r.id === id));
  if (checked.rate && rates.every((r) => r !== undefined)) {
    // The figure's value along the rates used (one, or two through the dollar), in the amount's currency.
    let factor = 1;
    let currency: string = figure.value.currency;
    for (const rate of rates) {
      const [base, quote] = rate!.pair.split("/") as [string, string];
      factor *= base === currency ? rate!.rate : 1 / rate!.rate;
      currency = base === currency ? quote : base;
    }
    const converted = formatAmount(threeDigits(figure.value.amount * factor), amount.currency);
    for (const rate of rates) {
      const cited = rate!.sources.map((id) => details.sources[id]).find((s) => s !== undefined);
      section.append(
        line(
          "rate",
          t(
            "claim_rate",
            formatRate(rate!.pair, rate!.rate),
            formatDate(rate!.date, lang),
            cited ? cited.publisher[lang] : "",
          ),
        ),
      );
    }
    section.append(line("converted", t("claim_converted", converted)));
  }
  const report = checked.reported !== undefined ? figure.reported?.[checked.reported] : undefined;
  if (report) {
    const cited = report.sources.map((id) => details.sources[id]).filter((s) => s !== undefined);
    section.append(
      line(
        "reported",
        t(
          "claim_reported",
          formatAmount(report.amount, report.currency),
          cited.map((s) => sourceLabel(s, lang, t("date_unknown"))).join("; "),
          report.reason[lang],
        ),
      ),
    );
  }
  if (verdict === "unit-slip" && checked.intended !== undefined)
    section.append(line("intended", t("claim_unit_slip", formatAmount(checked.intended, amount.currency))));
  if (verdict === "differs") section.append(line("explain", t("claim_differs_explain")));
  section.append(sourceLine(doc, details, figure.sources, lang));
  return section;
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
