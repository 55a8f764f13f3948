// The gate's count of X's window (`x-rate-limit-remaining` until `x-rate-limit-reset`) on a virtual clock:
// how many requests it lets through, which answers it believes, and when it opens again.
import { describe, expect, test } from "@jest/globals";
import { RateGate } from "../../src/api/rate-gate.js";
import { RateLimitError, XApiError } from "../../src/errors/index.js";

/** A gate on a virtual clock whose sleeps are recorded and move the clock. */
function virtualGate() {
  const clock = { t: 0 };
  const sleeps: number[] = [];
  const gate = new RateGate(
    () => clock.t,
    async (ms) => {
      sleeps.push(ms);
      clock.t += ms;
    },
  );
  return { gate, clock, sleeps };
}

const left = (remaining: number, resetAt: number) => ({
  remaining,
  resetAt: new Date(resetAt),
});

/** Requests let through at once (maxWaitMs 0) before the gate says wait; at most 20. */
async function admitted(gate: RateGate): Promise<number> {
  for (let n = 0; n < 20; n++) {
    try {
      await gate.wait(undefined, 0);
    } catch (error) {
      if (error instanceof RateLimitError) return n;
      throw error;
    }
  }
  return 20;
}

describe("the window count", () => {
  test("an answer from an earlier window is ignored; one from the same window counts", async () => {
    const { gate, sleeps } = virtualGate();
    await gate.wait(undefined, 0);
    gate.note(left(5, 10_000));
    await gate.wait(undefined, 0);
    gate.note(left(0, 5_000));
    await gate.wait(undefined, 0);
    expect(sleeps).toEqual([]);
    gate.note(left(0, 10_000));
    await gate.wait(undefined, 60_000);
    expect(sleeps).toEqual([10_100]);
  });

  test("a late answer within the window: the lowest estimate wins, counting requests sent since", async () => {
    const { gate } = virtualGate();
    for (let i = 0; i < 3; i++) await gate.wait(undefined, 0);
    gate.note(left(10, 60_000)); // 10 left, 2 still in flight: 8
    await gate.wait(undefined, 0);
    await gate.wait(undefined, 0); // 6 left by the count
    gate.note(left(10, 60_000)); // an older answer, late: 10 − 3 in flight = 7
    expect(await admitted(gate)).toBe(6);
  });

  test("at the reset instant the window is over: the gate is open", async () => {
    const { gate, clock } = virtualGate();
    await gate.wait(undefined, 0);
    gate.note(left(0, 1_000));
    clock.t = 999;
    expect(await admitted(gate)).toBe(0);
    clock.t = 1_000;
    expect(await admitted(gate)).toBe(20);
  });

  test("used up by the count, not by a 429: the error says so and has no cause", async () => {
    const { gate, clock } = virtualGate();
    const old = new XApiError({
      target: { operation: "append", method: "POST", url: "u" },
      status: 429,
      summary: "Too Many Requests",
      hint: "Wait.",
    });
    gate.pause(500, old);
    clock.t = 1_000;
    await gate.wait(undefined, 0);
    gate.note(left(0, 60_000));
    const error = await gate.wait(undefined, 1_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).cause).toBeUndefined();
    expect(error).toMatchObject({
      target: { operation: "append", method: "POST", url: "" },
    });
    expect((error as Error).message).toBe(
      "POST  (append) failed with 429: X's last answer said no request is left until 1970-01-01T00:01:00.000Z, more than retry.maxRateLimitWaitMs (1000 ms) away. Try again after the reset time, or raise `retry.maxRateLimitWaitMs` to let the upload wait.",
    );
  });
});
