// Splits a file into the byte ranges sent as APPEND segments.

/** Segment size when none is given: 4 MiB, what X's own xurl sends (xdevplatform/xurl api/media.go). */
export const DEFAULT_SEGMENT_BYTES = 4 * 1024 * 1024;

/** Most segments one upload may have: segment_index runs 0–999 (spec components.schemas.MediaSegments). */
export const MAX_SEGMENTS = 1000;

/** Largest segment X's server accepts: it asks for ≤ 5 MB and takes up to 8 MB (X in 2026; README "Size limits"). */
export const MAX_SEGMENT_BYTES = 8 * 1024 * 1024;

/** Largest file a chunked upload can carry: 1,000 segments of 8 MiB (8,388,608,000 bytes). */
export const MAX_CHUNKED_BYTES = MAX_SEGMENTS * MAX_SEGMENT_BYTES;

// Grown segments are rounded up to whole 64 KiB blocks, so sizes stay round and reads stay aligned.
const GROW_STEP = 64 * 1024;

/** One APPEND segment: file bytes `start` (inclusive) to `end` (exclusive). */
export interface Segment {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** Options for {@link planSegments}. */
export interface PlanSegmentsOptions {
  /**
   * Preferred segment size in bytes, grown when the file would otherwise need more than `maxSegments`.
   * @default DEFAULT_SEGMENT_BYTES (or `maxSegmentBytes` if smaller)
   */
  segmentBytes?: number | undefined;
  /**
   * Most segments to use, at most {@link MAX_SEGMENTS}.
   * @default MAX_SEGMENTS
   */
  maxSegments?: number | undefined;
  /**
   * Hard cap on one segment's size in bytes.
   * @default no cap
   */
  maxSegmentBytes?: number | undefined;
}

/** How a file is split: the segment size used, how many segments, and each one's byte range. */
export interface SegmentPlan {
  readonly segmentBytes: number;
  readonly count: number;
  readonly segments: readonly Segment[];
}

/** The outcome of {@link planSegments}: a plan, or a sentence saying what to fix. */
export type SegmentPlanResult =
  | ({ readonly ok: true } & SegmentPlan)
  | { readonly ok: false; readonly reason: string };

// Bad option values are programmer errors, so they throw (p-retry style); file-dependent failures are returned.
function checkOption(name: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > max)
    throw new TypeError(
      `Expected \`${name}\` to be an integer from 1 to ${max}, got ${value}.`,
    );
}

/** Splits `totalBytes` into contiguous segments, growing the segment size so the count stays within `maxSegments`. */
export function planSegments(
  totalBytes: number,
  options: PlanSegmentsOptions = {},
): SegmentPlanResult {
  const {
    maxSegments = MAX_SEGMENTS,
    maxSegmentBytes = Number.MAX_SAFE_INTEGER,
  } = options;
  checkOption("maxSegments", maxSegments, MAX_SEGMENTS);
  checkOption("maxSegmentBytes", maxSegmentBytes, Number.MAX_SAFE_INTEGER);
  const preferred =
    options.segmentBytes ?? Math.min(DEFAULT_SEGMENT_BYTES, maxSegmentBytes);
  checkOption("segmentBytes", preferred, maxSegmentBytes);
  if (!Number.isSafeInteger(totalBytes) || totalBytes < 0)
    return {
      ok: false,
      reason: `The file size must be a whole number of bytes, but it is ${totalBytes}.`,
    };
  if (totalBytes === 0)
    return {
      ok: false,
      reason:
        "Empty file: it has 0 bytes, so there is nothing to upload; pass a file with content.",
    };
  const needed = Math.ceil(totalBytes / maxSegments);
  if (needed > maxSegmentBytes)
    return {
      ok: false,
      reason:
        `A ${totalBytes}-byte file needs segments of at least ${needed} bytes to fit in ${maxSegments} segments, ` +
        `but maxSegmentBytes is ${maxSegmentBytes}; raise maxSegmentBytes` +
        (maxSegments < MAX_SEGMENTS
          ? ` or maxSegments (up to ${MAX_SEGMENTS})`
          : "") +
        ", or upload a smaller file.",
    };
  const segmentBytes =
    preferred >= needed
      ? preferred
      : Math.min(Math.ceil(needed / GROW_STEP) * GROW_STEP, maxSegmentBytes);
  const count = Math.ceil(totalBytes / segmentBytes);
  const segments = Array.from({ length: count }, (_, index): Segment => {
    const start = index * segmentBytes;
    return { index, start, end: Math.min(start + segmentBytes, totalBytes) };
  });
  return { ok: true, segmentBytes, count, segments };
}
