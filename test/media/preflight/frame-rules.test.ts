// checkFrame: the 32×32 minimum, the 1:3–3:1 aspect ratio, and the maximum (1280×1024 standard, 1080p otherwise),
// each at its edge and in both orientations, with the exact findings.
import { describe, expect, test } from "@jest/globals";
import { checkFrame } from "../../../src/media/preflight/frame-rules.js";
import type { AccountTier } from "../../../src/media/preflight/limits.js";
import { recorder } from "./build.js";

function check(width: number, height: number, tier?: AccountTier) {
  const add = recorder();
  checkFrame(width, height, tier, add);
  return add.calls;
}
/** [rule, severity] of each finding, for every tier. */
const rules = (width: number, height: number) =>
  ([undefined, "standard", "premium"] as const).map((tier) =>
    check(width, height, tier).map((c) => `${String(c[0])}:${String(c[1])}`),
  );

const tooSmall = (size: string) => [
  "video.dimensions",
  "error",
  "the frame size",
  size,
  "at least 32×32",
  "scale it up, e.g. `ffmpeg -i in.mp4 -vf scale=-2:320 -c:a copy out.mp4`",
];
const badAspect = (value: string) => [
  "video.aspectRatio",
  "error",
  "the aspect ratio",
  value,
  "between 1:3 and 3:1",
  "pad or crop it into that range, e.g. `ffmpeg -i in.mp4 -vf \"pad='max(iw,ceil(ih/6)*2)':'max(ih,ceil(iw/6)*2)':(ow-iw)/2:(oh-ih)/2\" -c:a copy out.mp4`",
];
const scaleDown = (fit: string) =>
  `scale it down, e.g. \`ffmpeg -i in.mp4 -vf "scale=${fit}:force_original_aspect_ratio=decrease:force_divisible_by=2" -c:a copy out.mp4\``;

describe("minimum 32×32", () => {
  test("32×32 passes; one side at 31 is an error, either side", () => {
    expect(rules(32, 32)).toEqual([[], [], []]);
    expect(check(31, 40)).toEqual([tooSmall("31×40")]);
    expect(check(40, 31, "standard")).toEqual([tooSmall("40×31")]);
    expect(check(31, 31, "premium")).toEqual([tooSmall("31×31")]);
    expect(check(32, 33)).toEqual([]);
  });
});

describe("aspect ratio between 1:3 and 3:1", () => {
  test("exactly 1:3 and 3:1 pass, both orientations", () => {
    expect(rules(100, 300)).toEqual([[], [], []]);
    expect(rules(300, 100)).toEqual([[], [], []]);
    expect(rules(342, 1026)).toEqual([[], [], []]);
    expect(rules(1026, 342)).toEqual([[], [], []]);
  });

  test("a hair beyond is an error naming the reduced ratio", () => {
    expect(check(100, 301)).toEqual([badAspect("100:301 (100×301)")]);
    expect(check(301, 100)).toEqual([badAspect("301:100 (301×100)")]);
    expect(check(341, 1024, "standard")).toEqual([
      badAspect("341:1024 (341×1024)"),
    ]);
    expect(check(128, 512, "premium")).toEqual([badAspect("1:4 (128×512)")]);
    expect(check(640, 120)).toEqual([badAspect("16:3 (640×120)")]);
  });

  test("too small and too narrow: both errors, the size first", () => {
    expect(check(20, 100)).toEqual([
      tooSmall("20×100"),
      badAspect("1:5 (20×100)"),
    ]);
  });
});

describe("maximum: 1280×1024 on a standard account, 1080p otherwise (a warning)", () => {
  const standard = (size: string, fit: string) => [
    "video.dimensions",
    "warning",
    "the frame size",
    size,
    "up to 1280×1024 (1080p with X Premium)",
    scaleDown(fit),
  ];
  const other = (size: string, fit: string) => [
    "video.dimensions",
    "warning",
    "the frame size",
    size,
    "up to 1280×1024, and 1080p (1920×1080) for subscribers",
    scaleDown(fit),
  ];

  test("standard: 1280×1024 and 1024×1280 pass; one pixel more on either side warns", () => {
    expect(check(1280, 1024, "standard")).toEqual([]);
    expect(check(1024, 1280, "standard")).toEqual([]);
    expect(check(1281, 1024, "standard")).toEqual([
      standard("1281×1024", "1280:1024"),
    ]);
    expect(check(1280, 1025, "standard")).toEqual([
      standard("1280×1025", "1280:1024"),
    ]);
    expect(check(1024, 1281, "standard")).toEqual([
      standard("1024×1281", "1024:1280"),
    ]);
    expect(check(1025, 1280, "standard")).toEqual([
      standard("1025×1280", "1024:1280"),
    ]);
    expect(check(1025, 1025, "standard")).toEqual([
      standard("1025×1025", "1280:1024"),
    ]);
    expect(check(1920, 1080, "standard")).toEqual([
      standard("1920×1080", "1280:1024"),
    ]);
  });

  test.each([undefined, "premium"] as const)(
    "tier %s: 1080p either way passes; one pixel more on either side warns",
    (tier) => {
      expect(check(1920, 1080, tier)).toEqual([]);
      expect(check(1080, 1920, tier)).toEqual([]);
      expect(check(1080, 1080, tier)).toEqual([]);
      expect(check(1281, 1025, tier)).toEqual([]);
      expect(check(1921, 1080, tier)).toEqual([
        other("1921×1080", "1920:1080"),
      ]);
      expect(check(1920, 1081, tier)).toEqual([
        other("1920×1081", "1920:1080"),
      ]);
      expect(check(1080, 1921, tier)).toEqual([
        other("1080×1921", "1080:1920"),
      ]);
      expect(check(1081, 1920, tier)).toEqual([
        other("1081×1920", "1080:1920"),
      ]);
      expect(check(1081, 1081, tier)).toEqual([
        other("1081×1081", "1920:1080"),
      ]);
    },
  );

  test("too wide and too large: the aspect error, then the size warning", () => {
    expect(check(4000, 1000, "premium")).toEqual([
      badAspect("4:1 (4000×1000)"),
      other("4000×1000", "1920:1080"),
    ]);
  });
});
