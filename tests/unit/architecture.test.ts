/**
 * The layout is the architecture: src/core is pure TypeScript (no DOM, no
 * browser API, no imports from the browser contexts), and the contexts do
 * not import each other. Checked on the import graph of the source files.
 */
import { describe, expect, test } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";

const SRC = resolve(import.meta.dirname, "..", "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
}

/** The top folder under src/ an import resolves to, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith(".")) return spec;
  return relative(SRC, resolve(dirname(file), spec)).split(/[\\/]/)[0]!;
}

const area = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!;
const all = files(SRC);

describe("module boundaries", () => {
  test("src/core imports only core", () => {
    for (const file of all.filter((f) => area(f) === "core")) {
      for (const spec of imports(file)) {
        const to = target(file, spec);
        expect(to === "core" || !spec.startsWith("."), `${relative(SRC, file)} imports ${spec}`).toBe(true);
      }
    }
  });

  test("src/core uses no DOM or browser API", () => {
    for (const file of all.filter((f) => area(f) === "core")) {
      const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect(code, relative(SRC, file)).not.toMatch(
        /\b(document|window|browser|chrome|navigator|localStorage)\s*\.|\bHTMLElement\b|\bRange\b\(|\bNode\.|webextension-polyfill/,
      );
    }
  });

  test("src/kb, src/sites and src/messages/protocol.ts import no browser context", () => {
    for (const file of all.filter((f) => area(f) === "kb" || area(f) === "sites" || f.endsWith("protocol.ts"))) {
      for (const spec of imports(file)) {
        expect(
          ["content", "background", "popup", "webextension-polyfill"].includes(target(file, spec)),
          `${relative(SRC, file)} imports ${spec}`,
        ).toBe(false);
      }
    }
  });

  test("content, background and popup do not import each other", () => {
    const contexts = ["content", "background", "popup"];
    for (const file of all.filter((f) => contexts.includes(area(f)))) {
      for (const spec of imports(file)) {
        const to = target(file, spec);
        expect(contexts.includes(to) && to !== area(file), `${relative(SRC, file)} imports ${spec}`).toBe(false);
      }
    }
  });

  test("page and knowledge-base text never reach an HTML sink", () => {
    for (const file of all) {
      const code = readFileSync(file, "utf8");
      expect(code, relative(SRC, file)).not.toMatch(
        /\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|\beval\(|new Function\(/,
      );
    }
  });
});
