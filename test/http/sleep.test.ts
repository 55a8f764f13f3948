// The abortable sleep every backoff, rate-limit pause and poll uses.
import { describe, expect, test } from "@jest/globals";
import { getEventListeners } from "node:events";
import { sleep } from "../../src/http/sleep.js";
import { AbortError } from "../../src/errors/index.js";

describe("sleep", () => {
  test("resolves after the time, and leaves no listener on the signal", async () => {
    const controller = new AbortController();
    const started = performance.now();
    await sleep(30, controller.signal, "a test");
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("0 or less resolves without waiting for a timer", async () => {
    const order: string[] = [];
    const timer = new Promise<void>((r) =>
      setTimeout(() => r(order.push("timer") as never), 0),
    );
    await sleep(0, undefined, "a test").then(() => order.push("zero"));
    await sleep(-5, undefined, "a test").then(() => order.push("negative"));
    await timer;
    expect(order).toEqual(["zero", "negative", "timer"]);
  });

  test("an already aborted signal rejects at once with its reason, naming the wait", async () => {
    const reason = new Error("stop");
    const error = await sleep(0, AbortSignal.abort(reason), "a retry backoff")
      .then(() => "resolved")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toBe(reason);
    expect((error as Error).message).toBe(
      "Upload aborted by the caller's signal during a retry backoff.",
    );
  });

  test("aborting mid-sleep rejects before the time is up, with the reason", async () => {
    const controller = new AbortController();
    const reason = new Error("cancel");
    const order: string[] = [];
    const slept = sleep(10_000, controller.signal, "a rate-limit pause").catch(
      (e: unknown) => {
        order.push("rejected");
        return e;
      },
    );
    const later = new Promise((r) => setTimeout(r, 50)).then(() =>
      order.push("50 ms timer"),
    );
    setTimeout(() => controller.abort(reason), 5);
    const error = await slept;
    await later;
    expect(order).toEqual(["rejected", "50 ms timer"]);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toBe(reason);
    expect((error as Error).message).toContain("during a rate-limit pause");
  });
});
