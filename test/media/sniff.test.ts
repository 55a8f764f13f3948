import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import {
  mediaTypeFromExtension,
  resolveMediaType,
  sniffMediaType,
  SNIFF_BYTES,
} from "../../src/media/sniff.js";
import {
  isMediaCategory,
  isMediaType,
  MAX_TOTAL_BYTES,
  MEDIA_CATEGORIES,
  MEDIA_TYPES,
  type MediaType,
} from "../../src/media/types.js";

/** Concatenates latin1 strings, byte arrays and little-endian u32s (`{ le: n }`) into bytes. */
function bytes(
  ...parts: (string | readonly number[] | { le: number })[]
): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === "string")
      for (const c of part) out.push(c.charCodeAt(0));
    else if ("le" in part)
      out.push(
        part.le & 0xff,
        (part.le >> 8) & 0xff,
        (part.le >> 16) & 0xff,
        part.le >>> 24,
      );
    else out.push(...part);
  }
  return Uint8Array.from(out);
}
const be32 = (n: number): number[] => [
  n >>> 24,
  (n >> 16) & 0xff,
  (n >> 8) & 0xff,
  n & 0xff,
];
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An ISO-BMFF ftyp box followed by the start of a moov box. */
const ftyp = (major: string, ...compatible: string[]): Uint8Array =>
  bytes(
    be32(16 + 4 * compatible.length),
    "ftyp",
    major,
    [0, 0, 2, 0],
    ...compatible,
    be32(8),
    "moov",
  );

/** An EBML header with the given DocType and a one-byte header size, then a Segment ID. */
function ebml(docType: string, sizeBytes: readonly number[] = []): Uint8Array {
  const children = bytes(
    [0x42, 0x86, 0x81, 1],
    [0x42, 0xf7, 0x81, 1],
    [0x42, 0x82, 0x80 | docType.length],
    docType,
  );
  const size = sizeBytes.length > 0 ? sizeBytes : [0x80 | children.length];
  return bytes(
    [0x1a, 0x45, 0xdf, 0xa3],
    size,
    [...children],
    [0x18, 0x53, 0x80, 0x67],
  );
}

/** `packets` MPEG-TS packets of 188 bytes, each with sync byte 0x47 (PID 0, payload 0xff). */
const mpegTs = (packets: number): Uint8Array =>
  bytes(
    ...Array.from({ length: packets }, () => [
      0x47,
      0x40,
      0x00,
      0x10,
      ...new Array<number>(184).fill(0xff),
    ]),
  );

