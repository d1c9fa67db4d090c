/// <reference types="vitest/config" />
import type { Plugin } from "vite";
import { defineConfig } from "vite";
import preact from "@preact/preset-vite";
import type { ManifestV3Export } from "@crxjs/vite-plugin";
import { crx } from "@crxjs/vite-plugin";
import base from "./manifest.json" with { type: "json" };
import { knowledgeBasePlugin } from "./src/build/kb-plugin.ts";
import { buildConstants, contentScriptPlugin } from "./src/build/content-script-plugin.ts";
import type { Target } from "./src/build/variants.ts";
import { currentVariant, distDir } from "./src/build/variants.ts";
import { contentScriptMatches, NEWS_SITES } from "./src/sites/news-sites.ts";
import { FIREFOX_ANDROID_MIN_VERSION, FIREFOX_MIN_VERSION } from "./src/build/firefox-versions.ts";

export type { Target };
export const GECKO_ID = "maekrak@maekrak.app";

/** manifest.json is the Chrome form and the single source of truth; Firefox differs only here. */
export function manifestFor(target: Target): ManifestV3Export {
  const manifest = structuredClone(base) as Record<string, any>;
  if (target === "firefox") {
    // Firefox has no MV3 service workers: an event page from the same script (crxjs reads scripts[0]).
    manifest.background = { scripts: [base.background.service_worker], type: "module" };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ["none"] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    };
  }
  return manifest as ManifestV3Export;
}

/** crxjs builds the pages and the background; the content script is built by contentScriptPlugin (see there why). */
function withoutContentScripts(manifest: ManifestV3Export): ManifestV3Export {
  const { content_scripts: _omitted, ...rest } = manifest as unknown as Record<string, unknown>;
  return rest as unknown as ManifestV3Export;
}

/** In tests the build's virtual modules only resolve: a test that imports one mocks it (vi.mock). */
const virtualModulesForTests: Plugin = {
  name: "maekrak-virtual-modules-for-tests",
  resolveId: (id) => (id.startsWith("virtual:maekrak/") ? `\0${id}` : null),
  load: (id) =>
    id.startsWith("\0virtual:maekrak/") ? `throw new Error("${id.slice(1)}: mock it in the test (vi.mock)");` : null,
};

const [contentScript] = base.content_scripts;

const target: Target = process.env.TARGET === "firefox" ? "firefox" : "chrome";
const variant = currentVariant();
const testing = Boolean(process.env.VITEST);

export default defineConfig({
  define: buildConstants(),
  publicDir: "src/public",
  // Tests load the KB from disk themselves, so a broken KB fails its tests instead of the whole run.
  plugins: testing
    ? [virtualModulesForTests]
    : [
        knowledgeBasePlugin(),
        preact(),
        crx({ manifest: withoutContentScripts(manifestFor(target)), browser: target }),
        contentScriptPlugin({
          root: import.meta.dirname,
          entry: contentScript!.js[0]!,
          declaration: { matches: contentScriptMatches(NEWS_SITES, variant === "test"), run_at: contentScript!.run_at },
        }),
      ],
  build: { outDir: distDir(target, variant), emptyOutDir: true, target: "es2022", sourcemap: false },
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: [
      {
        extends: true,
        // One module graph for all unit files (the KB and the matcher load once): the tests own no global state.
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node", isolate: false },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
