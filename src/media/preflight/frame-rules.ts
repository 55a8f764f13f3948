// X's frame rules for video (limits.ts): minimum size, aspect ratio, and the maximum X's pages disagree on.
import type { AccountTier } from "../category.js";
import type { AddIssue } from "./issue.js";
import { VIDEO } from "./limits.js";

/** Checks a width × height against X's video frame rules. */
export function checkFrame(
  width: number,
  height: number,
  tier: AccountTier | undefined,
  add: AddIssue,
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

function ratio(width: number, height: number): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(width, height);
  return `${width / d}:${height / d}`;
}
