import { describe, expect, it } from "@jest/globals";
import {
  DEFAULT_SEGMENT_BYTES,
  MAX_CHUNKED_BYTES,
  MAX_SEGMENT_BYTES,
  MAX_SEGMENTS,
  planSegments,
  type PlanSegmentsOptions,
  type SegmentPlan,
} from "../../src/media/segments.js";
import { MAX_TOTAL_BYTES } from "../../src/media/types.js";

const KiB = 1024;
const MiB = 1024 * KiB;

/** The plan, failing the test with its reason if there is none. */
function plan(totalBytes: number, options?: PlanSegmentsOptions): SegmentPlan {
  const result = planSegments(totalBytes, options);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** Asserts the plan covers 0..totalBytes with contiguous, indexed, non-empty segments. */
function expectCovers(result: SegmentPlan, totalBytes: number): void {
  expect(result.segments).toHaveLength(result.count);
  expect(result.count).toBeLessThanOrEqual(MAX_SEGMENTS);
  let next = 0;
  result.segments.forEach((segment, index) => {
    expect(segment.index).toBe(index);
    expect(segment.start).toBe(next);
    expect(segment.end).toBeGreaterThan(segment.start);
    expect(segment.end - segment.start).toBeLessThanOrEqual(
      result.segmentBytes,
    );
    next = segment.end;
  });
  expect(next).toBe(totalBytes);
  expect(result.segments.reduce((sum, s) => sum + (s.end - s.start), 0)).toBe(
    totalBytes,
  );
}

describe("planSegments", () => {
  it("uses 4 MiB segments and at most 1000 of them by default", () => {
    expect(DEFAULT_SEGMENT_BYTES).toBe(4 * MiB);
    expect(MAX_SEGMENTS).toBe(1000);
  });

  it("plans exactly one segment for exactly 4 MiB", () => {
    expect(plan(4 * MiB)).toEqual({
      ok: true,
      segmentBytes: 4 * MiB,
      count: 1,
      segments: [{ index: 0, start: 0, end: 4 * MiB }],
    });
  });

  it("plans one 1-byte segment for 1 byte", () => {
    const result = plan(1);
    expect(result.count).toBe(1);
    expect(result.segments).toEqual([{ index: 0, start: 0, end: 1 }]);
  });

  it("adds a short last segment for 4 MiB + 1", () => {
    expect(plan(4 * MiB + 1).segments).toEqual([
      { index: 0, start: 0, end: 4 * MiB },
      { index: 1, start: 4 * MiB, end: 4 * MiB + 1 },
    ]);
  });

  it("fills exactly 1000 segments (indexes 0..999) at 1000 × 4 MiB", () => {
    const result = plan(1000 * 4 * MiB);
    expect(result.segmentBytes).toBe(4 * MiB);
    expect(result.count).toBe(1000);
    expect(result.segments.at(-1)).toEqual({
      index: 999,
      start: 999 * 4 * MiB,
      end: 1000 * 4 * MiB,
    });
  });

  it("grows the segment by 64 KiB steps past 1000 × 4 MiB", () => {
    const result = plan(1000 * 4 * MiB + 1);
    expect(result.segmentBytes).toBe(4 * MiB + 64 * KiB);
    expect(result.count).toBe(985);
    expectCovers(result, 1000 * 4 * MiB + 1);
  });

  it("fits the spec's 16 GiB total_bytes maximum in under 1000 segments", () => {
    const result = plan(MAX_TOTAL_BYTES);
    expect(result.segmentBytes % (64 * KiB)).toBe(0);
    expect(result.segmentBytes).toBe(263 * 64 * KiB);
    expect(result.count).toBe(997);
    expectCovers(result, MAX_TOTAL_BYTES);
  });

  it("honours segmentBytes, maxSegments and maxSegmentBytes", () => {
    expect(plan(10 * MiB, { segmentBytes: MiB }).count).toBe(10);
    expect(plan(100 * MiB, { maxSegments: 10 })).toMatchObject({
      segmentBytes: 10 * MiB,
      count: 10,
    });
    expect(plan(10 * MiB, { maxSegmentBytes: MiB })).toMatchObject({
      segmentBytes: MiB,
      count: 10,
    });
    expect(plan(3 * MiB, { segmentBytes: MiB, maxSegments: 2 })).toMatchObject({
      segmentBytes: 1.5 * MiB,
      count: 2,
    });
  });

  it("stops growing at maxSegmentBytes when rounding up would pass it", () => {
    const result = plan(1000 * (4 * MiB + 1), { maxSegmentBytes: 4 * MiB + 1 });
    expect(result).toMatchObject({ segmentBytes: 4 * MiB + 1, count: 1000 });
    expectCovers(result, 1000 * (4 * MiB + 1));
  });

  it("explains an impossible plan, naming the limit", () => {
    expect(planSegments(MAX_TOTAL_BYTES, { maxSegmentBytes: 5 * MiB })).toEqual(
      {
        ok: false,
        reason:
          "A 17179869184-byte file needs segments of at least 17179870 bytes to fit in 1000 segments, " +
          "but maxSegmentBytes is 5242880; raise maxSegmentBytes, or upload a smaller file.",
      },
    );
  });

  it("suggests raising maxSegments only when it is below 1000", () => {
    const result = planSegments(10 * MiB, {
      maxSegments: 2,
      maxSegmentBytes: MiB,
    });
    expect(!result.ok && result.reason).toMatch(
      /needs segments of at least 5242880 bytes to fit in 2 segments, but maxSegmentBytes is 1048576; raise maxSegmentBytes or maxSegments \(up to 1000\), or upload a smaller file\.$/,
    );
  });

  it("calls 0 bytes an empty file", () => {
    const result = planSegments(0);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^Empty file: /);
  });

  it.each([-1, 0.5, Number.NaN])(
    "refuses a total of %p bytes",
    (totalBytes) => {
      const result = planSegments(totalBytes);
      expect(!result.ok && result.reason).toMatch(
        /^The file size must be a whole number of bytes/,
      );
    },
  );

  it.each<[string, PlanSegmentsOptions]>([
    ["maxSegments above 1000", { maxSegments: 1001 }],
    ["maxSegments 0", { maxSegments: 0 }],
    ["segmentBytes 0", { segmentBytes: 0 }],
    ["fractional segmentBytes", { segmentBytes: 1.5 }],
    [
      "segmentBytes above maxSegmentBytes",
      { segmentBytes: 2 * MiB, maxSegmentBytes: MiB },
    ],
  ])("throws a TypeError for %s", (_label, options) => {
    expect(() => planSegments(MiB, options)).toThrow(TypeError);
  });

  it("names the bad option and its bounds", () => {
    expect(() => planSegments(MiB, { maxSegments: 0 })).toThrow(
      "Expected `maxSegments` to be an integer from 1 to 1000, got 0.",
    );
    expect(() => planSegments(MiB, { maxSegmentBytes: 0 })).toThrow(
      "Expected `maxSegmentBytes` to be an integer from 1 to 9007199254740991, got 0.",
    );
    expect(() =>
      planSegments(MiB, { segmentBytes: 2 * MiB, maxSegmentBytes: MiB }),
    ).toThrow(
      `Expected \`segmentBytes\` to be an integer from 1 to ${MiB}, got ${2 * MiB}.`,
    );
  });

  it("accepts 1 for each option", () => {
    expect(plan(3, { segmentBytes: 1 })).toMatchObject({
      segmentBytes: 1,
      count: 3,
    });
    expect(plan(1, { maxSegments: 1, maxSegmentBytes: 1 })).toMatchObject({
      segmentBytes: 1,
      count: 1,
    });
  });

  it("keeps a preferred size that exactly fills 1000 segments (no growing)", () => {
    expect(plan(1_000_000, { segmentBytes: 1000 })).toMatchObject({
      segmentBytes: 1000,
      count: 1000,
    });
  });

  it.each([
    1,
    2,
    65_535,
    4 * MiB - 1,
    4 * MiB,
    5 * MiB,
    512 * MiB,
    4000 * MiB + 7,
    8 * 1024 * MiB,
  ])("covers %p bytes contiguously", (totalBytes) => {
    expectCovers(plan(totalBytes), totalBytes);
  });
});

it("the public segment limits, as literals: 4 MiB default, 8 MiB largest, 1,000 segments, 8,388,608,000 bytes", () => {
  expect(DEFAULT_SEGMENT_BYTES).toBe(4_194_304);
  expect(MAX_SEGMENT_BYTES).toBe(8_388_608);
  expect(MAX_SEGMENTS).toBe(1000);
  expect(MAX_CHUNKED_BYTES).toBe(8_388_608_000);
});
