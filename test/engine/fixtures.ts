// Sample media for the upload tests: a real magic-byte head for each type X accepts, padded to any size.
import { createHash } from "node:crypto";
import type { MediaType } from "../../src/media/types.js";

const latin1 = (s: string) => Buffer.from(s, "latin1");

function usdzHead(): Buffer {
  const name = latin1("scene.usda");
  const header = Buffer.alloc(30);
  latin1("PK\x03\x04").copy(header);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function bmpHead(): Buffer {
  const head = Buffer.alloc(18);
  latin1("BM").copy(head);
  head.writeUInt32LE(40, 14);
  return head;
}

const HEADS: Record<Exclude<MediaType, "video/mp2t">, Buffer> = {
  "image/png": latin1("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"),
  "image/jpeg": Buffer.from("ffd8ffe000104a46494600", "hex"),
  "image/pjpeg": Buffer.from("ffd8ffe000104a46494600", "hex"),
  "image/gif": latin1("GIF89a\x01\0\x01\0"),
  "image/webp": latin1("RIFF\0\0\0\0WEBPVP8 "),
  "image/tiff": latin1("II*\0\x08\0\0\0"),
  "image/bmp": bmpHead(),
  "video/mp4": Buffer.from(
    "000000206674797069736f6d0000020069736f6d69736f32617663316d703431",
    "hex",
  ),
  "video/quicktime": Buffer.from(
    "00000014667479707174202000000000717420200000",
    "hex",
  ),
  // EBML header whose DocType element (0x4282) says "webm".
  "video/webm": Buffer.from("1a45dfa3874282847765626d", "hex"),
  "text/srt": latin1("1\n00:00:01,000 --> 00:00:02,000\nHello\n\n"),
  "text/vtt": latin1("WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n\n"),
  "model/gltf-binary": latin1("glTF\x02\0\0\0"),
  "model/vnd.usdz+zip": usdzHead(),
};

/** `size` bytes that sniff as `mediaType`: its head, then a position-dependent pattern (text types: spaces). */
export function sample(mediaType: MediaType, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >>> 8)) & 0xff;
  if (mediaType === "video/mp2t") {
    // MPEG-TS: a 0x47 sync byte opens every 188-byte packet.
    for (let i = 0; i < size; i += 188) bytes[i] = 0x47;
    return bytes;
  }
  if (mediaType.startsWith("text/")) bytes.fill(0x20);
  HEADS[mediaType].copy(bytes, 0, 0, Math.min(size, HEADS[mediaType].length));
  return bytes;
}

/** Hex SHA-256, as the fake server reports it. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
