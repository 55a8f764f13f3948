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

/** A reader over bytes in memory that records every range read. */
export function bytesReader(
  bytes: Uint8Array,
): ByteReader & { reads: [number, number][] } {
  const reads: [number, number][] = [];
  return {
    size: bytes.length,
    reads,
    read: async (start, end) => {
      reads.push([start, end]);
      return bytes.slice(start, end);
    },
  };
}

/** Bytes from [value, bit width] fields written most significant bit first, the last byte padded with zeros. */
export function bitFields(...fields: [number, number][]): Uint8Array {
  const bits: number[] = [];
  for (const [value, width] of fields) {
    for (let i = width - 1; i >= 0; i--)
      bits.push(Math.floor(value / 2 ** i) % 2);
  }
  const out = new Uint8Array(Math.ceil(bits.length / 8));
  bits.forEach((bit, i) => {
    out[i >> 3]! |= bit << (7 - (i & 7));
  });
  return out;
}

/** Latin-1 bytes of `text`. */
export const ascii = (text: string): number[] => [
  ...Buffer.from(text, "latin1"),
];
