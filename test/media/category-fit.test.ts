// Which media category can carry which media type, checked before INIT.
import { describe, expect, test } from "@jest/globals";
import { categoryMismatch } from "../../src/media/category-fit.js";
import type { MediaCategory, MediaType } from "../../src/media/types.js";

const fits: [MediaCategory, MediaType][] = [
  ["tweet_image", "image/png"],
  ["dm_image", "image/jpeg"],
  ["tweet_image", "image/gif"],
  ["tweet_gif", "image/gif"],
  ["dm_gif", "image/gif"],
  ["tweet_video", "video/mp4"],
  ["dm_video", "video/quicktime"],
  ["amplify_video", "video/mp2t"],
  ["subtitles", "text/srt"],
  ["subtitles", "text/vtt"],
];
const misfits: [MediaCategory, MediaType][] = [
  ["tweet_image", "video/mp4"],
  ["tweet_gif", "image/png"],
  ["dm_gif", "video/mp4"],
  ["tweet_video", "image/gif"],
  ["amplify_video", "text/srt"],
  ["subtitles", "video/webm"],
  ["dm_image", "model/gltf-binary"],
];

describe("categoryMismatch", () => {
  test.each(fits)("%s carries %s", (category, mediaType) => {
    expect(categoryMismatch(mediaType, category)).toBeUndefined();
  });

  test.each(misfits)("%s cannot carry %s", (category, mediaType) => {
    expect(categoryMismatch(mediaType, category)).toBe(
      `mediaCategory '${category}' cannot carry ${mediaType}; pass a matching mediaCategory or mediaType.`,
    );
  });

  test("no category: nothing to check", () => {
    expect(categoryMismatch("model/gltf-binary", undefined)).toBeUndefined();
  });
});
