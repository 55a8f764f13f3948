// parseMovie: which ranges it reads (64 KiB, growing inside a box up to 4 MiB, back to 64 KiB after a skip),
// when it gives up and with what message, mp4box's console output muted, and the sample entry lookup.
import { afterEach, describe, expect, jest, test } from "@jest/globals";
import { parseMovie } from "../../../src/media/inspect/mp4-boxes.js";
import { bytesReader } from "./fixtures.js";
import {
  audioEntry,
  box,
  esds,
  fourcc,
  mp4,
  u32,
  videoEntry,
  type Track,
} from "./mp4-builder.js";

const KiB = 1024;
const MiB = 1024 * KiB;
const tracks: Track[] = [
  { handler: "vide", entry: videoEntry("avc1", 64, 36), id: 1 },
  {
    handler: "soun",
    entry: audioEntry("mp4a", 2, 44100, esds(0x40, [0x12, 0x10])),
    id: 2,
  },
];

// Appends `extra` to the end of moov (the builder writes ftyp, moov, mdat).
function appendToMoov(bytes: Uint8Array, extra: number[]): Uint8Array {
  const view = new DataView(bytes.buffer);
  const ftyp = view.getUint32(0);
  const moov = view.getUint32(ftyp);
  const end = ftyp + moov;
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes.subarray(0, end));
  out.set(extra, end);
  out.set(bytes.subarray(end), end + extra.length);
  new DataView(out.buffer).setUint32(ftyp, moov + extra.length);
  return out;
}

describe("what is read", () => {
  test("a file under 64 KiB: one read of all of it", async () => {
    const bytes = mp4({ tracks, mdatBytes: 1000 });
    const reader = bytesReader(bytes);
    const parsed = await parseMovie(reader);
    expect(reader.reads).toEqual([[0, bytes.length]]);
    expect(parsed.bytesRead).toBe(bytes.length);
    expect(parsed.movie.videoTracks).toHaveLength(1);
  });

  test("moov at the front, larger than 64 KiB: each next read twice the last", async () => {
    const bytes = mp4({ tracks, moovPadding: 300_000 });
    const reader = bytesReader(bytes);
    const parsed = await parseMovie(reader);
    expect(reader.reads).toEqual([
      [0, 64 * KiB],
      [64 * KiB, 192 * KiB],
      [192 * KiB, bytes.length],
    ]);
    expect(parsed.bytesRead).toBe(bytes.length);
  });

  test("a 13 MB moov: reads grow to 4 MiB and no further", async () => {
    const bytes = mp4({ tracks, moovPadding: 13_000_000 });
    const reader = bytesReader(bytes);
    const parsed = await parseMovie(reader);
    const lengths = reader.reads.map(([start, end]) => end - start);
    expect(lengths).toEqual([
      64 * KiB,
      128 * KiB,
      256 * KiB,
      512 * KiB,
      1 * MiB,
      2 * MiB,
      4 * MiB,
      4 * MiB,
      bytes.length - 12517376,
    ]);
    expect(reader.reads[8]).toEqual([12517376, bytes.length]);
    expect(parsed.bytesRead).toBe(bytes.length);
  });

  test("moov after a large mdat: the head, a 64 KiB read where moov starts, then growing reads", async () => {
    const bytes = mp4({
      tracks,
      moovAtEnd: true,
      mdatBytes: 1_000_000,
      moovPadding: 200_000,
    });
    const reader = bytesReader(bytes);
    const parsed = await parseMovie(reader);
    const moovStart = 1_000_032;
    expect(reader.reads).toEqual([
      [0, 64 * KiB],
      [moovStart, moovStart + 64 * KiB],
      [moovStart + 64 * KiB, moovStart + 192 * KiB],
      [moovStart + 192 * KiB, bytes.length],
    ]);
    expect(parsed.bytesRead).toBe(64 * KiB + bytes.length - moovStart);
    expect(parsed.movie.isProgressive).toBe(false);
  });

  test("a reader that reuses its buffer between reads does not corrupt the movie", async () => {
    const bytes = mp4({ tracks, moovPadding: 100_000 });
    const scratch = new Uint8Array(bytes.length);
    const parsed = await parseMovie({
      size: bytes.length,
      read: async (start, end) => {
        scratch.fill(0xee);
        scratch.set(bytes.subarray(start, end));
        return scratch.subarray(0, end - start);
      },
    });
    expect(parsed.movie.videoTracks[0]?.video).toEqual({
      width: 64,
      height: 36,
    });
    expect(parsed.movie.audioTracks[0]?.audio?.sample_rate).toBe(44100);
  });
});

describe("sampleEntry(id)", () => {
  test("the first sample entry of the track with that id; undefined for another id", async () => {
    const bytes = mp4({
      tracks: [
        { ...tracks[1]!, id: 9 },
        { ...tracks[0]!, id: 4 },
      ],
    });
    const parsed = await parseMovie(bytesReader(bytes));
    expect(parsed.sampleEntry(4)).toMatchObject({
      type: "avc1",
      width: 64,
      height: 36,
    });
    expect(parsed.sampleEntry(9)).toMatchObject({ type: "mp4a" });
    expect(parsed.sampleEntry(1)).toBeUndefined();
    expect(parsed.sampleEntry(0)).toBeUndefined();
  });
});

