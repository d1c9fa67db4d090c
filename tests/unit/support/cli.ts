import type { CliIo } from "../../../src/cli/io.ts";

/** A CliIo that keeps what a script wrote, for a test that calls its main in process. */
export function bufferIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
  };
  return io;
}
