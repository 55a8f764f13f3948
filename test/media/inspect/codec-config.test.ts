// AudioSpecificConfig (AAC profile, SBR/PS signalling, channels), H.264 SPS pixel formats, image headers.
import { describe, expect, test } from "@jest/globals";
import { parseAacConfig } from "../../../src/media/inspect/audio-config.js";
import {
  avcFormat,
  hevcFormat,
  pixelFormatName,
} from "../../../src/media/inspect/codec-config.js";
import { inspectBytes } from "../../../src/media/inspect/index.js";

const bytes = (...b: number[]) => Uint8Array.from(b);
const reader = (b: Uint8Array) => ({
  size: b.length,
  read: async (s: number, e: number) => b.subarray(s, e),
});

describe("parseAacConfig (ISO/IEC 14496-3 §1.6.2.1)", () => {
  test.each([
    ["AAC LC, 44.1 kHz stereo", bytes(0x12, 0x10), "LC", 2, false, false],
    // ffmpeg's native encoder: LC plus a sync extension 0x2b7 saying "SBR: no".
    [
      "LC with a sync extension, sbrPresentFlag 0",
      bytes(0x12, 0x10, 0x56, 0xe5, 0x00),
      "LC",
      2,
      false,
      false,
    ],
    [
      "backward-compatible HE-AAC: sync extension with sbrPresentFlag 1",
      bytes(0x12, 0x10, 0x56, 0xe5, 0x80),
      "HE-AAC",
      2,
      true,
      false,
    ],
    [
      "explicit hierarchical HE-AAC (object type 5)",
      bytes(0x2b, 0x92, 0x08, 0x00),
      "HE-AAC",
      2,
      true,
      false,
    ],
    [
      "explicit hierarchical HE-AAC v2 (object type 29)",
      bytes(0xeb, 0x92, 0x08, 0x00),
      "HE-AAC v2",
      2,
      true,
      true,
    ],
    ["AAC Main, mono", bytes(0x0a, 0x08), "Main", 1, false, false],
    ["5.1 (channel configuration 6)", bytes(0x11, 0xb0), "LC", 6, false, false],
  ])("%s", (_name, config, profile, channels, sbr, ps) => {
    expect(parseAacConfig(config)).toMatchObject({
      profile,
      channels,
      sbr,
      ps,
    });
  });

  test("too short is undefined, not a throw", () => {
    expect(parseAacConfig(bytes(0x12))).toBeUndefined();
  });
});

describe("H.264 profile and pixel format", () => {
  test("Baseline with constraint_set1 is Constrained Baseline, always 4:2:0", () => {
    expect(avcFormat(66, bytes(0x67, 66, 0x40, 30))).toEqual({
      profile: "Constrained Baseline",
      pixelFormat: "yuv420p",
    });
    expect(avcFormat(77, undefined)).toEqual({
      profile: "Main",
      pixelFormat: "yuv420p",
    });
  });

  test("High profiles read chroma_format_idc and bit depth from the SPS", () => {
    // NAL 0x67, High 10 (110), flags, level 30; ue(0)=1, ue(1)=010, ue(2)=011 → bits 1 010 011 0 = 0xa6.
    expect(avcFormat(110, bytes(0x67, 110, 0, 30, 0xa6))).toEqual({
      profile: "High 10",
      pixelFormat: "yuv420p10",
    });
    // ue(0) sps id, ue(2) 4:2:2, ue(0) 8-bit → 1 011 1 000 = 0xb8.
    expect(avcFormat(122, bytes(0x67, 122, 0, 30, 0xb8))).toEqual({
      profile: "High 4:2:2",
      pixelFormat: "yuv422p",
    });
  });

  test("pixelFormatName", () => {
    expect(pixelFormatName(0, 8)).toBe("gray");
    expect(pixelFormatName(3, 10)).toBe("yuv444p10");
  });
});

