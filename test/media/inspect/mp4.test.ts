// inspectMp4 on movies written box by box (mp4-builder.ts): codec names per sample entry and esds object type,
// profiles and pixel formats from avcC/hvcC, channels, durations (movie header, fragments), frame rate, bitrates.
import { describe, expect, test } from "@jest/globals";
import { inspectBytes } from "../../../src/media/inspect/index.js";
import { inspectMp4 } from "../../../src/media/inspect/mp4.js";
import { bytesReader } from "./fixtures.js";
import {
  audioEntry,
  av1C,
  avcC,
  esds,
  hvcC,
  mp4,
  pasp,
  videoEntry,
  vpcC,
  type Movie,
  type Track,
} from "./mp4-builder.js";

const inspect = (movie: Movie) => inspectMp4(bytesReader(mp4(movie)));
const video = (entry: number[], more: Partial<Track> = {}): Track => ({
  handler: "vide",
  entry,
  ...more,
});
const audio = (entry: number[], more: Partial<Track> = {}): Track => ({
  handler: "soun",
  entry,
  ...more,
});
// ue(0) sps id, ue(1) 4:2:0, ue(0) 8-bit: 1 010 1 000
const HIGH_SPS = [0x67, 100, 0, 31, 0xa8];
// AAC LC, 44.1 kHz, stereo.
const LC_STEREO = [0x12, 0x10];

describe("a whole movie", () => {
  test("H.264 High and AAC LC: every field", async () => {
    const movie: Movie = {
      timescale: 600,
      duration: 1001, // 1.668… s
      tracks: [
        video(videoEntry("avc1", 1280, 720, avcC(100, HIGH_SPS), pasp(1, 1)), {
          timescale: 30000,
          samples: 30,
          sampleDelta: 1001,
          sampleSize: 7,
        }),
        audio(audioEntry("mp4a", 2, 44100, esds(0x40, LC_STEREO)), {
          timescale: 44100,
          samples: 43,
          sampleDelta: 1024,
          sampleSize: 3,
        }),
      ],
    };
    const bytes = mp4(movie);
    const inspection = await inspectMp4(bytesReader(bytes));
    expect(inspection).toStrictEqual({
      kind: "video",
      container: "mp4",
      size: bytes.length,
      durationSeconds: 1001 / 600,
      width: 1280,
      height: 720,
      frameRate: expect.closeTo(29.97003, 5),
      bitrate: Math.round((bytes.length * 8 * 600) / 1001),
      video: {
        codec: "h264",
        codecString: "avc1.64001f",
        profile: "High",
        pixelFormat: "yuv420p",
        pixelAspectRatio: [1, 1],
        // 210 bytes in 30030/30000 s: 1678.3 bit/s
        bitrate: 1678,
      },
      audio: {
        codec: "aac",
        codecString: "mp4a.40.2",
        profile: "LC",
        channels: 2,
        sampleRate: 44100,
        // 129 bytes in 44032/44100 s: 1033.6 bit/s
        bitrate: 1034,
      },
      audioTracks: 1,
      fastStart: true,
      fragmented: false,
      bytesRead: bytes.length,
    });
    expect(Number.isInteger(inspection.bitrate)).toBe(true);
  });

  test("no tracks: no video, audio, size or frame rate", async () => {
    expect(await inspect({ tracks: [] })).toMatchObject({
      kind: "video",
      durationSeconds: 1,
      width: undefined,
      height: undefined,
      frameRate: undefined,
      video: undefined,
      audio: undefined,
      audioTracks: 0,
    });
  });

  test("audio only: no video fields; the audio described", async () => {
    const inspection = await inspect({
      tracks: [audio(audioEntry("mp4a", 1, 22050, esds(0x40, [0x13, 0x88])))],
    });
    expect(inspection).toMatchObject({
      width: undefined,
      height: undefined,
      frameRate: undefined,
      video: undefined,
      audio: { codec: "aac", profile: "LC", channels: 1, sampleRate: 22050 },
      audioTracks: 1,
    });
  });

  test("the first of two audio tracks is described; both are counted", async () => {
    const inspection = await inspect({
      tracks: [
        video(videoEntry("avc1", 64, 64)),
        audio(audioEntry("ac-3", 6, 48000)),
        audio(audioEntry("mp4a", 2, 44100, esds(0x40, LC_STEREO))),
      ],
    });
    expect(inspection.audioTracks).toBe(2);
    expect(inspection.audio).toMatchObject({ codec: "ac-3", channels: 6 });
  });

  test("each track's sample entry is found by its track id, whatever the order", async () => {
    const inspection = await inspect({
      tracks: [
        audio(audioEntry("mp4a", 2, 48000, esds(0x40, [0x11, 0x90])), {
          id: 7,
        }),
        video(videoEntry("hvc1", 320, 240, hvcC(2, 1, 2)), { id: 3 }),
      ],
    });
    expect(inspection.video).toMatchObject({
      codec: "hevc",
      profile: "Main 10",
    });
    expect(inspection.audio).toMatchObject({ codec: "aac", profile: "LC" });
  });
});

