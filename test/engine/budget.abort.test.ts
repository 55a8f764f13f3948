// Aborts in the client's APPEND budget: the words, the owner's other waiters keep their turn, no listener left.
import { describe, expect, test } from "@jest/globals";
import { getEventListeners } from "node:events";
import { RequestBudget, type Release } from "../../src/engine/budget.js";
import { AbortError } from "../../src/errors/index.js";

const tick = () => new Promise((r) => setImmediate(r));
const SLOT = "Upload aborted by the caller's signal during a request slot.";

describe("RequestBudget aborts", () => {
  test("an aborted signal is refused at once, naming the wait", async () => {
    const error = await new RequestBudget(1)
      .acquire({}, AbortSignal.abort(new Error("stop")))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toBe(SLOT);
  });

  test("an abort while queued: that waiter fails; the owner's next waiter still gets the slot", async () => {
    const budget = new RequestBudget(1);
    const owner = {};
    const held = await budget.acquire(owner);
    const controller = new AbortController();
    const first = budget
      .acquire(owner, controller.signal)
      .catch((e: unknown) => e);
    let second: Release | undefined;
    void budget.acquire(owner).then((r) => (second = r));
    controller.abort(new Error("stop"));
    expect(((await first) as Error).message).toBe(SLOT);
    held();
    await tick();
    expect(second).toBeDefined();
  });

  test("a granted waiter leaves no listener on its signal", async () => {
    const budget = new RequestBudget(1);
    const held = await budget.acquire({});
    const controller = new AbortController();
    const waiting = budget.acquire({}, controller.signal);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    held();
    await waiting;
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
