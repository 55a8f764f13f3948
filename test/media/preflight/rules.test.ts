// checkMedia on the committed fixtures: each breaks one of X's rules and is caught with the right message;
// the conforming files pass with nothing to say. Duration depends on the account tier.
import { describe, expect, test } from "@jest/globals";
import {
  checkMedia,
  inspectMedia,
  type MediaCategory,
} from "../../../src/index.js";
import type { AccountTier } from "../../../src/media/preflight/index.js";
import { media } from "../inspect/fixtures.js";

const BEST_PRACTICES =
  "https://docs.x.com/x-api/media/quickstart/best-practices, read 2026-12-02";

async function check(
  name: string,
  mediaCategory: MediaCategory,
  accountTier?: AccountTier,
) {
  return checkMedia(await inspectMedia(media(name)), {
    mediaCategory,
    accountTier,
  });
}

describe("conforming files", () => {
  test.each([
    ["conforming.mp4", "tweet_video"],
    ["conforming.mov", "dm_video"],
    ["moov-at-end.mp4", "tweet_video"],
    ["frames-10.gif", "tweet_gif"],
    ["still.jpg", "tweet_image"],
  ] as const)("%s as %s: no error, no warning", async (name, category) => {
    for (const tier of [undefined, "standard", "premium"] as const) {
      expect(await check(name, category, tier)).toEqual([]);
    }
  });
});

describe("one broken rule each", () => {
  test("61 fps: an error naming the value, X's 60 fps limit, the page and the fix", async () => {
    const [issue, ...rest] = await check("fps-61.mp4", "tweet_video");
    expect(rest).toEqual([]);
    expect(issue).toEqual({
      rule: "video.frameRate",
      severity: "error",
      property: "the frame rate",
      value: "61 fps",
      limit: "at most 60 fps",
      fix: "re-encode at 30 fps, e.g. `ffmpeg -i in.mp4 -r 30 -c:a copy out.mp4`",
      source: BEST_PRACTICES,
      message: `The frame rate is 61 fps; X allows at most 60 fps for tweet_video (${BEST_PRACTICES}). Fix: re-encode at 30 fps, e.g. \`ffmpeg -i in.mp4 -r 30 -c:a copy out.mp4\`.`,
    });
  });

  test("2000×2000: a warning, never a refusal (X's pages disagree on the maximum)", async () => {
    for (const tier of [undefined, "standard", "premium"] as const) {
      const issues = await check("size-2000x2000.mp4", "tweet_video", tier);
      expect(issues.map((i) => [i.rule, i.severity, i.value])).toEqual([
        ["video.dimensions", "warning", "2000×2000"],
      ]);
      expect(issues[0]?.message).toMatch(
        /^The frame size is 2000×2000; X documents up to 1280×1024/,
      );
    }
  });

  test("1:4: an aspect ratio error", async () => {
    const issues = await check("aspect-1x4.mp4", "tweet_video");
    expect(issues.map((i) => [i.rule, i.severity, i.value, i.limit])).toEqual([
      ["video.aspectRatio", "error", "1:4 (128×512)", "between 1:3 and 3:1"],
    ]);
  });

  test("HE-AAC: an audio profile error with the AAC LC re-encode", async () => {
    const issues = await check("he-aac.mp4", "tweet_video");
    expect(issues.map((i) => [i.rule, i.severity, i.value])).toEqual([
      ["audio.profile", "error", "HE-AAC"],
    ]);
    expect(issues[0]?.message).toContain(
      "only AAC LC (High-Efficiency AAC is not supported)",
    );
    expect(issues[0]?.fix).toContain("-c:a aac");
  });

  test("5.1 audio and yuv444p: channel and pixel format errors", async () => {
    expect(
      (await check("audio-5.1.mp4", "tweet_video")).map((i) => [
        i.rule,
        i.value,
      ]),
    ).toEqual([["audio.channels", "6 channels"]]);
    expect(
      (await check("yuv444p.mp4", "tweet_video")).map((i) => [i.rule, i.value]),
    ).toEqual([["video.pixelFormat", "yuv444p"]]);
  });

  test("351 frames: a GIF warning (X calls its GIF limits recommendations)", async () => {
    const issues = await check("frames-351.gif", "tweet_gif");
    expect(issues.map((i) => [i.rule, i.severity, i.value, i.limit])).toEqual([
      ["gif.frames", "warning", "351 frames", "up to 350 frames"],
    ]);
    expect(issues[0]?.message).toContain("for tweet_gif, or the Post may fail");
  });
});

