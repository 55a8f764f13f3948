// The many-uploads soak at CI size (200 uploads of 20 KB–1.5 MB); `npm run soak` runs the full sizes (to 35 MB).
import { expect, test } from "@jest/globals";
import { runSoak } from "./soak-run.js";

test("200 uploads, 4 at a time through one client, under random 5xx, resets, stalls and 429s: every byte arrives, none inside a 429 window", async () => {
  const report = await runSoak({
    uploads: 200,
    sizes: {
      image: [20_000, 400_000],
      gif: [20_000, 600_000],
      video: [50_000, 1_500_000],
    },
    segmentBytes: 256 * 1024,
    seed: 7,
    stallTimeoutMs: 500,
    requestTimeoutMs: 5000,
  });
  expect(report.failures).toEqual([]);
  expect(report.fulfilled).toBe(200);
  expect(report.sha256Exact).toBe(200);
  expect(report.insideRateLimitWindow).toBe(0);
  expect(report.unhandledRejections).toBe(0);
  // The faults really happened: the run is not a quiet one.
  expect(report.statuses["429"]).toBeGreaterThan(0);
  expect(report.statuses["503"]).toBeGreaterThan(20);
  expect(report.statuses.reset).toBeGreaterThan(5);
  expect(report.statuses.stalled).toBeGreaterThan(0);
}, 120_000);
