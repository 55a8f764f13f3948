// Pixel size from the first bytes of an image, for the `image {w, h}` X reports at FINALIZE/STATUS.
// PNG IHDR, GIF logical screen, JPEG start-of-frame, WebP VP8/VP8L/VP8X headers.

/** Width and height in pixels, or undefined when `head` does not show them. */
export function imageSize(
  head: Uint8Array,
): { w: number; h: number } | undefined {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const at = (text: string, offset: number): boolean =>
    b.length >= offset + text.length &&
    b.toString("latin1", offset, offset + text.length) === text;
  if (at("\x89PNG", 0) && at("IHDR", 12) && b.length >= 24)
    return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
  if (at("GIF8", 0) && b.length >= 10)
    return { w: b.readUInt16LE(6), h: b.readUInt16LE(8) };
  if (at("RIFF", 0) && at("WEBP", 8) && b.length >= 30) {
    if (at("VP8X", 12))
      return { w: b.readUIntLE(24, 3) + 1, h: b.readUIntLE(27, 3) + 1 };
    if (at("VP8 ", 12))
      return { w: b.readUInt16LE(26) & 0x3fff, h: b.readUInt16LE(28) & 0x3fff };
    if (at("VP8L", 12)) {
      const bits = b.readUInt32LE(21);
      return { w: (bits & 0x3fff) + 1, h: ((bits >> 14) & 0x3fff) + 1 };
    }
  }
  if (b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  return undefined;
}

// Walks JPEG segments to the first SOFn (C0–CF except DHT C4, JPG C8, DAC CC).
function jpegSize(b: Buffer): { w: number; h: number } | undefined {
  let offset = 2;
  while (offset + 9 <= b.length && b[offset] === 0xff) {
    const marker = b[offset + 1] ?? 0;
    const length = b.readUInt16BE(offset + 2);
    const sof =
      marker >= 0xc0 &&
      marker <= 0xcf &&
      marker !== 0xc4 &&
      marker !== 0xc8 &&
      marker !== 0xcc;
    if (sof)
      return { h: b.readUInt16BE(offset + 5), w: b.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  return undefined;
}
