/**
 * What a CLI script writes to: the process's streams when it is run, a buffer when a test calls its `main`
 * in process (a tsx process per call cost seconds of the unit run).
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type CliIo = { out(text: string): void; err(text: string): void };

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Whether the module at `url` is the script node was started with, so importing it from a test runs nothing. */
export const isMain = (url: string): boolean =>
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(url);
