// Read-only snapshots of sessions for tests: what the fake received and decided.
import type { ServerState } from "./context.js";
import { processingInfo } from "./responses.js";
import type { Session } from "./store.js";
import type { FakeSegment, FakeUpload } from "./types.js";

/** A snapshot of `session` as the public {@link FakeUpload}. */
export function snapshot(
  session: Session,
  state: ServerState,
  now = Date.now(),
): FakeUpload {
  const segments = new Map<number, FakeSegment>(
    [...session.segments.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, s]) => [
        index,
        { index, bytes: s.file ? s.bytes : 0, attempts: s.attempts },
      ]),
  );
  const processed = session.kind === "video" || session.kind === "gif";
  let processing: FakeUpload["processing"];
  if (processed && session.finalizedAt !== undefined) {
    const info = processingInfo(session, state, now);
    processing = {
      state: info.state,
      progressPercent: info.progress_percent,
      ...(info.error ? { error: info.error } : {}),
    };
  }
  return {
    id: session.id,
    mediaKey: session.mediaKey,
    state:
      now >= session.expiresAt
        ? "expired"
        : session.finalizedAt === undefined
          ? "uploading"
          : "finalized",
    mediaCategory: session.mediaCategory,
    mediaType: session.mediaType,
    totalBytes: session.totalBytes,
    additionalOwners: [...session.additionalOwners],
    shared: session.shared,
    segments,
    receivedBytes: [...segments.values()].reduce((sum, s) => sum + s.bytes, 0),
    sha256: session.sha256,
    processing,
    createdAt: session.createdAt,
    finalizedAt: session.finalizedAt,
    expiresAt: session.expiresAt,
    metadata: structuredClone(session.metadata),
    subtitles: session.subtitles.map((s) => ({ ...s })),
  };
}
