/** 기본 사이트: the outlets where Maekrak runs without asking, by kind, in the reader's language (src/sites). */
import { NEWS_SITES, SITE_KINDS, siteForHost } from "../sites/news-sites";
import type { ActiveSite } from "./connector";
import { t } from "../ui/i18n";

/** A listed host as a reader writes it: `*.chosun.com` is chosun.com and its subdomains. */
const shownHost = (pattern: string) => pattern.replace(/^\*\./, "");

export function DefaultSites({ site }: { site: ActiveSite }) {
  const korean = t("@@ui_locale").toLowerCase().startsWith("ko");
  const current = site ? siteForHost(NEWS_SITES, site.host) : undefined;
  return (
    <section aria-labelledby="settings-default-sites" class="default-sites">
      <h2 id="settings-default-sites">{t("sites_title")}</h2>
      <p class="hint">{t("sites_summary", String(NEWS_SITES.length))}</p>
      <details>
        <summary data-testid="default-sites-toggle">{t("sites_show")}</summary>
        {SITE_KINDS.map((kind) => {
          const sites = NEWS_SITES.filter((s) => s.kind === kind);
          return sites.length ? (
            <section key={kind} data-kind={kind}>
              <h3>{t(`sites_kind_${kind}`)}</h3>
              <ul class="default-site-list">
                {sites.map((s) => (
                  <li key={s.hosts[0]} aria-current={s === current ? "true" : undefined}>
                    <span class="name">{korean ? s.ko : s.en}</span>
                    <span class="hosts">{s.hosts.map(shownHost).join(", ")}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null;
        })}
      </details>
    </section>
  );
}
