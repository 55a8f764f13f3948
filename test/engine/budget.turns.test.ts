// RequestBudget edge cases: an owner whose only waiter aborted loses its place in the turn order, and an
// aborted waiter leaves no listener behind.
import { describe, expect, test } from "@jest/globals";
import { getEventListeners } from "node:events";
import { RequestBudget } from "../../src/engine/budget.js";

describe("RequestBudget turns after an abort", () => {
  test("an owner whose only waiter aborted queues behind owners that waited since", async () => {
    const budget = new RequestBudget(1);
    const held = await budget.acquire({});
    const x = {};
    const y = {};
    const controller = new AbortController();
    const gone = budget.acquire(x, controller.signal).catch(() => "aborted");
    controller.abort(new Error("stop"));
    expect(await gone).toBe("aborted");
    const order: string[] = [];
    const wait = (owner: object, name: string) =>
      budget.acquire(owner).then((release) => {
        order.push(name);
        release();
      });
    const both = Promise.all([wait(y, "y"), wait(x, "x")]);
    held();
    await both;
    expect(order).toEqual(["y", "x"]);
    expect(budget.free).toBe(1);
  });

  test("an aborted waiter's listener is gone after the abort", async () => {
    const budget = new RequestBudget(1);
    const held = await budget.acquire({});
    const controller = new AbortController();
    const waiting = budget
      .acquire({}, controller.signal)
      .catch(() => "aborted");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort(new Error("stop"));
    expect(await waiting).toBe("aborted");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    held();
    expect(budget.free).toBe(1);
  });
});
