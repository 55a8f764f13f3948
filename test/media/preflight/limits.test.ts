// X's documented limits as a table: the values read from X's pages on 2026-12-02, written out here so a change
// to the table is a deliberate one (each value is also tested at its edge in the rule tests).
import { expect, test } from "@jest/globals";
import {
  ADS_CREATIVES,
  BEST_PRACTICES,
  GIF,
  MAX_SECONDS,
  VIDEO,
} from "../../../src/media/preflight/limits.js";

test("the pages the limits come from, with the date they were read", () => {
  expect(BEST_PRACTICES).toBe(
    "https://docs.x.com/x-api/media/quickstart/best-practices, read 2026-12-02",
  );
  expect(ADS_CREATIVES).toBe(
    "https://docs.x.com/x-ads-api/creatives, read 2026-12-02",
  );
});

test("video limits shared by every category and account", () => {
  expect(VIDEO).toEqual({
    maxFrameRate: 60,
    minSide: 32,
    standardMax: { long: 1280, short: 1024 },
    premiumMax: { long: 1920, short: 1080 },
    minAspect: 1 / 3,
    maxAspect: 3,
    minSeconds: 0.5,
    maxChannels: 2,
  });
});

test("longest video per category and tier: 140 s standard, 4 h premium, 10 min for amplify_video", () => {
  expect(MAX_SECONDS).toEqual({
    tweet_video: { standard: 140, premium: 14_400 },
    dm_video: { standard: 140, premium: 14_400 },
    amplify_video: { standard: 600, premium: 600 },
  });
});

test("GIF recommendations", () => {
  expect(GIF).toEqual({
    maxWidth: 1280,
    maxHeight: 1080,
    maxFrames: 350,
    maxTotalPixels: 300_000_000,
  });
});