describe("brands", () => {
  test("ftyp's major brand, then its compatible brands", async () => {
    const bytes = mp4({ brands: ["qt  ", "qt  ", "isom"], tracks });
    const parsed = await parseMovie(bytesReader(bytes));
    expect(parsed.movie.brands).toEqual(["qt  ", "qt  ", "isom"]);
  });

  test("no ftyp: no brands, and the movie is read", async () => {
    const parsed = await parseMovie(bytesReader(mp4({ ftyp: false, tracks })));
    expect(parsed.movie.brands).toEqual([]);
    expect(parsed.movie.videoTracks).toHaveLength(1);
    expect(parsed.movie.duration).toBe(1000);
  });

  test("no ftyp and moov after mdat", async () => {
    const bytes = mp4({
      ftyp: false,
      moovAtEnd: true,
      mdatBytes: 100_000,
      tracks,
    });
    const reader = bytesReader(bytes);
    const parsed = await parseMovie(reader);
    expect(parsed.movie.brands).toEqual([]);
    expect(parsed.movie.isProgressive).toBe(false);
    expect(reader.reads).toEqual([
      [0, 64 * KiB],
      [100_008, bytes.length],
    ]);
  });
});

describe("failures", () => {
  test("no moov: an Error saying so, after reading the file once", async () => {
    const bytes = Uint8Array.from([
      ...box("ftyp", fourcc("isom"), u32(0)),
      ...box("free", [1, 2, 3]),
    ]);
    const reader = bytesReader(bytes);
    await expect(parseMovie(reader)).rejects.toThrow(
      new Error("no moov box (the file holds no movie header)"),
    );
    expect(reader.reads).toEqual([[0, 27]]);
  });

  test("a box too small to be one: parsing stops there, no moov", async () => {
    const bytes = Uint8Array.from([
      ...box("ftyp", fourcc("isom"), u32(0)),
      ...u32(4),
      ...fourcc("free"),
    ]);
    const reader = bytesReader(bytes);
    await expect(parseMovie(reader)).rejects.toThrow(
      new Error("no moov box (the file holds no movie header)"),
    );
    expect(reader.reads).toEqual([[0, 24]]);
  });

  test("a box type that is not text: mp4box's error, module first", async () => {
    const bytes = Uint8Array.from([
      0,
      0,
      0,
      16,
      1,
      2,
      3,
      4,
      ...new Array(8).fill(0),
    ]);
    await expect(parseMovie(bytesReader(bytes))).rejects.toThrow(
      new Error(
        "ISOFile: Invalid data found while parsing box of type '\u0001\u0002\u0003\u0004' at position 0. Aborting parsing.",
      ),
    );
  });

  test("an empty file: no moov, nothing read", async () => {
    const reader = bytesReader(new Uint8Array());
    await expect(parseMovie(reader)).rejects.toThrow(
      "no moov box (the file holds no movie header)",
    );
    expect(reader.reads).toEqual([]);
  });

  test("a reader that returns nothing: no moov, one read", async () => {
    let reads = 0;
    await expect(
      parseMovie({
        size: 1000,
        read: async () => {
          reads++;
          return new Uint8Array();
        },
      }),
    ).rejects.toThrow("no moov box (the file holds no movie header)");
    expect(reads).toBe(1);
  });

  test("no moov within 256 MiB of reading: an Error saying so, after the read that passes 256 MiB", async () => {
    // 1 GiB mdat boxes (64-bit size) one after the other: mp4box skips each, asking for the next header, so
    // every read is 64 KiB; 4096 of them are exactly 256 MiB, not more, so one more read is made.
    const head = new Uint8Array(64 * KiB);
    head.set([0, 0, 0, 1, ...fourcc("mdat"), 0, 0, 0, 0, 0x40, 0, 0, 0]);
    const starts: number[] = [];
    let other = 0;
    const reader = {
      size: 2 ** 50,
      read: async (start: number, end: number) => {
        starts.push(start);
        if (end - start !== 64 * KiB) other++;
        return head;
      },
    };
    await expect(parseMovie(reader)).rejects.toThrow(
      new Error("no moov box within the first 268435456 bytes read"),
    );
    expect(other).toBe(0);
    expect(starts).toHaveLength(4097);
    expect(starts.at(-1)).toBe(4096 * 2 ** 30);
  });
});

describe("mp4box's console output", () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test("is muted while parsing, and console.error is restored afterwards", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    // A box inside moov claiming more bytes than moov holds: mp4box logs it with console.error.
    const bytes = appendToMoov(mp4({ tracks }), [
      ...u32(100),
      ...fourcc("udta"),
    ]);
    const parsed = await parseMovie(bytesReader(bytes));
    expect(parsed.movie.videoTracks).toHaveLength(1);
    expect(spy).not.toHaveBeenCalled();
    expect(console.error).toBe(spy);
  });

  test("console.error is restored when parsing throws", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    // av01 without its av1C: mp4box's getInfo() throws a TypeError.
    const bytes = mp4({
      tracks: [{ handler: "vide", entry: videoEntry("av01", 64, 36) }],
    });
    await expect(parseMovie(bytesReader(bytes))).rejects.toThrow(TypeError);
    expect(console.error).toBe(spy);
  });
});
