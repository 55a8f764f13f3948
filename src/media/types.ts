// Media types and categories X accepts at POST /2/media/upload/initialize.
// These mirror the enums of initializeMediaUpload's request body (media_type, media_category) in the
// committed spec extract; test/media/sniff.test.ts checks they stay equal.

/** Every `media_type` X accepts, in the spec's order. */
export const MEDIA_TYPES = [
  "video/mp4",
  "video/webm",
  "video/mp2t",
  "video/quicktime",
  "text/srt",
  "text/vtt",
  "image/jpeg",
  "image/gif",
  "image/bmp",
  "image/png",
  "image/webp",
  "image/pjpeg",
  "image/tiff",
  "model/gltf-binary",
  "model/vnd.usdz+zip",
] as const;

/** A `media_type` X accepts. */
export type MediaType = (typeof MEDIA_TYPES)[number];

/** Every `media_category` X accepts, in the spec's order. */
export const MEDIA_CATEGORIES = [
  "amplify_video",
  "tweet_gif",
  "tweet_image",
  "tweet_video",
  "dm_gif",
  "dm_image",
  "dm_video",
  "subtitles",
] as const;

/** A `media_category` X accepts. */
export type MediaCategory = (typeof MEDIA_CATEGORIES)[number];

/** The largest `total_bytes` the spec allows (16 GiB; initializeMediaUpload's total_bytes.maximum). */
export const MAX_TOTAL_BYTES = 17_179_869_184;

/** Whether `value` is a `media_type` X accepts. */
export function isMediaType(value: unknown): value is MediaType {
  return (MEDIA_TYPES as readonly unknown[]).includes(value);
}

/** Whether `value` is a `media_category` X accepts. */
export function isMediaCategory(value: unknown): value is MediaCategory {
  return (MEDIA_CATEGORIES as readonly unknown[]).includes(value);
}
