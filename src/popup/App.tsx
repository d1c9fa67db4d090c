import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { CompiledKb } from "../kb/compile";
import type { Direction, EntityType } from "../core/vocabulary";
import { ENTITY_TYPES, FIGURE_VERDICTS } from "../core/vocabulary";
import type { PageMentions } from "../messages/protocol";
import type { Connector } from "./connector";
import { t } from "../ui/i18n";
import { formatAmount, formatDate, formatDateInWords } from "../ui/format";
import { EntityDetailsView } from "./EntityDetailsView";
import { aliasKey } from "../core/text";
import type { Settings } from "../core/settings";
import type { ActiveSite } from "./connector";
import { SettingsView, SiteSwitch } from "./SettingsView";
import { RunHere } from "./RunHere";
import { ColourKeys } from "./ColourKeys";
import { siteEnabled } from "../core/settings";

/** The jump buttons of a mention row, in the order shown. */
const JUMPS: ReadonlyArray<readonly [Direction, string]> = [
  ["previous", "↑"],
  ["next", "↓"],
];

const TYPE_ORDER: readonly EntityType[] = ENTITY_TYPES;

type PageState = { kind: "loading" } | { kind: "unavailable" } | { kind: "ready"; page: PageMentions };
type Tab = "page" | "kb" | "settings";
const TABS: Tab[] = ["page", "kb", "settings"];

/** What the popup reads from the browser: the page's mentions, the settings, the active site (and keeps current). */
function usePopupData(connector: Connector, onRequested: (entity: string) => void) {
  const [state, setState] = useState<PageState>({ kind: "loading" });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState<ActiveSite>(null);
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
      (entity) => entity && onRequested(entity),
      () => undefined,
    );
    return connector.watchSettings((next) => {
      setSettings(next);
      // The page's script applies the change; read its new state a moment later.
      setTimeout(() => void refreshPage(), 150);
      connector.activeSite().then(setSite, () => undefined);
    });
  }, [connector]);
  return { state, setState, settings, site, refreshPage };
}

/** The name, and the tabs (the ARIA tabs pattern: arrow keys move between them, Home/End jump to the ends). */
function PopupHeader({ tab, choose }: { tab: Tab; choose: (tab: Tab) => void }) {
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ page: null, kb: null, settings: null });
  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const moves: Record<string, Tab | undefined> = {
      ArrowRight: TABS[(index + 1) % TABS.length],
      ArrowLeft: TABS[(index + TABS.length - 1) % TABS.length],
      Home: TABS[0],
      End: TABS[TABS.length - 1],
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    choose(next);
    tabRefs.current[next]?.focus();
  };
  return (
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
  );
}

type PageTabProps = {
  kb: CompiledKb;
  connector: Connector;
  data: ReturnType<typeof usePopupData>;
  onSelect: (id: string) => void;
};

/** 이 페이지: the site's switch, 이 페이지에서 실행, the mentions, and what the colours and keys mean. */
function PageTab({ kb, connector, data, onSelect }: PageTabProps) {
  const { state, setState, settings, site, refreshPage } = data;
  const [siteError, setSiteError] = useState<string | null>(null);
  const siteOn = Boolean(settings && site && siteEnabled(settings, site.host, site.builtIn) && site.hasAccess);
  // Outside the list, with no script on the page yet, 이 페이지에서 실행 says what can be done instead.
  const runOffered = Boolean(settings && site && !site.builtIn && !siteOn) && state.kind === "unavailable";
  const onRan = (page: PageMentions) => {
    setState({ kind: "ready", page });
    // The first slice of the scan has run; the rest follows in idle time.
    setTimeout(() => void refreshPage(), 600);
  };
  const page = state.kind === "ready" ? state.page : null;
  return (
    <>
      {settings && <SiteSwitch site={site} settings={settings} connector={connector} onError={setSiteError} />}
      {siteError && (
        <p class="error" role="alert">
          {siteError}
        </p>
      )}
      {settings && <RunHere site={site} page={page} siteOn={siteOn} connector={connector} onRan={onRan} />}
      {!runOffered && (
        <PageView
          state={state}
          kb={kb}
          onSelect={onSelect}
          onJump={(id, direction) => void connector.scrollToMention(id, direction)}
          onShowClaim={(index) => void connector.showClaim(index)}
        />
      )}
      <ColourKeys connector={connector} />
    </>
  );
}

