// Everything decided before the first request: type, category, size limit, segment plan.
// Any problem here is an InvalidInputError and nothing has been sent.
import { InvalidInputError } from "../errors/index.js";
import { checkSize, inferCategory } from "../media/category.js";
import { planSegments, type SegmentPlan } from "../media/segments.js";
import { resolveMediaType, SNIFF_BYTES } from "../media/sniff.js";
import {
  isMediaType,
  type MediaCategory,
  type MediaType,
} from "../media/types.js";
import type { ResolvedUploadOptions } from "../options.js";
import { categoryMismatch } from "./category-fit.js";
import type { MediaSource } from "./source/types.js";

// X documents APPEND segments of at most 5 MB (written 5,242,880 bytes); automatic growth stays within it.
const X_MAX_SEGMENT_BYTES = 5 * 1024 * 1024;

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
  const tooLarge = checkSize(source.size, mediaCategory);
  if (tooLarge) throw new InvalidInputError(`${tooLarge} Nothing was sent.`);
  const plan = planSegments(source.size, {
    segmentBytes: options.segmentBytes,
    maxSegmentBytes: Math.max(X_MAX_SEGMENT_BYTES, options.segmentBytes ?? 0),
  });
  if (!plan.ok) throw new InvalidInputError(`${plan.reason} Nothing was sent.`);
  return { mediaType, mediaCategory, segments: plan };
}
