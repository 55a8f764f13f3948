// X's video rules (limits.ts) applied to an inspected MP4/MOV: pure, one finding per broken rule.
import type { VideoInspection } from "../inspect/types.js";
import { issue, type PreflightIssue } from "./issue.js";
import {
  BEST_PRACTICES,
  MAX_SECONDS,
  VIDEO,
  ADS_CREATIVES,
  type AccountTier,
} from "./limits.js";

/** The categories a video is uploaded under. */
export type VideoCategory = keyof typeof MAX_SECONDS;

const TRANSCODE = "-c:v libx264 -profile:v high -pix_fmt yuv420p";

/** What in `v` breaks X's video rules for `category` on a `tier` account (undefined: not known). */
export function checkVideo(
  v: VideoInspection,
  category: VideoCategory,
  tier: AccountTier | undefined,
): PreflightIssue[] {
  const context = `for ${category}${tier ? ` on a ${tier} account` : ""}`;
  const found: PreflightIssue[] = [];
  const add = (
    rule: string,
    severity: PreflightIssue["severity"],
    property: string,
    value: string,
    limit: string,
    fix: string,
    source = BEST_PRACTICES,
  ) =>
    found.push(
      issue({ rule, severity, property, value, limit, fix, source }, context),
    );

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

type Add = (
  rule: string,
  severity: PreflightIssue["severity"],
  property: string,
  value: string,
  limit: string,
  fix: string,
  source?: string,
) => void;

function checkFrame(
  width: number,
  height: number,
  tier: AccountTier | undefined,
  add: Add,
): void {
  const size = `${width}×${height}`;
  if (Math.min(width, height) < VIDEO.minSide) {
    add(
      "video.dimensions",
      "error",
      "the frame size",
      size,
      `at least ${VIDEO.minSide}×${VIDEO.minSide}`,
      "scale it up, e.g. `ffmpeg -i in.mp4 -vf scale=-2:320 -c:a copy out.mp4`",
    );
  }
  const aspect = width / height;
  if (aspect < VIDEO.minAspect - 1e-9 || aspect > VIDEO.maxAspect + 1e-9) {
    add(
      "video.aspectRatio",
      "error",
      "the aspect ratio",
      `${ratio(width, height)} (${size})`,
      "between 1:3 and 3:1",
      "pad or crop it into that range, e.g. `ffmpeg -i in.mp4 -vf \"pad='max(iw,ceil(ih/6)*2)':'max(ih,ceil(iw/6)*2)':(ow-iw)/2:(oh-ih)/2\" -c:a copy out.mp4`",
    );
  }
  // Permissive reading (limits.ts): 1080p for X Premium and when the tier is unknown, 1280×1024 for standard.
  const max = tier === "standard" ? VIDEO.standardMax : VIDEO.premiumMax;
  if (
    Math.max(width, height) > max.long ||
    Math.min(width, height) > max.short
  ) {
    const limit =
      tier === "standard"
        ? "up to 1280×1024 (1080p with X Premium)"
        : "up to 1280×1024, and 1080p (1920×1080) for subscribers";
    const fit =
      width >= height ? `${max.long}:${max.short}` : `${max.short}:${max.long}`;
    add(
      "video.dimensions",
      "warning",
      "the frame size",
      size,
      limit,
      `scale it down, e.g. \`ffmpeg -i in.mp4 -vf "scale=${fit}:force_original_aspect_ratio=decrease:force_divisible_by=2" -c:a copy out.mp4\``,
    );
  }
}

function checkDuration(
  seconds: number,
  category: VideoCategory,
  tier: AccountTier | undefined,
  add: Add,
): void {
  const source = category === "amplify_video" ? ADS_CREATIVES : BEST_PRACTICES;
  if (seconds < VIDEO.minSeconds) {
    add(
      "video.duration",
      "error",
      "the duration",
      duration(seconds),
      `at least ${VIDEO.minSeconds} s`,
      "upload a longer clip",
    );
  }
  const limits = MAX_SECONDS[category];
  const max = limits[tier ?? "premium"];
  const trim = (to: number) =>
    `trim it, e.g. \`ffmpeg -i in.mp4 -t ${to} -c copy out.mp4\``;
  if (seconds > max) {
    const premiumNote =
      tier === "standard" && limits.premium > max
        ? `, or upload from an X Premium account (${duration(limits.premium)})`
        : "";
    add(
      "video.duration",
      "error",
      "the duration",
      duration(seconds),
      `at most ${duration(max)}`,
      trim(max) + premiumNote,
      source,
    );
  } else if (tier === undefined && seconds > limits.standard) {
    // Unknown account: X refuses this from a standard account only, so it warns.
    add(
      "video.duration",
      "warning",
      "the duration",
      duration(seconds),
      `at most ${duration(limits.standard)} on a standard account (${duration(limits.premium)} with X Premium)`,
      `${trim(limits.standard)} unless the account has X Premium; set \`accountTier\` to make this check exact`,
      source,
    );
  }
}

const fps = (n: number): string => String(Math.round(n * 100) / 100);

/** `150 s (2 min 30 s)`, `4 h`. */
function duration(seconds: number): string {
  const s = Math.round(seconds * 100) / 100;
  if (s < 60) return `${s} s`;
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600} h`;
  const rest = Math.round(s % 60);
  return `${s} s (${Math.floor(s / 60)} min${rest ? ` ${rest} s` : ""})`;
}

function ratio(width: number, height: number): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(width, height);
  return `${width / d}:${height / d}`;
}
