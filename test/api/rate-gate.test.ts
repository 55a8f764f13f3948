// The shared rate gate: everyone waits for the reset; too long a wait is a RateLimitError at once.
import { describe, expect, test } from "@jest/globals";
import { RateGate } from "../../src/api/rate-gate.js";
import {
  AbortError,
  RateLimitError,
  XApiError,
} from "../../src/errors/index.js";

const limited = new XApiError({
  target: {
    operation: "append",
    method: "POST",
    url: "https://api.x.com/2/media/upload/1/append",
    segmentIndex: 2,
  },
  status: 429,
  summary: "Too Many Requests",
  hint: "Wait.",
});

describe("RateGate", () => {
  test("open gate: no wait", async () => {
    const started = Date.now();
    await new RateGate().wait(undefined, 1000);
    expect(Date.now() - started).toBeLessThan(20);
  });

  test("every waiter resumes only after the reset", async () => {
    const gate = new RateGate();
    const reset = Date.now() + 150;
    gate.pause(reset, limited);
    const resumed = await Promise.all(
      [1, 2, 3].map(() => gate.wait(undefined, 10_000).then(() => Date.now())),
    );
    for (const t of resumed) expect(t).toBeGreaterThanOrEqual(reset);
  });

  test("an earlier reset never shortens a pause", () => {
    const gate = new RateGate(() => 0);
    gate.pause(1000, limited);
    gate.pause(500, limited);
    expect(gate.until).toBeGreaterThanOrEqual(1000);
  });

  test("a wait over maxWaitMs is a non-retryable RateLimitError with the reset time", async () => {
    const gate = new RateGate();
    const reset = Date.now() + 60_000;
    gate.pause(reset, limited);
    const error = await gate.wait(undefined, 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      status: 429,
      retryable: false,
      resetAt: new Date(reset),
    });
    expect((error as Error).message).toMatch(
      /append, segment 2\) failed with 429: rate limited until .*maxRateLimitWaitMs \(1000 ms\)/,
    );
  });

  test("abort ends the wait at once", async () => {
    const gate = new RateGate();
    gate.pause(Date.now() + 10_000, limited);
    const error = await gate
      .wait(AbortSignal.timeout(30), 60_000)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
  });
});
