// Everything decided before the first request: type, category, size limit, segment plan.
// Any problem here is an InvalidInputError and nothing has been sent.
import { InvalidInputError } from "../errors/index.js";
import { checkSize, inferCategory } from "../media/category.js";
import {
  MAX_CHUNKED_BYTES,
  MAX_SEGMENT_BYTES,
  MAX_SEGMENTS,
  planSegments,
  type SegmentPlan,
} from "../media/segments.js";
import { resolveMediaType, SNIFF_BYTES } from "../media/sniff.js";
import {
  isMediaType,
  type MediaCategory,
  type MediaType,
} from "../media/types.js";
import type { ResolvedUploadOptions } from "../options.js";
import { categoryMismatch } from "./category-fit.js";
import type { MediaSource } from "./source/types.js";

/** The decisions INIT is sent with. */
export interface UploadPlan {
  mediaType: MediaType;
  mediaCategory: MediaCategory | undefined;
  segments: SegmentPlan;
}

/** Sniffs, infers and checks `source` against X's limits; throws InvalidInputError. */
export async function prepare(
  source: MediaSource,
  options: ResolvedUploadOptions,
): Promise<UploadPlan> {
  const empty = checkSize(source.size, undefined);
  if (empty) throw new InvalidInputError(`${empty} Nothing was sent.`);
  const resolved = resolveMediaType({
    head: await source.head(SNIFF_BYTES),
    fileName: source.fileName,
    declared: options.mediaType,
    force: options.forceMediaType,
  });
  let mediaType: MediaType;
  if (resolved.ok) mediaType = resolved.mediaType;
  else if (
    options.mediaType === undefined &&
    isMediaType(source.declaredType)
  ) {
    // Blob.type is a weaker hint than the bytes and the name, so it only fills the gap.
    mediaType = source.declaredType;
  } else {
    throw new InvalidInputError(`${resolved.reason} Nothing was sent.`);
  }
  const mediaCategory = options.mediaCategory ?? inferCategory(mediaType);
  const mismatch = categoryMismatch(mediaType, mediaCategory);
  if (mismatch) throw new InvalidInputError(`${mismatch} Nothing was sent.`);
  const tooLarge = checkSize(source.size, mediaCategory, options.accountTier);
  if (tooLarge) throw new InvalidInputError(`${tooLarge} Nothing was sent.`);
  if (source.size > MAX_CHUNKED_BYTES)
    throw new InvalidInputError(
      `The file is ${source.size} bytes, more than a chunked upload can carry: ${MAX_SEGMENTS} segments (segment_index 0–999) ` +
        `of at most ${MAX_SEGMENT_BYTES} bytes (8 MiB, X's server maximum) each, ${MAX_CHUNKED_BYTES} bytes in all; make it smaller. Nothing was sent.`,
    );
  // 4 MiB unless 1,000 segments would not hold the file; then grown, up to X's 8 MiB maximum.
  const plan = planSegments(source.size, {
    segmentBytes: options.segmentBytes,
    maxSegmentBytes: MAX_SEGMENT_BYTES,
  });
  if (!plan.ok) throw new InvalidInputError(`${plan.reason} Nothing was sent.`);
  return { mediaType, mediaCategory, segments: plan };
}
