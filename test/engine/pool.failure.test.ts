// After the first failure, workers finish what they hold and take no new item.
import { expect, test } from "@jest/globals";
import { runPool } from "../../src/engine/pool.js";

test("a worker that finishes after another failed asks for no new item", async () => {
  let calls = 0;
  const next = async () => calls++;
  const boom = new Error("boom");
  const run = runPool(
    2,
    next,
    async (i) => {
      if (i === 0) throw boom;
      await new Promise((r) => setImmediate(r));
    },
    () => {},
  );
  await expect(run).rejects.toBe(boom);
  expect(calls).toBe(2);
});