/** A ZIP local file header for an uncompressed entry named `name` (APPNOTE.TXT §4.3.7). */
const zipEntry = (name: string): Uint8Array =>
  bytes(
    "PK\x03\x04",
    [0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    { le: 0 },
    { le: 4 },
    { le: 4 },
    [name.length & 0xff, name.length >> 8, 0, 0],
    name,
    "#usd",
  );

const JPEG_JFIF = bytes(
  [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10],
  "JFIF\0",
  [1, 1, 0, 0, 1, 0, 1, 0, 0],
);
// Progressive JPEG: same SOI magic, SOF2 (0xFFC2) frame header.
const JPEG_PROGRESSIVE = bytes([
  0xff, 0xd8, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03,
]);

/** One real-shaped header per media type, and what sniffing it should say. */
const SAMPLES: Record<MediaType, { head: Uint8Array; sniffed: MediaType }> = {
  "video/mp4": {
    head: ftyp("isom", "isom", "iso2", "avc1", "mp41"),
    sniffed: "video/mp4",
  },
  "video/webm": { head: ebml("webm"), sniffed: "video/webm" },
  "video/mp2t": { head: mpegTs(3), sniffed: "video/mp2t" },
  "video/quicktime": { head: ftyp("qt  ", "qt  "), sniffed: "video/quicktime" },
  "text/srt": {
    head: utf8("1\n00:00:01,000 --> 00:00:04,000\nHello\n\n2\n"),
    sniffed: "text/srt",
  },
  "text/vtt": {
    head: utf8("WEBVTT\n\n00:01.000 --> 00:04.000\nHello\n"),
    sniffed: "text/vtt",
  },
  "image/jpeg": { head: JPEG_JFIF, sniffed: "image/jpeg" },
  "image/gif": {
    head: bytes(
      "GIF89a",
      [1, 0, 1, 0, 0x80, 0, 0],
      [0, 0, 0, 0xff, 0xff, 0xff],
      ";",
    ),
    sniffed: "image/gif",
  },
  "image/bmp": {
    head: bytes(
      "BM",
      { le: 58 },
      { le: 0 },
      { le: 54 },
      { le: 40 },
      { le: 1 },
      { le: 1 },
    ),
    sniffed: "image/bmp",
  },
  "image/png": {
    head: bytes("\x89PNG\r\n\x1a\n", be32(13), "IHDR", be32(1), be32(1)),
    sniffed: "image/png",
  },
  "image/webp": {
    head: bytes("RIFF", { le: 26 }, "WEBP", "VP8 ", { le: 14 }),
    sniffed: "image/webp",
  },
  "image/pjpeg": { head: JPEG_PROGRESSIVE, sniffed: "image/jpeg" },
  "image/tiff": { head: bytes("II*\0", { le: 8 }), sniffed: "image/tiff" },
  "model/gltf-binary": {
    head: bytes("glTF", { le: 2 }, { le: 1024 }, { le: 0 }, "JSON"),
    sniffed: "model/gltf-binary",
  },
  "model/vnd.usdz+zip": {
    head: zipEntry("scene.usdc"),
    sniffed: "model/vnd.usdz+zip",
  },
};

// The committed extract: whichever X spec version the library is generated from.
const specPath = fileURLToPath(
  new URL("../../openapi/x-media.openapi.json", import.meta.url),
);
interface Schema {
  $ref?: string;
  enum?: string[];
  maximum?: number;
  properties?: Record<string, Schema>;
}
interface Spec {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

describe("spec enums (the committed extract)", () => {
  const spec = JSON.parse(readFileSync(specPath, "utf8")) as Spec;
  const deref = (schema: Schema | undefined): Schema => {
    const ref = schema?.$ref;
    return ref
      ? deref(spec.components.schemas[ref.replace("#/components/schemas/", "")])
      : (schema ?? {});
  };
  const operation = Object.values(spec.paths)
    .flatMap((methods) => Object.values(methods))
    .find((op) => op.operationId === "initializeMediaUpload");
  const body = deref(
    operation?.requestBody?.content["application/json"]?.schema,
  );

  it("MEDIA_TYPES equals initializeMediaUpload's media_type enum", () => {
    expect(MEDIA_TYPES).toEqual(deref(body.properties?.media_type).enum);
  });

  it("MEDIA_CATEGORIES equals its media_category enum", () => {
    expect(MEDIA_CATEGORIES).toEqual(
      deref(body.properties?.media_category).enum,
    );
  });

  it("MAX_TOTAL_BYTES equals its total_bytes maximum", () => {
    expect(MAX_TOTAL_BYTES).toBe(deref(body.properties?.total_bytes).maximum);
  });

  it("has a sniff sample for every media type", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...MEDIA_TYPES].sort());
  });

  it("guards values", () => {
    expect(MEDIA_TYPES.every(isMediaType)).toBe(true);
    expect(MEDIA_CATEGORIES.every(isMediaCategory)).toBe(true);
    expect(isMediaType("video/avi")).toBe(false);
    expect(isMediaCategory("TweetVideo")).toBe(false);
  });
});

