/**
 * UI strings through the browser's i18n (_locales/ko is the default, en the
 * other). Outside an extension (unit tests) the message name is returned.
 */
type I18n = { getMessage(name: string, substitutions?: string | string[]): string };

function api(): I18n | undefined {
  const g = globalThis as { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

export function t(name: string, ...substitutions: string[]): string {
  const message = api()?.getMessage(name, substitutions);
  return message || name;
}
