// The one place where runtimes (Node 20/22/24, Bun, Deno) differ for this library; nothing else checks which
// runtime it runs on.
import { setMaxListeners } from "node:events";
import * as fs from "node:fs";
import process from "node:process";

// Deno 2.9's `fs.openAsBlob` reads the whole file into memory (a 512 MiB file added 1 GiB of RSS, measured with
// Deno 2.9.6), which would break the bounded-memory promise for large videos; a runtime without it (named import
// would fail to link) is treated the same.
const openAsBlob =
  "Deno" in globalThis || typeof fs.openAsBlob !== "function"
    ? undefined
    : fs.openAsBlob;

/**
 * A lazy, disk-backed Blob of the file at `path` (`size` bytes by `stat`), or `undefined` where the runtime has
 * none: Deno (see above), and Node 20 for files of 4 GiB and more, whose size openAsBlob wraps at 2^32 (an
 * 8,388,608,000-byte file reports 4,093,640,704 bytes). The caller then reads the file by ranges.
 */
export async function lazyFileBlob(
  path: string,
  size: number,
): Promise<Blob | undefined> {
  if (!openAsBlob) return undefined;
  const blob = await openAsBlob(path);
  return blob.size === size ? blob : undefined;
}

/**
 * Lifts the listener cap of a signal that every in-flight request listens to (each removes its listener), so
 * Node does not warn of a leak. A runtime whose `events.setMaxListeners` refuses an AbortSignal has no such
 * warning to silence, so the refusal is ignored.
 */
export function allowManyListeners(signal: AbortSignal): void {
  try {
    setMaxListeners(0, signal);
  } catch {
    // Nothing to lift.
  }
}

/** A process warning (stderr by default), where the runtime has them; Node, Bun and Deno all do. */
export function emitWarning(message: string, code: string): void {
  process.emitWarning(message, { type: "Warning", code });
}
