// One stderr line per retry or rate-limit wait, as it happens, and their counts for `--json`.
import type { RetryEvent } from "../index.js";
import { formatDuration } from "./format.js";

/** Retries and rate-limit waits seen during one command. */
export interface RetryCounts {
  retries: number;
  rateLimitWaits: number;
}

/** `retrying append segment 3 in 0.4s (retry 1 of 5): X answered 503 Over capacity` */
export function describeRetry(event: RetryEvent): string {
  const target = event.error.target;
  const what = target
    ? `${target.operation}${target.segmentIndex === undefined ? "" : ` segment ${target.segmentIndex}`}`
    : "the request";
  const count = `retry ${event.retry} of ${event.retries}`;
  if (event.kind === "rateLimit") {
    const until = new Date(Date.now() + event.delayMs).toISOString();
    return `rate limited by X (429) on ${what}: every request waits ${formatDuration(event.delayMs)}, until ${until} (${count})`;
  }
  return `retrying ${what} in ${formatDuration(event.delayMs)} (${count}): ${reason(event.error)}`;
}

/** Counts `event` into `counts`. */
export function countRetry(counts: RetryCounts, event: RetryEvent): void {
  if (event.kind === "rateLimit") counts.rateLimitWaits++;
  else counts.retries++;
}

function reason(error: RetryEvent["error"]): string {
  const e = error as unknown as Record<string, unknown>;
  if (typeof e.status === "number") {
    const problem = e.problem as { title?: string } | undefined;
    const first = (e.errors as { message?: string }[] | undefined)?.[0];
    const words = first?.message ?? problem?.title;
    return `X answered ${e.status}${words ? ` ${words}` : ""}`;
  }
  if (error.name === "NetworkError")
    return `network error${typeof e.code === "string" ? ` (${e.code})` : ""}`;
  if (error.name === "TimeoutError")
    return `${typeof e.kind === "string" ? e.kind : "request"} timeout`;
  return error.name;
}
