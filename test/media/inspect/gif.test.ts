// inspectGif on GIFs built byte by byte: the logical screen, color tables, extensions, images, and files cut
// short at each block's boundary.
import { describe, expect, test } from "@jest/globals";
import { inspectGif } from "../../../src/media/inspect/gif.js";
import { inspectBytes } from "../../../src/media/inspect/index.js";
import { ascii, bytesReader } from "./fixtures.js";

/** Header and logical screen descriptor (13 bytes), width and height little-endian. */
const screen = (width: number, height: number, flags = 0) => [
  ...ascii("GIF89a"),
  width & 0xff,
  width >> 8,
  height & 0xff,
  height >> 8,
  flags,
  0, // background color index
  0, // pixel aspect ratio
];
/** An image: descriptor (0x2c + 9 bytes), optional local color table, LZW code size, sub-blocks, terminator. */
const image = (flags = 0, data: number[][] = [[0x44, 0x01]]) => [
  0x2c,
  0,
  0,
  0,
  0,
  1,
  0,
  1,
  0,
  flags,
  ...new Array<number>(flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0).fill(
    0x2c,
  ),
  2, // LZW minimum code size
  ...data.flatMap((block) => [block.length, ...block]),
  0,
];
/** A graphic control extension (4 data bytes). */
const gce = [0x21, 0xf9, 4, 0, 10, 0, 0, 0];
const TRAILER = 0x3b;

const inspect = (bytes: number[]) =>
  inspectGif(bytesReader(Uint8Array.from(bytes)));

describe("inspectGif", () => {
  test("width, height (little-endian), frames, total pixels, size and bytes read", async () => {
    const bytes = [
      ...screen(0x0203, 0x0105),
      ...gce,
      ...image(),
      ...gce,
      ...image(),
      ...gce,
      ...image(),
      TRAILER,
    ];
    expect(await inspect(bytes)).toEqual({
      kind: "gif",
      size: bytes.length,
      width: 515,
      height: 261,
      frameCount: 3,
      totalPixels: 515 * 261 * 3,
      bytesRead: bytes.length,
    });
  });

  test("a header and screen with no blocks: 0 frames, 0 pixels", async () => {
    expect(await inspect(screen(16, 8))).toEqual({
      kind: "gif",
      size: 13,
      width: 16,
      height: 8,
      frameCount: 0,
      totalPixels: 0,
      bytesRead: 13,
    });
  });

  test("GIF87a is a GIF too", async () => {
    const bytes = [...screen(1, 1), ...image(), TRAILER];
    bytes.splice(3, 3, ...ascii("87a"));
    expect(await inspect(bytes)).toMatchObject({ frameCount: 1 });
  });

  test.each([
    ["12 bytes", screen(1, 1).slice(0, 12)],
    ["XIF", [0x58, ...screen(1, 1).slice(1)]],
    ["GXF", [0x47, 0x58, ...screen(1, 1).slice(2)]],
    ["GIX", [0x47, 0x49, 0x58, ...screen(1, 1).slice(3)]],
  ])("not a GIF: %s", async (_name, bytes) => {
    await expect(inspect(bytes)).rejects.toThrow(
      new Error("not a GIF (no GIF87a/GIF89a header)"),
    );
  });

  test("a global color table (flags bit 7, 3 × 2^(n+1) bytes) is skipped", async () => {
    // 0x81: 4 colors, 12 bytes; filled with 0x2c so that reading it as blocks would count frames.
    const table = new Array<number>(12).fill(0x2c);
    const bytes = [...screen(4, 4, 0x81), ...table, ...image(), TRAILER];
    expect(await inspect(bytes)).toMatchObject({ frameCount: 1 });
    // 0x87: 256 colors, 768 bytes.
    const big = [
      ...screen(4, 4, 0x87),
      ...new Array<number>(768).fill(0x2c),
      ...image(),
      ...image(),
      TRAILER,
    ];
    expect(await inspect(big)).toMatchObject({ frameCount: 2 });
  });

  test("size bits without bit 7 mean no color table", async () => {
    const bytes = [...screen(4, 4, 0x07), ...image(0x07), ...image(), TRAILER];
    expect(await inspect(bytes)).toMatchObject({ frameCount: 2 });
  });

  test("a local color table is skipped", async () => {
    const bytes = [
      ...screen(2, 2),
      ...image(0x80), // 6 bytes
      ...image(0x82), // 24 bytes
      TRAILER,
    ];
    expect(await inspect(bytes)).toMatchObject({ frameCount: 2 });
  });

  test("image data sub-blocks of every length are skipped, including ones that look like blocks", async () => {
    const data = [
      [0x2c],
      new Array<number>(255).fill(0x2c),
      [0x21, 0xf9, 0x2c],
    ];
    const bytes = [...screen(2, 2), ...image(0, data), ...image(), TRAILER];
    expect(await inspect(bytes)).toMatchObject({ frameCount: 2 });
  });

  test("extensions (comment, application) with several sub-blocks are skipped", async () => {
    const comment = [0x21, 0xfe, 3, 0x2c, 0x2c, 0x2c, 2, 0x2c, 0x2c, 0];
    const netscape = [0x21, 0xff, 11, ...ascii("NETSCAPE2.0"), 3, 1, 0, 0, 0];
    const bytes = [
      ...screen(2, 2),
      ...netscape,
      ...comment,
      ...image(),
      ...comment,
      TRAILER,
    ];
    expect(await inspect(bytes)).toMatchObject({ frameCount: 1 });
  });

  test("an extension label that looks like a block is skipped as a label", async () => {
    // Label 0x2c (not a real one), then an empty sub-block list.
    const bytes = [...screen(2, 2), 0x21, 0x2c, 0, ...image(), TRAILER];
    expect(await inspect(bytes)).toMatchObject({ frameCount: 1 });
  });

  test("the trailer ends the walk: what follows is not read as blocks", async () => {
    const bytes = [...screen(2, 2), ...image(), TRAILER, ...image()];
    expect(await inspect(bytes)).toMatchObject({ frameCount: 1 });
  });

  test("a byte that starts no block ends the walk", async () => {
    const bytes = [...screen(2, 2), ...image(), 0x00, ...image(), TRAILER];
    expect(await inspect(bytes)).toMatchObject({ frameCount: 1 });
    // Not skipped as if sub-blocks followed it (here an empty list, then an image).
    const junk = [...screen(2, 2), ...image(), 0x99, 0x00, ...image(), TRAILER];
    expect(await inspect(junk)).toMatchObject({ frameCount: 1 });
  });
});

