// FINALIZE work shared by the chunked and one-shot uploads: segment checks, hashing, media validation.
import { SNIFF_BYTES, sniffMediaType } from "../media/sniff.js";
import type { ServerState } from "./context.js";
import { imageSize } from "./dimensions.js";
import { snapshot } from "./inspect.js";
import { invalidMedia } from "./processing.js";
import type { Session } from "./store.js";
import { invalidRequest } from "./problems.js";
import { invalid, Rejection } from "./validation.js";

// X's own wording for a size mismatch at FINALIZE (v1.1 media/upload FINALIZE error).
const MISMATCH = "Segments do not add up to provided total file size.";

/**
 * Checks a session's segments, hashes its bytes and marks it finalized (or throws X's 400).
 * Returns a note for the request log when the bytes do not fit the media type.
 */
export async function completeUpload(
  state: ServerState,
  session: Session,
): Promise<string | undefined> {
  const committed = [...session.segments.entries()].filter(
    ([, s]) => s.file !== undefined,
  );
  const highest = Math.max(-1, ...committed.map(([index]) => index));
  const missing: number[] = [];
  for (let i = 0; i <= highest; i++)
    if (!session.segments.get(i)?.file) missing.push(i);
  if (missing.length > 0)
    invalid(
      `${MISMATCH} Missing segment_index ${missing.join(", ")}.`,
      "segment_index",
      missing.join(","),
    );
  const received = committed.reduce((sum, [, s]) => sum + s.bytes, 0);
  if (received !== session.totalBytes) {
    invalid(
      `${MISMATCH} Received ${received} bytes, total_bytes is ${session.totalBytes}.`,
      "total_bytes",
      session.totalBytes,
    );
  }
  const { sha256, head } = await state.store.digest(session, SNIFF_BYTES);
  const badBytes = state.options.processing.validateMedia
    ? checkBytes(session, head)
    : undefined;
  if (badBytes && !badBytes.processed) {
    throw new Rejection(
      invalidRequest(badBytes.message, { media_type: [session.mediaType] }),
      badBytes.note,
    );
  }
  const now = Date.now();
  session.sha256 = sha256;
  if (session.kind === "image") session.imageSize = imageSize(head);
  session.finalizedAt = now;
  session.expiresAt = now + state.options.expiresAfterMs;
  session.failure =
    state.globalFailure ??
    state.options.processing.fail?.(snapshot(session, state, now)) ??
    (badBytes ? invalidMedia(badBytes.message) : undefined);
  return badBytes?.note;
}

/** Why the first bytes do not fit the declared kind (X's message plus a note for the log), if they do not. */
function checkBytes(
  session: Session,
  head: Buffer,
): { message: string; note: string; processed: boolean } | undefined {
  const sniffed = sniffMediaType(head);
  const note = `the first bytes ${sniffed ? `look like ${sniffed}` : "match no known format"}, media_type is ${session.mediaType} (processing.validateMedia: false skips this check)`;
  const fits: Record<string, [boolean, string, boolean]> = {
    video: [
      sniffed?.startsWith("video/") ?? false,
      "Unsupported video format",
      true,
    ],
    gif: [sniffed === "image/gif", "Unsupported GIF format", true],
    image: [
      sniffed?.startsWith("image/") ?? false,
      "Unsupported image format",
      false,
    ],
    subtitles: [
      sniffed?.startsWith("text/") ?? false,
      "Unsupported subtitles format",
      false,
    ],
  };
  const [ok = true, message = "", processed = false] = fits[session.kind] ?? [];
  return ok ? undefined : { message, note, processed };
}
