// A minimal MP4/MOV writer for tests: ftyp, moov (mvhd, one trak per track with its sample table), mdat. Enough
// for mp4box to describe the movie, with every field the inspection reads settable.

type Bytes = number[];
export const u8 = (n: number): Bytes => [n & 0xff];
export const u16 = (n: number): Bytes => [(n >> 8) & 0xff, n & 0xff];
export const u24 = (n: number): Bytes => [(n >> 16) & 0xff, ...u16(n)];
export const u32 = (n: number): Bytes => [
  (n >>> 24) & 0xff,
  (n >> 16) & 0xff,
  (n >> 8) & 0xff,
  n & 0xff,
];
export const fourcc = (s: string): Bytes => [...Buffer.from(s, "latin1")];
const zeros = (n: number): Bytes => new Array<number>(n).fill(0);

/** A box: 32-bit size, type, payload. */
export const box = (type: string, ...parts: Bytes[]): Bytes => {
  const payload = parts.flat();
  return [...u32(8 + payload.length), ...fourcc(type), ...payload];
};
/** A full box: version and flags, then the payload. */
export const fullBox = (type: string, flags: number, ...parts: Bytes[]) =>
  box(type, u8(0), u24(flags), ...parts);

const MATRIX = [
  ...u32(0x10000),
  ...zeros(12),
  ...u32(0x10000),
  ...zeros(12),
  ...u32(0x40000000),
];

/** An MPEG-4 descriptor with a one-byte length. */
export const descriptor = (tag: number, ...parts: Bytes[]): Bytes => {
  const payload = parts.flat();
  return [tag, payload.length, ...payload];
};

/**
 * esds: ES descriptor → DecoderConfigDescriptor (object type `oti`) → DecoderSpecificInfo (`config`).
 * `first` puts other descriptors before the DecoderConfigDescriptor (`es`) or the DecoderSpecificInfo (`decoder`).
 */
export const esds = (
  oti: number,
  config?: Bytes,
  first: { es?: Bytes; decoder?: Bytes } = {},
): Bytes =>
  fullBox(
    "esds",
    0,
    descriptor(
      3,
      u16(1), // ES_ID
      u8(0), // flags
      first.es ?? [],
      descriptor(
        4,
        u8(oti),
        u8(0x15), // stream type 5 (audio) << 2 | 1
        u24(0),
        u32(128000),
        u32(128000),
        first.decoder ?? [],
        config ? descriptor(5, config) : [],
      ),
      first.es ? [] : descriptor(6, u8(2)),
    ),
  );

/** avcC with the profile byte and one SPS NAL unit (none when `sps` is empty). */
export const avcC = (profile: number, sps: Bytes): Bytes =>
  box(
    "avcC",
    u8(1),
    u8(profile),
    u8(sps[2] ?? 0),
    u8(sps[3] ?? 30),
    u8(0xff), // lengthSizeMinusOne 3
    sps.length > 0 ? [0xe1, ...u16(sps.length), ...sps] : [0xe0],
    u8(1), // one PPS
    u16(4),
    [0x68, 0xee, 0x3c, 0x80],
  );

/** hvcC with the fields the inspection reads. */
export const hvcC = (profile: number, chroma: number, lumaMinus8: number) =>
  box(
    "hvcC",
    u8(1),
    u8(profile), // profile space 0, tier 0, profile_idc
    u32(0x60000000), // compatibility flags
    zeros(6), // constraint flags
    u8(93), // level
    u16(0xf000),
    u8(0xfc),
    u8(0xfc | chroma),
    u8(0xf8 | lumaMinus8),
    u8(0xf8 | lumaMinus8),
    u16(0),
    u8(0x0f), // lengthSizeMinusOne 3
    u8(0), // no arrays
  );

/** av1C: AV1 main profile, level 8, 4:2:0. */
export const av1C = (): Bytes => box("av1C", [0x81, 0x08, 0x0c, 0x00]);
/** vpcC (version 1): profile 0, level 31, 8-bit 4:2:0. */
export const vpcC = (): Bytes =>
  box(
    "vpcC",
    u8(1),
    u24(0),
    u8(0),
    u8(31),
    u8(0x82),
    u8(1),
    u8(1),
    u8(1),
    u16(0),
  );

export const pasp = (h: number, v: number): Bytes =>
  box("pasp", u32(h), u32(v));

/** A visual sample entry (`avc1`, `hvc1`, …) of `width`×`height` with child boxes. */
export const videoEntry = (
  type: string,
  width: number,
  height: number,
  ...children: Bytes[]
): Bytes =>
  box(
    type,
    zeros(6),
    u16(1), // data_reference_index
    zeros(16),
    u16(width),
    u16(height),
    u32(0x00480000),
    u32(0x00480000),
    u32(0),
    u16(1), // frame_count
    zeros(32), // compressorname
    u16(0x18),
    u16(0xffff),
    ...children,
  );

/** An audio sample entry (`mp4a`, `ac-3`, …) with child boxes; `version` 1 is QuickTime's sound description v1. */
export const audioEntry = (
  type: string,
  channels: number,
  sampleRate: number,
  ...children: Bytes[]
): Bytes =>
  box(
    type,
    zeros(6),
    u16(1),
    zeros(8), // version, revision, vendor
    u16(channels),
    u16(16),
    u16(0),
    u16(0),
    u32(sampleRate * 0x10000),
    ...children,
  );