describe("inspectGif on a file cut short", () => {
  const whole = [...screen(3, 2), ...gce, ...image(), ...image(), TRAILER];
  const first = 13 + gce.length;
  const second = first + image().length;

  test.each([
    ["after the screen", 13, 0],
    ["after the extension introducer", 14, 0],
    ["after the extension label", 15, 0],
    ["inside the extension's sub-block", 17, 0],
    ["at the first image", first, 0],
    ["after the image separator", first + 1, 0],
    ["1 byte short of the descriptor and code size", first + 10, 0],
    ["descriptor and code size, no data", first + 11, 1],
    ["inside the image data", first + 13, 1],
    ["before the data terminator", first + 14, 1],
    ["after the first image", second, 1],
    ["1 byte short of the second descriptor", second + 10, 1],
    ["second descriptor and code size", second + 11, 2],
    ["without the trailer", whole.length - 1, 2],
    ["whole", whole.length, 2],
  ])("%s (%i bytes): %i frames", async (_name, length, frames) => {
    expect(await inspect(whole.slice(0, length))).toEqual({
      kind: "gif",
      size: length,
      width: 3,
      height: 2,
      frameCount: frames,
      totalPixels: 6 * frames,
      bytesRead: length,
    });
  });

  test("a sub-block length past the end stops the walk with what was counted", async () => {
    const bytes = [...screen(2, 2), ...image(), ...image(0, [[0x2c]]), 0xff];
    bytes.splice(bytes.length - 2, 1); // drop the last image's terminator: its next length is 0xff, past the end
    expect(await inspect(bytes)).toMatchObject({ frameCount: 2 });
  });
});

describe("through inspectBytes", () => {
  test("a GIF with a bad header is described as unreadable with the reason", async () => {
    const bytes = Uint8Array.from(ascii("GIF89"));
    expect(await inspectBytes(bytesReader(bytes), "image/gif")).toEqual({
      kind: "other",
      mediaType: "image/gif",
      size: 5,
      failed: true,
      reason:
        "could not be read as image/gif: not a GIF (no GIF87a/GIF89a header)",
      bytesRead: 0,
    });
  });
});