describe("duration over the DM limit (150 s) depends on the account", () => {
  test("standard account: an error for dm_video and tweet_video, naming 140 s and X Premium", async () => {
    for (const category of ["dm_video", "tweet_video"] as const) {
      const issues = await check("duration-150s.mp4", category, "standard");
      expect(issues.map((i) => [i.rule, i.severity, i.value, i.limit])).toEqual(
        [
          [
            "video.duration",
            "error",
            "150 s (2 min 30 s)",
            "at most 140 s (2 min 20 s)",
          ],
        ],
      );
      expect(issues[0]?.message).toContain(
        `for ${category} on a standard account`,
      );
      expect(issues[0]?.fix).toBe(
        "trim it, e.g. `ffmpeg -i in.mp4 -t 140 -c copy out.mp4`, or upload from an X Premium account (4 h)",
      );
    }
  });

  test("unknown account: a warning suggesting accountTier", async () => {
    const issues = await check("duration-150s.mp4", "dm_video");
    expect(issues.map((i) => [i.rule, i.severity])).toEqual([
      ["video.duration", "warning"],
    ]);
    expect(issues[0]?.limit).toBe(
      "at most 140 s (2 min 20 s) on a standard account (4 h with X Premium)",
    );
    expect(issues[0]?.fix).toContain("set `accountTier`");
  });

  test("X Premium: fine; amplify_video's 10 minutes hold for every account", async () => {
    expect(await check("duration-150s.mp4", "dm_video", "premium")).toEqual([]);
    expect(
      await check("duration-150s.mp4", "amplify_video", "standard"),
    ).toEqual([]);
  });
});

describe("rules on hand-made inspections", () => {
  const base = {
    kind: "video" as const,
    mediaType: "video/mp4" as const,
    container: "mp4" as const,
    size: 1000,
    bytesRead: 1000,
    durationSeconds: 10,
    width: 1920,
    height: 1080,
    frameRate: 60.04,
    bitrate: 800,
    video: {
      codec: "h264",
      codecString: "avc1.640028",
      profile: "High",
      pixelFormat: "yuv420p10",
      pixelAspectRatio: [1, 1] as const,
      bitrate: 700,
    },
    audio: undefined,
    audioTracks: 0,
    fastStart: true,
    fragmented: false,
  };
  const rules = (
    v: object,
    accountTier?: AccountTier,
    mediaCategory: MediaCategory = "tweet_video",
  ) =>
    checkMedia({ ...base, ...v }, { mediaCategory, accountTier }).map(
      (i) => `${i.rule}:${i.severity}`,
    );

  test("1080p at 60.04 fps (a variable-rate 60) in 10-bit 4:2:0 passes unless the account is standard", () => {
    expect(rules({})).toEqual([]);
    expect(rules({}, "premium")).toEqual([]);
    expect(rules({}, "standard")).toEqual(["video.dimensions:warning"]);
  });

  test("limits at their edges", () => {
    expect(
      rules({ durationSeconds: 140, width: 1280, height: 720 }, "standard"),
    ).toEqual([]);
    expect(
      rules({ durationSeconds: 140.02, width: 1280, height: 720 }, "standard"),
    ).toEqual(["video.duration:error"]);
    expect(rules({ durationSeconds: 0.4 })).toEqual(["video.duration:error"]);
    expect(rules({ durationSeconds: 601 }, "premium", "amplify_video")).toEqual(
      ["video.duration:error"],
    );
    expect(rules({ durationSeconds: 14_401 })).toEqual([
      "video.duration:error",
    ]);
    expect(rules({ width: 1536, height: 512 })).toEqual([]);
    expect(rules({ width: 1537, height: 512 })).toEqual([
      "video.aspectRatio:error",
    ]);
    expect(rules({ width: 31, height: 40 })).toEqual([
      "video.dimensions:error",
    ]);
    expect(rules({ frameRate: 60.1 })).toEqual(["video.frameRate:error"]);
  });

  test("codec, pixel aspect ratio, audio codec, missing video track", () => {
    expect(rules({ video: { ...base.video, codec: "hevc" } })).toEqual([
      "video.codec:warning",
    ]);
    expect(
      rules({ video: { ...base.video, pixelAspectRatio: [4, 3] } }),
    ).toEqual(["video.pixelAspectRatio:error"]);
    expect(
      rules({
        audio: {
          codec: "mp3",
          codecString: "mp4a.6b",
          profile: undefined,
          channels: 2,
          sampleRate: 44100,
          bitrate: 1,
        },
      }),
    ).toEqual(["audio.codec:error"]);
    expect(rules({ video: undefined })).toEqual(["video.track:warning"]);
  });

  test("GIF: size and total pixels; a GIF sent as an image has no GIF rules", () => {
    const gif = {
      kind: "gif" as const,
      mediaType: "image/gif" as const,
      size: 1,
      bytesRead: 1,
      width: 1281,
      height: 1000,
      frameCount: 300,
      totalPixels: 1281 * 1000 * 300,
    };
    expect(
      checkMedia(gif, { mediaCategory: "dm_gif" }).map((i) => i.rule),
    ).toEqual(["gif.dimensions", "gif.totalPixels"]);
    expect(checkMedia(gif, { mediaCategory: "tweet_image" })).toEqual([]);
  });

  test("an unreadable video warns; a type not inspected says nothing", () => {
    const other = {
      kind: "other" as const,
      mediaType: "video/mp4" as const,
      size: 1,
      bytesRead: 0,
    };
    expect(
      checkMedia(
        {
          ...other,
          reason: "could not be read as video/mp4: no moov",
          failed: true,
        },
        { mediaCategory: "tweet_video" },
      ).map((i) => i.rule),
    ).toEqual(["inspection"]);
    expect(
      checkMedia(
        {
          ...other,
          mediaType: "video/webm",
          reason: "not inspected",
          failed: false,
        },
        { mediaCategory: "tweet_video" },
      ),
    ).toEqual([]);
  });
});
