// GIF size and frame count by walking its blocks (GIF89a spec §17–§27): the logical screen, then each
// extension and image, skipping their data sub-blocks. Frames are spread through the file, so all of it is read.
import { Cursor } from "./cursor.js";
import type { ByteReader, GifInspection } from "./types.js";

/** Inspects a GIF; throws an Error when the header is not a GIF's. */
export async function inspectGif(
  reader: ByteReader,
): Promise<Omit<GifInspection, "mediaType">> {
  const c = new Cursor(reader);
  if (
    !(await c.need(13)) ||
    ![0x47, 0x49, 0x46].every((b, i) => c.peek(i) === b)
  ) {
    throw new Error("not a GIF (no GIF87a/GIF89a header)");
  }
  const width = c.u16(6, true);
  const height = c.u16(8, true);
  const flags = c.peek(10);
  c.position += 13 + colorTable(flags);
  let frameCount = 0;
  while (await c.need(1)) {
    const block = c.u8();
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      if (!(await c.need(1))) break;
      c.position += 1; // extension label
    } else if (block === 0x2c) {
      if (!(await c.need(10))) break;
      frameCount++;
      const imageFlags = c.peek(8);
      c.position += 9 + colorTable(imageFlags) + 1; // descriptor, local table, LZW code size
    } else {
      break; // not a block: a truncated or damaged file; count what came before
    }
    if (!(await skipSubBlocks(c))) break;
  }
  return {
    kind: "gif",
    size: reader.size,
    width,
    height,
    frameCount,
    totalPixels: width * height * frameCount,
    bytesRead: c.bytesRead,
  };
}

// A color table follows when bit 7 is set: 3 × 2^(size + 1) bytes.
const colorTable = (flags: number): number =>
  flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0;

async function skipSubBlocks(c: Cursor): Promise<boolean> {
  for (;;) {
    if (!(await c.need(1))) return false;
    const length = c.u8();
    if (length === 0) return true;
    c.position += length;
  }
}
