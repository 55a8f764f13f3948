// The one place where Node, Bun and Deno differ for this library; nothing else checks which runtime it runs on.
import { setMaxListeners } from "node:events";
import * as fs from "node:fs";

/**
 * `fs.openAsBlob`, where it returns a lazy, disk-backed Blob (Node ≥ 19.8, Bun); else `undefined`, and files
 * are read segment by segment instead (src/engine/source/file-source.ts).
 * Deno 2.9's `openAsBlob` reads the whole file into memory (a 512 MiB file added 1 GiB of RSS, measured with
 * Deno 2.9.6), which would break the bounded-memory promise for large videos.
 */
export const openLazyFileBlob: ((path: string) => Promise<Blob>) | undefined =
  "Deno" in globalThis || typeof fs.openAsBlob !== "function"
    ? undefined
    : fs.openAsBlob;

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
