// The wait before a retry: a backoff that an abort cuts short, or, after a 429, the shared pause whose
// length onRetry reports; and the public onRetry event built from the engine's callback.
import { describe, expect, test } from "@jest/globals";
import { createRateState } from "../../src/api/rate-state.js";
import {
  retryListener,
  withRetry,
  type RetryContext,
  type RetryEvent,
} from "../../src/api/retry.js";
import {
  AbortError,
  RateLimitError,
  XApiError,
  type RequestTarget,
} from "../../src/errors/index.js";

const target: RequestTarget = {
  operation: "append",
  method: "POST",
  url: "https://api.x.com/x",
  segmentIndex: 0,
};
const api = (status: number, resetAt?: Date) =>
  new XApiError({
    target,
    status,
    summary: "s",
    hint: "h",
    rateLimit: resetAt && { resetAt },
  });

function context(extra: Partial<RetryContext> = {}): RetryContext {
  return {
    policy: {
      retries: 3,
      minDelayMs: 60_000,
      maxDelayMs: 60_000,
      maxRateLimitWaitMs: 10_000,
    },
    rate: createRateState(),
    ...extra,
  };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );

describe("withRetry's waits", () => {
  test("a backoff is a real wait: an abort during it ends the call, nothing is sent again", async () => {
    const controller = new AbortController();
    let calls = 0;
    const error = await failure(
      withRetry(
        context({
          signal: controller.signal,
          onRetry: () => controller.abort(new Error("stop")),
        }),
        target,
        async () => {
          calls++;
          throw api(503);
        },
      ),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toBe(
      "Upload aborted by the caller's signal during a retry backoff.",
    );
    expect(calls).toBe(1);
  });

  test("after a 429, onRetry reports the time left until the shared pause ends", async () => {
    const waits: number[] = [];
    const reset = Date.now() + 60_000;
    const error = await failure(
      withRetry(
        context({ onRetry: (_e, _r, { delayMs }) => waits.push(delayMs) }),
        target,
        async () => {
          throw api(429, new Date(reset));
        },
      ),
    );
    // The pause (60 s away) is more than maxRateLimitWaitMs: the call fails instead of waiting.
    expect(error).toBeInstanceOf(RateLimitError);
    expect(waits).toHaveLength(1);
    // pausedUntil (reset + 100 ms margin) − now: at most 60.1 s, and most of it still ahead.
    expect(waits[0]).toBeLessThanOrEqual(60_100);
    expect(waits[0]).toBeGreaterThan(30_000);
  });
});

describe("retryListener", () => {
  test("none without a listener; otherwise the public event, rateLimit or retry", () => {
    expect(retryListener(undefined, 3)).toBeUndefined();
    const events: RetryEvent[] = [];
    const listener = retryListener((e) => events.push(e), 3);
    const error = api(429);
    listener?.(error, 1, { delayMs: 250, rateLimited: true });
    listener?.(error, 2, { delayMs: 10, rateLimited: false });
    expect(events).toEqual([
      { kind: "rateLimit", error, retry: 1, retries: 3, delayMs: 250 },
      { kind: "retry", error, retry: 2, retries: 3, delayMs: 10 },
    ]);
  });
});
