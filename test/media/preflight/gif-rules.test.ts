// checkGif: X's GIF recommendations (1280×1080, 350 frames, 300 million pixels), each at its edge, every
// finding a warning with X's best-practices page and the category in its message.
import { describe, expect, test } from "@jest/globals";
import { checkGif } from "../../../src/media/preflight/gif-rules.js";
import { BEST_PRACTICES, gif } from "./build.js";

const rules = (g: Parameters<typeof gif>[0]) =>
  checkGif(gif(g), "tweet_gif").map((i) => i.rule);

describe("size up to 1280×1080", () => {
  test("1280×1080 passes; one pixel more either way warns", () => {
    expect(rules({ width: 1280, height: 1080 })).toEqual([]);
    expect(rules({ width: 1281, height: 1080 })).toEqual(["gif.dimensions"]);
    expect(rules({ width: 1280, height: 1081 })).toEqual(["gif.dimensions"]);
    expect(rules({ width: 1279, height: 1079 })).toEqual([]);
  });

  test("the whole finding", () => {
    const fix =
      'scale it down, e.g. `ffmpeg -i in.gif -vf "scale=1280:1080:force_original_aspect_ratio=decrease" out.gif`';
    expect(checkGif(gif({ width: 1000, height: 1500 }), "dm_gif")).toEqual([
      {
        rule: "gif.dimensions",
        severity: "warning",
        property: "the GIF's size",
        value: "1000×1500",
        limit: "up to 1280×1080",
        fix,
        source: BEST_PRACTICES,
        message: `The GIF's size is 1000×1500; X documents up to 1280×1080 for dm_gif, or the Post may fail (${BEST_PRACTICES}). Fix: ${fix}.`,
      },
    ]);
  });
});

describe("up to 350 frames", () => {
  test("350 passes, 351 warns", () => {
    expect(rules({ frameCount: 349 })).toEqual([]);
    expect(rules({ frameCount: 350 })).toEqual([]);
    expect(rules({ frameCount: 351 })).toEqual(["gif.frames"]);
  });

  test("the whole finding", () => {
    const fix =
      "drop frames or shorten it, e.g. `ffmpeg -i in.gif -vf fps=10 out.gif`, or upload it as an MP4 video";
    expect(checkGif(gif({ frameCount: 400 }), "tweet_gif")).toEqual([
      {
        rule: "gif.frames",
        severity: "warning",
        property: "the frame count",
        value: "400 frames",
        limit: "up to 350 frames",
        fix,
        source: BEST_PRACTICES,
        message: `The frame count is 400 frames; X documents up to 350 frames for tweet_gif, or the Post may fail (${BEST_PRACTICES}). Fix: ${fix}.`,
      },
    ]);
  });
});

describe("up to 300 million pixels (width × height × frames)", () => {
  test("300,000,000 passes, one more warns", () => {
    expect(rules({ totalPixels: 299_999_999 })).toEqual([]);
    expect(rules({ totalPixels: 300_000_000 })).toEqual([]);
    expect(rules({ totalPixels: 300_000_001 })).toEqual(["gif.totalPixels"]);
  });

  test("the whole finding, numbers with thousands separators", () => {
    const fix = "make it smaller or shorter, or upload it as an MP4 video";
    expect(checkGif(gif({ totalPixels: 1_234_567_890 }), "dm_gif")).toEqual([
      {
        rule: "gif.totalPixels",
        severity: "warning",
        property: "the GIF's pixels (width × height × frames)",
        value: "1,234,567,890",
        limit: "up to 300,000,000",
        fix,
        source: BEST_PRACTICES,
        message: `The GIF's pixels (width × height × frames) is 1,234,567,890; X documents up to 300,000,000 for dm_gif, or the Post may fail (${BEST_PRACTICES}). Fix: ${fix}.`,
      },
    ]);
  });
});

test("every rule broken: three warnings in order size, frames, pixels", () => {
  const g = gif({
    width: 1300,
    height: 1100,
    frameCount: 351,
    totalPixels: 1300 * 1100 * 351,
  });
  expect(
    checkGif(g, "tweet_gif").map((i) => [i.rule, i.severity, i.value]),
  ).toEqual([
    ["gif.dimensions", "warning", "1300×1100"],
    ["gif.frames", "warning", "351 frames"],
    ["gif.totalPixels", "warning", "501,930,000"],
  ]);
});
