// Media categories and types of the spec, the kind each maps to, its size limit and media_key prefix.
import type { operations } from "../../generated/openapi.js";
import { sizeLimit, type AccountTier } from "../media/category.js";
import {
  MEDIA_CATEGORIES,
  MEDIA_TYPES,
  isMediaCategory,
} from "../media/types.js";

type InitBody = NonNullable<
  operations["initializeMediaUpload"]["requestBody"]
>["content"]["application/json"];

/** `media_category` values INITIALIZE accepts (spec enum). */
export type InitCategory = NonNullable<InitBody["media_category"]>;
/** `media_type` values INITIALIZE accepts (spec enum). */
export type InitMediaType = NonNullable<InitBody["media_type"]>;

/** What a media category amounts to for limits, processing and media keys. */
export type MediaKind = "image" | "gif" | "video" | "subtitles" | "model";

// The INITIALIZE enums are the library's own lists (src/media/types.ts, tested against the spec).
/** Spec enum of INITIALIZE `media_category`. */
export const INIT_CATEGORIES: readonly InitCategory[] = MEDIA_CATEGORIES;

/** Spec enum of INITIALIZE `media_type`. */
export const INIT_MEDIA_TYPES: readonly InitMediaType[] = MEDIA_TYPES;

/** Spec enum of one-shot upload `media_category`. */
export const ONE_SHOT_CATEGORIES = [
  "tweet_image",
  "dm_image",
  "subtitles",
] as const;

/** Spec enum of one-shot upload `media_type`. */
export const ONE_SHOT_MEDIA_TYPES = [
  "text/srt",
  "text/vtt",
  "image/jpeg",
  "image/bmp",
  "image/png",
  "image/webp",
  "image/pjpeg",
  "image/tiff",
] as const;

/**
 * The `total_bytes` limit INITIALIZE applies: an override for the kind if given, else the library's own table for
 * the category and account tier (src/media/category.ts), so the fake refuses exactly what the library's preflight
 * lets through for that tier. 3D models take no category: only the spec's total_bytes maximum.
 */
export function sizeLimitOf(
  category: string | undefined,
  kind: MediaKind,
  tier: AccountTier,
  overrides: Partial<Record<MediaKind, number>>,
): number {
  const override = overrides[kind];
  if (override !== undefined) return override;
  return sizeLimit(
    category !== undefined && isMediaCategory(category) ? category : undefined,
    tier,
  );
}

/** The kind a category stands for. */
export function kindOfCategory(category: string): MediaKind {
  if (category.endsWith("_gif")) return "gif";
  if (category.endsWith("_video")) return "video";
  if (category === "subtitles") return "subtitles";
  return "image";
}

/** The category X assumes when INITIALIZE names none (from the media type). */
export function defaultCategory(mediaType: string): InitCategory | undefined {
  if (mediaType === "image/gif") return "tweet_gif";
  if (mediaType.startsWith("image/")) return "tweet_image";
  if (mediaType.startsWith("video/")) return "tweet_video";
  if (mediaType.startsWith("text/")) return "subtitles";
  return undefined;
}

/** Whether `mediaType` fits `category`; models fit no category (they are sent without one). */
export function typeFitsCategory(mediaType: string, category: string): boolean {
  switch (kindOfCategory(category)) {
    case "gif":
      return mediaType === "image/gif";
    case "video":
      return mediaType.startsWith("video/");
    case "subtitles":
      return mediaType.startsWith("text/");
    default:
      return mediaType.startsWith("image/");
  }
}

/** Kind of an upload from its (optional) category and media type. */
export function kindOf(
  category: string | undefined,
  mediaType: string,
): MediaKind {
  if (category !== undefined) return kindOfCategory(category);
  return mediaType.startsWith("model/")
    ? "model"
    : kindOfCategory(defaultCategory(mediaType) ?? "tweet_image");
}

// media_key prefixes as X issues them: 3 photo, 7 video, 13 amplify video, 16 animated GIF.
/** The `<n>_` prefix of a media key. */
export function mediaKeyPrefix(
  category: string | undefined,
  kind: MediaKind,
): number {
  if (category === "amplify_video") return 13;
  return kind === "video" ? 7 : kind === "gif" ? 16 : 3;
}

/** Whether the kind goes through asynchronous processing after FINALIZE. */
export function isProcessed(kind: MediaKind): boolean {
  return kind === "video" || kind === "gif";
}
