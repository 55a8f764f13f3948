// What resuming tells the caller: which saved session was used, which was set aside and why, and when resuming
// is off for an upload. Without an `onResume` listener, warnings go to process.emitWarning: never silent.
import { emitWarning } from "../../runtime.js";

/** One resume decision of an upload. */
export type ResumeEvent =
  | {
      /** A saved session was found and is continued. */
      type: "resumed";
      source: string;
      mediaId: string;
      /** `appending`: APPENDs continue; `finalized`/`done`: STATUS only. */
      phase: "appending" | "finalized" | "done";
      skippedSegments: number;
      skippedBytes: number;
      message: string;
    }
  | {
      /** A saved session exists but is not used; the upload starts fresh and replaces it. */
      type: "discarded";
      source: string;
      mediaId: string | undefined;
      reason: "changed" | "expired" | "options" | "rejected" | "unreadable";
      message: string;
    }
  | {
      /** This upload is not saved (no `resumeKey` for a stream, another process holds it, the store failed). */
      type: "warning";
      source: string | undefined;
      message: string;
      cause?: unknown;
    };

/** Delivers resume events to `listener`, or warnings to process.emitWarning when there is none. */
export function resumeReporter(
  listener: ((event: ResumeEvent) => void) | undefined,
): (event: ResumeEvent) => void {
  return (event) => {
    if (listener) listener(event);
    else if (event.type !== "resumed")
      emitWarning(event.message, "X_MEDIA_UPLOAD_RESUME");
  };
}
