// The committed media fixtures (made by scripts/media-fixtures.ts) and a ByteReader that logs what it reads.
import { openAsBlob } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ByteReader } from "../../../src/media/inspect/index.js";

/** Absolute path of test/fixtures/media/`name`. */
export const media = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/media/${name}`, import.meta.url));

/** A reader over a file on disk that records every range read. */
export async function loggingReader(
  path: string,
): Promise<ByteReader & { reads: [number, number][] }> {
  const blob = await openAsBlob(path);
  const reads: [number, number][] = [];
  return {
    size: blob.size,
    reads,
    read: async (start, end) => {
      reads.push([start, end]);
      return new Uint8Array(await blob.slice(start, end).arrayBuffer());
    },
  };
}
