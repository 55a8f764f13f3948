import { describe, expect, it } from "@jest/globals";
import {
  checkSize,
  inferCategory,
  SIZE_LIMITS,
} from "../../src/media/category.js";
import {
  MAX_TOTAL_BYTES,
  MEDIA_CATEGORIES,
  MEDIA_TYPES,
  type MediaCategory,
  type MediaType,
} from "../../src/media/types.js";

const MiB = 1024 * 1024;

const EXPECTED: Record<MediaType, MediaCategory | undefined> = {
  "video/mp4": "tweet_video",
  "video/webm": "tweet_video",
  "video/mp2t": "tweet_video",
  "video/quicktime": "tweet_video",
  "text/srt": "subtitles",
  "text/vtt": "subtitles",
  "image/jpeg": "tweet_image",
  "image/gif": "tweet_gif",
  "image/bmp": "tweet_image",
  "image/png": "tweet_image",
  "image/webp": "tweet_image",
  "image/pjpeg": "tweet_image",
  "image/tiff": "tweet_image",
  "model/gltf-binary": undefined,
  "model/vnd.usdz+zip": undefined,
};

describe("inferCategory", () => {
  it.each(MEDIA_TYPES)("infers the category for %s", (mediaType) => {
    expect(inferCategory(mediaType)).toBe(EXPECTED[mediaType]);
  });

  it("only returns categories from the enum", () => {
    for (const mediaType of MEDIA_TYPES) {
      const category = inferCategory(mediaType);
      if (category !== undefined) expect(MEDIA_CATEGORIES).toContain(category);
    }
  });
});

describe("SIZE_LIMITS", () => {
  it("covers every category", () => {
    expect(Object.keys(SIZE_LIMITS).sort()).toEqual(
      [...MEDIA_CATEGORIES].sort(),
    );
  });

  it.each([
    ["tweet_image", 5 * MiB],
    ["dm_image", 5 * MiB],
    ["tweet_gif", 15 * MiB],
    ["dm_gif", 15 * MiB],
    ["tweet_video", 512 * MiB],
    ["dm_video", 512 * MiB],
    ["amplify_video", 512 * MiB],
    ["subtitles", undefined],
  ] as const)("limits %s to %p bytes", (category, limit) => {
    expect(SIZE_LIMITS[category]).toBe(limit);
  });

  it("has a limit for every inferred image, GIF and video category", () => {
    for (const mediaType of MEDIA_TYPES.filter((t) =>
      /^(image|video)\//.test(t),
    )) {
      const category = inferCategory(mediaType);
      expect(category && SIZE_LIMITS[category]).toBeGreaterThan(0);
    }
  });
});

describe("checkSize", () => {
  it("calls 0 bytes an empty file", () => {
    expect(checkSize(0, "tweet_image")).toMatch(/^Empty file: /);
    expect(checkSize(0, undefined)).toMatch(/^Empty file: /);
  });

  it("accepts exactly the limit and refuses one byte more", () => {
    expect(checkSize(5 * MiB, "tweet_image")).toBeUndefined();
    expect(checkSize(5 * MiB + 1, "tweet_image")).toBe(
      "The file is 5242881 bytes, over the 5 MB (5242880 bytes) X allows for tweet_image; make it smaller.",
    );
    expect(checkSize(15 * MiB + 1, "dm_gif")).toMatch(
      /over the 15 MB .* for dm_gif/,
    );
    expect(checkSize(512 * MiB, "amplify_video")).toBeUndefined();
    expect(checkSize(512 * MiB + 1, "tweet_video")).toMatch(
      /over the 512 MB .* for tweet_video/,
    );
  });

  it("has no per-category limit for subtitles or no category, only the spec's total_bytes maximum", () => {
    expect(checkSize(MAX_TOTAL_BYTES, "subtitles")).toBeUndefined();
    expect(checkSize(MAX_TOTAL_BYTES, undefined)).toBeUndefined();
    expect(checkSize(MAX_TOTAL_BYTES + 1, undefined)).toMatch(
      /over the 17179869184-byte \(16 GiB\) total_bytes maximum/,
    );
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses %p bytes",
    (bytes) => {
      expect(checkSize(bytes, "tweet_image")).toMatch(
        /^The file size must be a whole number of bytes/,
      );
    },
  );
});
