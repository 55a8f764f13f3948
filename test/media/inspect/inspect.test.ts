// inspectMedia on the committed fixtures (each breaking one X rule) and on 1 GiB sparse files: the facts, and
// that only the boxes needed are read (the head, and the tail when moov is at the end).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { inspectMedia, InvalidInputError } from "../../../src/index.js";
import { inspectBytes } from "../../../src/media/inspect/index.js";
import { loggingReader, media } from "./fixtures.js";

const conformingVideo = {
  kind: "video",
  mediaType: "video/mp4",
  container: "mp4",
  durationSeconds: 1,
  width: 256,
  height: 144,
  frameRate: 30,
  video: {
    codec: "h264",
    codecString: "avc1.64000c",
    profile: "High",
    pixelFormat: "yuv420p",
    pixelAspectRatio: [1, 1],
    bitrate: expect.any(Number),
  },
  audio: {
    codec: "aac",
    codecString: "mp4a.40.2",
    profile: "LC",
    channels: 2,
    sampleRate: 44100,
    bitrate: expect.any(Number),
  },
  audioTracks: 1,
  fastStart: true,
  fragmented: false,
};

describe("fixtures", () => {
  test("each committed media fixture is well under 100 KB", () => {
    const dir = media("");
    for (const name of readdirSync(dir)) {
      expect([name, statSync(join(dir, name)).size < 100_000]).toEqual([
        name,
        true,
      ]);
    }
  });

  test("conforming.mp4: every fact X's rules need", async () => {
    const inspection = await inspectMedia(media("conforming.mp4"));
    expect(inspection).toEqual({
      ...conformingVideo,
      size: 3794,
      bitrate: 30352,
      bytesRead: 3794,
    });
  });

  test("conforming.mov: QuickTime container, esds inside the wave box", async () => {
    const inspection = await inspectMedia(media("conforming.mov"));
    expect(inspection).toMatchObject({
      kind: "video",
      mediaType: "video/quicktime",
      container: "mov",
      audio: { codec: "aac", profile: "LC", channels: 2 },
    });
  });

  test.each([
    ["fps-61.mp4", { frameRate: 61 }],
    [
      "size-2000x2000.mp4",
      { width: 2000, height: 2000, audio: undefined, audioTracks: 0 },
    ],
    ["aspect-1x4.mp4", { width: 128, height: 512 }],
    [
      "duration-150s.mp4",
      { durationSeconds: 150, frameRate: 1, width: 64, height: 64 },
    ],
    ["moov-at-end.mp4", { fastStart: false }],
    [
      "he-aac.mp4",
      {
        audio: expect.objectContaining({
          codecString: "mp4a.40.5",
          profile: "HE-AAC",
        }),
      },
    ],
    [
      "audio-5.1.mp4",
      { audio: expect.objectContaining({ channels: 6, profile: "LC" }) },
    ],
    [
      "yuv444p.mp4",
      {
        video: expect.objectContaining({
          profile: "High 4:4:4 Predictive",
          pixelFormat: "yuv444p",
        }),
      },
    ],
  ])("%s", async (name, expected) => {
    const inspection = await inspectMedia(media(name));
    expect(inspection).toMatchObject({ kind: "video", ...expected });
  });

  test("frames-351.gif: size, frames and total pixels", async () => {
    expect(await inspectMedia(media("frames-351.gif"))).toEqual({
      kind: "gif",
      mediaType: "image/gif",
      size: statSync(media("frames-351.gif")).size,
      width: 16,
      height: 16,
      frameCount: 351,
      totalPixels: 16 * 16 * 351,
      bytesRead: statSync(media("frames-351.gif")).size,
    });
  });

  test.each([
    ["still.png", "png", "image/png"],
    ["still.jpg", "jpeg", "image/jpeg"],
    ["still.webp", "webp", "image/webp"],
  ])("%s: dimensions from the header", async (name, format, mediaType) => {
    expect(await inspectMedia(media(name))).toMatchObject({
      kind: "image",
      format,
      mediaType,
      width: 40,
      height: 30,
    });
  });
});

