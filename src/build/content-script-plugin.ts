/**
 * Vite plugin: builds the content script as ONE classic script (IIFE) and
 * declares it in the emitted manifest.
 *
 * Why not let crxjs handle it: crxjs emits a loader that import()s the real
 * module from the extension, which needs those chunks listed in
 * web_accessible_resources for every matched site (any page could then
 * fetch them), costs module-loading time on every page, and breaks on hosts
 * the reader adds at run time (scripting.registerContentScripts). A single
 * self-contained file has none of these problems.
 */
import type { Plugin } from "vite";
import { build } from "vite";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { knowledgeBasePlugin } from "./kb-plugin.ts";

export const CONTENT_SCRIPT_FILE = "content.js";

/** No `css`: the highlight rules are written per page, when the first mention is shown (highlight-style.ts). */
type ContentScriptEntry = { matches: string[]; js: string[]; run_at?: string };

const NEWS_SITES_ID = "virtual:maekrak/news-sites";

/**
 * The manifest's news list, baked into the content script: asking runtime.getManifest() for it on every page
 * (a deep copy of the whole manifest) was half of the script's start-up work.
 */
export function newsSitesPlugin(matches: readonly string[]): Plugin {
  return {
    name: "maekrak-news-sites",
    resolveId: (id) => (id === NEWS_SITES_ID ? `\0${id}` : null),
    load: (id) => (id === `\0${NEWS_SITES_ID}` ? `export default ${JSON.stringify(matches)};` : null),
  };
}

/**
 * Compile-time constants of every bundle: `__MAEKRAK_TEST_BUILD__` is true only in the build the end-to-end tests
 * drive (MAEKRAK_TEST_BUILD=1), so test-only code is removed from the release build as dead code;
 * `__MAEKRAK_BROWSER__` names the browser the bundle is for (TARGET), where engines differ (highlight styles).
 */
export const buildConstants = (): Record<string, string> => ({
  __MAEKRAK_TEST_BUILD__: JSON.stringify(process.env.MAEKRAK_TEST_BUILD === "1"),
  __MAEKRAK_BROWSER__: JSON.stringify(process.env.TARGET === "firefox" ? "firefox" : "chrome"),
});

export function contentScriptPlugin(options: {
  root: string;
  entry: string;
  declaration: Omit<ContentScriptEntry, "js">;
}): Plugin {
  return {
    name: "maekrak-content-script",
    apply: "build",
    enforce: "post",
    async generateBundle() {
      const result = await build({
        configFile: false,
        root: options.root,
        logLevel: "warn",
        define: buildConstants(),
        plugins: [knowledgeBasePlugin(), newsSitesPlugin(options.declaration.matches)],
        // Chrome's MV3 APIs return promises and Firefox has `browser`: the content script needs no polyfill (see
        // browser-lean.ts).
        resolve: { alias: { "webextension-polyfill": resolve(options.root, "src/messages/browser-lean.ts") } },
        build: {
          write: false,
          target: "es2022",
          minify: !process.env.MAEKRAK_NO_MINIFY,
          sourcemap: false,
          lib: {
            entry: resolve(options.root, options.entry),
            formats: ["iife"],
            name: "maekrakContent",
            fileName: () => CONTENT_SCRIPT_FILE,
          },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ("output" in r ? r.output : []));
      const chunk = outputs.find((o) => o.type === "chunk");
      if (chunk?.type !== "chunk") throw new Error("content script build produced no chunk");
      this.emitFile({ type: "asset", fileName: CONTENT_SCRIPT_FILE, source: chunk.code });
    },
    // crxjs writes manifest.json in its own last step, so the declaration is added once the files are on disk.
    writeBundle(output) {
      const path = resolve(output.dir ?? "", "manifest.json");
      const manifest = JSON.parse(readFileSync(path, "utf8"));
      manifest.content_scripts = [{ ...options.declaration, js: [CONTENT_SCRIPT_FILE] }];
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
