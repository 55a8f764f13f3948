// The client's rate state: one gate per X endpoint; what an answer says about remaining requests holds it.
import { describe, expect, test } from "@jest/globals";
import { createRateState } from "../../src/engine/rate-state.js";
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
    await expect(state.acquire(finalize, undefined, 0)).resolves.toBe(1);
    const error = await state.acquire(append, undefined, 1000).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    // No 429 caused it: the message says an answer announced the exhaustion, and when it ends (+100 ms margin).
    expect((error as RateLimitError).message).toContain(
      "X's last answer said no request is left until 1970-01-01T00:17:40.000Z",
    );
    now += 60_101;
    await expect(state.acquire(append, undefined, 0)).resolves.toBe(1);
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
  test("requests let through after an answer count against its remaining; then the endpoint waits for the reset", async () => {
    let now = 1_000_000;
    const state = createRateState(() => now);
    const resetAt = new Date(now + 30_000);
    const first = await state.acquire(append, undefined, 0);
    // Two more were let through before the first answer came back…
    await state.acquire(append, undefined, 0);
    await state.acquire(append, undefined, 0);
    // …which said 3 were left: the two in flight use two, so one more may go.
    state.record("append", first, { remaining: 3, resetAt });
    await state.acquire(append, undefined, 0);
    await expect(state.acquire(append, undefined, 0)).rejects.toBeInstanceOf(
      RateLimitError,
    );
    // Other endpoints are not concerned, and the reset (+100 ms) opens it again.
    await state.acquire(finalize, undefined, 0);
    now = resetAt.getTime() + 100;
    await expect(state.acquire(append, undefined, 0)).resolves.toBe(5);
  });

  test("remaining 0 holds at once; an older answer never overrides a newer one", async () => {
    const now = 1_000_000;
    const state = createRateState(() => now);
    const a = await state.acquire(append, undefined, 0);
    const b = await state.acquire(append, undefined, 0);
    state.record("append", b, { remaining: 0, resetAt: new Date(now + 5000) });
    state.record("append", a, { remaining: 9, resetAt: new Date(now + 5000) });
    await expect(state.acquire(append, undefined, 0)).rejects.toBeInstanceOf(
      RateLimitError,
    );
  });

  test("answers without the headers change nothing", async () => {
    const state = createRateState(() => 0);
    const t = await state.acquire(append, undefined, 0);
    state.record("append", t, undefined);
    state.record("append", t, { remaining: 0 });
    await expect(state.acquire(append, undefined, 0)).resolves.toBe(2);
  });
});
