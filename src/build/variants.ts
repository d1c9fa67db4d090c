/**
 * The two builds: the release build (`npm run build`, into dist/<browser>) runs on the default sites only; the test
 * build (MAEKRAK_TEST_BUILD=1, into dist/test/<browser>) also matches 127.0.0.1 and localhost, where the end-to-end
 * tests, `npm start` and the bench serve their pages.
 */
import { resolve } from "node:path";

export type Target = "chrome" | "firefox";
export type Variant = "release" | "test";

export const TARGETS: readonly Target[] = ["chrome", "firefox"];

export const currentVariant = (): Variant => (process.env.MAEKRAK_TEST_BUILD === "1" ? "test" : "release");

/** Where a build is written, relative to the repository root. */
export const distDir = (target: Target, variant: Variant): string =>
  variant === "test" ? `dist/test/${target}` : `dist/${target}`;

export const distPath = (root: string, target: Target, variant: Variant): string =>
  resolve(root, distDir(target, variant));
