// checkVideo: each of X's video rules on a hand-made inspection (a conforming video with one field changed),
// at its edge, with the exact finding; the context names the category and, when known, the account tier.
import { describe, expect, test } from "@jest/globals";
import type { VideoInspection } from "../../../src/media/inspect/types.js";
import type { AccountTier } from "../../../src/media/preflight/limits.js";
import { checkVideo } from "../../../src/media/preflight/video-rules.js";
import { audioTrack, BEST_PRACTICES, video, videoTrack } from "./build.js";

const rules = (over: Partial<VideoInspection>, tier?: AccountTier): string[] =>
  checkVideo(video(over), "tweet_video", tier).map(
    (i) => `${i.rule}:${i.severity}:${i.value}`,
  );

test("the conforming video passes for every category and tier", () => {
  for (const category of [
    "tweet_video",
    "dm_video",
    "amplify_video",
  ] as const) {
    for (const tier of [undefined, "standard", "premium"] as const) {
      expect(checkVideo(video(), category, tier)).toEqual([]);
    }
  }
});

describe("the context", () => {
  const message = (tier: AccountTier | undefined) =>
    checkVideo(video({ frameRate: 61 }), "dm_video", tier)[0]?.message;
  const fix =
    "re-encode at 30 fps, e.g. `ffmpeg -i in.mp4 -r 30 -c:a copy out.mp4`";

  test("names the category, and the tier when known", () => {
    expect(message(undefined)).toBe(
      `The frame rate is 61 fps; X allows at most 60 fps for dm_video (${BEST_PRACTICES}). Fix: ${fix}.`,
    );
    expect(message("standard")).toBe(
      `The frame rate is 61 fps; X allows at most 60 fps for dm_video on a standard account (${BEST_PRACTICES}). Fix: ${fix}.`,
    );
    expect(message("premium")).toContain(
      "at most 60 fps for dm_video on a premium account (",
    );
  });
});

describe("video track", () => {
  test("missing: one warning, and no other rule is checked", () => {
    const v = video({
      video: undefined,
      frameRate: 120,
      width: 10,
      height: 5000,
      durationSeconds: 0.1,
      audio: audioTrack({ codec: "mp3", channels: 6 }),
    });
    expect(checkVideo(v, "tweet_video", "standard")).toEqual([
      {
        rule: "video.track",
        severity: "warning",
        property: "the video track",
        value: "missing",
        limit: "video with one video track",
        fix: "upload a file with a video stream, or the audio as a video with a still image",
        source: BEST_PRACTICES,
        message: `The video track is missing; X documents video with one video track for tweet_video on a standard account (${BEST_PRACTICES}). Fix: upload a file with a video stream, or the audio as a video with a still image.`,
      },
    ]);
  });

  test("a codec other than H.264: a warning naming it", () => {
    const issues = checkVideo(
      video({ video: videoTrack({ codec: "hevc" }) }),
      "tweet_video",
      undefined,
    );
    expect(issues).toEqual([
      {
        rule: "video.codec",
        severity: "warning",
        property: "the video codec",
        value: "hevc",
        limit:
          "H.264 (High profile recommended); other codecs are not documented",
        fix: "re-encode as H.264, e.g. `ffmpeg -i in.mp4 -c:v libx264 -profile:v high -pix_fmt yuv420p -c:a copy out.mp4`",
        source: BEST_PRACTICES,
        message: `The video codec is hevc; X documents H.264 (High profile recommended); other codecs are not documented for tweet_video (${BEST_PRACTICES}). Fix: re-encode as H.264, e.g. \`ffmpeg -i in.mp4 -c:v libx264 -profile:v high -pix_fmt yuv420p -c:a copy out.mp4\`.`,
      },
    ]);
  });
});

describe("frame rate at most 60 fps (rounded to 0.1 fps)", () => {
  test("60 and 60.04 pass; 60.05 (rounds to 60.1) and 61 are errors", () => {
    expect(rules({ frameRate: 60 })).toEqual([]);
    expect(rules({ frameRate: 60.04 })).toEqual([]);
    expect(rules({ frameRate: 59.94 })).toEqual([]);
    expect(rules({ frameRate: 60.05 })).toEqual([
      "video.frameRate:error:60.05 fps",
    ]);
    expect(rules({ frameRate: 61 })).toEqual(["video.frameRate:error:61 fps"]);
  });

  test("the value is written to 0.01 fps", () => {
    expect(rules({ frameRate: 119.88012 })).toEqual([
      "video.frameRate:error:119.88 fps",
    ]);
    expect(rules({ frameRate: 72.006 })).toEqual([
      "video.frameRate:error:72.01 fps",
    ]);
  });

  test("unknown: not checked", () => {
    expect(rules({ frameRate: undefined })).toEqual([]);
  });

  test("the whole finding", () => {
    expect(
      checkVideo(video({ frameRate: 90 }), "tweet_video", undefined),
    ).toEqual([
      {
        rule: "video.frameRate",
        severity: "error",
        property: "the frame rate",
        value: "90 fps",
        limit: "at most 60 fps",
        fix: "re-encode at 30 fps, e.g. `ffmpeg -i in.mp4 -r 30 -c:a copy out.mp4`",
        source: BEST_PRACTICES,
        message: `The frame rate is 90 fps; X allows at most 60 fps for tweet_video (${BEST_PRACTICES}). Fix: re-encode at 30 fps, e.g. \`ffmpeg -i in.mp4 -r 30 -c:a copy out.mp4\`.`,
      },
    ]);
  });
});

