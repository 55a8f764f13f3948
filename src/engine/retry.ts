// Our retry policy, on p-retry: network errors, timeouts, 5xx and 429 are retried with
// exponential backoff and full jitter; everything else stops at once.
import pRetry, { AbortError as StopRetrying } from "p-retry";
import {
  isXApiError,
  isXMediaError,
  type RequestTarget,
  type XMediaError,
} from "../errors/index.js";
import { backoffDelay } from "./backoff.js";
import type { RateState } from "./rate-state.js";
import { sleep } from "./sleep.js";

/** How failed requests are retried. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Backoff ceiling of the first retry, in ms (doubles per retry). */
  minDelayMs: number;
  /** Largest backoff ceiling, in ms. */
  maxDelayMs: number;
  /** Longest rate-limit pause accepted before failing with RateLimitError, in ms. */
  maxRateLimitWaitMs: number;
}

/** Everything a retried request shares with the other requests of its upload and client. */
export interface RetryContext {
  policy: RetryPolicy;
  /** The client's rate state: one gate per X endpoint, shared by all its uploads. */
  rate: RateState;
  signal?: AbortSignal | undefined;
  /** Called before each retry (for tests and logging). */
  onRetry?: ((error: XMediaError, retry: number) => void) | undefined;
  random?: () => number;
}

/** Whether another attempt may succeed where `error` failed. */
export function isRetryable(error: unknown): boolean {
  if (isXApiError(error)) return error.retryable;
  if (!isXMediaError(error)) return false;
  if (error.name === "NetworkError") return true;
  return (
    error.name === "TimeoutError" &&
    "kind" in error &&
    error.kind !== "processing"
  );
}

/** Runs `run` (one fresh request to `target` per call) under the policy; throws the last error unchanged. */
export function withRetry<T>(
  context: RetryContext,
  target: RequestTarget,
  run: (ticket: number) => Promise<T>,
): Promise<T> {
  const { policy, rate, signal } = context;
  let previous: unknown;
  // The attempt function itself waits (backoff, then the shared gate), so every wait is abortable
  // and classification never depends on p-retry's TypeError heuristic.
  return pRetry(
    async (attemptNumber) => {
      if (attemptNumber > 1) {
        const retry = attemptNumber - 1;
        context.onRetry?.(previous as XMediaError, retry);
        // A 429 already closed the gate for exactly as long as X asked; no extra backoff.
        if (!(isXApiError(previous) && previous.status === 429)) {
          await sleep(
            backoffDelay(retry, policy, context.random),
            signal,
            "a retry backoff",
          );
        }
      }
      try {
        const ticket = await rate.acquire(
          target,
          signal,
          policy.maxRateLimitWaitMs,
        );
        return await run(ticket);
      } catch (error) {
        previous = error;
        if (isXApiError(error) && error.status === 429) {
          const reset = error.rateLimit?.resetAt?.getTime();
          rate.hold(
            target.operation,
            reset ??
              Date.now() + backoffDelay(attemptNumber, policy, context.random),
            error,
          );
        }
        if (isRetryable(error)) throw error;
        throw new StopRetrying(
          error instanceof Error ? error : new Error(String(error)),
        );
      }
    },
    { retries: policy.retries, minTimeout: 0, maxTimeout: 0, factor: 1 },
  );
}
