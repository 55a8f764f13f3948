// The shared rate gate: everyone waits for the reset; too long a wait is a RateLimitError at once.
import { describe, expect, test } from "@jest/globals";
import { RateGate } from "../../src/api/rate-gate.js";
import {
  AbortError,
  RateLimitError,
  XApiError,
} from "../../src/errors/index.js";

const tooMany = (summary: string) =>
  new XApiError({
    target: {
      operation: "append",
      method: "POST",
      url: "https://api.x.com/2/media/upload/1/append",
      segmentIndex: 2,
    },
    status: 429,
    summary,
    hint: "Wait.",
  });
const limited = tooMany("Too Many Requests");

/**
 * A gate on a virtual clock: `sleep` records each wait and moves the clock by it, after running
 * `during` (which may close the gate again while a waiter sleeps). More than 10 sleeps is a loop.
 */
function virtualGate(start = 0) {
  const clock = { t: start };
  const sleeps: number[] = [];
  const during: (() => void)[] = [];
  const gate = new RateGate(
    () => clock.t,
    async (ms) => {
      sleeps.push(ms);
      if (sleeps.length > 10) throw new Error(`looping: ${sleeps.join(",")}`);
      during.shift()?.();
      clock.t += ms;
    },
  );
  return { gate, clock, sleeps, during };
}

describe("RateGate", () => {
  test("open gate: no wait", async () => {
    const { gate, sleeps } = virtualGate(5000);
    await gate.wait(undefined, 1000);
    expect(gate.until).toBe(0);
    expect(sleeps).toEqual([]);
  });

  test("closes until the reset plus a 100 ms margin, and waits exactly that long", async () => {
    const { gate, sleeps } = virtualGate(0);
    gate.pause(1000, limited);
    expect(gate.until).toBe(1100);
    await gate.wait(undefined, 10_000);
    expect(sleeps).toEqual([1100]);
  });

  test("a waiter checks again after its sleep: a later 429 extends its pause", async () => {
    const { gate, sleeps, during } = virtualGate(0);
    gate.pause(1000, limited);
    during.push(() => gate.pause(3000, limited));
    await gate.wait(undefined, 10_000);
    expect(sleeps).toEqual([1100, 2000]);
  });

  test("at the reset instant the gate is open", async () => {
    const { gate, clock, sleeps } = virtualGate(0);
    gate.pause(1000, limited);
    clock.t = 1100;
    await gate.wait(undefined, 0);
    expect(sleeps).toEqual([]);
  });

  test("a wait of exactly maxWaitMs is accepted; one more millisecond is not", async () => {
    const { gate, sleeps } = virtualGate(0);
    gate.pause(900, limited);
    await expect(gate.wait(undefined, 999)).rejects.toBeInstanceOf(
      RateLimitError,
    );
    expect(sleeps).toEqual([]);
    await gate.wait(undefined, 1000);
    expect(sleeps).toEqual([1000]);
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

  test("an earlier reset never shortens a pause, and the later 429 stays the cause", async () => {
    const { gate } = virtualGate(0);
    const first = tooMany("first");
    const earlier = tooMany("earlier");
    gate.pause(60_000, first);
    gate.pause(500, earlier);
    expect(gate.until).toBe(60_100);
    const error = await gate.wait(undefined, 1000).catch((e: unknown) => e);
    expect((error as RateLimitError).cause).toBe(first);
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
      target: limited.target,
      cause: limited,
    });
    expect((error as Error).message).toMatch(
      /append, segment 2\) failed with 429: rate limited until .*maxRateLimitWaitMs \(1000 ms\)/,
    );
    expect((error as Error).message).toContain(
      "Try again after the reset time, or raise `retry.maxRateLimitWaitMs` to let the upload wait.",
    );
  });

  test("abort ends the wait at once", async () => {
    const gate = new RateGate();
    gate.pause(Date.now() + 10_000, limited);
    const error = await gate
      .wait(AbortSignal.timeout(30), 60_000)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toBe(
      "Upload aborted by the caller's signal during a rate-limit pause.",
    );
  });
});
