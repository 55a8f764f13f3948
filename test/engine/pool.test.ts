// Bounded parallelism; the first failure cancels the rest and every worker is awaited.
import { describe, expect, test } from "@jest/globals";
import { runPool, serialize } from "../../src/engine/pool.js";

const items = (n: number) => {
  let i = 0;
  return async () => (i < n ? i++ : undefined);
};

describe("runPool", () => {
  test("runs every item with at most `concurrency` at once", async () => {
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    await runPool(
      3,
      items(10),
      async (i) => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 5));
        active -= 1;
        done.push(i);
      },
      () => {},
    );
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });

  test("the first failure cancels, waits for the others, rejects with it, and takes no new item", async () => {
    const boom = new Error("boom");
    const started: number[] = [];
    let finished = 0;
    const cancelled: unknown[] = [];
    const controller = new AbortController();
    const error = await runPool(
      3,
      items(100),
      async (i) => {
        started.push(i);
        if (i === 1) throw boom;
        await new Promise((resolve, reject) => {
          const t = setTimeout(resolve, 50);
          controller.signal.addEventListener("abort", () => {
            clearTimeout(t);
            reject(new Error("cancelled"));
          });
        });
        finished += 1;
      },
      (reason) => {
        cancelled.push(reason);
        controller.abort(reason);
      },
    ).catch((e: unknown) => e);
    expect(error).toBe(boom);
    expect(cancelled).toEqual([boom]);
    expect(started).toEqual([0, 1, 2]);
    expect(finished).toBe(0);
  });
});

describe("serialize", () => {
  test("calls run one at a time, in order, even after a failure", async () => {
    const log: string[] = [];
    let n = 0;
    const next = serialize(async () => {
      const k = n++;
      log.push(`start ${k}`);
      await new Promise((r) => setTimeout(r, 5 - k));
      log.push(`end ${k}`);
      if (k === 1) throw new Error("x");
      return k;
    });
    const results = await Promise.allSettled([next(), next(), next()]);
    expect(log).toEqual([
      "start 0",
      "end 0",
      "start 1",
      "end 1",
      "start 2",
      "end 2",
    ]);
    expect(results.map((r) => r.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
  });
});
