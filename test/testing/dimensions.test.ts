import { describe, expect, it } from "@jest/globals";
import { imageSize } from "../../src/testing/dimensions.js";

const hex = (text: string): Uint8Array =>
  Buffer.from(text.replace(/ /g, ""), "hex");
const latin1 = (text: string): Buffer => Buffer.from(text, "latin1");

describe("imageSize (the fake's image {w, h})", () => {
  it("reads PNG's IHDR", () => {
    const png = Buffer.concat([
      latin1("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"),
      hex("00000500 000002d0"),
    ]);
    expect(imageSize(png)).toEqual({ w: 1280, h: 720 });
  });

  it("reads GIF's logical screen", () => {
    expect(imageSize(latin1("GIF89a\x40\x01\xf0\x00"))).toEqual({
      w: 320,
      h: 240,
    });
  });

  it("walks JPEG segments to the start of frame", () => {
    const jpeg = hex(
      "ffd8 ffe0 0010 4a46494600010100000100010000 ffc0 0011 08 0438 0780 03",
    );
    expect(imageSize(jpeg)).toEqual({ w: 1920, h: 1080 });
  });

  it("reads WebP VP8X canvas size", () => {
    const webp = Buffer.concat([
      latin1("RIFF\0\0\0\0WEBPVP8X"),
      hex("0a000000 00000000 7f0200 df0100"),
    ]);
    expect(imageSize(webp)).toEqual({ w: 640, h: 480 });
  });

  it("is undefined for a header that does not show the size", () => {
    expect(imageSize(latin1("\x89PNG\r\n"))).toBeUndefined();
    expect(imageSize(hex("ffd8ffe000104a464946"))).toBeUndefined();
    expect(imageSize(latin1("II*\0"))).toBeUndefined();
  });
});
