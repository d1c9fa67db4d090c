/**
 * "이 페이지에서 실행" on a site outside the default list: the content script is put into the current tab through
 * activeTab (the access the browser grants while the reader uses the toolbar popup), so it runs at once with no
 * permission prompt and nothing is kept: the next load of the page is as before.
 */
import { useState } from "preact/hooks";
import type { PageMentions } from "../messages/protocol";
import type { ActiveSite, Connector } from "./connector";
import { t } from "../ui/i18n";

export function RunHere({
  site,
  page,
  siteOn,
  connector,
  onRan,
}: {
  site: ActiveSite;
  /** The page's state as its script reports it; null when no script answers there. */
  page: PageMentions | null;
  /** Whether the reader turned Maekrak on for this site ("이 사이트에서 항상 실행"). */
  siteOn: boolean;
  connector: Connector;
  onRan: (page: PageMentions) => void;
}) {
  const [state, setState] = useState<"idle" | "starting" | "failed">("idle");
  if (!site || site.builtIn || siteOn) return null;
  if (page?.enabled)
    return (
      <p class="hint run-here-active" data-testid="run-here-active">
        {t("run_here_active")}
      </p>
    );
  const run = () => {
    setState("starting");
    connector.runOnPage().then(
      (next) => {
        setState("idle");
        onRan(next);
      },
      () => setState("failed"),
    );
  };
  return (
    <div class="run-here">
      <button type="button" class="action" data-testid="run-here" disabled={state === "starting"} onClick={run}>
        {t("run_here")}
      </button>
      <p class="hint">{t("run_here_hint")}</p>
      {state === "failed" && (
        <p class="error" role="alert" data-testid="run-here-failed">
          {t("run_failed")}
        </p>
      )}
    </div>
  );
}
