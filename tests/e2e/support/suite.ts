/**
 * The setup most e2e suites share: the fixture server, a browser with the
 * built extension, and one page (on `path`, highlights settled, if given),
 * started before the suite's tests and closed after them.
 */
import { afterAll, beforeAll } from "vitest";
import type { BrowserName, ExtensionSession, LaunchOptions, PageLike } from "./browsers";
import { launch } from "./browsers";
import type { FixtureServer } from "./server";
import { startServer } from "./server";
import { settledHighlights } from "./steps";

export type ExtensionSuite = { server: FixtureServer; session: ExtensionSession; page: PageLike };

export function useExtensionSuite(
  browserName: BrowserName,
  options: { launch?: LaunchOptions; path?: string; minimum?: number } = {},
): ExtensionSuite {
  const suite = {} as ExtensionSuite;
  beforeAll(async () => {
    suite.server = await startServer();
    suite.session = await launch(browserName, options.launch);
    suite.page = await suite.session.newPage();
    if (options.path) {
      await suite.page.goto(suite.server.url(options.path));
      await settledHighlights(suite.page, options.minimum ?? 1);
    }
  });
  afterAll(async () => {
    await suite.session?.close();
    await suite.server?.close();
  });
  return suite;
}
