// What inspectMedia() learns about a file from its headers: the facts X's media rules are about.
import type { MediaType } from "../types.js";

/** Random access to a file's bytes: inspection reads only the ranges it needs. */
export interface ByteReader {
  /** Total bytes. */
  readonly size: number;
  /** Bytes [start, end) (fewer at the end of the file). */
  read(start: number, end: number): Promise<Uint8Array>;
}

/** The video track of an MP4/MOV. */
export interface VideoTrackInfo {
  /** `h264`, `hevc`, `av1`, `vp9`, `mpeg4`, `prores`, … (the sample entry's format when unknown). */
  codec: string;
  /** RFC 6381 codec string, e.g. `avc1.64001f`. */
  codecString: string;
  /** `High`, `Main`, `Baseline`, `Constrained Baseline`, `High 10`, `Main 10`, …, when known. */
  profile: string | undefined;
  /** `yuv420p`, `yuv420p10`, `yuv422p`, `yuv444p`, `gray`, …, when the codec configuration says. */
  pixelFormat: string | undefined;
  /** Pixel aspect ratio from the `pasp` box (`[1, 1]` is square), when present. */
  pixelAspectRatio: readonly [number, number] | undefined;
  /** Average bits per second of the track, when known. */
  bitrate: number | undefined;
}

/** The audio track of an MP4/MOV. */
export interface AudioTrackInfo {
  /** `aac`, `mp3`, `ac-3`, `opus`, `alac`, `lpcm`, … (the sample entry's format when unknown). */
  codec: string;
  /** RFC 6381 codec string, e.g. `mp4a.40.2`. */
  codecString: string;
  /** For AAC: `LC`, `HE-AAC` (SBR), `HE-AAC v2` (SBR + PS), `Main`, `LTP`, …; from the AudioSpecificConfig. */
  profile: string | undefined;
  /** Channel count (the AudioSpecificConfig's channel configuration wins over the sample entry's field). */
  channels: number | undefined;
  /** Samples per second. */
  sampleRate: number | undefined;
  /** Average bits per second of the track, when known. */
  bitrate: number | undefined;
}

/** What every inspection tells. */
export interface InspectionBase {
  /** The media type inspected as (sniffed from the bytes unless given). */
  mediaType: MediaType | undefined;
  /** File size in bytes. */
  size: number;
  /** Bytes read from the file to learn the rest. */
  bytesRead: number;
}

/** An MP4 or QuickTime file. */
export interface VideoInspection extends InspectionBase {
  kind: "video";
  container: "mp4" | "mov";
  /** Seconds, from the movie header (undefined for a fragmented file that does not say). */
  durationSeconds: number | undefined;
  /** Display width and height of the video track in pixels. */
  width: number | undefined;
  height: number | undefined;
  /** Average frames per second of the video track (samples ÷ track duration). */
  frameRate: number | undefined;
  /** Average bits per second of the whole file (size ÷ duration). */
  bitrate: number | undefined;
  video: VideoTrackInfo | undefined;
  audio: AudioTrackInfo | undefined;
  /** Number of audio tracks (X plays one). */
  audioTracks: number;
  /** Whether `moov` comes before `mdat` ("fast start"); false means inspection read the end of the file. */
  fastStart: boolean;
  /** Whether the file is fragmented (`moof` boxes, e.g. from a pipe); sample counts then live outside `moov`. */
  fragmented: boolean;
}

/** A GIF (animated or not). */
export interface GifInspection extends InspectionBase {
  kind: "gif";
  width: number;
  height: number;
  /** Image blocks in the file. */
  frameCount: number;
  /** width × height × frames, X's "number of pixels". */
  totalPixels: number;
}

/** A PNG, JPEG or WEBP still image. */
export interface ImageInspection extends InspectionBase {
  kind: "image";
  format: "png" | "jpeg" | "webp";
  width: number;
  height: number;
}

/** A type inspection does not look into (WebM, MPEG-TS, BMP, TIFF, subtitles, 3D models) or could not read. */
export interface OtherInspection extends InspectionBase {
  kind: "other";
  /** Why nothing more is known. */
  reason: string;
  /** True when the type is one inspection reads but this file could not be read as it (damaged, truncated). */
  failed: boolean;
}

/** What {@link inspectMedia} found. */
export type MediaInspection =
  VideoInspection | GifInspection | ImageInspection | OtherInspection;
