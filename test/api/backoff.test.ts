// Exponential backoff with full jitter.
import { describe, expect, test } from "@jest/globals";
import { backoffDelay } from "../../src/api/backoff.js";

const bounds = { minDelayMs: 500, maxDelayMs: 30_000 };

describe("backoffDelay", () => {
  test("the ceiling doubles per retry and stops at maxDelayMs", () => {
    const top = () => 1;
    expect(
      [1, 2, 3, 4, 5, 6, 7, 8].map((r) => backoffDelay(r, bounds, top)),
    ).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  test("full jitter: anywhere from 0 to the ceiling", () => {
    expect(backoffDelay(3, bounds, () => 0)).toBe(0);
    expect(backoffDelay(3, bounds, () => 0.5)).toBe(1000);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(4, bounds);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});
