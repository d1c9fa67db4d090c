import type { Direction } from "../core/vocabulary";
import type { CompiledEntity, CompiledKb } from "../kb/compile";
import { t } from "../ui/i18n";
import { formatAmount, formatDate, sourceLabel, statusExplanation } from "../ui/format";

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
  const lang = t("lang") === "en" ? "en" : "ko";
  const corrections = kb.corrections.filter((c) => c.entity === entity.id);
  const figures = kb.figures.filter((f) => f.entity === entity.id);
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
      {figures.length > 0 && (
        <section class="figures">
          <h3>{t("claim_figures_title")}</h3>
          <ul>
            {figures.map((f) => {
              const verified = formatAmount(f.value.amount, f.value.currency);
              return (
                <li key={f.id} data-figure={f.id}>
                  <div class="figure-label">{f.label[lang]}</div>
                  <div class="figure-value">
                    {t(
                      "claim_verified_value",
                      f.value.qualifier === "at-least" ? t("claim_at_least", verified) : verified,
                    )}
                  </div>
                  <div class="figure-period">
                    {t("claim_period", f.period.ko[0]!, `${formatDate(f.period.from)}–${formatDate(f.period.to)}`)}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
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
                  {c.sources
                    .map((id) => kb.sources[id])
                    .filter((s) => s !== undefined)
                    .map((s) => sourceLabel(s, t("date_unknown")))
                    .join("; ")}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ol class="facts">
        {entity.facts.map((fact) => (
          <li key={fact.id}>
            <div class="fact-head">
              <time dateTime={fact.date}>
                {fact.mayChange ? t("as_of", formatDate(fact.date)) : formatDate(fact.date)}
              </time>
              {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the badge's label carries its explanation */}
              <span
                class={`badge ${fact.status}`}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard readers reach that explanation
                tabIndex={0}
                title={statusExplanation(fact, t)}
                aria-label={`${t(`status_${fact.status.replace("-", "_")}`)}: ${statusExplanation(fact, t)}`}
              >
                {t(`status_${fact.status.replace("-", "_")}`)}
                {fact.hasPrimary ? ` · ${t("status_primary_short")}` : ""}
              </span>
            </div>
            <p>{fact.claim[lang]}</p>
            {fact.variants?.length ? (
              <ul class="variants">
                {fact.variants.map((variant, i) => (
                  <li key={i}>
                    {variant.text[lang]}
                    {variant.sources.length ? (
                      <span class="cited">
                        {" "}
                        (
                        {variant.sources
                          .map((id) => kb.sources[id])
                          .filter((s) => s !== undefined)
                          .map((s) => sourceLabel(s, t("date_unknown")))
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
              {fact.sources.map((id) => {
                const source = kb.sources[id];
                if (!source) return null;
                const label = sourceLabel(source, t("date_unknown"));
                return (
                  <li key={id}>
                    {source.url ? (
                      <a href={source.url} target="_blank" rel="noopener noreferrer">
                        {label}
                      </a>
                    ) : (
                      label
                    )}
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
