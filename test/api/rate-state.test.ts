// The client's rate state: one gate per X endpoint; what an answer says about remaining requests holds it.
import { describe, expect, test } from "@jest/globals";
import { createRateState } from "../../src/api/rate-state.js";
import { RateLimitError, type RequestTarget } from "../../src/errors/index.js";

const append: RequestTarget = {
  operation: "append",
  method: "POST",
  url: "https://api.x.com/2/media/upload/1/append",
};
const finalize: RequestTarget = { ...append, operation: "finalize" };

describe("createRateState", () => {
  test("a hold closes only its own endpoint", async () => {
    let now = 1_000_000;
    const state = createRateState(() => now);
    state.hold("append", now + 60_000);
    await expect(
      state.acquire(finalize, undefined, 0),
    ).resolves.toBeUndefined();
    const error = await state.acquire(append, undefined, 1000).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    // No 429 caused it: the message says an answer announced the exhaustion, and when it ends (+100 ms margin).
    expect((error as RateLimitError).message).toContain(
      "X's last answer said no request is left until 1970-01-01T00:17:40.000Z",
    );
    now += 60_101;
    await expect(state.acquire(append, undefined, 0)).resolves.toBeUndefined();
  });

  test("a wait within maxWaitMs is waited out", async () => {
    const state = createRateState();
    const until = Date.now() + 50;
    state.hold("status", until);
    await state.acquire({ ...append, operation: "status" }, undefined, 1000);
    expect(Date.now()).toBeGreaterThanOrEqual(until);
  });
});

describe("what X says is left", () => {
  test("requests still in flight and sent after an answer count against its remaining; then the endpoint waits for the reset", async () => {
    let now = 1_000_000;
    const state = createRateState(() => now);
    const resetAt = new Date(now + 30_000);
    // Three let through; the first answer says 3 are left, while two others are still on their way.
    for (let i = 0; i < 3; i++) await state.acquire(append, undefined, 0);
    state.record("append", { remaining: 3, resetAt });
    // They may not be counted yet: 3 − 2 = 1 more may go.
    await state.acquire(append, undefined, 0);
    await expect(state.acquire(append, undefined, 0)).rejects.toBeInstanceOf(
      RateLimitError,
    );
    // Other endpoints are not concerned, and the reset (+100 ms) opens it again.
    await state.acquire(finalize, undefined, 0);
    now = resetAt.getTime() + 100;
    await expect(state.acquire(append, undefined, 0)).resolves.toBeUndefined();
  });

  test("answers arriving out of order: the lowest estimate of a window wins", async () => {
    const now = 1_000_000;
    const state = createRateState(() => now);
    const resetAt = new Date(now + 5000);
    await state.acquire(append, undefined, 0);
    await state.acquire(append, undefined, 0);
    // X counted the second request first: its answer (0 left) arrives before the first one's (1 left).
    state.record("append", { remaining: 0, resetAt });
    state.record("append", { remaining: 1, resetAt });
    await expect(state.acquire(append, undefined, 0)).rejects.toBeInstanceOf(
      RateLimitError,
    );
  });

  test("a new window replaces the old estimate; answers without the headers change nothing", async () => {
    let now = 1_000_000;
    const state = createRateState(() => now);
    await state.acquire(append, undefined, 0);
    state.record("append", { remaining: 0, resetAt: new Date(now + 1000) });
    now += 1100;
    await state.acquire(append, undefined, 0);
    state.record("append", { remaining: 5, resetAt: new Date(now + 1000) });
    await state.acquire(append, undefined, 0);
    state.record("append", undefined);
    state.record("append", { remaining: 0 });
    await expect(state.acquire(append, undefined, 0)).resolves.toBeUndefined();
  });
});