describe("video codec", () => {
  test.each([
    ["avc1", "h264", "avc1", []],
    ["avc3", "h264", "avc3", []],
    ["hvc1", "hevc", "hvc1", []],
    ["hev1", "hevc", "hev1", []],
    ["av01", "av1", "av01.0.08M.08", [av1C()]],
    ["vp08", "vp8", "vp08.00.31.08", [vpcC()]],
    ["vp09", "vp9", "vp09.00.31.08", [vpcC()]],
    ["mp4v", "mpeg4", "mp4v", []],
    // A sample entry the table does not name: its own type.
    ["mjpg", "mjpg", "mjpg", []],
  ] as [string, string, string, number[][]][])(
    "%s: %s",
    async (type, codec, codecString, children) => {
      const inspection = await inspect({
        tracks: [video(videoEntry(type, 64, 48, ...children))],
      });
      expect(inspection.video).toStrictEqual({
        codec,
        codecString,
        profile: undefined,
        pixelFormat: undefined,
        pixelAspectRatio: undefined,
        bitrate: 800,
      });
      expect(inspection).toMatchObject({ width: 64, height: 48 });
    },
  );

  test("avcC: profile and pixel format from its profile byte and first SPS", async () => {
    // ue(0), ue(2) 4:2:2, ue(2) 10-bit: 1 011 011 0
    const sps = [0x67, 122, 0, 40, 0xb6];
    const inspection = await inspect({
      tracks: [video(videoEntry("avc1", 64, 48, avcC(122, sps)))],
    });
    expect(inspection.video).toMatchObject({
      codecString: "avc1.7a0028",
      profile: "High 4:2:2",
      pixelFormat: "yuv422p10",
    });
  });

  test("avcC: Constrained Baseline from the SPS's constraint flags", async () => {
    const sps = [0x67, 66, 0xc0, 30, 0x80];
    const inspection = await inspect({
      tracks: [video(videoEntry("avc1", 64, 48, avcC(66, sps)))],
    });
    expect(inspection.video).toMatchObject({
      profile: "Constrained Baseline",
      pixelFormat: "yuv420p",
    });
  });

  test("avcC without an SPS: the profile only", async () => {
    const inspection = await inspect({
      tracks: [video(videoEntry("avc1", 64, 48, avcC(100, [])))],
    });
    expect(inspection.video).toMatchObject({
      codecString: "avc1.64001e",
      profile: "High",
      pixelFormat: undefined,
    });
    const main = await inspect({
      tracks: [video(videoEntry("avc1", 64, 48, avcC(77, [])))],
    });
    expect(main.video).toMatchObject({
      profile: "Main",
      pixelFormat: "yuv420p",
    });
  });

  test("hvcC: profile, chroma format and luma bit depth", async () => {
    const inspection = await inspect({
      tracks: [video(videoEntry("hev1", 64, 48, hvcC(4, 3, 4)))],
    });
    expect(inspection.video).toMatchObject({
      codec: "hevc",
      profile: "Range Extensions",
      pixelFormat: "yuv444p12",
    });
  });

  test("pasp: the pixel aspect ratio, horizontal then vertical spacing", async () => {
    const inspection = await inspect({
      tracks: [video(videoEntry("avc1", 720, 480, pasp(10, 11)))],
    });
    expect(inspection.video?.pixelAspectRatio).toEqual([10, 11]);
  });
});

