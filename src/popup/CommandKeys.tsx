/** The browser's keys for the two stepping commands: fetched once per view, listed the same way wherever shown. */
import { useEffect, useState } from "preact/hooks";
import type { Connector } from "./connector";
import { t } from "../ui/i18n";

type Shortcuts = Record<string, string>;

/** The keys the browser gives the commands; null where it has no keyboard commands (Firefox for Android). */
export function useShortcuts(connector: Connector): Shortcuts | null {
  const [shortcuts, setShortcuts] = useState<Shortcuts | null>({});
  useEffect(() => {
    connector.shortcuts().then(setShortcuts, () => setShortcuts(null));
  }, [connector]);
  return shortcuts;
}

/** Each command's key, then what it does (the terms and details of a <dl class="shortcuts">). */
export function CommandKeys({ shortcuts }: { shortcuts: Shortcuts }) {
  return (
    <>
      <dt>
        <kbd>{shortcuts["next-mention"] || t("shortcut_unset")}</kbd>
      </dt>
      <dd>{t("command_next")}</dd>
      <dt>
        <kbd>{shortcuts["previous-mention"] || t("shortcut_unset")}</kbd>
      </dt>
      <dd>{t("command_previous")}</dd>
    </>
  );
}