export function App({ kb, connector }: { kb: CompiledKb; connector: Connector }) {
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>("page");
  const byId = useMemo(() => new Map(kb.entities.map((e) => [e.id, e])), [kb]);
  const data = usePopupData(connector, (requested) => {
    if (!byId.has(requested)) return;
    setTab("kb");
    setSelected(requested);
  });
  const choose = (next: Tab) => {
    setTab(next);
    setSelected(null);
  };
  const entity = selected ? byId.get(selected) : undefined;
  const onJump =
    tab === "page" && data.state.kind === "ready"
      ? (direction: Direction) => connector.scrollToMention(entity!.id, direction)
      : undefined;
  return (
    <div class="popup">
      <PopupHeader tab={tab} choose={choose} />
      <main>
        <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {entity ? (
            <EntityDetailsView kb={kb} entity={entity} onBack={() => setSelected(null)} onJump={onJump} />
          ) : tab === "page" ? (
            <PageTab kb={kb} connector={connector} data={data} onSelect={setSelected} />
          ) : tab === "kb" ? (
            <KbList kb={kb} onSelect={setSelected} />
          ) : data.settings ? (
            <SettingsView settings={data.settings} site={data.site} connector={connector} />
          ) : (
            <p class="empty">{t("loading")}</p>
          )}
        </div>
      </main>
      <footer class="bottom">{kbDates(kb)}</footer>
    </div>
  );
}

/** The knowledge base's version, as-of date and how recent its evidence is. */
function kbDates(kb: CompiledKb): string {
  const lang = t("lang") === "en" ? "en" : "ko";
  return kb.evidenceThrough
    ? t("time_kb_version", kb.version, formatDateInWords(kb.asOf, lang), formatDateInWords(kb.evidenceThrough, lang))
    : t("kb_version", kb.version, formatDate(kb.asOf));
}

/** An entity's name in the reader's language first (an English reader sees the English name). */
function displayName(entity: CompiledKb["entities"][number] | undefined, id: string): string {
  if (!entity) return id;
  return t("lang") === "en" ? entity.names.en : entity.names.ko;
}

