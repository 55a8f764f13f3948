// inspectImage on PNG, JPEG and WEBP headers built byte by byte: exact dimensions, the bytes read, and the
// headers too short or without the chunk that gives the size.
import { describe, expect, test } from "@jest/globals";
import { inspectImage } from "../../../src/media/inspect/image.js";
import { inspectBytes } from "../../../src/media/inspect/index.js";
import { ascii, bytesReader } from "./fixtures.js";

const be32 = (n: number) => [
  n >>> 24,
  (n >> 16) & 0xff,
  (n >> 8) & 0xff,
  n & 0xff,
];
const le16 = (n: number) => [n & 0xff, n >> 8];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, n >> 16];

const inspect = (bytes: number[], format: "png" | "jpeg" | "webp") =>
  inspectImage(bytesReader(Uint8Array.from(bytes)), format);

describe("PNG", () => {
  const signature = [0x89, ...ascii("PNG\r\n\x1a\n")];
  const png = (width: number, height: number, type = "IHDR") => [
    ...signature,
    ...be32(13),
    ...ascii(type),
    ...be32(width),
    ...be32(height),
    8,
    6,
    0,
    0,
    0, // bit depth, color type, compression, filter, interlace
    0,
    0,
    0,
    0, // CRC
  ];

  test("width and height are the IHDR's big-endian 32-bit fields", async () => {
    const bytes = png(0x01020304, 0x00a0b0c0);
    expect(await inspect(bytes, "png")).toEqual({
      kind: "image",
      format: "png",
      size: 33,
      width: 0x01020304,
      height: 0x00a0b0c0,
      bytesRead: 33,
    });
  });

  test("only the first 64 bytes are read", async () => {
    const bytes = [...png(7, 9), ...new Array<number>(1000).fill(0)];
    const reader = bytesReader(Uint8Array.from(bytes));
    expect(await inspectImage(reader, "png")).toMatchObject({
      width: 7,
      height: 9,
      size: 1033,
      bytesRead: 64,
    });
    expect(reader.reads).toEqual([[0, 64]]);
  });

  test("24 bytes (up to the height) are enough; 23 are not", async () => {
    expect(await inspect(png(5, 0x0102).slice(0, 24), "png")).toMatchObject({
      width: 5,
      height: 0x0102,
      bytesRead: 24,
    });
    await expect(inspect(png(5, 6).slice(0, 23), "png")).rejects.toThrow(
      new Error("no PNG dimensions in the header"),
    );
  });

  test("a first chunk named like WEBP's (VP8X) is not read as one", async () => {
    const bytes = png(0x00ff0000, 0x00ff0000, "VP8X");
    expect(bytes.length).toBeGreaterThanOrEqual(30);
    await expect(inspect(bytes, "png")).rejects.toThrow(
      new Error("no PNG dimensions in the header"),
    );
  });

  test("a first chunk that is not IHDR gives no dimensions", async () => {
    await expect(inspect(png(5, 6, "IHDX"), "png")).rejects.toThrow(
      new Error("no PNG dimensions in the header"),
    );
    await expect(inspect(png(5, 6, "iHDR"), "png")).rejects.toThrow(
      "no PNG dimensions in the header",
    );
  });
});

