// Polls STATUS until processing ends, as X asks: wait check_after_secs between polls.
// https://docs.x.com/x-api/media/quickstart/media-upload-chunked (STATUS)
import {
  ProcessingError,
  TimeoutError,
  type ProcessingInfo,
} from "../errors/index.js";
import type { RequestContext } from "./context.js";
import { status } from "./requests.js";
import { sleep } from "./sleep.js";

// When X omits check_after_secs: 1 s, doubling, at most 10 s between polls.
const FIRST_POLL_MS = 1000;
const MAX_POLL_MS = 10_000;
// check_after_secs 0 would make a tight loop; X never needs polls closer than this.
const MIN_POLL_MS = 100;

/** The final STATUS data: `processing_info` (undefined when X reports none) and the answer's `expires_after_secs`. */
export interface ProcessingOutcome {
  processing: ProcessingInfo | undefined;
  expiresAfterSecs: number | undefined;
  answeredAt: number;
}

/** Whether `info` reports a failure: state `failed`, or an `error` whatever the state. */
export function processingFailed(info: ProcessingInfo | undefined): boolean {
  return info?.state === "failed" || info?.error !== undefined;
}

/** Waits until `initial` (or STATUS) says succeeded; ProcessingError on failure, TimeoutError at `timeoutMs`. */
export async function waitUntilProcessed(
  ctx: RequestContext,
  mediaId: string,
  initial: ProcessingInfo | undefined,
  timeoutMs: number,
  onInfo: (info: ProcessingInfo) => void = () => {},
): Promise<ProcessingOutcome> {
  const deadline = Date.now() + timeoutMs;
  let outcome: ProcessingOutcome = {
    processing: initial,
    expiresAfterSecs: undefined,
    answeredAt: Date.now(),
  };
  let fallbackWait = FIRST_POLL_MS;
  for (;;) {
    const info = outcome.processing;
    if (info === undefined) return outcome;
    onInfo(info);
    if (info.state === "succeeded") return outcome;
    // X can answer in_progress (even 99%) with an error and stay there: any error is a failure at once.
    if (processingFailed(info)) throw new ProcessingError(mediaId, info);
    const left = deadline - Date.now();
    if (left <= 0) throw processingTimeout(mediaId, info, timeoutMs);
    let wait: number;
    if (info.check_after_secs === undefined) {
      wait = fallbackWait;
      fallbackWait = Math.min(fallbackWait * 2, MAX_POLL_MS);
    } else {
      wait = Math.max(MIN_POLL_MS, info.check_after_secs * 1000);
    }
    await sleep(
      Math.min(wait, left),
      ctx.signal,
      "processing (waiting to poll STATUS)",
    );
    const answer = await status(ctx, mediaId);
    const data = answer.data?.data;
    outcome = {
      processing: data?.processing_info,
      expiresAfterSecs: data?.expires_after_secs ?? outcome.expiresAfterSecs,
      answeredAt: Date.now(),
    };
  }
}

function processingTimeout(
  mediaId: string,
  info: ProcessingInfo,
  timeoutMs: number,
): TimeoutError {
  const percent =
    info.progress_percent === undefined ? "" : `, ${info.progress_percent}%`;
  return new TimeoutError(
    `Media ${mediaId} was still processing (state ${info.state ?? "unknown"}${percent}) after processingTimeoutMs (${timeoutMs} ms). Resume with client.waitForProcessing(${JSON.stringify(mediaId)}), or raise processingTimeoutMs.`,
    { kind: "processing", timeoutMs, mediaId },
  );
}