describe("frame size: checked when both sides are known, with the account tier", () => {
  test("too small, and too large for a standard account only", () => {
    expect(rules({ width: 31, height: 31 })).toEqual([
      "video.dimensions:error:31×31",
    ]);
    expect(rules({ width: 1920, height: 1080 })).toEqual([]);
    expect(rules({ width: 1920, height: 1080 }, "premium")).toEqual([]);
    expect(rules({ width: 1920, height: 1080 }, "standard")).toEqual([
      "video.dimensions:warning:1920×1080",
    ]);
  });
});

describe("pixel format: only 4:2:0", () => {
  test("yuv420p and its 10-bit form pass; unknown is not checked", () => {
    expect(rules({ video: videoTrack({ pixelFormat: "yuv420p" }) })).toEqual(
      [],
    );
    expect(rules({ video: videoTrack({ pixelFormat: "yuv420p10" }) })).toEqual(
      [],
    );
    expect(rules({ video: videoTrack({ pixelFormat: undefined }) })).toEqual(
      [],
    );
  });

  test("4:2:2, 4:4:4 and gray are errors, with the exact finding", () => {
    expect(rules({ video: videoTrack({ pixelFormat: "yuv422p" }) })).toEqual([
      "video.pixelFormat:error:yuv422p",
    ]);
    expect(rules({ video: videoTrack({ pixelFormat: "gray" }) })).toEqual([
      "video.pixelFormat:error:gray",
    ]);
    const [issue] = checkVideo(
      video({ video: videoTrack({ pixelFormat: "yuv444p" }) }),
      "tweet_video",
      undefined,
    );
    expect(issue).toEqual({
      rule: "video.pixelFormat",
      severity: "error",
      property: "the pixel format",
      value: "yuv444p",
      limit: "only YUV 4:2:0 (yuv420p)",
      fix: "convert it, e.g. `ffmpeg -i in.mp4 -pix_fmt yuv420p -c:a copy out.mp4`",
      source: BEST_PRACTICES,
      message: `The pixel format is yuv444p; X allows only YUV 4:2:0 (yuv420p) for tweet_video (${BEST_PRACTICES}). Fix: convert it, e.g. \`ffmpeg -i in.mp4 -pix_fmt yuv420p -c:a copy out.mp4\`.`,
    });
  });
});

describe("pixel aspect ratio: only square pixels", () => {
  test("1:1, 2:2 and none pass", () => {
    expect(rules({ video: videoTrack({ pixelAspectRatio: [1, 1] }) })).toEqual(
      [],
    );
    expect(rules({ video: videoTrack({ pixelAspectRatio: [2, 2] }) })).toEqual(
      [],
    );
    expect(
      rules({ video: videoTrack({ pixelAspectRatio: undefined }) }),
    ).toEqual([]);
  });

  test("4:3 and 1:2 are errors, with the exact finding", () => {
    expect(rules({ video: videoTrack({ pixelAspectRatio: [1, 2] }) })).toEqual([
      "video.pixelAspectRatio:error:1:2",
    ]);
    const [issue] = checkVideo(
      video({ video: videoTrack({ pixelAspectRatio: [4, 3] }) }),
      "tweet_video",
      undefined,
    );
    expect(issue).toEqual({
      rule: "video.pixelAspectRatio",
      severity: "error",
      property: "the pixel aspect ratio",
      value: "4:3",
      limit: "only square pixels (1:1)",
      fix: 'resample to square pixels, e.g. `ffmpeg -i in.mp4 -vf "scale=iw*sar:ih,setsar=1" -c:a copy out.mp4`',
      source: BEST_PRACTICES,
      message: `The pixel aspect ratio is 4:3; X allows only square pixels (1:1) for tweet_video (${BEST_PRACTICES}). Fix: resample to square pixels, e.g. \`ffmpeg -i in.mp4 -vf "scale=iw*sar:ih,setsar=1" -c:a copy out.mp4\`.`,
    });
  });
});

describe("duration: checked when known, by category and tier", () => {
  test("unknown passes; too short, too long for the tier and the category", () => {
    expect(rules({ durationSeconds: undefined })).toEqual([]);
    expect(rules({ durationSeconds: 0.25 })).toEqual([
      "video.duration:error:0.25 s",
    ]);
    expect(rules({ durationSeconds: 150 }, "standard")).toEqual([
      "video.duration:error:150 s (2 min 30 s)",
    ]);
    expect(rules({ durationSeconds: 150 })).toEqual([
      "video.duration:warning:150 s (2 min 30 s)",
    ]);
    expect(rules({ durationSeconds: 150 }, "premium")).toEqual([]);
    expect(
      checkVideo(
        video({ durationSeconds: 700 }),
        "amplify_video",
        "premium",
      ).map((i) => [i.rule, i.severity, i.limit, i.source]),
    ).toEqual([
      [
        "video.duration",
        "error",
        "at most 600 s (10 min)",
        "https://docs.x.com/x-ads-api/creatives, read 2026-12-02",
      ],
    ]);
  });
});

