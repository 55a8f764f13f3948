// Picks a media_category for a media type and checks a file's size against X's documented limits.
import {
  MAX_TOTAL_BYTES,
  type MediaCategory,
  type MediaType,
} from "./types.js";

const MiB = 1024 * 1024;

/** The media_category that fits `mediaType`, or `undefined` when none does (the 2.156 enum has no category for 3D models). */
export function inferCategory(mediaType: MediaType): MediaCategory | undefined {
  if (mediaType === "image/gif") return "tweet_gif";
  if (mediaType.startsWith("image/")) return "tweet_image";
  if (mediaType.startsWith("video/")) return "tweet_video";
  if (mediaType === "text/srt" || mediaType === "text/vtt") return "subtitles";
  return undefined;
}

// docs.x.com/x-api/media: "Image: 5 MB, GIF: 15 MB, Video: 512 MB", without saying whether MB is 10^6 or 2^20 bytes.
// We read MB as MiB, the larger, so we never refuse a file X takes. dm_* and amplify_video share their family's limit.
/** The largest file X documents per media_category, in bytes (MB read as MiB); `undefined` where X documents none. */
export const SIZE_LIMITS: Readonly<Record<MediaCategory, number | undefined>> =
  {
    tweet_image: 5 * MiB,
    dm_image: 5 * MiB,
    tweet_gif: 15 * MiB,
    dm_gif: 15 * MiB,
    tweet_video: 512 * MiB,
    dm_video: 512 * MiB,
    amplify_video: 512 * MiB,
    subtitles: undefined,
  };

/** Why a file of `bytes` can't be uploaded as `category`, or `undefined` when its size is fine. */
export function checkSize(
  bytes: number,
  category: MediaCategory | undefined,
): string | undefined {
  if (!Number.isSafeInteger(bytes) || bytes < 0)
    return `The file size must be a whole number of bytes, but it is ${bytes}.`;
  if (bytes === 0)
    return "Empty file: it has 0 bytes, so there is nothing to upload; pass a file with content.";
  if (bytes > MAX_TOTAL_BYTES)
    return `The file is ${bytes} bytes, over the ${MAX_TOTAL_BYTES}-byte (16 GiB) total_bytes maximum of X's API; upload a smaller file.`;
  const limit = category === undefined ? undefined : SIZE_LIMITS[category];
  if (limit !== undefined && bytes > limit)
    return `The file is ${bytes} bytes, over the ${limit / MiB} MB (${limit} bytes) X allows for ${category}; make it smaller.`;
  return undefined;
}
