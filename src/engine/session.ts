// What one upload knows about itself on X: plain JSON-serialisable data, updated as X answers, so that a saved
// session is all a later process needs to carry an upload on (resumable uploads persist exactly this).
import type { MediaCategory, MediaType } from "../media/types.js";

/** The state of one upload, as X acknowledged it. */
export interface UploadSession {
  /** Shape version, for stores that outlive a library upgrade. */
  version: 1;
  /** `new` before INIT answered; `appending` after; `finalized` once FINALIZE answered; `done` when finished. */
  phase: "new" | "appending" | "finalized" | "done";
  /** The media id INIT answered. */
  mediaId: string | undefined;
  mediaKey: string | undefined;
  mediaType: MediaType;
  mediaCategory: MediaCategory | undefined;
  /** Bytes of the whole input. */
  size: number;
  /** Bytes per segment (the last one may be shorter). */
  segmentBytes: number;
  segmentCount: number;
  /** Segment indexes X answered 2xx for, ascending: only these count as sent. */
  acked: number[];
  /** Epoch ms after which X forgets the media id, when X said. */
  expiresAt: number | undefined;
}

/** A new session for an upload about to be initialised. */
export function newSession(plan: {
  mediaType: MediaType;
  mediaCategory: MediaCategory | undefined;
  size: number;
  segmentBytes: number;
  segmentCount: number;
}): UploadSession {
  return {
    version: 1,
    phase: "new",
    mediaId: undefined,
    mediaKey: undefined,
    acked: [],
    expiresAt: undefined,
    ...plan,
  };
}

/** Records X's 2xx for segment `index` (idempotent; keeps `acked` sorted). */
export function acknowledge(session: UploadSession, index: number): void {
  const { acked } = session;
  let i = acked.length;
  while (i > 0 && (acked[i - 1] ?? -1) > index) i -= 1;
  if (acked[i - 1] !== index) acked.splice(i, 0, index);
}