describe("sniffMediaType", () => {
  it.each(MEDIA_TYPES)("sniffs %s", (mediaType) => {
    const { head, sniffed } = SAMPLES[mediaType];
    expect(sniffMediaType(head)).toBe(sniffed);
  });

  it.each([
    ["image/png", "sample.png"],
    ["image/gif", "sample.gif"],
  ] as const)("sniffs the committed fixture as %s", (mediaType, file) => {
    const head = readFileSync(join(process.cwd(), "fixtures", file)).subarray(
      0,
      SNIFF_BYTES,
    );
    expect(sniffMediaType(head)).toBe(mediaType);
  });

  it.each([
    ["GIF87a", bytes("GIF87a", [1, 0, 1, 0]), "image/gif"],
    ["big-endian TIFF", bytes("MM\0*", be32(8)), "image/tiff"],
    [
      "BMP with a V5 header",
      bytes("BM", { le: 138 }, { le: 0 }, { le: 138 }, { le: 124 }),
      "image/bmp",
    ],
    [
      "BMP with a core header",
      bytes("BM", { le: 26 }, { le: 0 }, { le: 26 }, { le: 12 }),
      "image/bmp",
    ],
    [
      "Exif JPEG",
      bytes([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x18], "Exif\0\0"),
      "image/jpeg",
    ],
    [
      "USDZ with a .usda root layer",
      zipEntry("Root.USDA"),
      "model/vnd.usdz+zip",
    ],
    [
      "USDZ with a .usd root layer",
      zipEntry("model.usd"),
      "model/vnd.usdz+zip",
    ],
  ])("sniffs %s", (_label, head, expected) => {
    expect(sniffMediaType(head)).toBe(expected);
  });

  it.each([
    ["ZIP with a .usdz entry", zipEntry("inner.usdz")],
    ["ZIP with a .usd entry in a longer name", zipEntry("model.usd.txt")],
    ["RIFF that is not WEBP", bytes("RIFF", { le: 26 }, "WEBX", "VP8 ")],
    ["WEBP without RIFF", bytes("RIFX", { le: 26 }, "WEBP", "VP8 ")],
    ["GIF of an unknown version", bytes("GIF88a", [1, 0, 1, 0])],
    ["half a PNG signature", bytes("\x89PNG\r\n")],
    ["two JPEG magic bytes", bytes([0xff, 0xd8, 0x00])],
    ["a TIFF with the wrong byte order mark", bytes("IM*\0", { le: 8 })],
    [
      "a BMP's header without the BM magic",
      bytes("XM", { le: 58 }, { le: 0 }, { le: 54 }, { le: 40 }, { le: 1 }),
    ],
    [
      "a USD name without the ZIP magic",
      bytes("PX", [...zipEntry("a.usdc").subarray(2)]),
    ],
    [
      "an EBML body without the EBML magic",
      bytes([0, 0, 0, 0], [...ebml("webm").subarray(4)]),
    ],
    ["a moov box in fewer than 16 bytes", bytes(be32(8), "moov")],
    ["text that only contains a WebVTT header", "xWEBVTT\n"],
    [
      "a SubRip cue after other text",
      "note 1\n00:00:01,000 --> 00:00:04,000\nHi",
    ],
  ])("does not mistake %s", (_label, head) => {
    expect(
      sniffMediaType(typeof head === "string" ? utf8(head) : head),
    ).toBeUndefined();
  });

  it("reads a ZIP entry name longer than 255 bytes", () => {
    expect(sniffMediaType(zipEntry(`${"d/".repeat(140)}scene.usdc`))).toBe(
      "model/vnd.usdz+zip",
    );
  });

  it.each([
    ["isoN", "iso6"],
    ["mp42", "mp42"],
    ["M4VH", "M4VH"],
    ["cmfc", "cmfc"],
    ["cmf2", "cmf2"],
  ])("an ftyp whose only MP4 brand is %s is MP4", (_label, brand) => {
    expect(sniffMediaType(ftyp("XYZW", brand))).toBe("video/mp4");
  });

  it("an MP4 major brand needs no compatible brand; a qt major wins over MP4 brands", () => {
    expect(sniffMediaType(ftyp("mp42", "abcd"))).toBe("video/mp4");
    expect(sniffMediaType(ftyp("qt  ", "isom"))).toBe("video/quicktime");
  });

  it.each(["heis", "heim", "hevx", "avis", "msf1"])(
    "an HEIF/AVIF still major brand %s is not MP4, whatever its compatible brands",
    (major) => {
      expect(sniffMediaType(ftyp(major, "iso8", "mp42"))).toBeUndefined();
    },
  );

  it("reads ftyp brands only inside the ftyp box", () => {
    // A 16-byte ftyp with an unknown brand, then a free box whose payload spells mp4 brands.
    const head = bytes(
      be32(16),
      "ftyp",
      "XYZW",
      [0, 0, 0, 0],
      be32(16),
      "free",
      "isom",
      "mp41",
    );
    expect(sniffMediaType(head)).toBeUndefined();
    // The same brands inside the box make it MP4.
    expect(sniffMediaType(ftyp("XYZW", "isom", "mp41"))).toBe("video/mp4");
    // Nor the first word of the next box.
    expect(
      sniffMediaType(
        bytes(be32(16), "ftyp", "XYZW", [0, 0, 0, 0], be32(8), "mp41"),
      ),
    ).toBeUndefined();
  });

  it.each([
    ["mp42", ftyp("mp42", "mp42", "isom"), "video/mp4"],
    ["M4V", ftyp("M4V ", "M4V ", "M4A ", "mp42", "isom"), "video/mp4"],
    ["dash", ftyp("dash", "iso6", "mp41"), "video/mp4"],
    ["iso5 (fragmented)", ftyp("iso5", "iso5", "dash"), "video/mp4"],
    ["3GP with an isom brand", ftyp("3gp4", "isom", "3gp4"), "video/mp4"],
    ["unknown major, qt compatible", ftyp("XYZW", "qt  "), "video/quicktime"],
    [
      "QuickTime without ftyp (moov first)",
      bytes(be32(108), "moov", be32(100), "mvhd"),
      "video/quicktime",
    ],
    [
      "QuickTime without ftyp (wide first)",
      bytes(be32(8), "wide", be32(100), "mdat"),
      "video/quicktime",
    ],
    ["HEIC still", ftyp("heic", "mif1", "heic"), undefined],
    [
      "AVIF still",
      ftyp("avif", "avif", "mif1", "miaf", "MA1B", "iso8"),
      undefined,
    ],
    ["ftyp with no known brand", ftyp("crx ", "crx "), undefined],
  ])("tells ISO-BMFF %s apart", (_label, head, expected) => {
    expect(sniffMediaType(head)).toBe(expected);
  });

  it("reads WebM's DocType, not just the EBML magic", () => {
    expect(sniffMediaType(ebml("matroska"))).toBeUndefined();
    // The whole DocType, not a prefix of it (nor a DocType that starts with webm).
    expect(sniffMediaType(ebml("web"))).toBeUndefined();
    expect(sniffMediaType(ebml("webmx"))).toBeUndefined();
    expect(sniffMediaType(ebml("xwebm"))).toBeUndefined();
    // Trailing NULs pad a string element (RFC 8794 §7.4); a NUL inside is not padding.
    expect(sniffMediaType(ebml("webm\0\0"))).toBe("video/webm");
    expect(sniffMediaType(ebml("we\0bm"))).toBeUndefined();
  });

  it("reads multi-byte EBML sizes, and only the EBML header's own children", () => {
    // Header size 0x4108 = 2 bytes, value 256: all three children are inside.
    expect(sniffMediaType(ebml("webm", [0x41, 0x00]))).toBe("video/webm");
    // Header size 8 (2 bytes): only EBMLVersion and EBMLReadVersion are in the header; the DocType after it is not.
    expect(sniffMediaType(ebml("webm", [0x40, 0x08]))).toBeUndefined();
    // A size whose first byte is 0 is not a valid EBML integer (more than 8 bytes long).
    expect(
      sniffMediaType(ebml("webm", [0, 0, 0, 0, 0, 0, 0, 0, 0x0f])),
    ).toBeUndefined();
    // A child whose ID is not a valid EBML integer ends the search.
    expect(
      sniffMediaType(
        bytes([0x1a, 0x45, 0xdf, 0xa3, 0x88, 0, 0x42, 0x82], "webm"),
      ),
    ).toBeUndefined();
    expect(sniffMediaType(ebml("webm", [0x01, 0, 0, 0, 0, 0, 0, 0x0b]))).toBe(
      "video/webm",
    );
  });

  it("needs every MPEG-TS sync byte in the head, and at least one full packet", () => {
    const broken = mpegTs(3);
    broken[188] = 0x00;
    expect(sniffMediaType(broken)).toBeUndefined();
    expect(sniffMediaType(mpegTs(1))).toBe("video/mp2t");
    expect(sniffMediaType(mpegTs(2).subarray(0, 200))).toBe("video/mp2t");
    expect(sniffMediaType(utf8("G".repeat(100)))).toBeUndefined();
  });

  it.each([
    [
      "BOM + CRLF SubRip",
      "\ufeff1\r\n00:00:01,000 --> 00:00:04,000\r\nHi\r\n",
      "text/srt",
    ],
    [
      "SubRip with leading blank lines",
      "\n\n12\n01:02:03,456 --> 01:02:05,000\nHi",
      "text/srt",
    ],
    ["SubRip with dots", "1\n00:00:01.000 --> 00:00:04.000\nHi", "text/srt"],
    [
      "SubRip with spaces and tabs around the index and arrow",
      "1 \t\n00:00:01,000 \t --> \t 00:00:04,000\nHi",
      "text/srt",
    ],
    ["BOM WebVTT", "\ufeffWEBVTT\r\n\r\n", "text/vtt"],
    ["WebVTT with a header text", "WEBVTT - Subtitles\n", "text/vtt"],
    ["bare WebVTT", "WEBVTT", "text/vtt"],
    ["WEBVTTX", "WEBVTTX\n", undefined],
    ["a number and no cue", "1\nhello\n", undefined],
    [
      "a cue whose end time has one millisecond digit",
      "1\n00:00:01,000 --> 00:00:04,5\nHi",
      undefined,
    ],
    ["plain text", "hello world", undefined],
  ])("reads %s", (_label, text, expected) => {
    expect(sniffMediaType(utf8(text))).toBe(expected);
  });

  it.each([
    ["empty", new Uint8Array(0)],
    ["BM alone", bytes("BM")],
    [
      "BM with an unknown DIB size",
      bytes("BM", { le: 58 }, { le: 0 }, { le: 54 }, { le: 41 }),
    ],
    ["ftyp cut short", bytes(be32(24), "ftyp")],
    ["ZIP cut short", bytes("PK\x03\x04", [0x14, 0])],
    ["ZIP without a USD layer", zipEntry("readme.txt")],
    ["RIFF WAVE", bytes("RIFF", { le: 36 }, "WAVEfmt ")],
    ["EBML cut short", bytes([0x1a, 0x45, 0xdf, 0xa3])],
  ])("returns undefined for %s", (_label, head) => {
    expect(sniffMediaType(head)).toBeUndefined();
  });

  it("reads a head that is a view into a larger buffer", () => {
    const bmp = SAMPLES["image/bmp"].head;
    const buffer = new Uint8Array(bmp.length + 3);
    buffer.set(bmp, 3);
    expect(sniffMediaType(buffer.subarray(3))).toBe("image/bmp");
  });

  it("never throws on arbitrary bytes", () => {
    let seed = 42;
    const next = (): number =>
      (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let run = 0; run < 500; run++) {
      const head = Uint8Array.from({ length: next() * 3 }, next);
      expect(() => sniffMediaType(head)).not.toThrow();
      for (const magic of [
        [0x1a, 0x45, 0xdf, 0xa3],
        [0x50, 0x4b, 3, 4],
        [0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70],
      ]) {
        expect(() => sniffMediaType(bytes(magic, [...head]))).not.toThrow();
      }
    }
  });

  it("asks for enough bytes to see two MPEG-TS packets", () => {
    expect(SNIFF_BYTES).toBeGreaterThanOrEqual(2 * 188);
  });
});

