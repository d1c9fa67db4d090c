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
import { formatAmount, formatDate, sourceKindTag, sourceLabel, statusExplanation } from "../ui/format";
import { differenceLabel, legendEntries, legendNotes, statusLabel } from "../ui/legend";
import { distinctCitations, notesInOrder, primaryPublishers } from "../ui/citations";
import { aliasKey } from "../core/text";

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

/** The first facts fit a hover card; the popup has them all. */
function keyFacts(facts: CompiledFact[]): CompiledFact[] {
  return facts.slice(0, MAX_FACTS);
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

export function renderCard(
  doc: Document,
  details: EntityDetails,
  mention: MentionRecord,
  actions: CardActions,
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
      h(doc, "div", { class: "kind" }, t(`type_${entity.type}`)),
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
      aliasKey(mention.text) !== aliasKey(entity.names.ko)
        ? h(doc, "div", { class: "as-written" }, t("as_written", mention.text))
        : null,
    ),
    h(doc, "p", { class: "summary" }, entity.summary[lang]),
  );

  if (mention.figure && entity.figure) {
    const verdict = mention.figure.verdict;
    root.append(
      h(
        doc,
        "section",
        { class: `figure-check ${verdict}` },
        h(doc, "div", { class: "verdict" }, t(`verdict_${verdict.replace("-", "_")}`)),
        h(doc, "div", {}, t("figure_on_page", mention.figure.amount.text)),
        h(doc, "div", {}, t("figure_verified", formatAmount(entity.figure.amount, entity.figure.currency))),
        ...entity.figure.conversions.map((c) =>
          h(
            doc,
            "div",
            { class: "conversion" },
            t(
              "figure_conversion",
              formatAmount(c.min, c.currency),
              formatAmount(c.max, c.currency),
              `${c.rate}, ${formatDate(c.rateDate)}`,
            ),
          ),
        ),
      ),
    );
  }

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
        h(
          doc,
          "div",
          { class: "fact-head" },
          h(
            doc,
            "time",
            { datetime: fact.date },
            fact.mayChange ? t("as_of", formatDate(fact.date, lang)) : formatDate(fact.date, lang),
          ),
          ...statusBadge(doc, details, fact, lang),
        ),
        h(doc, "p", {}, fact.claim[lang]),
        variantList(doc, details, fact, lang),
        sourceLine(doc, details, fact.sources, lang),
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
  root.append(
    h(
      doc,
      "footer",
      {},
      h(doc, "span", {}, t("card_footer", details.kb.version, formatDate(details.kb.asOf, lang))),
      more,
    ),
  );
  return root;
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
