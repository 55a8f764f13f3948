// inspectMp4 on a parsed movie given directly (parseMovie mocked): the rows of the codec tables and the fallbacks
// that mp4box 2.4.1 cannot produce from bytes. It parses ProRes (apch…), LPCM (sowt, twos, lpcm, ipcm, fpcm), ALAC
// and .mp3 sample entries as generic entries, listed as neither video nor audio tracks, and it always finds a
// sample entry for a track and gives video tracks a width.
import { expect, jest, test } from "@jest/globals";
import type {
  ParsedMovie,
  SampleEntry,
  TrackInfo,
} from "../../../src/media/inspect/mp4-boxes.js";

let parsed: ParsedMovie;
jest.unstable_mockModule("../../../src/media/inspect/mp4-boxes.js", () => ({
  parseMovie: async () => parsed,
}));
const { inspectMp4 } = await import("../../../src/media/inspect/mp4.js");

const track = (id: number, codec: string, more: Partial<TrackInfo> = {}) => ({
  id,
  codec,
  bitrate: 1000,
  nb_samples: 25,
  samples_duration: 1000,
  timescale: 1000,
  ...more,
});

async function inspectWith(
  videoTracks: TrackInfo[],
  audioTracks: TrackInfo[],
  entries: Record<number, SampleEntry>,
) {
  parsed = {
    bytesRead: 100,
    sampleEntry: (id) => entries[id],
    movie: {
      duration: 2000,
      timescale: 1000,
      isFragmented: false,
      isProgressive: true,
      brands: ["qt  "],
      videoTracks,
      audioTracks,
    },
  };
  return inspectMp4({ size: 1000, read: async () => new Uint8Array() });
}

test.each([
  ["apch", "prores"],
  ["apcn", "prores"],
  ["apcs", "prores"],
  ["apco", "prores"],
  ["ap4h", "prores"],
])("video sample entry %s: %s", async (type, codec) => {
  const inspection = await inspectWith([track(1, type)], [], {
    1: { type, width: 1920, height: 1080 },
  });
  expect(inspection.video).toStrictEqual({
    codec,
    codecString: type,
    profile: undefined,
    pixelFormat: undefined,
    pixelAspectRatio: undefined,
    bitrate: 1000,
  });
});

test.each([
  ["alac", "alac"],
  [".mp3", "mp3"],
  ["sowt", "lpcm"],
  ["twos", "lpcm"],
  ["lpcm", "lpcm"],
  ["ipcm", "lpcm"],
  ["fpcm", "lpcm"],
])("audio sample entry %s: %s", async (type, codec) => {
  const inspection = await inspectWith(
    [],
    [track(2, type, { audio: { sample_rate: 48000, channel_count: 2 } })],
    { 2: { type } },
  );
  expect(inspection.audio).toStrictEqual({
    codec,
    codecString: type,
    profile: undefined,
    channels: 2,
    sampleRate: 48000,
    bitrate: 1000,
  });
});

test("without a sample entry, the codec comes from the codec string's first part", async () => {
  const inspection = await inspectWith(
    [track(1, "hvc1.1.6.L93.B0")],
    [track(2, "ec-3")],
    {},
  );
  expect(inspection.video).toMatchObject({
    codec: "hevc",
    codecString: "hvc1.1.6.L93.B0",
    profile: undefined,
  });
  expect(inspection.audio).toMatchObject({
    codec: "e-ac-3",
    channels: undefined,
  });
});

test("width and height: the track's, else the sample entry's", async () => {
  const fromEntry = await inspectWith(
    [track(1, "avc1", { video: { width: 0, height: 0 } })],
    [],
    { 1: { type: "avc1", width: 640, height: 480 } },
  );
  expect(fromEntry).toMatchObject({ width: 640, height: 480 });
  const fromTrack = await inspectWith(
    [track(1, "avc1", { video: { width: 1280, height: 720 } })],
    [],
    { 1: { type: "avc1", width: 640, height: 480 } },
  );
  expect(fromTrack).toMatchObject({ width: 1280, height: 720 });
});

test("a video track without samples has no frame rate, whatever its duration", async () => {
  const inspection = await inspectWith(
    [track(1, "avc1", { nb_samples: 0 })],
    [],
    {
      1: { type: "avc1" },
    },
  );
  expect(inspection.frameRate).toBeUndefined();
  const one = await inspectWith([track(1, "avc1", { nb_samples: 1 })], [], {
    1: { type: "avc1" },
  });
  expect(one.frameRate).toBe(1);
});

test("a track bitrate that is not finite is unknown", async () => {
  for (const bitrate of [Infinity, NaN, -5, 0]) {
    const inspection = await inspectWith([track(1, "avc1", { bitrate })], [], {
      1: { type: "avc1" },
    });
    expect([bitrate, inspection.video?.bitrate]).toEqual([bitrate, undefined]);
  }
  const rounded = await inspectWith([track(1, "avc1", { bitrate: 0.5 })], [], {
    1: { type: "avc1" },
  });
  expect(rounded.video?.bitrate).toBe(1);
});

test("a negative fragment duration gives that duration and no bitrate", async () => {
  parsed = {
    bytesRead: 100,
    sampleEntry: () => undefined,
    movie: {
      duration: 0,
      timescale: 1000,
      isFragmented: true,
      isProgressive: true,
      brands: ["isom"],
      fragment_duration: { num: -500, den: 1000 },
      videoTracks: [],
      audioTracks: [],
    },
  };
  const inspection = await inspectMp4({
    size: 1000,
    read: async () => new Uint8Array(),
  });
  expect(inspection).toMatchObject({
    container: "mp4",
    durationSeconds: -0.5,
    bitrate: undefined,
    fragmented: true,
  });
});

test("the rest comes from the movie as parsed", async () => {
  expect(await inspectWith([], [], {})).toStrictEqual({
    kind: "video",
    container: "mov",
    size: 1000,
    durationSeconds: 2,
    width: undefined,
    height: undefined,
    frameRate: undefined,
    bitrate: 4000,
    video: undefined,
    audio: undefined,
    audioTracks: 0,
    fastStart: true,
    fragmented: false,
    bytesRead: 100,
  });
});