describe("WEBP", () => {
  const riff = (chunk: string, body: number[]) => [
    ...ascii("RIFF"),
    0,
    0,
    0,
    0,
    ...ascii("WEBP"),
    ...ascii(chunk),
    0,
    0,
    0,
    0,
    ...body,
  ];

  test("VP8 (lossy): 14-bit width and height after the start code, scale bits dropped", async () => {
    // frame tag (3 bytes), start code 9d 01 2a, then width and height with 2 scale bits on top.
    const body = [
      0,
      0,
      0,
      0x9d,
      0x01,
      0x2a,
      ...le16(0xc000 | 0x1234),
      ...le16(0x4000 | 0x2abc),
    ];
    const bytes = riff("VP8 ", body);
    expect(bytes.length).toBe(30);
    expect(await inspect(bytes, "webp")).toEqual({
      kind: "image",
      format: "webp",
      size: 30,
      width: 0x1234,
      height: 0x2abc,
      bytesRead: 30,
    });
    await expect(inspect(bytes.slice(0, 29), "webp")).rejects.toThrow(
      new Error("no WEBP dimensions in the header"),
    );
  });

  test("VP8L (lossless): 14-bit width − 1 and height − 1 after the 0x2f signature", async () => {
    // width − 1 = 0x3fff (all 14 bits), height − 1 = 0x2001, then the alpha and version bits set.
    const bits = (0x3fff | (0x2001 << 14) | (0xf << 28)) >>> 0;
    const body = [0x2f, ...be32(bits).reverse(), 0, 0, 0, 0, 0];
    expect(await inspect(riff("VP8L", body), "webp")).toMatchObject({
      width: 0x4000,
      height: 0x2002,
    });
    const small = [0x2f, ...be32(1 << 14).reverse(), 0, 0, 0, 0, 0];
    expect(await inspect(riff("VP8L", small), "webp")).toMatchObject({
      width: 1,
      height: 2,
    });
  });

  test("VP8X (extended): 24-bit canvas width − 1 and height − 1", async () => {
    const body = [0x10, 0, 0, 0, ...le24(0xabcdef), ...le24(0x010203)];
    expect(await inspect(riff("VP8X", body), "webp")).toMatchObject({
      width: 0xabcdf0,
      height: 0x010204,
      bytesRead: 30,
    });
  });

  test("a first chunk named like PNG's (IHDR) is not read as one", async () => {
    const bytes = riff("IHDR", new Array<number>(20).fill(1));
    await expect(inspect(bytes, "webp")).rejects.toThrow(
      new Error("no WEBP dimensions in the header"),
    );
  });

  test("another first chunk gives no dimensions", async () => {
    const bytes = riff("ALPH", new Array<number>(20).fill(1));
    await expect(inspect(bytes, "webp")).rejects.toThrow(
      new Error("no WEBP dimensions in the header"),
    );
  });
});

