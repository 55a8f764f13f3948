// Bench inputs: sparse files (a real media head, then a hole) made in a blink and hashed once.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";

// ftyp isom (MP4), a glTF binary header and a PNG signature: what the sniffer and the fake's media check look for.
const HEADS = {
  "video/mp4": Buffer.from(
    "000000206674797069736f6d0000020069736f6d69736f32617663316d703431",
    "hex",
  ),
  "model/gltf-binary": Buffer.from("glTF\x02\0\0\0", "latin1"),
  "image/png": Buffer.from("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", "latin1"),
} as const;

/** Media types the bench can generate. */
export type BenchType = keyof typeof HEADS;

/** Writes `bytes` bytes at `path`: the head of `type`, the rest a hole (no disk blocks, reads as zeros). */
export async function sparseFile(
  path: string,
  bytes: number,
  type: BenchType,
): Promise<void> {
  const file = await open(path, "w");
  try {
    await file.write(HEADS[type], 0, HEADS[type].length, 0);
    await file.truncate(bytes);
  } finally {
    await file.close();
  }
}

/** Hex SHA-256 of a file, streamed. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, {
    highWaterMark: 1024 * 1024,
  }))
    hash.update(chunk as Buffer);
  return hash.digest("hex");
}
