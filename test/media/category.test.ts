import { describe, expect, it } from "@jest/globals";
import {
  ACCOUNT_TIERS,
  checkSize,
  limitWords,
  sizeLimit,
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
  const GiB = 1024 * MiB;
  it("covers every category", () => {
    expect(Object.keys(SIZE_LIMITS).sort()).toEqual(
      [...MEDIA_CATEGORIES].sort(),
    );
  });

  it.each([
    ["tweet_image", 5 * MiB, 5 * MiB],
    ["dm_image", 5 * MiB, 5 * MiB],
    ["tweet_gif", 15 * MiB, 15 * MiB],
    ["dm_gif", 15 * MiB, 15 * MiB],
    ["tweet_video", 8 * GiB, 16 * GiB],
    ["amplify_video", 8 * GiB, 16 * GiB],
    ["dm_video", 512 * MiB, GiB],
    ["subtitles", MiB, MiB],
  ] as const)(
    "limits %s to %p bytes (standard) and %p (premium)",
    (category, standard, premium) => {
      expect(SIZE_LIMITS[category]).toEqual({ standard, premium });
      expect(sizeLimit(category, "standard")).toBe(standard);
      expect(sizeLimit(category, "premium")).toBe(premium);
      // Without a tier, only what no account can upload is refused.
      expect(sizeLimit(category)).toBe(premium);
    },
  );

  it("has no per-category limit for 3D models (no category), only the spec's maximum", () => {
    expect(sizeLimit(undefined)).toBe(MAX_TOTAL_BYTES);
    expect(sizeLimit(undefined, "standard")).toBe(MAX_TOTAL_BYTES);
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
      "The file is 5242881 bytes, over the 5 MB (5242880 bytes) X allows for tweet_image on any account; make it smaller.",
    );
    expect(checkSize(15 * MiB + 1, "dm_gif")).toMatch(
      /over the 15 MB .* for dm_gif/,
    );
    expect(checkSize(MiB + 1, "subtitles")).toMatch(
      /over the 1 MB \(1048576 bytes\) X allows for subtitles/,
    );
  });

  it("lets a 600 MiB tweet_video through, as X takes it", () => {
    expect(checkSize(600 * MiB, "tweet_video")).toBeUndefined();
    expect(checkSize(600 * MiB, "tweet_video", "standard")).toBeUndefined();
  });

  it("follows the account tier, refusing by default only what no account can upload", () => {
    const over = 512 * MiB + 1;
    expect(checkSize(over, "dm_video")).toBeUndefined();
    expect(checkSize(over, "dm_video", "premium")).toBeUndefined();
    expect(checkSize(over, "dm_video", "standard")).toBe(
      "The file is 536870913 bytes, over the 512 MB (536870912 bytes) X allows for dm_video on a standard account (1 GB with X Premium); make it smaller.",
    );
    expect(checkSize(1024 * MiB + 1, "dm_video")).toBe(
      "The file is 1073741825 bytes, over the 1 GB (1073741824 bytes) X allows for dm_video on any account, X Premium included; make it smaller.",
    );
    expect(checkSize(8 * 1024 * MiB + 1, "amplify_video", "standard")).toMatch(
      /over the 8 GB .* on a standard account \(16 GB with X Premium\)/,
    );
  });

  it("has no per-category limit for 3D models (no category), only the spec's total_bytes maximum", () => {
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

describe("limitWords", () => {
  it.each([
    [5 * MiB, "5 MB"],
    [512 * MiB, "512 MB"],
    [1024 * MiB, "1 GB"],
    [1536 * MiB, "1536 MB"],
    [8 * 1024 * MiB, "8 GB"],
    [0, "0 MB"],
  ])("says %d bytes as %s", (bytes, words) => {
    expect(limitWords(bytes)).toBe(words);
  });
});

it("the account tiers are standard and premium, in that order", () => {
  expect(ACCOUNT_TIERS).toEqual(["standard", "premium"]);
});
