/**
 * 설정: the site switch, the list of sites the reader added, what to
 * highlight and how, and the hover behaviour. Every change is saved at once
 * (storage.sync) and applied live in open tabs by their content scripts.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Settings } from "../core/settings";
import {
  CATEGORIES,
  DENSITIES,
  HIGHLIGHT_STYLES,
  HOLD_KEYS,
  LINK_TAPS,
  MAX_HOVER_DELAY_MS,
  normaliseHost,
  siteEnabled,
  withSite,
} from "../core/settings";
import type { ActiveSite, Connector } from "./connector";
import { t } from "../ui/i18n";
import { DefaultSites } from "./DefaultSites";
import { CommandKeys, useShortcuts } from "./CommandKeys";

/** The on/off switch for one site; asks for the host's permission when turning on a site outside the news list. */
export function SiteSwitch({
  site,
  settings,
  connector,
  onError,
}: {
  site: ActiveSite;
  settings: Settings;
  connector: Connector;
  onError: (message: string | null) => void;
}) {
  if (!site)
    return (
      <p class="site-switch unavailable" data-testid="site-switch-unavailable">
        {t("site_unknown")}
      </p>
    );
  const on = siteEnabled(settings, site.host, site.builtIn) && (site.builtIn || site.hasAccess);
  const toggle = () => setSite(connector, settings, site.host, site.builtIn, !on, onError);
  return (
    <div class="site-switch">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={on}
          checked={on}
          onChange={toggle}
          data-testid="site-switch"
        />
        <span>{site.builtIn ? t(on ? "site_on" : "site_off", site.host) : t("run_always", site.host)}</span>
      </label>
      {!site.builtIn && <p class="hint">{t("site_outside_list")}</p>}
    </div>
  );
}

/** Turns `host` on or off. Outside the news list, turning on asks for the host's permission first (in the click). */
export function setSite(
  connector: Connector,
  settings: Settings,
  host: string,
  builtIn: boolean,
  enabled: boolean,
  onError: (message: string | null) => void,
): Promise<void> {
  // permissions.request must be the first call in the click handler (before any await) to count as the reader's gesture.
  const access = !builtIn && enabled ? connector.requestHostAccess(host) : Promise.resolve(true);
  const save = connector.saveSettings(withSite(settings, host, builtIn, enabled));
  return Promise.all([access, save]).then(
    async ([granted]) => {
      if (granted) return onError(null);
      await connector.saveSettings(withSite(settings, host, builtIn, false));
      onError(t("site_permission_denied", host));
    },
    (error: unknown) => onError(String(error)),
  );
}