function PageView({
  state,
  kb,
  onSelect,
  onJump,
  onShowClaim,
}: {
  state: PageState;
  kb: CompiledKb;
  onSelect: (id: string) => void;
  onJump: (id: string, direction: Direction) => void;
  onShowClaim: (index: number) => void;
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
  const names = new Map(kb.entities.map((e) => [e.id, displayName(e, e.id)]));
  return (
    <div>
      <p class="summary-line" data-testid="page-total">
        {t("page_total", String(page.total), String(page.entities.length))}
      </p>
      <ClaimList page={page} kb={kb} onSelect={onSelect} onShow={onShowClaim} />
      {TYPE_ORDER.map((type) => {
        const rows = page.entities.filter((e) => e.type === type).sort((a, b) => b.count - a.count);
        if (!rows.length) return null;
        const total = String(rows.reduce((n, r) => n + r.count, 0));
        return (
          <section class="group" key={type} data-type={type}>
            <h2>
              {t(`type_${type}`)} <span class="group-count">{t("count_mentions", total)}</span>
            </h2>
            <ul class="entity-list">
              {rows.map((row) => (
                <PageRow
                  key={row.entity}
                  row={row}
                  name={names.get(row.entity) ?? row.entity}
                  {...{ onSelect, onJump }}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** One entity on the page: its name, how the page writes it, checked amounts, how often (labelled), jumps ↑/↓. */
function PageRow({
  row,
  name,
  onSelect,
  onJump,
}: {
  row: PageMentions["entities"][number];
  name: string;
  onSelect: (id: string) => void;
  onJump: (id: string, direction: Direction) => void;
}) {
  const times = t("count_mentions", String(row.count));
  return (
    <li class="page-row">
      <button type="button" class="entity-row" data-entity={row.entity} onClick={() => onSelect(row.entity)}>
        <span class="name">{name}</span>
        <span class="forms">{row.forms.slice(0, 3).join(", ")}</span>
        {row.verdicts && <VerdictChips verdicts={row.verdicts} />}
        <span class="tally" title={times}>
          <span class="count" data-testid="count" aria-hidden="true">
            {row.count}
          </span>
          <span class="unit" aria-hidden="true">
            {t("count_unit")}
          </span>
          <span class="visually-hidden">{times}</span>
        </span>
      </button>
      {/* biome-ignore lint/a11y/useSemanticElements: two inline buttons; a fieldset would need a legend */}
      <span class="jump" role="group" aria-label={t("jump_group", name)}>
        {JUMPS.map(([direction, arrow]) => (
          <button
            key={direction}
            type="button"
            data-jump={direction}
            onClick={() => onJump(row.entity, direction)}
            aria-label={t(`${direction}_mention`)}
            title={t(`${direction}_mention`)}
          >
            {arrow}
          </button>
        ))}
      </span>
    </li>
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

/** "일치 2 · 환산 일치 1 · 불일치 1" for a figure's amounts on the page. */
function VerdictChips({ verdicts }: { verdicts: NonNullable<PageMentions["entities"][number]["verdicts"]> }) {
  return (
    <span class="verdicts">
      {FIGURE_VERDICTS.map((v) => {
        const n = verdicts.filter((x) => x === v).length;
        return n ? (
          <span key={v} class={`verdict ${v}`} data-verdict={v}>
            {t(`claim_verdict_${v.replace("-", "_")}`)} {n}
          </span>
        ) : null;
      })}
    </span>
  );
}

/**
 * "이 기사의 수치 점검": every amount the claim reader attributed to a verified figure, with its verdict, the
 * figure and its verified value (and a unit slip's likely intended value); amounts it could not attribute are
 * not mentioned. One line sums it up: how many differ, or that all agree.
 */
function ClaimList({
  page,
  kb,
  onSelect,
  onShow,
}: {
  page: PageMentions;
  kb: CompiledKb;
  onSelect: (entity: string) => void;
  onShow: (index: number) => void;
}) {
  if (!page.claims.length) return null;
  const lang = t("lang") === "en" ? "en" : "ko";
  const figures = new Map(kb.figures.map((f) => [f.id, f]));
  const wrong = page.claims.filter((c) => c.verdict === "differs" || c.verdict === "unit-slip").length;
  return (
    <section class="claims" data-testid="claims" aria-labelledby="claims-title">
      <h2 id="claims-title">{t("claim_list_title")}</h2>
      <p class={`figure-summary ${wrong ? "differs" : "ok"}`} data-testid="figure-summary">
        {wrong ? t("claim_list_differs", String(wrong)) : t("claim_list_agree", String(page.claims.length))}
      </p>
      <ul class="claim-list">
        {page.claims.map((claim, index) => {
          const figure = figures.get(claim.figure);
          const verified = figure ? formatAmount(figure.value.amount, figure.value.currency, lang) : "";
          return (
            <li key={index} class="claim-row" data-claim={claim.figure} data-verdict={claim.verdict}>
              <button type="button" class="claim-amount" onClick={() => onShow(index)} title={t("claim_show_on_page")}>
                {claim.text}
              </button>
              <span class={`verdict ${claim.verdict}`}>{t(`claim_verdict_${claim.verdict.replace("-", "_")}`)}</span>
              <button type="button" class="claim-figure" onClick={() => onSelect(claim.entity)}>
                {figure?.label[lang] ?? claim.figure}
                {verified && <span class="claim-verified"> · {t("claim_verified_value", verified)}</span>}
                {claim.intended !== undefined && (
                  <span class="claim-intended">
                    {" "}
                    · {t("claim_intended", formatAmount(claim.intended, claim.currency, lang))}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
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
                        <span class="name">{displayName(e, e.id)}</span>
                        <span class="forms">{t("lang") === "en" ? e.names.ko : e.names.en}</span>
                        <span class="fact-count">{t("kb_fact_count", String(e.facts.length))}</span>
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