export interface Track {
  handler: "vide" | "soun";
  /** The sample entry (a whole box). */
  entry: Bytes;
  timescale?: number;
  /** Samples and the duration of each, in the track's timescale. */
  samples?: number;
  sampleDelta?: number;
  /** Bytes per sample. */
  sampleSize?: number;
  id?: number;
}

export interface Movie {
  /** Major brand then compatible brands. */
  brands?: string[];
  /** false: no ftyp box (QuickTime files from before 2001). */
  ftyp?: boolean;
  timescale?: number;
  duration?: number;
  tracks?: Track[];
  /** mdat before moov. */
  moovAtEnd?: boolean;
  /** An mvex box (a fragmented file), with an mehd of this fragment duration when given. */
  fragmented?: { duration?: number };
  /** Zero bytes in mdat (16 by default). */
  mdatBytes?: number;
  /** Bytes of a free box at the end of moov (none by default). */
  moovPadding?: number;
}

const trak = (t: Track, index: number): Bytes => {
  const {
    timescale = 1000,
    samples = 10,
    sampleDelta = 100,
    sampleSize = 10,
    id = index + 1,
  } = t;
  const header =
    t.handler === "vide"
      ? fullBox("vmhd", 1, zeros(8))
      : fullBox("smhd", 0, zeros(4));
  return box(
    "trak",
    fullBox(
      "tkhd",
      3,
      u32(0),
      u32(0),
      u32(id),
      u32(0),
      u32(samples * sampleDelta),
      zeros(8),
      u16(0),
      u16(0),
      u16(t.handler === "soun" ? 0x0100 : 0),
      u16(0),
      MATRIX,
      u32(0),
      u32(0),
    ),
    box(
      "mdia",
      fullBox(
        "mdhd",
        0,
        u32(0),
        u32(0),
        u32(timescale),
        u32(samples * sampleDelta),
        u16(0x55c4),
        u16(0),
      ),
      fullBox("hdlr", 0, u32(0), fourcc(t.handler), zeros(12), u8(0)),
      box(
        "minf",
        header,
        box("dinf", fullBox("dref", 0, u32(1), fullBox("url ", 1))),
        box(
          "stbl",
          fullBox("stsd", 0, u32(1), t.entry),
          fullBox("stts", 0, u32(1), u32(samples), u32(sampleDelta)),
          fullBox("stsc", 0, u32(1), u32(1), u32(samples), u32(1)),
          // Size 0 means a table of sizes follows: of zeros here.
          sampleSize === 0
            ? fullBox("stsz", 0, u32(0), u32(samples), zeros(4 * samples))
            : fullBox("stsz", 0, u32(sampleSize), u32(samples)),
          fullBox("stco", 0, u32(1), u32(0)),
        ),
      ),
    ),
  );
};

/** The bytes of a movie. */
export function mp4(m: Movie = {}): Uint8Array {
  const {
    brands = ["isom", "isom", "avc1"],
    timescale = 1000,
    duration = 1000,
  } = m;
  const tracks = m.tracks ?? [];
  const ftyp =
    m.ftyp === false
      ? []
      : box(
          "ftyp",
          fourcc(brands[0] ?? ""),
          u32(0x200),
          ...brands.slice(1).map(fourcc),
        );
  const mvex = m.fragmented
    ? box(
        "mvex",
        m.fragmented.duration === undefined
          ? []
          : fullBox("mehd", 0, u32(m.fragmented.duration)),
        ...tracks.map((_, i) =>
          fullBox("trex", 0, u32(i + 1), u32(1), u32(0), u32(0), u32(0)),
        ),
      )
    : [];
  const inner = [
    ...fullBox(
      "mvhd",
      0,
      u32(0),
      u32(0),
      u32(timescale),
      u32(duration),
      u32(0x10000),
      u16(0x100),
      zeros(10),
      MATRIX,
      zeros(24),
      u32(tracks.length + 1),
    ),
    ...tracks.flatMap(trak),
    ...mvex,
  ];
  // A free box of `moovPadding` bytes at the end of moov, and the mdat payload: zeros, written without arrays.
  const padding = m.moovPadding ?? 0;
  const moov: Segment[] = [
    [...u32(8 + inner.length + padding), ...fourcc("moov"), ...inner],
    ...(padding > 0 ? [[...u32(padding), ...fourcc("free")], padding - 8] : []),
  ];
  const mdatBytes = m.mdatBytes ?? 16;
  const mdat: Segment[] = [
    [...u32(8 + mdatBytes), ...fourcc("mdat")],
    mdatBytes,
  ];
  const parts: Segment[] = m.moovAtEnd
    ? [ftyp, ...mdat, ...moov]
    : [ftyp, ...moov, ...mdat];
  const size = parts.reduce<number>(
    (n, p) => n + (typeof p === "number" ? p : p.length),
    0,
  );
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    if (typeof part === "number") at += part;
    else {
      out.set(part, at);
      at += part.length;
    }
  }
  return out;
}
/** Bytes, or a count of zero bytes. */
type Segment = Bytes | number;