describe("image headers", () => {
  test("JPEG: skips an APP1 (EXIF) segment to the SOF2 frame header", async () => {
    const app1 = [0xff, 0xe1, 0x00, 0x06, 0x45, 0x78, 0x69, 0x66];
    const sof2 = [0xff, 0xc2, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x02, 0x58, 0x03];
    const jpeg = bytes(0xff, 0xd8, ...app1, ...sof2, ...new Array(20).fill(0));
    expect(await inspectBytes(reader(jpeg), "image/jpeg")).toMatchObject({
      kind: "image",
      width: 600,
      height: 300,
    });
  });

  test("WEBP lossless (VP8L) and extended (VP8X)", async () => {
    const riff = (chunk: string, body: number[]) =>
      bytes(
        ...Buffer.from(`RIFF\0\0\0\0WEBP${chunk}\0\0\0\0`, "latin1"),
        ...body,
        ...new Array(20).fill(0),
      );
    // VP8L: signature 0x2f, then 14 bits width−1 = 99, 14 bits height−1 = 49.
    const bits = 99 | (49 << 14);
    const vp8l = riff("VP8L", [
      0x2f,
      bits & 0xff,
      (bits >> 8) & 0xff,
      (bits >> 16) & 0xff,
      bits >>> 24,
    ]);
    expect(await inspectBytes(reader(vp8l), "image/webp")).toMatchObject({
      width: 100,
      height: 50,
    });
    // VP8X: 4 flag bytes, then 24-bit width−1 = 2999, height−1 = 1999.
    const vp8x = riff("VP8X", [0, 0, 0, 0, 0xb7, 0x0b, 0x00, 0xcf, 0x07, 0x00]);
    expect(await inspectBytes(reader(vp8x), "image/webp")).toMatchObject({
      width: 3000,
      height: 2000,
    });
  });

  test("a PNG without IHDR is described as unreadable", async () => {
    const png = bytes(
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...new Array(30).fill(0),
    );
    expect(await inspectBytes(reader(png), "image/png")).toMatchObject({
      kind: "other",
      failed: true,
    });
  });
});

describe("avcFormat: profile names", () => {
  test.each([
    [66, "Baseline"],
    [77, "Main"],
    [88, "Extended"],
    [100, "High"],
    [110, "High 10"],
    [122, "High 4:2:2"],
    [244, "High 4:4:4 Predictive"],
    [44, "CAVLC 4:4:4 Intra"],
    [118, undefined],
    [0, undefined],
  ])("profile_idc %i: %s", (idc, profile) => {
    // ue(0) sps id, ue(1) 4:2:0, ue(0) 8-bit: 1 010 1 000
    expect(avcFormat(idc, bytes(0x67, idc, 0, 30, 0xa8)).profile).toBe(profile);
  });

  test("Constrained Baseline needs profile 66 and constraint_set1_flag (0x40)", () => {
    expect(avcFormat(66, bytes(0x67, 66, 0xbf, 30)).profile).toBe("Baseline");
    expect(avcFormat(66, bytes(0x67, 66, 0x40, 30)).profile).toBe(
      "Constrained Baseline",
    );
    expect(avcFormat(66, undefined).profile).toBe("Baseline");
    expect(avcFormat(77, bytes(0x67, 77, 0x40, 30)).profile).toBe("Main");
  });
});

