// Width and height of PNG (IHDR), JPEG (the SOFn segment) and WEBP (VP8, VP8L or VP8X chunk) from their headers.
import { Cursor } from "./cursor.js";
import type { ByteReader, ImageInspection } from "./types.js";

type Format = ImageInspection["format"];
const latin1 = (b: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...b.subarray(start, end));

/** Inspects a PNG, JPEG or WEBP; throws an Error when its header does not give the dimensions. */
export async function inspectImage(
  reader: ByteReader,
  format: Format,
): Promise<Omit<ImageInspection, "mediaType">> {
  if (format === "jpeg") return jpeg(reader);
  const head = await reader.read(0, Math.min(reader.size, 64));
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let size: [number, number] | undefined;
  if (
    format === "png" &&
    head.length >= 24 &&
    latin1(head, 12, 16) === "IHDR"
  ) {
    size = [view.getUint32(16), view.getUint32(20)];
  } else if (format === "webp" && head.length >= 30) {
    size = webp(head, view);
  }
  if (!size)
    throw new Error(`no ${format.toUpperCase()} dimensions in the header`);
  return image(reader, format, size, head.length);
}

function webp(head: Uint8Array, view: DataView): [number, number] | undefined {
  const chunk = latin1(head, 12, 16);
  // VP8 key frame header (RFC 6386 §9.1): 14-bit width and height after the start code.
  if (chunk === "VP8 ")
    return [
      view.getUint16(26, true) & 0x3fff,
      view.getUint16(28, true) & 0x3fff,
    ];
  // VP8L (WebP lossless spec §3.2): 14-bit width − 1 and height − 1 after the 0x2f signature.
  if (chunk === "VP8L") {
    const bits = view.getUint32(21, true);
    return [(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1];
  }
  // VP8X (extended): 24-bit canvas width − 1 and height − 1.
  if (chunk === "VP8X") {
    const u24 = (at: number) =>
      view.getUint16(at, true) + ((head[at + 2] ?? 0) << 16);
    return [u24(24) + 1, u24(27) + 1];
  }
  return undefined;
}

// JPEG: walk the marker segments (ITU T.81 §B.1) to the first SOFn; EXIF and ICC segments are skipped unread.
async function jpeg(
  reader: ByteReader,
): Promise<Omit<ImageInspection, "mediaType">> {
  const c = new Cursor(reader);
  c.position = 2;
  while (await c.need(9)) {
    if (c.peek() !== 0xff) break;
    const marker = c.peek(1);
    if (marker === 0xff) {
      c.position += 1; // fill byte
      continue;
    }
    const isSof =
      marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isSof) {
      return image(
        reader,
        "jpeg",
        [c.u16(7, false), c.u16(5, false)],
        c.bytesRead,
      );
    }
    const standalone = marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);
    c.position += 2 + (standalone ? 0 : c.u16(2, false));
  }
  throw new Error("no JPEG frame header (SOFn)");
}

function image(
  reader: ByteReader,
  format: Format,
  [width, height]: [number, number],
  bytesRead: number,
): Omit<ImageInspection, "mediaType"> {
  return { kind: "image", format, size: reader.size, width, height, bytesRead };
}