describe("audio: AAC LC, mono or stereo", () => {
  const reencode =
    "re-encode the audio as AAC LC, e.g. `ffmpeg -i in.mp4 -c:v copy -c:a aac -b:a 128k out.mp4`";
  const audio = (over: Parameters<typeof audioTrack>[0]) =>
    rules({ audio: audioTrack(over) });

  test("no audio track, AAC LC, AAC of unknown profile pass", () => {
    expect(rules({ audio: undefined, audioTracks: 0 })).toEqual([]);
    expect(audio({ profile: "LC" })).toEqual([]);
    expect(audio({ profile: undefined })).toEqual([]);
  });

  test("another codec: an error (its profile is not looked at)", () => {
    expect(audio({ codec: "mp3", profile: undefined })).toEqual([
      "audio.codec:error:mp3",
    ]);
    expect(audio({ codec: "opus", profile: "HE-AAC" })).toEqual([
      "audio.codec:error:opus",
    ]);
    const [issue] = checkVideo(
      video({ audio: audioTrack({ codec: "ac-3" }) }),
      "tweet_video",
      "premium",
    );
    expect(issue).toEqual({
      rule: "audio.codec",
      severity: "error",
      property: "the audio codec",
      value: "ac-3",
      limit: "only AAC LC audio",
      fix: reencode,
      source: BEST_PRACTICES,
      message: `The audio codec is ac-3; X allows only AAC LC audio for tweet_video on a premium account (${BEST_PRACTICES}). Fix: ${reencode}.`,
    });
  });

  test("AAC other than LC: a profile error", () => {
    expect(audio({ profile: "HE-AAC v2" })).toEqual([
      "audio.profile:error:HE-AAC v2",
    ]);
    const [issue] = checkVideo(
      video({ audio: audioTrack({ profile: "Main" }) }),
      "tweet_video",
      undefined,
    );
    expect(issue).toEqual({
      rule: "audio.profile",
      severity: "error",
      property: "the audio profile",
      value: "Main",
      limit: "only AAC LC (High-Efficiency AAC is not supported)",
      fix: reencode,
      source: BEST_PRACTICES,
      message: `The audio profile is Main; X allows only AAC LC (High-Efficiency AAC is not supported) for tweet_video (${BEST_PRACTICES}). Fix: ${reencode}.`,
    });
  });

  test("channels: 1 and 2 pass, unknown is not checked, 3 is an error", () => {
    expect(audio({ channels: 1 })).toEqual([]);
    expect(audio({ channels: 2 })).toEqual([]);
    expect(audio({ channels: undefined })).toEqual([]);
    expect(audio({ channels: 3 })).toEqual(["audio.channels:error:3 channels"]);
    const [issue] = checkVideo(
      video({ audio: audioTrack({ channels: 6 }) }),
      "tweet_video",
      undefined,
    );
    const fix =
      "mix down to stereo, e.g. `ffmpeg -i in.mp4 -c:v copy -c:a aac -ac 2 out.mp4`";
    expect(issue).toEqual({
      rule: "audio.channels",
      severity: "error",
      property: "the audio",
      value: "6 channels",
      limit: "mono or stereo only",
      fix,
      source: BEST_PRACTICES,
      message: `The audio is 6 channels; X allows mono or stereo only for tweet_video (${BEST_PRACTICES}). Fix: ${fix}.`,
    });
  });

  test("codec and channels both wrong: two errors", () => {
    expect(audio({ codec: "ac-3", channels: 6 })).toEqual([
      "audio.codec:error:ac-3",
      "audio.channels:error:6 channels",
    ]);
    expect(audio({ profile: "HE-AAC", channels: 6 })).toEqual([
      "audio.profile:error:HE-AAC",
      "audio.channels:error:6 channels",
    ]);
  });
});

test("everything wrong at once: one finding per rule, in the order the rules run", () => {
  const v = video({
    video: videoTrack({
      codec: "vp9",
      pixelFormat: "yuv444p",
      pixelAspectRatio: [3, 2],
    }),
    frameRate: 120,
    width: 4000,
    height: 1000,
    durationSeconds: 20_000,
    audio: audioTrack({ codec: "opus", channels: 8 }),
  });
  expect(
    checkVideo(v, "tweet_video", "standard").map(
      (i) => `${i.rule}:${i.severity}`,
    ),
  ).toEqual([
    "video.codec:warning",
    "video.frameRate:error",
    "video.aspectRatio:error",
    "video.dimensions:warning",
    "video.pixelFormat:error",
    "video.pixelAspectRatio:error",
    "video.duration:error",
    "audio.codec:error",
    "audio.channels:error",
  ]);
});
