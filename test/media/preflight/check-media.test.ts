// checkMedia (preflight/index.ts): which rules apply to which inspection under which category, the tier passed
// through, and the warning for a file inspection could not read.
import { describe, expect, test } from "@jest/globals";
import type {
  MediaInspection,
  OtherInspection,
} from "../../../src/media/inspect/types.js";
import { checkMedia } from "../../../src/media/preflight/index.js";
import type { MediaCategory } from "../../../src/media/types.js";
import { gif, video } from "./build.js";

const VIDEO_CATEGORIES = ["tweet_video", "dm_video", "amplify_video"] as const;
const GIF_CATEGORIES = ["tweet_gif", "dm_gif"] as const;
const OTHER_CATEGORIES = ["tweet_image", "dm_image", "subtitles"] as const;

const rules = (i: MediaInspection, mediaCategory: MediaCategory | undefined) =>
  checkMedia(i, { mediaCategory }).map((x) => x.rule);

/** A 61 fps video: one error under the video rules. */
const fastVideo = video({ frameRate: 61 });
/** A 351-frame GIF: one warning under the GIF rules. */
const longGif = gif({ frameCount: 351 });
const image: MediaInspection = {
  kind: "image",
  format: "png",
  mediaType: "image/png",
  size: 100,
  bytesRead: 100,
  width: 10_000,
  height: 10,
};
const unreadable = (over: Partial<OtherInspection> = {}): OtherInspection => ({
  kind: "other",
  mediaType: "video/mp4",
  size: 10,
  bytesRead: 10,
  reason: "could not be read as video/mp4: no moov box",
  failed: true,
  ...over,
});

describe("a video", () => {
  test.each(VIDEO_CATEGORIES)("as %s: the video rules", (category) => {
    expect(rules(fastVideo, category)).toEqual(["video.frameRate"]);
  });

  test.each([...GIF_CATEGORIES, ...OTHER_CATEGORIES, undefined])(
    "as %s: no rules",
    (category) => {
      expect(rules(fastVideo, category)).toEqual([]);
    },
  );

  test("the account tier reaches the video rules", () => {
    const long = video({ durationSeconds: 150 });
    const check = (accountTier?: "standard" | "premium") =>
      checkMedia(long, { mediaCategory: "tweet_video", accountTier }).map(
        (i) => [i.severity, i.limit],
      );
    expect(check("standard")).toEqual([
      ["error", "at most 140 s (2 min 20 s)"],
    ]);
    expect(check(undefined)).toEqual([
      [
        "warning",
        "at most 140 s (2 min 20 s) on a standard account (4 h with X Premium)",
      ],
    ]);
    expect(check("premium")).toEqual([]);
  });
});

describe("a GIF", () => {
  test.each(GIF_CATEGORIES)("as %s: the GIF rules, naming it", (category) => {
    const issues = checkMedia(longGif, { mediaCategory: category });
    expect(issues.map((i) => i.rule)).toEqual(["gif.frames"]);
    expect(issues[0]?.message).toContain(
      `up to 350 frames for ${category}, or the Post may fail`,
    );
  });

  test.each([...VIDEO_CATEGORIES, ...OTHER_CATEGORIES, undefined])(
    "as %s: no rules",
    (category) => {
      expect(rules(longGif, category)).toEqual([]);
    },
  );
});

test("an image: no rules under any category", () => {
  for (const category of [
    ...VIDEO_CATEGORIES,
    ...GIF_CATEGORIES,
    ...OTHER_CATEGORIES,
    undefined,
  ]) {
    expect(rules(image, category)).toEqual([]);
  }
});

describe("a file inspection could not read", () => {
  test.each([...VIDEO_CATEGORIES, ...GIF_CATEGORIES])(
    "as %s: one warning naming the reason",
    (category) => {
      expect(checkMedia(unreadable(), { mediaCategory: category })).toEqual([
        {
          rule: "inspection",
          severity: "warning",
          property: "the file",
          value:
            "not inspectable (could not be read as video/mp4: no moov box)",
          limit: "well-formed media",
          fix: "check the file plays; X's processing may refuse it after the upload",
          source: "preflight",
          message: `The file is not inspectable (could not be read as video/mp4: no moov box); X documents well-formed media for ${category} (preflight). Fix: check the file plays; X's processing may refuse it after the upload.`,
        },
      ]);
    },
  );

  test.each([...OTHER_CATEGORIES, undefined])(
    "as %s: nothing to say",
    (category) => {
      expect(rules(unreadable(), category)).toEqual([]);
    },
  );

  test("a type inspection does not read (not failed): nothing to say", () => {
    const webm = unreadable({
      mediaType: "video/webm",
      reason: "not inspected",
      failed: false,
    });
    for (const category of [...VIDEO_CATEGORIES, ...GIF_CATEGORIES]) {
      expect(rules(webm, category)).toEqual([]);
    }
  });
});
