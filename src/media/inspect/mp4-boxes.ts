// Feeds mp4box (GPAC's MP4Box.js) only the byte ranges it asks for: the head, then, when `mdat` comes first,
// the `moov` at the end. mp4box answers each appendBuffer with the file position it needs next, skipping mdat.
import type { ByteReader } from "./types.js";

// The slice of mp4box's parsed boxes we read (its own types are wide and generated; this keeps ours narrow).
/** A sample entry (`avc1`, `mp4a`, …) with the child boxes we look at. */
export interface SampleEntry {
  type: string;
  width?: number;
  height?: number;
  channel_count?: number;
  avcC?: { AVCProfileIndication: number; SPS: { data: Uint8Array }[] };
  hvcC?: {
    general_profile_idc: number;
    chroma_format_idc: number;
    bit_depth_luma_minus8: number;
  };
  pasp?: { hSpacing: number; vSpacing: number };
  esds?: { esd?: Descriptor };
  /** QuickTime sound descriptions keep esds inside a `wave` box. */
  wave?: { esds?: { esd?: Descriptor } };
}
/** An MPEG-4 descriptor inside esds (ES → DecoderConfig → DecoderSpecificInfo). */
export interface Descriptor {
  tag: number;
  oti?: number;
  data?: Uint8Array;
  descs?: Descriptor[];
}
/** A track as mp4box's getInfo() describes it. */
export interface TrackInfo {
  id: number;
  codec: string;
  bitrate: number;
  nb_samples: number;
  samples_duration: number;
  timescale: number;
  video?: { width: number; height: number };
  audio?: { sample_rate: number; channel_count: number };
}
/** The movie as mp4box's getInfo() describes it. */
export interface MovieInfo {
  duration: number;
  timescale: number;
  isFragmented: boolean;
  isProgressive: boolean;
  brands: string[];
  fragment_duration?: { num: number; den: number };
  videoTracks: TrackInfo[];
  audioTracks: TrackInfo[];
}
/** What parsing the boxes gave. */
export interface ParsedMovie {
  movie: MovieInfo;
  /** The first sample entry of track `id`. */
  sampleEntry(id: number): SampleEntry | undefined;
  bytesRead: number;
}

const HEAD_BYTES = 64 * 1024;
// Reads grow up to this once inside a large moov (hours of video have moov tables of tens of MB).
const MAX_READ = 4 * 1024 * 1024;
// A file whose moov is not found within this much reading is not inspected further.
const MAX_TOTAL_READ = 256 * 1024 * 1024;

/** Parses the moov of the MP4/MOV behind `reader`; throws an Error saying why when there is none. */
export async function parseMovie(reader: ByteReader): Promise<ParsedMovie> {
  const { createFile, MP4BoxBuffer } = await import("mp4box");
  const file = createFile();
  let movie: MovieInfo | undefined;
  let failure: string | undefined;
  // QuickTime files older than ftyp (2001) start with moov, mdat or wide, and mp4box's getInfo() reads ftyp
  // without checking: give it an empty one when moov is found without one, and report no brands.
  let noFtyp = false;
  file.onMoovStart = () => {
    const isoFile = file as unknown as { ftyp?: object };
    if (isoFile.ftyp) return;
    noFtyp = true;
    isoFile.ftyp = { compatible_brands: [] };
  };
  file.onReady = (info) => {
    movie = info as unknown as MovieInfo;
    if (noFtyp) movie.brands = [];
  };
  file.onError = (module, message) => (failure = `${module}: ${message}`);
  let position = 0;
  let bytesRead = 0;
  let chunk = HEAD_BYTES;
  while (!movie && !failure && position < reader.size) {
    if (bytesRead > MAX_TOTAL_READ) {
      failure = `no moov box within the first ${MAX_TOTAL_READ} bytes read`;
      break;
    }
    const bytes = await reader.read(
      position,
      Math.min(reader.size, position + chunk),
    );
    if (bytes.length === 0) break;
    bytesRead += bytes.length;
    // mp4box keeps the buffer, so it gets its own copy of exactly these bytes.
    const buffer = MP4BoxBuffer.fromArrayBuffer(bytes.slice().buffer, position);
    const next = quietly(() =>
      file.appendBuffer(buffer, position + bytes.length >= reader.size),
    );
    // Inside a box mp4box asks for the next bytes: read more at once.
    chunk =
      next === position + bytes.length
        ? Math.min(chunk * 2, MAX_READ)
        : HEAD_BYTES;
    if (next <= position) break;
    position = next;
  }
  if (!movie) {
    throw new Error(failure ?? "no moov box (the file holds no movie header)");
  }
  const moov = (file as unknown as { moov?: MoovBox }).moov;
  return {
    movie,
    bytesRead,
    sampleEntry: (id) =>
      moov?.traks.find((t) => t.tkhd?.track_id === id)?.mdia?.minf?.stbl?.stsd
        ?.entries[0],
  };
}

// mp4box reports some malformed boxes (and QuickTime's zero terminator atom) with console.error and has no silent
// level; appendBuffer is synchronous, so muting console.error around it silences only mp4box.
function quietly<T>(parse: () => T): T {
  const error = console.error;
  console.error = () => {};
  try {
    return parse();
  } finally {
    console.error = error;
  }
}

interface MoovBox {
  traks: {
    tkhd?: { track_id: number };
    mdia?: { minf?: { stbl?: { stsd?: { entries: SampleEntry[] } } } };
  }[];
}