describe("avcFormat: pixel format", () => {
  test("profiles without chroma_format_idc are 4:2:0 8-bit whatever the SPS says", () => {
    // 4:4:4 10-bit if it were read: 1 00100 011 → ue(0), ue(3), ue(2).
    for (const idc of [66, 77, 88, 0]) {
      expect(avcFormat(idc, bytes(0x67, idc, 0, 30, 0x91, 0x80))).toEqual({
        profile: avcFormat(idc, undefined).profile,
        pixelFormat: "yuv420p",
      });
    }
  });

  test.each([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135])(
    "profile_idc %i reads chroma_format_idc and bit depth",
    (idc) => {
      // ue(0) sps id, ue(2) 4:2:2, ue(1) 9-bit: 1 011 010 0
      expect(avcFormat(idc, bytes(0x67, idc, 0, 30, 0xb4)).pixelFormat).toBe(
        "yuv422p9",
      );
    },
  );

  test("4:4:4 has a separate_colour_plane_flag before the bit depth", () => {
    // ue(0), ue(3) = 00100, flag 1, ue(2) = 011: 1 00100 1 0 | 11 000000
    expect(avcFormat(244, bytes(0x67, 244, 0, 30, 0x92, 0xc0))).toEqual({
      profile: "High 4:4:4 Predictive",
      pixelFormat: "yuv444p10",
    });
    // flag 0, ue(0) = 1: 1 00100 0 1
    expect(avcFormat(244, bytes(0x67, 244, 0, 30, 0x91)).pixelFormat).toBe(
      "yuv444p",
    );
  });

  test("monochrome (chroma_format_idc 0) and a large sps id", () => {
    // ue(31) = 00000 100000, ue(0) = 1, ue(0) = 1: 00000100 0001 1 000
    expect(
      avcFormat(100, bytes(0x67, 100, 0, 30, 0x04, 0x18)).pixelFormat,
    ).toBe("gray");
  });

  test("no SPS, or one cut short: profile only", () => {
    expect(avcFormat(100, undefined)).toEqual({
      profile: "High",
      pixelFormat: undefined,
    });
    expect(avcFormat(100, bytes(0x67, 100, 0, 30))).toEqual({
      profile: "High",
      pixelFormat: undefined,
    });
    // ue(0), ue(1), then ue(8) needs 7 bits where 1 is left: 1 010 0001
    expect(avcFormat(110, bytes(0x67, 110, 0, 30, 0xa1))).toEqual({
      profile: "High 10",
      pixelFormat: undefined,
    });
  });

  test("emulation prevention bytes (00 00 03) are removed before the fields are read", () => {
    // Level 0 and constraint flags 0 put 00 00 before the 03; the fields are then 0xa6: 4:2:0 10-bit.
    expect(avcFormat(110, bytes(0x67, 110, 0, 0, 3, 0xa6))).toEqual({
      profile: "High 10",
      pixelFormat: "yuv420p10",
    });
    // 00 00 03 03: the second 03 is data (the count of zeros starts over after a removed byte).
    // 03 5b 80 = 0000001 101011 | 011 | 1: sps id ue(106), ue(2) 4:2:2, ue(0) 8-bit. Were the 03 dropped too,
    // 5b 80 = 010 | 1 | 1 would say 4:0:0 ("gray").
    expect(avcFormat(110, bytes(0x67, 110, 0, 0, 3, 3, 0x5b, 0x80))).toEqual({
      profile: "High 10",
      pixelFormat: "yuv422p",
    });
    // Two zeros before anything but 03: nothing removed.
    expect(avcFormat(110, bytes(0x67, 110, 0, 0, 0xa6)).pixelFormat).toBe(
      "yuv420p10",
    );
    // A 03 after a single zero is data.
    expect(avcFormat(110, bytes(0x67, 110, 0, 3, 0xa6)).pixelFormat).toBe(
      "yuv420p10",
    );
  });
});

describe("pixelFormatName and hevcFormat", () => {
  test.each([
    [0, 8, "gray"],
    [1, 8, "yuv420p"],
    [2, 8, "yuv422p"],
    [3, 8, "yuv444p"],
    [1, 9, "yuv420p9"],
    [1, 10, "yuv420p10"],
    [0, 12, "gray12"],
    [4, 8, "unknown"],
    [4, 10, "unknown10"],
    [1, 7, "yuv420p"],
  ])("chroma %i, %i bits: %s", (chroma, depth, name) => {
    expect(pixelFormatName(chroma, depth)).toBe(name);
  });

  test.each([
    [1, 1, 0, { profile: "Main", pixelFormat: "yuv420p" }],
    [2, 1, 2, { profile: "Main 10", pixelFormat: "yuv420p10" }],
    [3, 1, 0, { profile: "Main Still Picture", pixelFormat: "yuv420p" }],
    [4, 3, 4, { profile: "Range Extensions", pixelFormat: "yuv444p12" }],
    [5, 2, 0, { profile: undefined, pixelFormat: "yuv422p" }],
    [0, 0, 1, { profile: undefined, pixelFormat: "gray9" }],
  ])(
    "hvcC profile %i, chroma %i, luma depth 8 + %i",
    (idc, chroma, minus8, expected) => {
      expect(
        hevcFormat({
          general_profile_idc: idc,
          chroma_format_idc: chroma,
          bit_depth_luma_minus8: minus8,
        }),
      ).toEqual(expected);
    },
  );
});
