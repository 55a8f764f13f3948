// The client's APPEND budget: never more than `size` slots out, handed round-robin to the uploads that wait.
import { describe, expect, test } from "@jest/globals";
import { RequestBudget, type Release } from "../../src/engine/budget.js";
import { AbortError } from "../../src/errors/index.js";

const tick = () => new Promise((r) => setImmediate(r));

describe("RequestBudget", () => {
  test("grants at once while slots are free, then queues", async () => {
    const budget = new RequestBudget(2);
    const owner = {};
    const a = await budget.acquire(owner);
    await budget.acquire(owner);
    expect(budget.free).toBe(0);
    let third: Release | undefined;
    void budget.acquire(owner).then((r) => (third = r));
    await tick();
    expect(third).toBeUndefined();
    a();
    await tick();
    expect(third).toBeDefined();
    expect(budget.free).toBe(0);
  });

  test("a release is idempotent", async () => {
    const budget = new RequestBudget(1);
    const release = await budget.acquire({});
    release();
    release();
    expect(budget.free).toBe(1);
  });

  test("slots go round-robin between owners: a big upload's queue cannot starve a small one", async () => {
    const budget = new RequestBudget(1);
    const video = {};
    const image = {};
    const first = await budget.acquire(video);
    const order: string[] = [];
    // Each holder sends its request and gives the slot back on the next turn of the event loop.
    const wait = (owner: object, name: string) =>
      budget.acquire(owner).then(async (release) => {
        order.push(name);
        await tick();
        release();
      });
    // The video queues five segments before the image asks for its one.
    const waiting = [1, 2, 3, 4, 5].map((i) => wait(video, `video${i}`));
    waiting.push(wait(image, "image1"), wait(image, "image2"));
    first();
    await Promise.all(waiting);
    expect(order).toEqual([
      "video1",
      "image1",
      "video2",
      "image2",
      "video3",
      "video4",
      "video5",
    ]);
  });

  test("an aborted waiter leaves the queue and rejects with AbortError; its turn goes to the next", async () => {
    const budget = new RequestBudget(1);
    const held = await budget.acquire({});
    const controller = new AbortController();
    const aborted = budget.acquire({}, controller.signal);
    const next = budget.acquire({});
    controller.abort(new Error("stop"));
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    held();
    const release = await next;
    expect(budget.free).toBe(0);
    release();
    expect(budget.free).toBe(1);
  });

  test("an already aborted signal rejects without taking a slot", async () => {
    const budget = new RequestBudget(1);
    await expect(
      budget.acquire({}, AbortSignal.abort()),
    ).rejects.toBeInstanceOf(AbortError);
    expect(budget.free).toBe(1);
  });
});
