/**
 * `npx tsx bench/bundle-size.ts`: the content script's size per source module (minified, rendered bytes)
 * and the gzip size of the whole file and of its scanning part (everything but the card/hover UI).
 */
import { build } from "vite";
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { knowledgeBasePlugin } from "../src/build/kb-plugin.ts";
import { newsSitesPlugin } from "../src/build/content-script-plugin.ts";
import { contentScriptMatches, NEWS_SITES } from "../src/sites/news-sites.ts";

const ROOT = resolve(import.meta.dirname, "..");
const UI = /src\/content\/(card|card-view|hover|dom)\.ts|card\.css|theme\.css|src\/ui\/|@floating-ui/;

const result = await build({
  configFile: false,
  root: ROOT,
  logLevel: "warn",
  plugins: [knowledgeBasePlugin(), newsSitesPlugin(contentScriptMatches(NEWS_SITES, false))],
  resolve: { alias: { "webextension-polyfill": resolve(ROOT, "src/messages/browser-lean.ts") } }, // as content-script-plugin does
  build: {
    write: false,
    target: "es2022",
    minify: true,
    sourcemap: false,
    lib: {
      entry: resolve(ROOT, "src/content/index.ts"),
      formats: ["iife"],
      name: "maekrakContent",
      fileName: () => "content.js",
    },
  },
});
const chunk = (Array.isArray(result) ? result : [result])
  .flatMap((r) => ("output" in r ? r.output : []))
  .find((o) => o.type === "chunk");
if (chunk?.type !== "chunk") throw new Error("no chunk");
const rows = Object.entries(chunk.modules)
  .map(([id, m]) => ({
    id: id.replace(`${ROOT}/`, "").replace(/^.*node_modules\//, "npm:"),
    bytes: m.renderedLength,
    code: m.code ?? "",
  }))
  .sort((a, b) => b.bytes - a.bytes);
const gz = (s: string) => gzipSync(s, { level: 9 }).length;
const scanning = rows.filter((r) => !UI.test(r.id));
console.log(
  `content.js ${chunk.code.length} B, ${gz(chunk.code)} B gzip; scanning part (without card/hover UI) ≈ ${gz(scanning.map((r) => r.code).join("\n"))} B gzip`,
);
for (const r of rows)
  console.log(
    `${String(r.bytes).padStart(7)}  ${String(gz(r.code)).padStart(6)} gz  ${UI.test(r.id) ? "ui  " : "scan"}  ${r.id}`,
  );
