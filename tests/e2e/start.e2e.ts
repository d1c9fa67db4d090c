/**
 * `npm start`, the README's first command, headless: it serves the sample page, opens Chromium with the test build,
 * waits for a highlighted mention (it fails without one), hovers it and writes a screenshot. Its probes run as page
 * scripts compiled by tsx, which the e2e suites (compiled by vitest) do not exercise.
 */
import { expect, test } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./support/browsers";

test("npm start (headless) finds a highlighted mention on the sample page, hovers it and writes the screenshot", () => {
  const out = mkdtempSync(join(tmpdir(), "maekrak-start-test-"));
  try {
    const run = spawnSync("npx", ["tsx", "src/cli/start.ts", "--headless", "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 90_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const file = join(out, "sample-news.png");
    expect(run.stdout).toContain(file);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(20_000);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
