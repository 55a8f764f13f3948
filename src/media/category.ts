// Picks a media_category for a media type and checks a file's size against X's limits, which follow the account.
import {
  MAX_TOTAL_BYTES,
  type MediaCategory,
  type MediaType,
} from "./types.js";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** The kind of X account uploading: its limits differ for videos (README "Size limits"). */
export type AccountTier = "standard" | "premium";

/** Every {@link AccountTier}. */
export const ACCOUNT_TIERS: readonly AccountTier[] = ["standard", "premium"];

/** The media_category that fits `mediaType`, or `undefined` when none does (the 2.156 enum has no category for 3D models). */
export function inferCategory(mediaType: MediaType): MediaCategory | undefined {
  if (mediaType === "image/gif") return "tweet_gif";
  if (mediaType.startsWith("image/")) return "tweet_image";
  if (mediaType.startsWith("video/")) return "tweet_video";
  if (mediaType === "text/srt" || mediaType === "text/vtt") return "subtitles";
  return undefined;
}

// X's limits per category and account: images and GIFs from docs.x.com's media best practices, videos and
// subtitles from X's behaviour in 2026 (the pages, read 2026-12-02, still say 512 MB; README "Size limits"). X writes MB/GB without saying 10^n or 2^n; we read them as MiB/GiB, the larger, so we never refuse
// a file X takes (X's own 400 says "File size exceeds 5242880 bytes" for images). 3D models take no category and X
// documents no limit for them: only the spec's total_bytes maximum applies.
/** The largest file X takes per media_category and account tier, in bytes. */
export const SIZE_LIMITS: Readonly<
  Record<MediaCategory, Readonly<Record<AccountTier, number>>>
> = {
  tweet_image: { standard: 5 * MiB, premium: 5 * MiB },
  dm_image: { standard: 5 * MiB, premium: 5 * MiB },
  tweet_gif: { standard: 15 * MiB, premium: 15 * MiB },
  dm_gif: { standard: 15 * MiB, premium: 15 * MiB },
  tweet_video: { standard: 8 * GiB, premium: 16 * GiB },
  amplify_video: { standard: 8 * GiB, premium: 16 * GiB },
  dm_video: { standard: 512 * MiB, premium: 1 * GiB },
  subtitles: { standard: 1 * MiB, premium: 1 * MiB },
};

/** The largest file X takes for `category` on `tier`; without a tier, on the most generous account. */
export function sizeLimit(
  category: MediaCategory | undefined,
  tier?: AccountTier,
): number {
  if (category === undefined) return MAX_TOTAL_BYTES;
  const limits = SIZE_LIMITS[category];
  return tier === undefined ? limits.premium : limits[tier];
}

/** `5 MB`, `512 MB`, `8 GB`: a limit in X's own words (its MB and GB being MiB and GiB). */
export function limitWords(bytes: number): string {
  return bytes >= GiB && bytes % GiB === 0
    ? `${bytes / GiB} GB`
    : `${bytes / MiB} MB`;
}

/** Why a file of `bytes` can't be uploaded as `category` by a `tier` account (any account when undefined), or `undefined`. */
export function checkSize(
  bytes: number,
  category: MediaCategory | undefined,
  tier?: AccountTier,
): string | undefined {
  if (!Number.isSafeInteger(bytes) || bytes < 0)
    return `The file size must be a whole number of bytes, but it is ${bytes}.`;
  if (bytes === 0)
    return "Empty file: it has 0 bytes, so there is nothing to upload; pass a file with content.";
  if (bytes > MAX_TOTAL_BYTES)
    return `The file is ${bytes} bytes, over the ${MAX_TOTAL_BYTES}-byte (16 GiB) total_bytes maximum of X's API; upload a smaller file.`;
  if (category === undefined) return undefined;
  const limit = sizeLimit(category, tier);
  if (bytes <= limit) return undefined;
  const { standard, premium } = SIZE_LIMITS[category];
  const who =
    standard === premium
      ? "on any account"
      : tier === "standard"
        ? `on a standard account (${limitWords(premium)} with X Premium)`
        : "on any account, X Premium included";
  return `The file is ${bytes} bytes, over the ${limitWords(limit)} (${limit} bytes) X allows for ${category} ${who}; make it smaller.`;
}
