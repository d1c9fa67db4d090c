import type { Direction } from "../core/vocabulary";
import type { CompiledEntity, CompiledFact, CompiledKb } from "../kb/compile";
import { currentFacts, previousFacts } from "../kb/timeline";
import { t } from "../ui/i18n";
import type { Lang } from "../ui/format";
import { factDateLabel, formatAmount, formatDate, sourceKindTag, sourceLabel, statusExplanation } from "../ui/format";
import { differenceLabel, statusLabel } from "../ui/legend";
import { LegendView } from "./LegendView";
import { distinctCitations, notesInOrder, primaryPublishers } from "../ui/citations";
import { misreportsOf } from "../kb/misreports";

type Figure = CompiledKb["figures"][number];

/** Back, and ↑/↓ to the entity's mentions on the page (when it is on the page). */
function DetailsBar({ onBack, onJump }: { onBack: () => void; onJump?: (direction: Direction) => void }) {
  return (
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
  );
}

/** The verified figures the entity explains: value, and the period (its Korean name; the dates in English). */
function FiguresSection({ figures, lang }: { figures: Figure[]; lang: Lang }) {
  if (!figures.length) return null;
  return (
    <section class="figures">
      <h3>{t("claim_figures_title")}</h3>
      <ul>
        {figures.map((f) => {
          const verified = formatAmount(f.value.amount, f.value.currency, lang);
          const range = `${formatDate(f.period.from, lang)}–${formatDate(f.period.to, lang)}`;
          return (
            <li key={f.id} data-figure={f.id}>
              <div class="figure-label">{f.label[lang]}</div>
              <div class="figure-value">
                {t("claim_verified_value", f.value.qualifier === "at-least" ? t("claim_at_least", verified) : verified)}
              </div>
              <div class="figure-period">
                {lang === "en" ? t("claim_period", range, f.label.en) : t("claim_period", f.period.ko[0]!, range)}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Every misreport the knowledge base knows about the entity (corrections and errors), its label said once. */
function CorrectionsSection({ kb, entity, lang }: { kb: CompiledKb; entity: CompiledEntity; lang: Lang }) {
  const misreports = misreportsOf(
    entity,
    kb.corrections.filter((c) => c.entity === entity.id),
  );
  if (!misreports.length) return null;
  return (
    <section class="corrections">
      <h3>{t("correction_label")}</h3>
      <ul>
        {misreports.map((c, i) => (
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
  );
}

/** The current facts, each with what it replaced folded under it (이전). */
function FactList({ kb, entity, lang }: { kb: CompiledKb; entity: CompiledEntity; lang: Lang }) {
  return (
    <ol class="facts">
      {currentFacts(entity.facts).map((fact) => {
        const earlier = previousFacts(entity.facts, fact);
        return (
          <li key={fact.id}>
            <FactView kb={kb} fact={fact} lang={lang} />
            {earlier.length > 0 && (
              <details class="previous">
                <summary>{t("time_previous_toggle", String(earlier.length))}</summary>
                <ul>
                  {earlier.map((old) => (
                    <li key={old.id}>
                      <FactView kb={kb} fact={old} lang={lang} previous />
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}

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
  const family = entity.family && kb.entities.find((e) => e.id === entity.family);
  const { names } = entity;
  // The reader's language first: an English reader sees the English name, the Korean one beside it.
  const title = lang === "en" ? names.en : names.ko;
  const others = [lang === "en" ? names.ko : names.en, names.zh].filter((n) => n && n !== title);
  return (
    <article class="details" data-entity={entity.id}>
      <DetailsBar onBack={onBack} onJump={onJump} />
      <div class="kind">
        {t(`type_${entity.type}`)}
        {entity.family && ` · ${t("time_family_of", family ? family.names[lang] : entity.family)}`}
      </div>
      <h2>{title}</h2>
      <div class="names">{others.join(" · ")}</div>
      <p class="summary">{entity.summary[lang]}</p>
      <FiguresSection figures={kb.figures.filter((f) => f.entity === entity.id)} lang={lang} />
      <CorrectionsSection kb={kb} entity={entity} lang={lang} />
      <LegendView />
      <FactList kb={kb} entity={entity} lang={lang} />
    </article>
  );
}

/** One fact: when it holds, its badge and why, the claim, how sources differ, and the sources. */
function FactView({
  kb,
  fact,
  lang,
  previous,
}: {
  kb: CompiledKb;
  fact: CompiledFact;
  lang: Lang;
  previous?: boolean;
}) {
  return (
    <>
      <div class="fact-head">
        {previous && <span class="label">{t("time_previous")}</span>}
        <time dateTime={fact.asOf ?? fact.date}>{factDateLabel(fact, lang, t)}</time>
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
    </>
  );
}
