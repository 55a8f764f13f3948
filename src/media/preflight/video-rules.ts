// X's video rules (limits.ts) applied to an inspected MP4/MOV: pure, one finding per broken rule.
import type { VideoInspection } from "../inspect/types.js";
import { checkDuration, type VideoCategory } from "./duration-rules.js";
import { checkFrame } from "./frame-rules.js";
import { collector, type PreflightIssue } from "./issue.js";
import { VIDEO, type AccountTier } from "./limits.js";

export type { VideoCategory } from "./duration-rules.js";

const TRANSCODE = "-c:v libx264 -profile:v high -pix_fmt yuv420p";

/** What in `v` breaks X's video rules for `category` on a `tier` account (undefined: not known). */
export function checkVideo(
  v: VideoInspection,
  category: VideoCategory,
  tier: AccountTier | undefined,
): PreflightIssue[] {
  const context = `for ${category}${tier ? ` on a ${tier} account` : ""}`;
  const found: PreflightIssue[] = [];
  const add = collector(found, context);

  if (!v.video) {
    add(
      "video.track",
      "warning",
      "the video track",
      "missing",
      "video with one video track",
      "upload a file with a video stream, or the audio as a video with a still image",
    );
    return found;
  }
  if (v.video.codec !== "h264") {
    add(
      "video.codec",
      "warning",
      "the video codec",
      v.video.codec,
      "H.264 (High profile recommended); other codecs are not documented",
      `re-encode as H.264, e.g. \`ffmpeg -i in.mp4 ${TRANSCODE} -c:a copy out.mp4\``,
    );
  }
  // Rounded to 0.1 fps: variable-rate 60 fps files average a hair over 60 (timestamps in 1/90000 s).
  if (
    v.frameRate !== undefined &&
    Math.round(v.frameRate * 10) / 10 > VIDEO.maxFrameRate
  ) {
    add(
      "video.frameRate",
      "error",
      "the frame rate",
      `${fps(v.frameRate)} fps`,
      `at most ${VIDEO.maxFrameRate} fps`,
      "re-encode at 30 fps, e.g. `ffmpeg -i in.mp4 -r 30 -c:a copy out.mp4`",
    );
  }
  if (v.width !== undefined && v.height !== undefined) {
    checkFrame(v.width, v.height, tier, add);
  }
  const format = v.video.pixelFormat;
  if (format !== undefined && !format.startsWith("yuv420p")) {
    add(
      "video.pixelFormat",
      "error",
      "the pixel format",
      format,
      "only YUV 4:2:0 (yuv420p)",
      "convert it, e.g. `ffmpeg -i in.mp4 -pix_fmt yuv420p -c:a copy out.mp4`",
    );
  }
  const [hSpacing, vSpacing] = v.video.pixelAspectRatio ?? [1, 1];
  if (hSpacing !== vSpacing) {
    add(
      "video.pixelAspectRatio",
      "error",
      "the pixel aspect ratio",
      `${hSpacing}:${vSpacing}`,
      "only square pixels (1:1)",
      'resample to square pixels, e.g. `ffmpeg -i in.mp4 -vf "scale=iw*sar:ih,setsar=1" -c:a copy out.mp4`',
    );
  }
  if (v.durationSeconds !== undefined)
    checkDuration(v.durationSeconds, category, tier, add);
  if (v.audio) {
    const a = v.audio;
    const reencode =
      "re-encode the audio as AAC LC, e.g. `ffmpeg -i in.mp4 -c:v copy -c:a aac -b:a 128k out.mp4`";
    if (a.codec !== "aac") {
      add(
        "audio.codec",
        "error",
        "the audio codec",
        a.codec,
        "only AAC LC audio",
        reencode,
      );
    } else if (a.profile !== undefined && a.profile !== "LC") {
      add(
        "audio.profile",
        "error",
        "the audio profile",
        a.profile,
        "only AAC LC (High-Efficiency AAC is not supported)",
        reencode,
      );
    }
    if (a.channels !== undefined && a.channels > VIDEO.maxChannels) {
      add(
        "audio.channels",
        "error",
        "the audio",
        `${a.channels} channels`,
        "mono or stereo only",
        "mix down to stereo, e.g. `ffmpeg -i in.mp4 -c:v copy -c:a aac -ac 2 out.mp4`",
      );
    }
  }
  return found;
}

const fps = (n: number): string => String(Math.round(n * 100) / 100);
