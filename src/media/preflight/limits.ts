// X's documented media constraints, each with the page it comes from (all read 2026-12-02).
// Where X's pages disagree we take the permissive reading, and the stricter one only warns (see README "Preflight").

import type { AccountTier } from "../category.js";

export type { AccountTier } from "../category.js";

const READ = "read 2026-12-02";
/** docs.x.com media best practices: the "Advanced" video requirements and the GIF recommendations. */
export const BEST_PRACTICES = `https://docs.x.com/x-api/media/quickstart/best-practices, ${READ}`;
/** docs.x.com Ads API creatives, "Promoted Video": the amplify_video length. */
export const ADS_CREATIVES = `https://docs.x.com/x-ads-api/creatives, ${READ}`;

/** Video limits that are the same for every category and account (BEST_PRACTICES, "Advanced"). */
export const VIDEO = {
  // "Frame rate: must be 60 FPS or less".
  maxFrameRate: 60,
  // "Dimensions: must be between 32x32 and 1280x1024"; the same page's "Recommended" says "Subscribed users can
  // upload a 1080p video": the permissive reading allows 1080p (either orientation); beyond 1280×1024 on a
  // standard account, and beyond 1080p on any, is a warning, never a refusal.
  minSide: 32,
  standardMax: { long: 1280, short: 1024 },
  premiumMax: { long: 1920, short: 1080 },
  // "Aspect ratio: must be between 1:3 and 3:1".
  minAspect: 1 / 3,
  maxAspect: 3,
  // "Duration: must be between 0.5 seconds and 140 seconds".
  minSeconds: 0.5,
  // "Audio must be mono or stereo, not 5.1 or greater".
  maxChannels: 2,
} as const;

/**
 * Longest video in seconds per category and account tier.
 * - tweet_video, dm_video standard: 140 s (BEST_PRACTICES "Duration"; X's DM pages give no other limit).
 * - premium: docs.x.com documents none; X Premium's longer uploads were announced at 2, 3 and then 4 hours, so the
 *   permissive reading is 4 hours (14,400 s), for DMs too.
 * - amplify_video: 10 minutes, any account (ADS_CREATIVES: "The maximum promoted video length currently allowed is
 *   10 mins").
 */
export const MAX_SECONDS: Readonly<
  Record<
    "tweet_video" | "dm_video" | "amplify_video",
    Record<AccountTier, number>
  >
> = {
  tweet_video: { standard: 140, premium: 14_400 },
  dm_video: { standard: 140, premium: 14_400 },
  amplify_video: { standard: 600, premium: 600 },
};

/** GIF recommendations (BEST_PRACTICES, "Animated GIF recommendations": "A GIF may fail during Post creation"). */
export const GIF = {
  maxWidth: 1280,
  maxHeight: 1080,
  maxFrames: 350,
  maxTotalPixels: 300_000_000,
} as const;
