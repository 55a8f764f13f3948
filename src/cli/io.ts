// What a CLI run touches of the outside world, injectable for tests.
import type { Readable } from "node:stream";
import type { Env } from "./credentials.js";

/** A writable text stream (process.stdout / process.stderr or a test double). */
export interface OutStream {
  write(chunk: string): unknown;
  /** True on a terminal: progress is drawn as a live bar. */
  isTTY?: boolean | undefined;
  /** Terminal width. */
  columns?: number | undefined;
}

/** The CLI's view of its process. */
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  env: Env;
  /** Standard input, for `upload -` (a pipe). @default undefined (no stdin) */
  stdin?: Readable & { isTTY?: boolean };
  /** Fires on SIGINT/SIGTERM; commands stop and exit 130. */
  signal: AbortSignal;
  /** Clock for rates and timings. @default performance.now */
  now?: () => number;
}

/** Writes one line to `stream`. */
export function println(stream: OutStream, line = ""): void {
  stream.write(`${line}\n`);
}