describe("audio codec", () => {
  test.each([
    ["ac-3", "ac-3"],
    ["ec-3", "e-ac-3"],
    ["Opus", "opus"],
    ["fLaC", "flac"],
    // A sample entry the table does not name: its own type.
    ["ac-4", "ac-4"],
  ])("%s: %s", async (type, codec) => {
    const inspection = await inspect({
      tracks: [audio(audioEntry(type, 6, 48000))],
    });
    expect(inspection.audio).toStrictEqual({
      codec,
      codecString: type,
      profile: undefined,
      channels: 6,
      sampleRate: 48000,
      bitrate: 800,
    });
  });

  test.each([
    [0x40, "aac", "mp4a.40.2", "LC"],
    [0x66, "aac", "mp4a.66.2", "LC"],
    [0x67, "aac", "mp4a.67.2", "LC"],
    [0x68, "aac", "mp4a.68.2", "LC"],
    [0x69, "mp3", "mp4a.69.2", undefined],
    [0x6b, "mp3", "mp4a.6b.2", undefined],
    [0xa9, "mp4a", "mp4a.a9.2", undefined],
    [0x65, "mp4a", "mp4a.65.2", undefined],
  ])(
    "mp4a, esds objectTypeIndication %i: %s",
    async (oti, codec, codecString, profile) => {
      // The AudioSpecificConfig says mono; the sample entry says stereo.
      const inspection = await inspect({
        tracks: [audio(audioEntry("mp4a", 2, 44100, esds(oti, [0x12, 0x08])))],
      });
      expect(inspection.audio).toStrictEqual({
        codec,
        codecString,
        profile,
        channels: profile ? 1 : 2,
        sampleRate: 44100,
        bitrate: 800,
      });
    },
  );

  test("mp4a without esds is AAC of unknown profile", async () => {
    const inspection = await inspect({
      tracks: [audio(audioEntry("mp4a", 2, 32000))],
    });
    expect(inspection.audio).toStrictEqual({
      codec: "aac",
      codecString: "mp4a",
      profile: undefined,
      channels: 2,
      sampleRate: 32000,
      bitrate: 800,
    });
  });

  test("the DecoderConfigDescriptor and DecoderSpecificInfo are found by tag, after other descriptors", async () => {
    // An SLConfigDescriptor (tag 6) before the DecoderConfigDescriptor, and one before the DecoderSpecificInfo
    // (its byte would not parse as an AudioSpecificConfig).
    const entry = audioEntry(
      "mp4a",
      2,
      44100,
      esds(0x40, [0x11, 0xb0], {
        es: [6, 1, 2],
        decoder: [6, 1, 2],
      }),
    );
    const inspection = await inspect({ tracks: [audio(entry)] });
    expect(inspection.audio).toMatchObject({
      codec: "aac",
      profile: "LC",
      channels: 6,
    });
    const mp3 = audioEntry(
      "mp4a",
      2,
      44100,
      esds(0x6b, undefined, { es: [6, 1, 2] }),
    );
    expect((await inspect({ tracks: [audio(mp3)] })).audio?.codec).toBe("mp3");
  });

  test("an esds without a DecoderSpecificInfo: AAC, no profile, the entry's channels", async () => {
    const inspection = await inspect({
      tracks: [audio(audioEntry("mp4a", 2, 44100, esds(0x40)))],
    });
    expect(inspection.audio).toMatchObject({
      codec: "aac",
      profile: undefined,
      channels: 2,
    });
  });

  test("AAC channels: the AudioSpecificConfig's wins; configuration 0 falls back to the entry's", async () => {
    const six = await inspect({
      tracks: [audio(audioEntry("mp4a", 2, 48000, esds(0x40, [0x11, 0xb0])))],
    });
    expect(six.audio).toMatchObject({ channels: 6, profile: "LC" });
    // LC, 48 kHz, channel configuration 0, GA flags 000
    const zero = await inspect({
      tracks: [audio(audioEntry("mp4a", 2, 48000, esds(0x40, [0x11, 0x80])))],
    });
    expect(zero.audio).toMatchObject({ channels: 2, profile: "LC" });
  });

  test("an AudioSpecificConfig too short to parse: no profile, the entry's channels", async () => {
    const inspection = await inspect({
      tracks: [audio(audioEntry("mp4a", 2, 48000, esds(0x40, [0x11])))],
    });
    expect(inspection.audio).toMatchObject({
      codec: "aac",
      profile: undefined,
      channels: 2,
    });
  });

  test("HE-AAC v2 (explicit PS signalling)", async () => {
    const inspection = await inspect({
      tracks: [
        audio(
          audioEntry("mp4a", 2, 44100, esds(0x40, [0xeb, 0x8a, 0x08, 0x00])),
        ),
      ],
    });
    expect(inspection.audio).toMatchObject({
      codec: "aac",
      codecString: "mp4a.40.29",
      profile: "HE-AAC v2",
      channels: 1,
    });
  });
});

describe("container", () => {
  test.each([
    [["qt  "], "mov"],
    [["qt  ", "qt  "], "mov"],
    [["isom", "qt  "], "mp4"],
    [["mp42", "isom"], "mp4"],
    [["M4V "], "mp4"],
  ])("brands %j: %s", async (brands, container) => {
    expect(await inspect({ brands })).toMatchObject({ container });
  });

  test("no ftyp (QuickTime before 2001): mov, read like the others", async () => {
    for (const moovAtEnd of [false, true]) {
      const bytes = mp4({
        ftyp: false,
        moovAtEnd,
        tracks: [video(videoEntry("avc1", 320, 240))],
      });
      expect(
        await inspectBytes(bytesReader(bytes), "video/quicktime"),
      ).toMatchObject({
        kind: "video",
        container: "mov",
        durationSeconds: 1,
        width: 320,
        height: 240,
        fastStart: !moovAtEnd,
        video: { codec: "h264" },
      });
    }
  });
});