/** This site's switch, the sites the reader added (with the form to add one) and the news sites turned off. */
function SitesSection({
  settings,
  site,
  connector,
  save,
  error,
  setError,
}: {
  settings: Settings;
  site: ActiveSite;
  connector: Connector;
  save: (change: (current: Settings) => Settings) => Promise<unknown>;
  error: string | null;
  setError: (message: string | null) => void;
}) {
  const [newHost, setNewHost] = useState("");
  const addSite = (event: Event) => {
    event.preventDefault();
    const host = normaliseHost(newHost.replace(/^[a-z]+:\/\//i, "").split("/")[0] ?? "");
    if (!host) return setError(t("site_invalid"));
    setNewHost("");
    void setSite(connector, settings, host, false, true, setError);
  };

  return (
    <section aria-labelledby="settings-site">
      <h2 id="settings-site">{t("settings_site")}</h2>
      <SiteSwitch site={site} settings={settings} connector={connector} onError={setError} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <h3>{t("settings_added_sites")}</h3>
      {settings.enabledSites.length === 0 ? (
        <p class="empty">{t("settings_no_added_sites")}</p>
      ) : (
        <ul class="site-list">
          {settings.enabledSites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                onClick={() => void setSite(connector, settings, host, false, false, setError)}
                aria-label={t("settings_remove_site", host)}
              >
                {t("settings_remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={addSite}>
        <label for="add-site-host">{t("settings_add_site")}</label>
        <div class="row">
          <input
            id="add-site-host"
            type="text"
            inputMode="url"
            placeholder="example.com"
            value={newHost}
            onInput={(e) => setNewHost((e.target as HTMLInputElement).value)}
          />
          <button type="submit">{t("settings_add")}</button>
        </div>
      </form>
      {settings.disabledSites.length > 0 && (
        <>
          <h3>{t("settings_disabled_sites")}</h3>
          <ul class="site-list">
            {settings.disabledSites.map((host) => (
              <li key={host}>
                <span>{host}</span>
                <button
                  type="button"
                  onClick={() => void save((s) => withSite(s, host, true, true))}
                  aria-label={t("settings_enable_site", host)}
                >
                  {t("settings_enable")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** How hovering opens a card: the delay (shown while dragged, saved on release) and the key that holds it open. */
function HoverSettings({
  settings,
  save,
}: {
  settings: Settings;
  save: (change: (current: Settings) => Settings) => Promise<unknown>;
}) {
  const [delay, setDelay] = useState(settings.hoverDelayMs);
  useEffect(() => setDelay(settings.hoverDelayMs), [settings.hoverDelayMs]);
  return (
    <fieldset>
      <legend>{t("settings_hover")}</legend>
      <label class="stack" for="hover-delay">
        {t("settings_hover_delay")} <output for="hover-delay">{t("ms", String(delay))}</output>
      </label>
      <input
        id="hover-delay"
        type="range"
        min="0"
        max={MAX_HOVER_DELAY_MS}
        step="50"
        value={delay}
        onInput={(e) => setDelay(Number((e.target as HTMLInputElement).value))}
        onChange={(e) => void save((s) => ({ ...s, hoverDelayMs: Number((e.target as HTMLInputElement).value) }))}
      />
      <label class="stack" for="hold-key">
        {t("settings_hold_key")}
      </label>
      <select
        id="hold-key"
        value={settings.holdKey}
        onChange={(e) =>
          void save((s) => ({ ...s, holdKey: (e.target as HTMLSelectElement).value as Settings["holdKey"] }))
        }
      >
        {HOLD_KEYS.map((key) => (
          <option key={key} value={key}>
            {t(`hold_${key.toLowerCase()}`)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

export function SettingsView({
  settings,
  site,
  connector,
}: {
  settings: Settings;
  site: ActiveSite;
  connector: Connector;
}) {
  const [error, setError] = useState<string | null>(null);
  // null: the browser has no keyboard commands (Firefox for Android), so the section is left out.
  const shortcuts = useShortcuts(connector);
  // Changes build on the last saved value, not on the last render: two quick changes must not undo each other.
  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
  }, [settings]);
  const save = (change: (current: Settings) => Settings) => {
    const next = change(latest.current);
    latest.current = next;
    return connector.saveSettings(next).catch((e: unknown) => setError(String(e)));
  };

  return (
    <div class="settings">
      <SitesSection
        settings={settings}
        site={site}
        connector={connector}
        save={save}
        error={error}
        setError={setError}
      />

      <DefaultSites site={site} />

      <fieldset>
        <legend>{t("settings_categories")}</legend>
        {CATEGORIES.map((category) => (
          <label key={category} class="check">
            <input
              type="checkbox"
              name="category"
              value={category}
              checked={settings.categories[category]}
              onChange={(e) =>
                void save((s) => ({
                  ...s,
                  categories: { ...s.categories, [category]: (e.target as HTMLInputElement).checked },
                }))
              }
            />
            {t(`type_${category}`)}
          </label>
        ))}
      </fieldset>

      <Choice
        legend={t("settings_style")}
        name="style"
        options={HIGHLIGHT_STYLES}
        value={settings.style}
        label={(style) => t(`style_${style}`)}
        onChoose={(style) => void save((s) => ({ ...s, style }))}
      />
      <Choice
        legend={t("settings_density")}
        name="density"
        options={DENSITIES}
        value={settings.density}
        label={(density) => t(`density_${density}`)}
        onChoose={(density) => void save((s) => ({ ...s, density }))}
      />

      <HoverSettings settings={settings} save={save} />

      <fieldset>
        <legend>{t("touch_settings")}</legend>
        <label class="check">
          <input
            type="checkbox"
            id="tap-to-open"
            checked={settings.tapToOpen}
            onChange={(e) => void save((s) => ({ ...s, tapToOpen: (e.target as HTMLInputElement).checked }))}
          />
          {t("touch_tap_to_open")}
        </label>
        <Choice
          legend={t("touch_link_tap")}
          name="link-tap"
          options={LINK_TAPS}
          value={settings.linkTap}
          label={(option) => t(`touch_link_tap_${option}`)}
          onChoose={(linkTap) => void save((s) => ({ ...s, linkTap }))}
          disabled={!settings.tapToOpen}
        />
      </fieldset>

      {shortcuts && <Shortcuts shortcuts={shortcuts} />}
    </div>
  );
}

/** The keys the browser gives the two stepping commands. */
function Shortcuts({ shortcuts }: { shortcuts: Record<string, string> }) {
  return (
    <section aria-labelledby="settings-keys">
      <h2 id="settings-keys">{t("settings_keyboard")}</h2>
      <dl class="shortcuts">
        <CommandKeys shortcuts={shortcuts} />
      </dl>
    </section>
  );
}

/** One setting chosen among a few values, as a group of radio buttons. */
function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  label,
  onChoose,
  disabled,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label: (option: T) => string;
  onChoose: (option: T) => void;
  /** Greyed out, e.g. a touch option while tap to open is off. */
  disabled?: boolean;
}) {
  return (
    <fieldset disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} class="check">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChoose(option)} />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}
