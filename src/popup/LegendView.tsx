import { t } from "../ui/i18n";
import { legendEntries, legendNotes } from "../ui/legend";

/** What each badge means: a native disclosure, so it opens by click, tap, Enter or Space. */
export function LegendView() {
  return (
    <details class="legend">
      <summary>{t("legend_toggle")}</summary>
      <dl>
        {legendEntries(t).map((entry) => (
          <div key={entry.status} class="legend-row">
            <dt>
              <span class={`badge ${entry.status}`}>{entry.label}</span>
            </dt>
            <dd>{entry.rule}</dd>
          </div>
        ))}
      </dl>
      {legendNotes(t).map((note, i) => (
        <p key={i} class="legend-note">
          {note}
        </p>
      ))}
    </details>
  );
}
