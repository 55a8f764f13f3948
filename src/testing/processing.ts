// Video/GIF processing after FINALIZE, derived from elapsed time (no timers): pending → in_progress → done.
import type { ProcessingFailure, ProcessingState } from "./types.js";

/** Timing of processing steps. */
export interface ProcessingTiming {
  pendingMs: number;
  inProgressMs: number;
  checkAfterSecs: number | null;
}

/** The `processing_info` object X answers (check_after_secs only while not done, error only on failure). */
export interface ProcessingInfoBody {
  state: ProcessingState;
  progress_percent: number;
  check_after_secs?: number;
  error?: Omit<ProcessingFailure, "state">;
}

/** X's failure for bytes that are not the declared kind of media. */
export function invalidMedia(message: string): ProcessingFailure {
  return { code: 1, name: "InvalidMedia", message };
}

/** Processing state `elapsedMs` after FINALIZE. */
export function processingAt(
  elapsedMs: number,
  timing: ProcessingTiming,
  failure: ProcessingFailure | undefined,
): ProcessingInfoBody {
  const { pendingMs, inProgressMs, checkAfterSecs } = timing;
  const checkAfter =
    checkAfterSecs === null ? {} : { check_after_secs: checkAfterSecs };
  if (elapsedMs < pendingMs)
    return {
      state: "pending",
      progress_percent: 0,
      ...checkAfter,
    };
  const inProgress = elapsedMs - pendingMs;
  if (inProgress < inProgressMs) {
    // Rising from 1 to 99 so a client sees movement but never 100 before `succeeded`.
    const percent = Math.min(
      99,
      Math.max(1, Math.floor((inProgress / inProgressMs) * 100)),
    );
    return {
      state: "in_progress",
      progress_percent: percent,
      ...checkAfter,
    };
  }
  if (!failure) return { state: "succeeded", progress_percent: 100 };
  const { state = "failed", ...error } = failure;
  return state === "in_progress"
    ? { state, progress_percent: 99, ...checkAfter, error }
    : { state, progress_percent: 100, error };
}
