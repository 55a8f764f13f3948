// Preflight: the inspected media checked against X's rules for the category it is uploaded as (pure).
import type { MediaInspection } from "../inspect/types.js";
import type { MediaCategory } from "../types.js";
import { checkGif } from "./gif-rules.js";
import { issue, type PreflightIssue } from "./issue.js";
import type { AccountTier } from "./limits.js";
import { checkVideo } from "./video-rules.js";

export type { PreflightIssue } from "./issue.js";
export type { AccountTier } from "./limits.js";

/** What `checkMedia` needs besides the inspection. */
export interface CheckMediaOptions {
  /** The category the media is uploaded as (rules differ: videos, GIFs; images have none beyond size). */
  mediaCategory: MediaCategory | undefined;
  /** The uploading account's tier; undefined means unknown (the permissive limits, with warnings). */
  accountTier?: AccountTier | undefined;
}

/** Every way `inspection` breaks (error) or may break (warning) X's documented rules for its category. */
export function checkMedia(
  inspection: MediaInspection,
  { mediaCategory, accountTier }: CheckMediaOptions,
): PreflightIssue[] {
  if (mediaCategory === undefined) return [];
  const video =
    mediaCategory === "tweet_video" ||
    mediaCategory === "dm_video" ||
    mediaCategory === "amplify_video";
  const gif = mediaCategory === "tweet_gif" || mediaCategory === "dm_gif";
  if (video && inspection.kind === "video")
    return checkVideo(inspection, mediaCategory, accountTier);
  if (gif && inspection.kind === "gif")
    return checkGif(inspection, mediaCategory);
  if ((video || gif) && inspection.kind === "other" && inspection.failed) {
    return [
      issue(
        {
          rule: "inspection",
          severity: "warning",
          property: "the file",
          value: `not inspectable (${inspection.reason})`,
          limit: "well-formed media",
          fix: "check the file plays; X's processing may refuse it after the upload",
          source: "preflight",
        },
        `for ${mediaCategory}`,
      ),
    ];
  }
  return [];
}
