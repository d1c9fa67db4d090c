import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { CompiledKb } from "../kb/compile";
import type { Direction, EntityType } from "../core/vocabulary";
import { ENTITY_TYPES } from "../core/vocabulary";
import type { PageMentions } from "../messages/protocol";
import type { Connector } from "./connector";
import { t } from "../ui/i18n";
import { formatDate } from "../ui/format";
import { EntityDetailsView } from "./EntityDetailsView";
import { aliasKey } from "../core/text";
import type { Settings } from "../core/settings";
import type { ActiveSite } from "./connector";
import { SettingsView, SiteSwitch } from "./SettingsView";
import { RunHere } from "./RunHere";
import { siteEnabled } from "../core/settings";

const TYPE_ORDER: readonly EntityType[] = ENTITY_TYPES;

type PageState = { kind: "loading" } | { kind: "unavailable" } | { kind: "ready"; page: PageMentions };
type Tab = "page" | "kb" | "settings";
const TABS: Tab[] = ["page", "kb", "settings"];

export function App({ kb, connector }: { kb: CompiledKb; connector: Connector }) {
  const [state, setState] = useState<PageState>({ kind: "loading" });
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>("page");
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState<ActiveSite>(null);
  const [siteError, setSiteError] = useState<string | null>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ page: null, kb: null, settings: null });
  const byId = useMemo(() => new Map(kb.entities.map((e) => [e.id, e])), [kb]);

  const refreshPage = () =>
    connector.getPageMentions().then(
      (page) => setState({ kind: "ready", page }),
      () => setState({ kind: "unavailable" }),
    );
  useEffect(() => {
    void refreshPage();
    connector.activeSite().then(setSite, () => setSite(null));
    connector.loadSettings().then(setSettings, () => undefined);
    connector.requestedEntity().then(
      (entity) => {
        if (entity && byId.has(entity)) {
          setTab("kb");
          setSelected(entity);
        }
      },
      () => undefined,
    );
    return connector.watchSettings((next) => {
      setSettings(next);
      // The page's script applies the change; read its new state a moment later.
      setTimeout(() => void refreshPage(), 150);
      connector.activeSite().then(setSite, () => undefined);
    });
  }, [connector]);

  const choose = (next: Tab) => {
    setTab(next);
    setSelected(null);
  };
  /** Arrow keys move between tabs (the ARIA tabs pattern); Home/End jump to the ends. */
  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const next =
      event.key === "ArrowRight"
        ? TABS[(index + 1) % TABS.length]
        : event.key === "ArrowLeft"
          ? TABS[(index + TABS.length - 1) % TABS.length]
          : event.key === "Home"
            ? TABS[0]
            : event.key === "End"
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    choose(next);
    tabRefs.current[next]?.focus();
  };

  const entity = selected ? byId.get(selected) : undefined;
  const siteOn = Boolean(settings && site && siteEnabled(settings, site.host, site.builtIn) && site.hasAccess);
  // Outside the list, with no script on the page yet, 이 페이지에서 실행 says what can be done instead.
  const runOffered = Boolean(settings && site && !site.builtIn && !siteOn) && state.kind === "unavailable";
  return (
    <div class="popup">
      <header class="top">
        <h1>{t("extName")}</h1>
        <div class="tabs" role="tablist" aria-label={t("tabs_label")} onKeyDown={onTabKey}>
          {TABS.map((name) => (
            <button
              type="button"
              key={name}
              role="tab"
              id={`tab-${name}`}
              aria-controls="panel"
              aria-selected={tab === name}
              tabIndex={tab === name ? 0 : -1}
              ref={(el) => {
                tabRefs.current[name] = el;
              }}
              onClick={() => choose(name)}
            >
              {t(`tab_${name}`)}
            </button>
          ))}
        </div>
      </header>
      <main>
        <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {entity ? (
            <EntityDetailsView
              kb={kb}
              entity={entity}
              onBack={() => setSelected(null)}
              onJump={
                tab === "page" && state.kind === "ready"
                  ? (direction) => connector.scrollToMention(entity.id, direction)
                  : undefined
              }
            />
          ) : tab === "page" ? (
            <>
              {settings && <SiteSwitch site={site} settings={settings} connector={connector} onError={setSiteError} />}
              {siteError && (
                <p class="error" role="alert">
                  {siteError}
                </p>
              )}
              {settings && (
                <RunHere
                  site={site}
                  page={state.kind === "ready" ? state.page : null}
                  siteOn={siteOn}
                  connector={connector}
                  onRan={(page) => {
                    setState({ kind: "ready", page });
                    // The first slice of the scan has run; the rest follows in idle time.
                    setTimeout(() => void refreshPage(), 600);
                  }}
                />
              )}
              {!runOffered && (
                <PageView
                  state={state}
                  kb={kb}
                  onSelect={setSelected}
                  onJump={(id, direction) => void connector.scrollToMention(id, direction)}
                />
              )}
            </>
          ) : tab === "kb" ? (
            <KbList kb={kb} onSelect={setSelected} />
          ) : settings ? (
            <SettingsView settings={settings} site={site} connector={connector} />
          ) : (
            <p class="empty">{t("loading")}</p>
          )}
        </div>
      </main>
      <footer class="bottom">{t("kb_version", kb.version, formatDate(kb.asOf))}</footer>
    </div>
  );
}