describe("mediaTypeFromExtension", () => {
  it.each([
    ["clip.MP4", "video/mp4"],
    ["/home/me/movie.mov", "video/quicktime"], // path-check: sample input, never read
    ["C:\\Users\\me\\photo.JPEG", "image/jpeg"], // path-check: sample input, never read
    ["a.b.c/pic.webp", "image/webp"],
    ["captions.en.vtt", "text/vtt"],
    ["scene.usdz", "model/vnd.usdz+zip"],
    ["model.glb", "model/gltf-binary"],
    ["stream.ts", "video/mp2t"],
    ["a.m4v", "video/mp4"],
    ["a.webm", "video/webm"],
    ["a.qt", "video/quicktime"],
    ["a.srt", "text/srt"],
    ["a.jpg", "image/jpeg"],
    ["a.jpe", "image/jpeg"],
    ["a.jfif", "image/jpeg"],
    ["a.gif", "image/gif"],
    ["a.bmp", "image/bmp"],
    ["a.dib", "image/bmp"],
    ["a.png", "image/png"],
    ["a.pjpeg", "image/pjpeg"],
    ["a.pjp", "image/pjpeg"],
    ["a.tif", "image/tiff"],
    ["a.tiff", "image/tiff"],
  ])("maps %s to %s", (name, expected) => {
    expect(mediaTypeFromExtension(name)).toBe(expected);
  });

  it.each([
    "photo",
    "dir.png/photo",
    "dir/.png",
    "C:\\Users\\.png", // path-check: sample input, never read
    ".png",
    "archive.tar.gz",
    "x.constructor",
    "x.",
    "",
  ])("has no media type for %j", (name) => {
    expect(mediaTypeFromExtension(name)).toBeUndefined();
  });
});

