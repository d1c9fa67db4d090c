import type { Direction } from "../core/vocabulary";
import type { CompiledEntity, CompiledKb } from "../kb/compile";
import { t } from "../ui/i18n";
import type { Lang } from "../ui/format";
import { formatAmount, formatDate, sourceKindTag, sourceLabel, statusExplanation } from "../ui/format";
import { differenceLabel, statusLabel } from "../ui/legend";
import { LegendView } from "./LegendView";
import { distinctCitations, notesInOrder, primaryPublishers } from "../ui/citations";

export function EntityDetailsView({
  kb,
  entity,
  onBack,
  onJump,
}: {
  kb: CompiledKb;
  entity: CompiledEntity;
  onBack: () => void;
  onJump?: (direction: Direction) => void;
}) {
  const lang: Lang = t("lang") === "en" ? "en" : "ko";
  const corrections = kb.corrections.filter((c) => c.entity === entity.id);
  return (
    <article class="details" data-entity={entity.id}>
      <div class="details-bar">
        <button type="button" class="back" onClick={onBack}>
          ← {t("back")}
        </button>
        {onJump && (
          <span class="jump">
            <button type="button" onClick={() => onJump("previous")} aria-label={t("previous_mention")}>
              ↑
            </button>
            <button type="button" onClick={() => onJump("next")} aria-label={t("next_mention")}>
              ↓
            </button>
          </span>
        )}
      </div>
      <div class="kind">{t(`type_${entity.type}`)}</div>
      <h2>{entity.names.ko}</h2>
      <div class="names">{[entity.names.en, entity.names.zh].filter(Boolean).join(" · ")}</div>
      <p class="summary">{entity.summary[lang]}</p>
      {entity.figure && (
        <p class="figure-value">
          {t("figure_verified", formatAmount(entity.figure.amount, entity.figure.currency))}
          {entity.figure.conversions.map((c, i) => (
            <span key={i} class="conversion">
              {" "}
              · {t("figure_conversion", formatAmount(c.min, c.currency), formatAmount(c.max, c.currency), c.rate)}
            </span>
          ))}
        </p>
      )}
      {corrections.length > 0 && (
        <section class="corrections">
          <h3>{t("correction_label")}</h3>
          <ul>
            {corrections.map((c, i) => (
              <li key={i}>
                <div>
                  {t("correction_says")}: {c.says[lang]}
                </div>
                <div>
                  {t("correction_actually")}: {c.actually[lang]}
                </div>
                <div class="cited">
                  {distinctCitations(kb.sources, c.sources)
                    .map((s) => sourceLabel(s, lang, t("date_unknown")))
                    .join("; ")}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <LegendView />
      <ol class="facts">
        {entity.facts.map((fact) => (
          <li key={fact.id}>
            <div class="fact-head">
              <time dateTime={fact.date}>
                {fact.mayChange ? t("as_of", formatDate(fact.date, lang)) : formatDate(fact.date, lang)}
              </time>
              <span class={`badge ${fact.status}`}>{statusLabel(fact.status, t)}</span>
              <span class="basis">{statusExplanation(fact, primaryPublishers(kb.sources, fact.sources, lang), t)}</span>
            </div>
            <p>{fact.claim[lang]}</p>
            {fact.variants?.length ? (
              <ul class="variants">
                {notesInOrder(fact.variants).map((variant, i) => (
                  <li key={i} class={variant.difference}>
                    <span class="difference">{differenceLabel(variant.difference, t)} </span>
                    {variant.text[lang]}
                    {variant.sources.length ? (
                      <span class="cited">
                        {" "}
                        (
                        {distinctCitations(kb.sources, variant.sources)
                          .map((s) => sourceLabel(s, lang, t("date_unknown")))
                          .join("; ")}
                        )
                      </span>
                    ) : null}
                    {variant.reason ? <span class="reason"> — {variant.reason[lang]}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <ul class="sources">
              {distinctCitations(kb.sources, fact.sources).map((source) => {
                const label = sourceLabel(source, lang, t("date_unknown"));
                const tag = sourceKindTag(source.kind, t);
                return (
                  <li key={source.id}>
                    {source.url ? (
                      <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.title ?? undefined}>
                        {label}
                      </a>
                    ) : (
                      label
                    )}
                    {tag ? <span class="source-kind"> ({tag})</span> : null}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </article>
  );
}
