/** Installs browser.i18n backed by a real catalog (ko or en), so rendered text can be read as a reader sees it. */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const LOCALES = resolve(import.meta.dirname, "..", "..", "..", "src", "public", "_locales");

export function useCatalog(lang: "ko" | "en"): () => void {
  const catalog = JSON.parse(readFileSync(join(LOCALES, lang, "messages.json"), "utf8")) as Record<
    string,
    { message: string }
  >;
  const g = globalThis as { browser?: unknown };
  const before = g.browser;
  g.browser = {
    i18n: {
      getMessage(name: string, substitutions: string[] = []) {
        const message = catalog[name]?.message ?? "";
        return message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? "");
      },
    },
  };
  return () => {
    g.browser = before;
  };
}