describe("duration and bitrate", () => {
  test("from the movie header: duration ÷ timescale; the file's bits per second, rounded", async () => {
    const bytes = mp4({ timescale: 90000, duration: 90000 * 3 + 1 });
    const inspection = await inspectMp4(bytesReader(bytes));
    expect(inspection.durationSeconds).toBe(270001 / 90000);
    expect(inspection.bitrate).toBe(
      Math.round((bytes.length * 8 * 90000) / 270001),
    );
  });

  test("a zero movie duration: none, and no bitrate", async () => {
    expect(await inspect({ duration: 0 })).toMatchObject({
      durationSeconds: undefined,
      bitrate: undefined,
    });
  });

  test("a zero movie timescale: none", async () => {
    expect(await inspect({ timescale: 0, duration: 1000 })).toMatchObject({
      durationSeconds: undefined,
      bitrate: undefined,
    });
  });

  test("fragmented: the mehd fragment duration in the movie timescale when mvhd has none", async () => {
    const bytes = mp4({
      timescale: 1000,
      duration: 0,
      fragmented: { duration: 2500 },
    });
    expect(await inspectMp4(bytesReader(bytes))).toMatchObject({
      fragmented: true,
      durationSeconds: 2.5,
      bitrate: Math.round((bytes.length * 8) / 2.5),
    });
  });

  test("fragmented: the movie header's duration wins over mehd", async () => {
    expect(
      await inspect({ duration: 4000, fragmented: { duration: 2500 } }),
    ).toMatchObject({ durationSeconds: 4 });
  });

  test("fragmented with a zero movie timescale: no duration (mehd's has no timescale)", async () => {
    expect(
      await inspect({
        timescale: 0,
        duration: 1000,
        fragmented: { duration: 500 },
      }),
    ).toMatchObject({ durationSeconds: undefined, bitrate: undefined });
  });

  test("fragmented without mehd: the longest track in moov", async () => {
    const inspection = await inspect({
      duration: 0,
      fragmented: {},
      tracks: [
        video(videoEntry("avc1", 64, 64), { samples: 10, sampleDelta: 300 }),
        audio(audioEntry("mp4a", 1, 8000), {
          timescale: 8000,
          samples: 30,
          sampleDelta: 1024,
        }),
      ],
    });
    expect(inspection.durationSeconds).toBe(3.84);
  });

  test("fragmented without mehd or tracks: 0 seconds, no bitrate", async () => {
    expect(await inspect({ duration: 0, fragmented: {} })).toMatchObject({
      fragmented: true,
      durationSeconds: 0,
      bitrate: undefined,
    });
  });
});

describe("frame rate", () => {
  test("video samples ÷ the track's duration in its own timescale", async () => {
    // 48 samples of 1/24 s at timescale 12288 (512 each): 24 fps, whatever the movie header says.
    const inspection = await inspect({
      duration: 5000,
      tracks: [
        video(videoEntry("avc1", 64, 64), {
          timescale: 12288,
          samples: 48,
          sampleDelta: 512,
        }),
      ],
    });
    expect(inspection).toMatchObject({ frameRate: 24, durationSeconds: 5 });
  });

  test("a video track of zero duration or zero timescale has none", async () => {
    for (const more of [{ sampleDelta: 0 }, { timescale: 0 }, { samples: 0 }]) {
      const inspection = await inspect({
        tracks: [video(videoEntry("avc1", 64, 64), more)],
      });
      expect([more, inspection.frameRate]).toEqual([more, undefined]);
    }
  });

  test("a video track of zero timescale has no bitrate either", async () => {
    const inspection = await inspect({
      tracks: [video(videoEntry("avc1", 64, 64), { timescale: 0 })],
    });
    expect(inspection.video?.bitrate).toBeUndefined();
    expect(inspection.video?.codec).toBe("h264");
  });

  test("an empty track has no bitrate (0 bits)", async () => {
    const inspection = await inspect({
      tracks: [video(videoEntry("avc1", 64, 64), { sampleSize: 0 })],
    });
    expect(inspection.video?.bitrate).toBeUndefined();
    expect(inspection.frameRate).toBe(10);
  });
});

describe("through inspectBytes", () => {
  test("video/mp4 and video/quicktime are inspected as movies", async () => {
    for (const mediaType of ["video/mp4", "video/quicktime"] as const) {
      const reader = bytesReader(mp4({ brands: ["qt  "] }));
      expect(await inspectBytes(reader, mediaType)).toMatchObject({
        kind: "video",
        mediaType,
        container: "mov",
      });
    }
  });
});
