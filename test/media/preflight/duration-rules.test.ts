// checkDuration: X's 0.5 s minimum, the per-category and per-tier maximum at its edges, the warning when the
// tier is unknown, and how durations are written (`150 s (2 min 30 s)`, `4 h`).
import { describe, expect, test } from "@jest/globals";
import {
  checkDuration,
  type VideoCategory,
} from "../../../src/media/preflight/duration-rules.js";
import type { AccountTier } from "../../../src/media/preflight/limits.js";
import { ADS_CREATIVES, BEST_PRACTICES, recorder } from "./build.js";

function check(
  seconds: number,
  category: VideoCategory,
  tier: AccountTier | undefined,
) {
  const add = recorder();
  checkDuration(seconds, category, tier, add);
  return add.calls;
}
/** [severity, value] of each finding. */
const found = (
  seconds: number,
  category: VideoCategory,
  tier: AccountTier | undefined,
) => check(seconds, category, tier).map((c) => [c[1], c[3]]);

const trim = (to: number) =>
  `trim it, e.g. \`ffmpeg -i in.mp4 -t ${to} -c copy out.mp4\``;

describe("minimum 0.5 s, every category and tier", () => {
  test("0.5 s passes, 0.49 s is an error with the exact finding (X's default page)", () => {
    for (const category of [
      "tweet_video",
      "dm_video",
      "amplify_video",
    ] as const) {
      for (const tier of [undefined, "standard", "premium"] as const) {
        expect(check(0.5, category, tier)).toEqual([]);
        expect(check(0.49, category, tier)).toEqual([
          [
            "video.duration",
            "error",
            "the duration",
            "0.49 s",
            "at least 0.5 s",
            "upload a longer clip",
          ],
        ]);
      }
    }
  });
});

describe("tweet_video and dm_video: 140 s standard, 4 h premium", () => {
  test.each(["tweet_video", "dm_video"] as const)(
    "%s on a standard account: 140 s passes, 140.01 s is an error pointing at X Premium",
    (category) => {
      expect(check(140, category, "standard")).toEqual([]);
      expect(check(139.99, category, "standard")).toEqual([]);
      expect(check(140.01, category, "standard")).toEqual([
        [
          "video.duration",
          "error",
          "the duration",
          "140.01 s (2 min 20 s)",
          "at most 140 s (2 min 20 s)",
          `${trim(140)}, or upload from an X Premium account (4 h)`,
          BEST_PRACTICES,
        ],
      ]);
    },
  );

  test.each(["tweet_video", "dm_video"] as const)(
    "%s on a premium account: 4 h passes, 4 h + 1 s is an error with no Premium note",
    (category) => {
      expect(check(14_400, category, "premium")).toEqual([]);
      expect(check(150, category, "premium")).toEqual([]);
      expect(check(14_401, category, "premium")).toEqual([
        [
          "video.duration",
          "error",
          "the duration",
          "14401 s (240 min 1 s)",
          "at most 4 h",
          trim(14_400),
          BEST_PRACTICES,
        ],
      ]);
    },
  );

  test.each(["tweet_video", "dm_video"] as const)(
    "%s on an unknown account: up to 140 s silent, then a warning up to 4 h, then an error",
    (category) => {
      expect(check(140, category, undefined)).toEqual([]);
      const warning = [
        "video.duration",
        "warning",
        "the duration",
        "140.01 s (2 min 20 s)",
        "at most 140 s (2 min 20 s) on a standard account (4 h with X Premium)",
        `${trim(140)} unless the account has X Premium; set \`accountTier\` to make this check exact`,
        BEST_PRACTICES,
      ];
      expect(check(140.01, category, undefined)).toEqual([warning]);
      expect(found(14_400, category, undefined)).toEqual([["warning", "4 h"]]);
      expect(check(14_401, category, undefined)).toEqual([
        [
          "video.duration",
          "error",
          "the duration",
          "14401 s (240 min 1 s)",
          "at most 4 h",
          trim(14_400),
          BEST_PRACTICES,
        ],
      ]);
    },
  );
});

describe("amplify_video: 10 minutes for every account, from the Ads API page", () => {
  test.each([undefined, "standard", "premium"] as const)(
    "tier %s: 600 s passes silently, 601 s is an error with no Premium note",
    (tier) => {
      expect(check(600, "amplify_video", tier)).toEqual([]);
      expect(check(150, "amplify_video", tier)).toEqual([]);
      expect(check(601, "amplify_video", tier)).toEqual([
        [
          "video.duration",
          "error",
          "the duration",
          "601 s (10 min 1 s)",
          "at most 600 s (10 min)",
          trim(600),
          ADS_CREATIVES,
        ],
      ]);
    },
  );

  test("too short is still judged by the best-practices minimum", () => {
    expect(check(0.2, "amplify_video", "standard")).toEqual([
      [
        "video.duration",
        "error",
        "the duration",
        "0.2 s",
        "at least 0.5 s",
        "upload a longer clip",
      ],
    ]);
  });
});

describe("how a duration is written", () => {
  // Each value is over the premium 4 h limit or under the minimum, so it shows as the finding's value.
  test.each([
    [0.494, "0.49 s"],
    [0.4951, "0.5 s"],
    [0, "0 s"],
  ])("%p s → %s", (seconds, text) => {
    expect(found(seconds, "tweet_video", "premium")).toEqual([["error", text]]);
  });

  test.each([
    [140.001, "140 s (2 min 20 s)"],
    [150, "150 s (2 min 30 s)"],
    [180, "180 s (3 min)"],
    [12_345.678, "12345.68 s (205 min 46 s)"],
    [3599, "3599 s (59 min 59 s)"],
    [3600, "1 h"],
    [3601, "3601 s (60 min 1 s)"],
    [5400, "5400 s (90 min)"],
    [7200, "2 h"],
  ])("%p s → %s", (seconds, text) => {
    const calls = check(seconds, "tweet_video", undefined);
    // 140.001 s rounds to 140 s but is over the limit.
    expect(calls.map((c) => [c[1], c[3]])).toEqual([["warning", text]]);
  });

  test("whole hours over a limit", () => {
    expect(check(18_000, "tweet_video", "standard")[0]?.slice(3, 6)).toEqual([
      "5 h",
      "at most 140 s (2 min 20 s)",
      `${trim(140)}, or upload from an X Premium account (4 h)`,
    ]);
    expect(check(86_400, "dm_video", "premium")[0]?.slice(3, 5)).toEqual([
      "24 h",
      "at most 4 h",
    ]);
  });
});
