// Our retry policy, on p-retry: transient network errors, timeouts, 5xx and 429 are retried with
// exponential backoff and full jitter; everything else stops at once.
import pRetry, { AbortError as StopRetrying } from "p-retry";
import {
  isNetworkError,
  isXApiError,
  isXMediaError,
  type RequestTarget,
  type XApiError,
  type XMediaError,
} from "../errors/index.js";
import { backoffDelay } from "./backoff.js";
import { inBackground, type RateState } from "./rate-state.js";
import { sleep } from "../http/sleep.js";

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
  /** Called before each retry's wait (for tests and logging); never once the signal aborted. */
  onRetry?:
    ((error: XMediaError, retry: number, wait: RetryWait) => void) | undefined;
  random?: () => number;
}

/** The wait before a retry: a backoff, or the pause of every request until X's rate limit resets. */
export interface RetryWait {
  delayMs: number;
  rateLimited: boolean;
}

/** A request about to be tried again, as `onRetry` receives it. */
export interface RetryEvent {
  /** `rateLimit`: X answered 429 and every request of the client to that endpoint waits for the reset; `retry`: a backoff. */
  readonly kind: "retry" | "rateLimit";
  /** The failure being retried (its `target` names the request and segment). */
  readonly error: XMediaError;
  /** 1 for this request's first retry. */
  readonly retry: number;
  /** Retries allowed per request (`retry.retries`). */
  readonly retries: number;
  /** Milliseconds before the next attempt. */
  readonly delayMs: number;
}

/** Adapts a public `onRetry` listener to the engine's callback. */
export function retryListener(
  onRetry: ((event: RetryEvent) => void) | undefined,
  retries: number,
): RetryContext["onRetry"] {
  if (!onRetry) return undefined;
  return (error, retry, { delayMs, rateLimited }) =>
    onRetry({
      kind: rateLimited ? "rateLimit" : "retry",
      error,
      retry,
      retries,
      delayMs,
    });
}

/** Whether another attempt may succeed where `error` failed. */
export function isRetryable(error: unknown): boolean {
  if (isXApiError(error)) return error.retryable;
  if (isNetworkError(error)) return error.retryable;
  return (
    isXMediaError(error) &&
    error.name === "TimeoutError" &&
    "kind" in error &&
    error.kind !== "processing"
  );
}

/** Runs `run` (one fresh request to `target` per call) under the policy; throws the last error unchanged. */
export function withRetry<T>(
  context: RetryContext,
  target: RequestTarget,
  run: () => Promise<T>,
): Promise<T> {
  const { policy, rate, signal } = context;
  let previous: unknown;
  // The attempt function itself waits (backoff, then the shared gate), so every wait is abortable,
  // and every error, a wait's AbortError included, goes through the one classification below.
  return pRetry(
    async (attemptNumber) => {
      try {
        if (attemptNumber > 1) {
          const retry = attemptNumber - 1;
          // A 429 already closed the shared gate (for at least a backoff); no second wait.
          const rateLimited = isRateLimited(previous);
          const delayMs = rateLimited
            ? Math.max(0, rate.pausedUntil(target.operation) - Date.now())
            : backoffDelay(retry, policy, context.random);
          context.onRetry?.(previous as XMediaError, retry, {
            delayMs,
            rateLimited,
          });
          if (!rateLimited) await sleep(delayMs, signal, "a retry backoff");
        }
        await rate.acquire(target, signal, policy.maxRateLimitWaitMs);
        return await run();
      } catch (error) {
        previous = error;
        if (isRateLimited(error)) {
          // Retry-After or x-rate-limit-reset, but never sooner than the backoff: a reset already
          // past (the client's clock ahead of X's) must not turn into a burst of attempts.
          const backoff = backoffDelay(attemptNumber, policy, context.random);
          const reset = error.rateLimit?.resetAt?.getTime() ?? 0;
          inBackground(
            rate.hold(
              target.operation,
              Math.max(reset, Date.now() + backoff),
              error,
            ),
          );
        }
        if (isRetryable(error) && !signal?.aborted) throw error;
        throw new StopRetrying(
          error instanceof Error ? error : new Error(String(error)),
        );
      }
    },
    { retries: policy.retries, minTimeout: 0, maxTimeout: 0, factor: 1 },
  );
}

function isRateLimited(error: unknown): error is XApiError {
  return isXApiError(error) && error.status === 429;
}