describe("reads only what it needs", () => {
  let dir: string;
  const moov = readMoov(media("moov-at-end.mp4"));
  const ftyp = Buffer.from(
    "0000001c667479706973366d0000020069736f6d69736f32617663316d703431".slice(
      0,
      56,
    ),
    "hex",
  );
  const GiB = 2 ** 30;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "x-media-upload-inspect-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // A sparse 1 GiB MP4: ftyp, then moov and a 1 GiB mdat, or the mdat first and moov at the end.
  async function sparseMp4(moovAtEnd: boolean): Promise<string> {
    const path = join(dir, moovAtEnd ? "end.mp4" : "front.mp4");
    const mdat = Buffer.alloc(8);
    mdat.writeUInt32BE(GiB);
    mdat.write("mdat", 4, "latin1");
    const file = await open(path, "w");
    const parts = moovAtEnd ? [ftyp, mdat, moov] : [ftyp, moov, mdat];
    let position = 0;
    for (const part of parts) {
      await file.write(part, 0, part.length, position);
      position += part === mdat ? GiB : part.length;
    }
    await file.truncate(position);
    await file.close();
    return path;
  }

  test("moov at the front: one 64 KiB read of the head", async () => {
    const reader = await loggingReader(await sparseMp4(false));
    const inspection = await inspectBytes(reader, "video/mp4");
    expect(inspection).toMatchObject({
      kind: "video",
      fastStart: true,
      width: 256,
      durationSeconds: 1,
    });
    expect(reader.reads).toEqual([[0, 65536]]);
  });

  test("moov at the end: the head, then the moov at the tail, skipping the 1 GiB mdat", async () => {
    const reader = await loggingReader(await sparseMp4(true));
    const inspection = await inspectBytes(reader, "video/mp4");
    expect(inspection).toMatchObject({
      kind: "video",
      fastStart: false,
      width: 256,
      durationSeconds: 1,
    });
    const moovStart = reader.size - moov.length;
    expect(reader.reads).toEqual([
      [0, 65536],
      [moovStart, reader.size],
    ]);
    expect(inspection.bytesRead).toBe(65536 + moov.length);
  });

  test("a truncated MP4 (no moov) is described, not thrown", async () => {
    const bytes = readFileSync(media("moov-at-end.mp4")).subarray(0, 2000);
    const inspection = await inspectMedia(bytes);
    expect(inspection).toMatchObject({
      kind: "other",
      failed: true,
      mediaType: "video/mp4",
    });
    expect(inspection.kind === "other" && inspection.reason).toMatch(
      /could not be read as video\/mp4: no moov/,
    );
  });

  test("a GIF cut short counts the frames that are there", async () => {
    const bytes = readFileSync(media("frames-351.gif"));
    const inspection = await inspectMedia(bytes.subarray(0, bytes.length / 2));
    expect(inspection.kind === "gif" && inspection.frameCount).toBeGreaterThan(
      100,
    );
    expect(inspection.kind === "gif" && inspection.frameCount).toBeLessThan(
      351,
    );
  });
});

describe("inputs", () => {
  test("a Buffer, a Blob and a stream give the same inspection as the path", async () => {
    const path = media("conforming.mp4");
    const bytes = readFileSync(path);
    const fromPath = await inspectMedia(path);
    expect(await inspectMedia(bytes)).toEqual(fromPath);
    expect(await inspectMedia(new Blob([bytes]))).toEqual(fromPath);
    expect(await inspectMedia(Readable.from([bytes]))).toEqual(fromPath);
  });

  test("types it does not look into, and unknown bytes, say so", async () => {
    expect(
      await inspectMedia(
        Buffer.from("1\n00:00:01,000 --> 00:00:02,000\nHi\n"),
        { fileName: "a.srt" },
      ),
    ).toMatchObject({
      kind: "other",
      mediaType: "text/srt",
      failed: false,
      reason:
        "text/srt is not inspected (MP4, MOV, GIF, PNG, JPEG and WEBP are)",
    });
    expect(await inspectMedia(Buffer.from("hello"))).toMatchObject({
      kind: "other",
      mediaType: undefined,
      reason: "unrecognised media type",
    });
  });

  test("a missing file is an InvalidInputError; a bad mediaType a TypeError", async () => {
    await expect(inspectMedia("/nonexistent/clip.mp4")).rejects.toThrow(
      InvalidInputError,
    );
    await expect(
      inspectMedia(Buffer.from("x"), { mediaType: "video/avi" as never }),
    ).rejects.toThrow(TypeError);
  });
});

// The moov box of an MP4 (a top-level box walk).
function readMoov(path: string): Buffer {
  const bytes = readFileSync(path);
  for (let at = 0; at < bytes.length; at += bytes.readUInt32BE(at)) {
    if (bytes.toString("latin1", at + 4, at + 8) === "moov")
      return bytes.subarray(at, at + bytes.readUInt32BE(at));
  }
  throw new Error(`no moov in ${path}`);
}