describe("resolveMediaType", () => {
  const png = SAMPLES["image/png"].head;
  const unknown = utf8("just some text");

  it("keeps a declared type that the bytes agree with", () => {
    expect(resolveMediaType({ head: png, declared: "image/png" })).toEqual({
      ok: true,
      mediaType: "image/png",
      source: "declared",
    });
  });

  it("keeps a declared type when the bytes say nothing", () => {
    expect(
      resolveMediaType({
        head: unknown,
        declared: "text/srt",
        fileName: "x.png",
      }),
    ).toEqual({
      ok: true,
      mediaType: "text/srt",
      source: "declared",
    });
  });

  it("refuses a declared type the bytes contradict, naming the fix", () => {
    expect(resolveMediaType({ head: png, declared: "video/mp4" })).toEqual({
      ok: false,
      reason:
        "The bytes look like image/png but mediaType 'video/mp4' was given; pass the right mediaType or forceMediaType: true.",
    });
  });

  it("pjpeg and jpeg agree only with each other", () => {
    expect(
      resolveMediaType({ head: png, declared: "image/jpeg" }),
    ).toMatchObject({ ok: false });
    expect(
      resolveMediaType({ head: JPEG_JFIF, declared: "image/png" }),
    ).toMatchObject({ ok: false });
  });

  it("keeps a contradicted declared type with force: true", () => {
    expect(
      resolveMediaType({ head: png, declared: "video/mp4", force: true }),
    ).toEqual({
      ok: true,
      mediaType: "video/mp4",
      source: "declared",
    });
  });

  it("treats image/pjpeg and image/jpeg as the same bytes", () => {
    expect(
      resolveMediaType({
        head: SAMPLES["image/pjpeg"].head,
        declared: "image/pjpeg",
      }),
    ).toMatchObject({
      ok: true,
      mediaType: "image/pjpeg",
    });
    expect(
      resolveMediaType({ head: JPEG_JFIF, declared: "image/pjpeg" }),
    ).toMatchObject({ ok: true });
    expect(
      resolveMediaType({ head: JPEG_PROGRESSIVE, declared: "image/jpeg" }),
    ).toMatchObject({ ok: true });
  });

  it("sniffs when nothing is declared, over a misleading name", () => {
    expect(resolveMediaType({ head: png, fileName: "photo.jpg" })).toEqual({
      ok: true,
      mediaType: "image/png",
      source: "sniffed",
    });
  });

  it("falls back to the extension", () => {
    expect(resolveMediaType({ head: unknown, fileName: "subs.srt" })).toEqual({
      ok: true,
      mediaType: "text/srt",
      source: "extension",
    });
  });

  it("explains when nothing tells the type", () => {
    const withName = resolveMediaType({ head: unknown, fileName: "notes.txt" });
    expect(withName.ok).toBe(false);
    expect(!withName.ok && withName.reason).toMatch(
      /^Could not tell the media type from the file's first bytes or its name 'notes\.txt'; pass mediaType \(one of video\/mp4, .*model\/vnd\.usdz\+zip\)\.$/,
    );
    const bare = resolveMediaType({ head: new Uint8Array(0) });
    expect(!bare.ok && bare.reason).toMatch(
      /^Could not tell the media type from the file's first bytes; pass mediaType/,
    );
  });

  it("refuses a declared value outside the enum, even with force", () => {
    const result = resolveMediaType({
      head: png,
      declared: "image/heic" as MediaType,
      force: true,
    });
    expect(!result.ok && result.reason).toMatch(
      /^mediaType 'image\/heic' is not one X accepts; pass one of video\/mp4, /,
    );
  });

  it.each(MEDIA_TYPES)(
    "round-trips every sample declared as %s",
    (mediaType) => {
      expect(
        resolveMediaType({
          head: SAMPLES[mediaType].head,
          declared: mediaType,
        }),
      ).toEqual({
        ok: true,
        mediaType,
        source: "declared",
      });
    },
  );
});
