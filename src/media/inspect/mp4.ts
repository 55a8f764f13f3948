// MP4/MOV facts for X's video rules, from the moov box (parsed by mp4box) and the codec configurations.
import { parseAacConfig } from "./audio-config.js";
import { avcFormat, hevcFormat, type VideoFormat } from "./codec-config.js";
import {
  parseMovie,
  type Descriptor,
  type SampleEntry,
  type TrackInfo,
} from "./mp4-boxes.js";
import type {
  AudioTrackInfo,
  ByteReader,
  VideoInspection,
  VideoTrackInfo,
} from "./types.js";

const VIDEO_CODECS: Readonly<Record<string, string>> = {
  avc1: "h264",
  avc3: "h264",
  hvc1: "hevc",
  hev1: "hevc",
  av01: "av1",
  vp08: "vp8",
  vp09: "vp9",
  mp4v: "mpeg4",
  apch: "prores",
  apcn: "prores",
  apcs: "prores",
  apco: "prores",
  ap4h: "prores",
};
const AUDIO_CODECS: Readonly<Record<string, string>> = {
  "ac-3": "ac-3",
  "ec-3": "e-ac-3",
  Opus: "opus",
  fLaC: "flac",
  alac: "alac",
  ".mp3": "mp3",
  sowt: "lpcm",
  twos: "lpcm",
  lpcm: "lpcm",
  ipcm: "lpcm",
  fpcm: "lpcm",
};
// esds objectTypeIndication (MP4RA): 0x40 MPEG-4 Audio, 0x66–0x68 MPEG-2 AAC, 0x69/0x6b MPEG audio (MP3).
const AAC_OTI = new Set([0x40, 0x66, 0x67, 0x68]);
const MPEG_AUDIO_OTI = new Set([0x69, 0x6b]);

/** Inspects an MP4 or QuickTime file, reading only its boxes' headers and the moov box. */
export async function inspectMp4(
  reader: ByteReader,
): Promise<Omit<VideoInspection, "mediaType">> {
  const { movie, sampleEntry, bytesRead } = await parseMovie(reader);
  const videoTrack = movie.videoTracks[0];
  const audioTrack = movie.audioTracks[0];
  const seconds =
    movie.duration > 0 && movie.timescale > 0
      ? movie.duration / movie.timescale
      : movie.fragment_duration && movie.fragment_duration.den > 0
        ? movie.fragment_duration.num / movie.fragment_duration.den
        : undefined;
  const trackSeconds =
    videoTrack && videoTrack.timescale > 0
      ? videoTrack.samples_duration / videoTrack.timescale
      : 0;
  const videoEntry = videoTrack && sampleEntry(videoTrack.id);
  return {
    kind: "video",
    // QuickTime files have major brand "qt  ", or (older ones) no ftyp at all.
    container:
      movie.brands.length === 0 || movie.brands[0] === "qt  " ? "mov" : "mp4",
    size: reader.size,
    durationSeconds: seconds,
    width: videoTrack?.video?.width || videoEntry?.width,
    height: videoTrack?.video?.height || videoEntry?.height,
    frameRate:
      videoTrack && videoTrack.nb_samples > 0 && trackSeconds > 0
        ? videoTrack.nb_samples / trackSeconds
        : undefined,
    bitrate:
      seconds && seconds > 0
        ? Math.round((reader.size * 8) / seconds)
        : undefined,
    video: videoTrack && describeVideo(videoTrack, videoEntry),
    audio: audioTrack && describeAudio(audioTrack, sampleEntry(audioTrack.id)),
    audioTracks: movie.audioTracks.length,
    fastStart: movie.isProgressive,
    fragmented: movie.isFragmented,
    bytesRead,
  };
}

function describeVideo(
  track: TrackInfo,
  entry: SampleEntry | undefined,
): VideoTrackInfo {
  const type = entry?.type ?? track.codec.split(".")[0] ?? "";
  const format: VideoFormat = entry?.avcC
    ? avcFormat(entry.avcC.AVCProfileIndication, entry.avcC.SPS[0]?.data)
    : entry?.hvcC
      ? hevcFormat(entry.hvcC)
      : { profile: undefined, pixelFormat: undefined };
  return {
    codec: VIDEO_CODECS[type] ?? type,
    codecString: track.codec,
    ...format,
    pixelAspectRatio: entry?.pasp
      ? [entry.pasp.hSpacing, entry.pasp.vSpacing]
      : undefined,
    bitrate: rate(track.bitrate),
  };
}

function describeAudio(
  track: TrackInfo,
  entry: SampleEntry | undefined,
): AudioTrackInfo {
  const type = entry?.type ?? track.codec.split(".")[0] ?? "";
  const esds = entry?.esds ?? entry?.wave?.esds;
  const config = esds?.esd?.descs?.find((d) => d.tag === 4);
  const isAac = type === "mp4a" && AAC_OTI.has(config?.oti ?? 0x40);
  const aac = isAac ? decoderSpecificInfo(config) : undefined;
  const parsed = aac && parseAacConfig(aac);
  return {
    codec: isAac
      ? "aac"
      : type === "mp4a"
        ? MPEG_AUDIO_OTI.has(config?.oti ?? 0)
          ? "mp3"
          : "mp4a"
        : (AUDIO_CODECS[type] ?? type),
    codecString: track.codec,
    profile: parsed?.profile,
    channels: parsed?.channels ?? track.audio?.channel_count,
    sampleRate: track.audio?.sample_rate,
    bitrate: rate(track.bitrate),
  };
}

function decoderSpecificInfo(
  config: Descriptor | undefined,
): Uint8Array | undefined {
  return config?.descs?.find((d) => d.tag === 5)?.data;
}

function rate(bitsPerSecond: number): number | undefined {
  return Number.isFinite(bitsPerSecond) && bitsPerSecond > 0
    ? Math.round(bitsPerSecond)
    : undefined;
}
