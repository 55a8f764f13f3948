// AudioSpecificConfig (AAC profile, SBR/PS signalling, channels), H.264 SPS pixel formats, image headers.
import { describe, expect, test } from "@jest/globals";
import { parseAacConfig } from "../../../src/media/inspect/audio-config.js";
import {
  avcFormat,
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