describe("JPEG", () => {
  const SOI = [0xff, 0xd8];
  // A frame header: length 17, precision 8, height, width, 3 components.
  const sof = (marker: number, width: number, height: number) => [
    0xff,
    marker,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    ...new Array<number>(9).fill(0),
  ];
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];

  test("SOF0 right after SOI: width and height (big-endian), bytes read", async () => {
    const bytes = [...SOI, ...sof(0xc0, 0x0280, 0x01e0)];
    expect(await inspect(bytes, "jpeg")).toEqual({
      kind: "image",
      format: "jpeg",
      size: 21,
      width: 640,
      height: 480,
      bytesRead: 19,
    });
  });

  test("every SOFn counts: c0–cf except DHT (c4), JPG (c8) and DAC (cc)", async () => {
    for (const marker of [
      0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce,
      0xcf,
    ]) {
      expect([
        marker,
        await inspect([...SOI, ...sof(marker, 3, 2)], "jpeg"),
      ]).toEqual([marker, expect.objectContaining({ width: 3, height: 2 })]);
    }
  });

  test("DHT, JPG, DAC and the markers next to c0–cf are segments skipped by their length", async () => {
    for (const marker of [0xc4, 0xc8, 0xcc, 0xbf, 0xdb, 0xe0, 0xfe]) {
      // The skipped segment holds a fake SOF0 saying 9×9; the real one after it says 5×4.
      const bytes = [
        ...SOI,
        ...segment(marker, sof(0xc0, 9, 9)),
        ...sof(0xc0, 5, 4),
      ];
      expect([marker, await inspect(bytes, "jpeg")]).toEqual([
        marker,
        expect.objectContaining({ width: 5, height: 4 }),
      ]);
    }
  });

  test("a long APP1 (EXIF) segment is skipped by its 16-bit length", async () => {
    const exif = new Array<number>(0x1234 - 2).fill(0xff);
    const bytes = [...SOI, ...segment(0xe1, exif), ...sof(0xc2, 1920, 1080)];
    const reader = bytesReader(Uint8Array.from(bytes));
    expect(await inspectImage(reader, "jpeg")).toMatchObject({
      width: 1920,
      height: 1080,
      bytesRead: bytes.length - 2,
    });
    expect(reader.reads).toEqual([[2, bytes.length]]);
  });

  test("standalone markers (TEM, RSTn, SOI, EOI) have no length", async () => {
    for (const marker of [0x01, 0xd0, 0xd7, 0xd8, 0xd9]) {
      const bytes = [...SOI, 0xff, marker, ...sof(0xc0, 7, 6)];
      expect([marker, await inspect(bytes, "jpeg")]).toEqual([
        marker,
        expect.objectContaining({ width: 7, height: 6 }),
      ]);
    }
  });

  test("markers next to the standalone ones (0x02, 0xcf/0xda) have a length", async () => {
    for (const marker of [0x02, 0xda]) {
      const bytes = [...SOI, 0xff, marker, 0x00, 0x02, ...sof(0xc0, 7, 6)];
      expect([marker, await inspect(bytes, "jpeg")]).toEqual([
        marker,
        expect.objectContaining({ width: 7, height: 6 }),
      ]);
    }
  });

  test("fill bytes (0xff) before a marker are skipped", async () => {
    const bytes = [...SOI, 0xff, 0xff, 0xff, ...sof(0xc0, 11, 12)];
    expect(await inspect(bytes, "jpeg")).toMatchObject({
      width: 11,
      height: 12,
    });
  });

  test("a SOF with exactly its first 9 bytes is enough; 8 are not", async () => {
    const nine = [...SOI, ...sof(0xc0, 300, 200).slice(0, 9)];
    expect(await inspect(nine, "jpeg")).toMatchObject({
      width: 300,
      height: 200,
      bytesRead: 9,
    });
    await expect(inspect(nine.slice(0, 10), "jpeg")).rejects.toThrow(
      new Error("no JPEG frame header (SOFn)"),
    );
  });

  test("a byte that is not a marker ends the walk", async () => {
    const bytes = [...SOI, 0x00, ...sof(0xc0, 1, 1)];
    await expect(inspect(bytes, "jpeg")).rejects.toThrow(
      new Error("no JPEG frame header (SOFn)"),
    );
    // After a segment, too.
    const after = [
      ...SOI,
      ...segment(0xe0, [1, 2, 3]),
      0xfe,
      ...sof(0xc0, 1, 1),
    ];
    await expect(inspect(after, "jpeg")).rejects.toThrow(
      "no JPEG frame header (SOFn)",
    );
  });

  test("the first 2 bytes (SOI) are not looked at", async () => {
    const bytes = [0xff, 0xc0, ...sof(0xc0, 4, 3)];
    expect(await inspect(bytes, "jpeg")).toMatchObject({ width: 4, height: 3 });
  });
});

describe("through inspectBytes", () => {
  test("an image without dimensions is described as unreadable with the reason", async () => {
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]);
    expect(await inspectBytes(bytesReader(bytes), "image/pjpeg")).toEqual({
      kind: "other",
      mediaType: "image/pjpeg",
      size: 4,
      failed: true,
      reason: "could not be read as image/pjpeg: no JPEG frame header (SOFn)",
      bytesRead: 0,
    });
  });

  test.each([
    ["image/png", "png"],
    ["image/jpeg", "jpeg"],
    ["image/pjpeg", "jpeg"],
    ["image/webp", "webp"],
  ] as const)("%s is inspected as %s", async (mediaType, format) => {
    const headers = {
      png: [
        0x89,
        ...ascii("PNG\r\n\x1a\n"),
        ...be32(13),
        ...ascii("IHDR"),
        ...be32(2),
        ...be32(3),
      ],
      jpeg: [0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 3, 0, 2, 3],
      webp: [
        ...ascii("RIFF\0\0\0\0WEBPVP8X\0\0\0\0"),
        0,
        0,
        0,
        0,
        ...le24(1),
        ...le24(2),
      ],
    };
    const bytes = Uint8Array.from(headers[format]);
    expect(await inspectBytes(bytesReader(bytes), mediaType)).toMatchObject({
      kind: "image",
      mediaType,
      format,
      width: 2,
      height: 3,
    });
  });
});
