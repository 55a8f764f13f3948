// The retry policy on p-retry: what is retried, how often, and how 429s close the endpoint in the shared rate state.
import { describe, expect, test } from "@jest/globals";
import { createRateState } from "../../src/api/rate-state.js";
import {
  isRetryable,
  withRetry,
  type RetryContext,
} from "../../src/api/retry.js";
import {
  AbortError,
  InvalidInputError,
  NetworkError,
  TimeoutError,
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

function context(retries = 3): RetryContext {
  return {
    policy: {
      retries,
      minDelayMs: 1,
      maxDelayMs: 2,
      maxRateLimitWaitMs: 10_000,
    },
    rate: createRateState(),
  };
}

/** A run function failing with `errors` in turn, then resolving "ok"; counts its calls. */
function script(...errors: Error[]) {
  const run = async () => {
    run.calls += 1;
    const error = errors[run.calls - 1];
    if (error) throw error;
    return "ok";
  };
  run.calls = 0;
  return run;
}

describe("isRetryable", () => {
  test("network errors, request/stall timeouts, 5xx, 429 and 408: yes; the rest: no", () => {
    expect(isRetryable(new NetworkError(target, new Error("x")))).toBe(true);
    expect(
      isRetryable(new TimeoutError("t", { kind: "stall", timeoutMs: 1 })),
    ).toBe(true);
    expect(
      isRetryable(new TimeoutError("t", { kind: "processing", timeoutMs: 1 })),
    ).toBe(false);
    expect(
      [500, 502, 503, 429, 408, 400, 401, 403, 404, 413].map((s) =>
        isRetryable(api(s)),
      ),
    ).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isRetryable(new InvalidInputError("x"))).toBe(false);
    expect(isRetryable(new AbortError(undefined, "x"))).toBe(false);
    // Not ours (a bug, a TypeError): never retried, whatever p-retry's heuristics would say.
    expect(isRetryable(new TypeError("fetch failed"))).toBe(false);
  });
});

describe("withRetry", () => {
  test("retries 5xx and network errors, then succeeds", async () => {
    const run = script(api(503), new NetworkError(target, new Error("reset")));
    await expect(withRetry(context(), target, run)).resolves.toBe("ok");
    expect(run.calls).toBe(3);
  });

  test("gives up after `retries` retries with the last error, unchanged", async () => {
    const last = api(502);
    const run = script(api(503), api(500), last, api(504));
    await expect(withRetry(context(2), target, run)).rejects.toBe(last);
    expect(run.calls).toBe(3);
  });

  test("a 4xx stops at once", async () => {
    const forbidden = api(403);
    const run = script(forbidden);
    await expect(withRetry(context(), target, run)).rejects.toBe(forbidden);
    expect(run.calls).toBe(1);
  });

  test("a non-XMediaError TypeError is not retried", async () => {
    const bug = new TypeError("undefined is not a function");
    const run = script(bug);
    await expect(withRetry(context(), target, run)).rejects.toBe(bug);
    expect(run.calls).toBe(1);
  });

  test("a 429 with a reset closes the shared gate: another request waits for it too", async () => {
    const ctx = context();
    const reset = new Date(Date.now() + 200);
    const first = withRetry(ctx, target, script(api(429, reset)));
    await new Promise((r) => setTimeout(r, 20));
    const other = withRetry(ctx, target, async () => Date.now());
    const [, otherRanAt] = await Promise.all([first, other]);
    expect(otherRanAt).toBeGreaterThanOrEqual(reset.getTime());
  });

  test("a 429 on one endpoint leaves the others open", async () => {
    const ctx = context();
    const reset = new Date(Date.now() + 60_000);
    const first = withRetry(
      { ...ctx, policy: { ...ctx.policy, retries: 0 } },
      target,
      script(api(429, reset)),
    );
    await expect(first).rejects.toMatchObject({ status: 429 });
    const status: RequestTarget = { ...target, operation: "status" };
    // STATUS goes out at once; another APPEND would have to wait a minute, beyond maxRateLimitWaitMs.
    await expect(withRetry(ctx, status, async () => "sent")).resolves.toBe(
      "sent",
    );
    await expect(
      withRetry(ctx, target, async () => "sent"),
    ).rejects.toMatchObject({ name: "RateLimitError" });
  });

  test("a 429 without reset headers closes its endpoint for one backoff plus the margin", async () => {
    const rate = createRateState();
    const ctx: RetryContext = {
      policy: {
        retries: 1,
        minDelayMs: 40,
        maxDelayMs: 40,
        maxRateLimitWaitMs: 10_000,
      },
      rate,
      random: () => 1,
    };
    const before = Date.now();
    const run = script(api(429));
    await withRetry(ctx, target, run);
    const after = Date.now();
    expect(run.calls).toBe(2);
    expect(rate.pausedUntil("append")).toBeGreaterThanOrEqual(before + 140);
    expect(rate.pausedUntil("append")).toBeLessThanOrEqual(after + 140);
    // The retry waited for the gate: 40 ms (attempt 1's full-jitter ceiling) plus the 100 ms margin.
    expect(after).toBeGreaterThanOrEqual(rate.pausedUntil("append"));
  });

  test("onRetry sees each failure", async () => {
    const seen: number[] = [];
    const ctx = {
      ...context(),
      onRetry: (_e: unknown, retry: number) => seen.push(retry),
    };
    await withRetry(ctx, target, script(api(500), api(500)));
    expect(seen).toEqual([1, 2]);
  });

  test("abort during a backoff rejects with AbortError", async () => {
    const controller = new AbortController();
    const ctx: RetryContext = {
      policy: {
        retries: 3,
        minDelayMs: 10_000,
        maxDelayMs: 10_000,
        maxRateLimitWaitMs: 0,
      },
      rate: createRateState(),
      signal: controller.signal,
      random: () => 1,
    };
    setTimeout(() => controller.abort(), 30);
    await expect(
      withRetry(ctx, target, script(api(503))),
    ).rejects.toBeInstanceOf(AbortError);
  });
});
