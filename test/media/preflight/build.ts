// Hand-made inspections for the preflight rule tests: a conforming 1080p H.264/AAC video and a small GIF,
// each overridable field by field, and an AddIssue that records its calls as they were made.
import type {
  AudioTrackInfo,
  GifInspection,
  VideoInspection,
  VideoTrackInfo,
} from "../../../src/media/inspect/types.js";
import type { AddIssue } from "../../../src/media/preflight/issue.js";

/** X's best-practices page as the issues cite it. */
export const BEST_PRACTICES =
  "https://docs.x.com/x-api/media/quickstart/best-practices, read 2026-12-02";
/** X's Ads API creatives page (amplify_video's length). */
export const ADS_CREATIVES =
  "https://docs.x.com/x-ads-api/creatives, read 2026-12-02";

export const videoTrack = (
  over: Partial<VideoTrackInfo> = {},
): VideoTrackInfo => ({
  codec: "h264",
  codecString: "avc1.640028",
  profile: "High",
  pixelFormat: "yuv420p",
  pixelAspectRatio: [1, 1],
  bitrate: 700_000,
  ...over,
});

export const audioTrack = (
  over: Partial<AudioTrackInfo> = {},
): AudioTrackInfo => ({
  codec: "aac",
  codecString: "mp4a.40.2",
  profile: "LC",
  channels: 2,
  sampleRate: 48_000,
  bitrate: 128_000,
  ...over,
});

/** A 10 s 1280×720 30 fps H.264 High / AAC LC stereo MP4 that breaks no rule. */
export const video = (
  over: Partial<VideoInspection> = {},
): VideoInspection => ({
  kind: "video",
  mediaType: "video/mp4",
  container: "mp4",
  size: 1_000_000,
  bytesRead: 4096,
  durationSeconds: 10,
  width: 1280,
  height: 720,
  frameRate: 30,
  bitrate: 800_000,
  video: videoTrack(),
  audio: audioTrack(),
  audioTracks: 1,
  fastStart: true,
  fragmented: false,
  ...over,
});

/** A 100×100 GIF of 10 frames. */
export const gif = (over: Partial<GifInspection> = {}): GifInspection => ({
  kind: "gif",
  mediaType: "image/gif",
  size: 10_000,
  bytesRead: 10_000,
  width: 100,
  height: 100,
  frameCount: 10,
  totalPixels: 100_000,
  ...over,
});

/** An AddIssue that records each call's arguments exactly as passed (a default `source` shows as absent). */
export function recorder(): AddIssue & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const add: AddIssue = (...args) => {
    calls.push(args);
  };
  return Object.assign(add, { calls });
}
