// Catches a media category that cannot fit the media type (a video sent as tweet_image) before INIT.
import type { MediaCategory, MediaType } from "./types.js";

type Family = "image" | "gif" | "video" | "subtitles";

const FAMILY: Readonly<Record<MediaCategory, Family>> = {
  tweet_image: "image",
  dm_image: "image",
  tweet_gif: "gif",
  dm_gif: "gif",
  tweet_video: "video",
  dm_video: "video",
  amplify_video: "video",
  subtitles: "subtitles",
};

/** Why `category` cannot carry `mediaType`, or undefined when it can (or when no category is sent). */
export function categoryMismatch(
  mediaType: MediaType,
  category: MediaCategory | undefined,
): string | undefined {
  if (category === undefined) return undefined;
  const family = FAMILY[category];
  const fits =
    family === "video"
      ? mediaType.startsWith("video/")
      : family === "subtitles"
        ? mediaType.startsWith("text/")
        : // A GIF may also go up as a still image; other images never as a GIF.
          family === "gif"
          ? mediaType === "image/gif"
          : mediaType.startsWith("image/");
  return fits
    ? undefined
    : `mediaCategory '${category}' cannot carry ${mediaType}; pass a matching mediaCategory or mediaType.`;
}
