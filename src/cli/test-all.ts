/**
 * `npm test`: builds both browsers' extensions (the release build, and the test build the e2e suites drive, which
 * also matches 127.0.0.1), runs every vitest project
 * (unit, e2e in real Chromium and Firefox), and ends with one plain line
 * "N passed, N failed" over all suites (CI reads that line).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const RESULTS = "test-results/vitest.json";
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: "inherit", env: process.env }).status ?? 1;

let passed = 0;
let failed = 0;

if (run("npm", ["run", "--silent", "build"]) !== 0 || run("npm", ["run", "--silent", "build:test"]) !== 0) {
  console.error("build failed");
  failed++;
} else {
  rmSync(RESULTS, { force: true });
  const status = run("npx", ["vitest", "run", ...process.argv.slice(2)]);
  if (existsSync(RESULTS)) {
    const report = JSON.parse(readFileSync(RESULTS, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: Array<{ status: string; assertionResults: unknown[] }>;
    };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A file that failed to load has no test results of its own: count it as a failure.
    failed += report.testResults.filter(
      (file) => file.status === "failed" && file.assertionResults.length === 0,
    ).length;
  } else if (status !== 0) {
    failed++;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