function PageView({
  state,
  kb,
  onSelect,
  onJump,
}: {
  state: PageState;
  kb: CompiledKb;
  onSelect: (id: string) => void;
  onJump: (id: string, direction: Direction) => void;
}) {
  if (state.kind === "loading") return <p class="empty">{t("loading")}</p>;
  if (state.kind === "unavailable") return <p class="empty">{t("page_unavailable")}</p>;
  const { page } = state;
  if (!page.enabled)
    return (
      <p class="empty" data-testid="page-off">
        {t("page_off")}
      </p>
    );
  if (page.total === 0) return <p class="empty">{t("page_empty")}</p>;
  const names = new Map(kb.entities.map((e) => [e.id, e.names.ko]));
  return (
    <div>
      <p class="summary-line" data-testid="page-total">
        {t("page_total", String(page.total), String(page.entities.length))}
      </p>
      <FigureSummary page={page} />
      {TYPE_ORDER.map((type) => {
        const rows = page.entities.filter((e) => e.type === type).sort((a, b) => b.count - a.count);
        if (!rows.length) return null;
        return (
          <section class="group" key={type} data-type={type}>
            <h2>
              {t(`type_${type}`)} <span class="count">{rows.reduce((n, r) => n + r.count, 0)}</span>
            </h2>
            <ul class="entity-list">
              {rows.map((row) => (
                <li key={row.entity} class="page-row">
                  <button
                    type="button"
                    class="entity-row"
                    data-entity={row.entity}
                    onClick={() => onSelect(row.entity)}
                  >
                    <span class="name">{names.get(row.entity) ?? row.entity}</span>
                    <span class="forms">{row.forms.slice(0, 3).join(", ")}</span>
                    {row.verdicts && <VerdictChips verdicts={row.verdicts} />}
                    <span class="count" data-testid="count">
                      {row.count}
                    </span>
                  </button>
                  {/* biome-ignore lint/a11y/useSemanticElements: two inline buttons; a fieldset would need a legend */}
                  <span class="jump" role="group" aria-label={t("jump_group", names.get(row.entity) ?? row.entity)}>
                    <button
                      type="button"
                      data-jump="previous"
                      onClick={() => onJump(row.entity, "previous")}
                      aria-label={t("previous_mention")}
                      title={t("previous_mention")}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      data-jump="next"
                      onClick={() => onJump(row.entity, "next")}
                      aria-label={t("next_mention")}
                      title={t("next_mention")}
                    >
                      ↓
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** Every name and alias of an entity, folded the way the matcher folds them, for search in any script. */
function searchKeys(entity: CompiledKb["entities"][number]): string[] {
  return [
    entity.id,
    entity.names.ko,
    entity.names.en,
    entity.names.zh ?? "",
    ...entity.aliases,
    ...(entity.contextAliases ?? []).map((c) => c.text),
  ].map((name) => aliasKey(name));
}

const VERDICT_ORDER = ["match", "conversion-match", "differs", "unverifiable"] as const;

/** "일치 2 · 환산 일치 1 · 불일치 1" for a figure's amounts on the page. */
function VerdictChips({ verdicts }: { verdicts: NonNullable<PageMentions["entities"][number]["verdicts"]> }) {
  return (
    <span class="verdicts">
      {VERDICT_ORDER.map((v) => {
        const n = verdicts.filter((x) => x === v).length;
        return n ? (
          <span key={v} class={`verdict ${v}`} data-verdict={v}>
            {t(`verdict_${v.replace("-", "_")}`)} {n}
          </span>
        ) : null;
      })}
    </span>
  );
}

/** One line on the page's figures: whether any amount differs from the verified value. */
function FigureSummary({ page }: { page: PageMentions }) {
  const verdicts = page.entities.flatMap((e) => e.verdicts ?? []);
  if (!verdicts.length) return null;
  const differing = verdicts.filter((v) => v === "differs").length;
  return (
    <p class={`figure-summary ${differing ? "differs" : "ok"}`} data-testid="figure-summary">
      {differing ? t("figures_differ", String(differing)) : t("figures_agree", String(verdicts.length))}
    </p>
  );
}

function KbList({ kb, onSelect }: { kb: CompiledKb; onSelect: (id: string) => void }) {
  const [query, setQuery] = useState("");
  const key = aliasKey(query.trim());
  const matches = kb.entities.filter((e) => !key || searchKeys(e).some((k) => k.includes(key)));
  return (
    <div>
      <input
        class="search"
        type="search"
        value={query}
        placeholder={t("kb_search")}
        aria-label={t("kb_search")}
        onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
      />
      {matches.length === 0 && <p class="empty">{t("kb_no_match")}</p>}
      {TYPE_ORDER.map(
        (type) =>
          matches.some((e) => e.type === type) && (
            <section class="group" key={type} data-type={type}>
              <h2>{t(`type_${type}`)}</h2>
              <ul class="entity-list">
                {matches
                  .filter((e) => e.type === type)
                  .map((e) => (
                    <li key={e.id}>
                      <button type="button" class="entity-row" data-entity={e.id} onClick={() => onSelect(e.id)}>
                        <span class="name">{e.names.ko}</span>
                        <span class="forms">{e.names.en}</span>
                        <span class="count">{e.facts.length}</span>
                      </button>
                    </li>
                  ))}
              </ul>
            </section>
          ),
      )}
    </div>
  );
}
