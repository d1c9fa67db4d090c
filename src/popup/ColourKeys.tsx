/**
 * 색과 단축키: what each highlight colour on the page means (the same palette the page's rules use) and the keys
 * that work on a page and on a card, shown where the reader looks at the list of mentions.
 */
import type { Connector } from "./connector";
import { CommandKeys, useShortcuts } from "./CommandKeys";
import { t } from "../ui/i18n";
import { KINDS, PALETTE, cssColour } from "../ui/highlight-palette";
import type { Kind } from "../ui/highlight-palette";

/** A sample of the highlight: its fill and line, light and dark (the stylesheet picks by the colour scheme). */
function Swatch({ kind }: { kind: Kind }) {
  const p = PALETTE[kind];
  const style = {
    "--fill": cssColour(p.fill[0], p.fill[1]),
    "--line": cssColour(p.line),
    "--dark-fill": cssColour(p.darkFill[0], p.darkFill[1]),
    "--dark-line": cssColour(p.darkLine),
  };
  return (
    <span class={`swatch ${kind}`} style={style} aria-hidden="true">
      {t("keys_sample")}
    </span>
  );
}

export function ColourKeys({ connector }: { connector: Connector }) {
  // null: the browser has no keyboard commands (Firefox for Android): only the card's own keys are listed.
  const shortcuts = useShortcuts(connector);
  return (
    <section class="colour-keys" aria-labelledby="colour-keys-title" data-testid="colour-keys">
      <h2 id="colour-keys-title">{t("keys_title")}</h2>
      <ul class="colours">
        {KINDS.map((kind) => (
          <li key={kind} data-kind={kind}>
            <Swatch kind={kind} />
            <span>{kind === "differs" ? t("keys_differs") : t(`type_${kind}`)}</span>
          </li>
        ))}
      </ul>
      <dl class="shortcuts">
        {shortcuts && <CommandKeys shortcuts={shortcuts} />}
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>{t("keys_escape")}</dd>
        <dt>{t("keys_pin_key")}</dt>
        <dd>{t("keys_pin")}</dd>
      </dl>
    </section>
  );
}
