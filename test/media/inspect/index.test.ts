// inspectBytes: dispatch by media type, the types it does not look into, and a reader or parser failure turned
// into a description with the reason.
import { describe, expect, test } from "@jest/globals";
import { inspectBytes } from "../../../src/media/inspect/index.js";
import { bytesReader } from "./fixtures.js";
import { mp4 } from "./mp4-builder.js";

const GIF = Uint8Array.from([
  ...Buffer.from("GIF89a", "latin1"),
  2,
  0,
  1,
  0,
  0,
  0,
  0,
  0x3b,
]);

describe("dispatch", () => {
  test.each([
    ["video/mp4", mp4(), "video"],
    ["video/quicktime", mp4(), "video"],
    ["image/gif", GIF, "gif"],
  ] as const)("%s is inspected as %s", async (mediaType, bytes, kind) => {
    expect(await inspectBytes(bytesReader(bytes), mediaType)).toMatchObject({
      kind,
      mediaType,
      size: bytes.length,
    });
  });

  test.each([
    "video/webm",
    "video/mp2t",
    "image/bmp",
    "text/srt",
    "model/gltf-binary",
  ] as const)("%s is not inspected, and nothing is read", async (mediaType) => {
    const reader = bytesReader(GIF);
    expect(await inspectBytes(reader, mediaType)).toStrictEqual({
      kind: "other",
      mediaType,
      size: GIF.length,
      reason: `${mediaType} is not inspected (MP4, MOV, GIF, PNG, JPEG and WEBP are)`,
      failed: false,
      bytesRead: 0,
    });
    expect(reader.reads).toEqual([]);
  });

  test("no media type: unrecognised, not a failure", async () => {
    expect(await inspectBytes(bytesReader(GIF), undefined)).toStrictEqual({
      kind: "other",
      mediaType: undefined,
      size: GIF.length,
      reason: "unrecognised media type",
      failed: false,
      bytesRead: 0,
    });
  });
});

describe("failures are described", () => {
  test("a reader that rejects with an Error: its message", async () => {
    const reader = {
      size: 100,
      read: async () => {
        throw new Error("disk gone");
      },
    };
    expect(await inspectBytes(reader, "image/png")).toStrictEqual({
      kind: "other",
      mediaType: "image/png",
      size: 100,
      reason: "could not be read as image/png: disk gone",
      failed: true,
      bytesRead: 0,
    });
  });

  test("a reader that rejects with something else: it as a string", async () => {
    const reader = {
      size: 100,
      read: async () => {
        throw 404;
      },
    };
    expect(await inspectBytes(reader, "image/gif")).toMatchObject({
      kind: "other",
      reason: "could not be read as image/gif: 404",
      failed: true,
    });
  });
});
