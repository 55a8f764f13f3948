// X's video duration rules (limits.ts): per category and account tier, a warning when the tier is unknown.
import type { AccountTier } from "../category.js";
import type { AddIssue } from "./issue.js";
import { ADS_CREATIVES, BEST_PRACTICES, MAX_SECONDS, VIDEO } from "./limits.js";

/** The categories a video is uploaded under. */
export type VideoCategory = keyof typeof MAX_SECONDS;

/** Checks a duration in seconds against X's limits for `category` on a `tier` account (undefined: unknown). */
export function checkDuration(
  seconds: number,
  category: VideoCategory,
  tier: AccountTier | undefined,
  add: AddIssue,
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

/** `150 s (2 min 30 s)`, `4 h`. */
function duration(seconds: number): string {
  const s = Math.round(seconds * 100) / 100;
  if (s < 60) return `${s} s`;
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600} h`;
  const rest = Math.round(s % 60);
  return `${s} s (${Math.floor(s / 60)} min${rest ? ` ${rest} s` : ""})`;
}
