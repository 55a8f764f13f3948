// Success bodies, typed by operation from the generated spec types.
import type { operations } from "../../generated/openapi.js";
import { isProcessed } from "./categories.js";
import type { ServerState } from "./context.js";
import { processingAt, type ProcessingInfoBody } from "./processing.js";
import type { Session } from "./store.js";

/** The 200 JSON body type of an operation. */
export type OkBody<Op extends keyof operations> =
  operations[Op]["responses"][200]["content"]["application/json"];

/** Seconds left before the session expires (X answers an integer). */
export function expiresAfterSecs(session: Session, now = Date.now()): number {
  return Math.max(0, Math.ceil((session.expiresAt - now) / 1000));
}

/** The processing state of a finalized session now; images are done at once. */
export function processingInfo(
  session: Session,
  state: ServerState,
  now = Date.now(),
): ProcessingInfoBody {
  if (!isProcessed(session.kind) || session.finalizedAt === undefined)
    return { state: "succeeded", progress_percent: 100 };
  const failure =
    session.forcedFailure === null
      ? undefined
      : (session.forcedFailure ?? session.failure);
  return processingAt(
    now - session.finalizedAt,
    state.options.processing,
    failure,
  );
}

/** `data` of FINALIZE, STATUS and one-shot answers; `processing_info` for processed kinds (always for STATUS). */
export function mediaBody(
  session: Session,
  state: ServerState,
  withProcessing: "processed" | "always",
): OkBody<"finalizeMediaUpload"> & OkBody<"getMediaUploadStatus"> {
  const now = Date.now();
  const data: NonNullable<OkBody<"finalizeMediaUpload">["data"]> = {
    id: session.id,
    media_key: session.mediaKey,
    size: session.totalBytes,
    expires_after_secs: expiresAfterSecs(session, now),
  };
  if (withProcessing === "always" || isProcessed(session.kind))
    data.processing_info = processingInfo(session, state, now);
  // Spec 2.167: `image {w, h, image_type}` for images, `video {video_type}` once a video is processed.
  if (session.kind === "image" && session.finalizedAt !== undefined)
    data.image = { image_type: session.mediaType, ...session.imageSize };
  if (session.kind === "video" && data.processing_info?.state === "succeeded")
    data.video = { video_type: session.mediaType };
  return { data };
}
