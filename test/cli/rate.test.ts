import { expect, test } from "@jest/globals";
import { addSample, rateOf, type RateSample } from "../../src/cli/rate.js";

test("rate is bytes per second over the window", () => {
  let samples: RateSample[] = [];
  for (let t = 0; t <= 1000; t += 100)
    samples = addSample(samples, { atMs: t, bytes: t * 10 });
  expect(rateOf(samples)).toBeCloseTo(10_000);
});

test("old samples leave the window, so the rate follows a slowdown", () => {
  let samples: RateSample[] = [];
  for (let t = 0; t <= 5000; t += 100) {
    samples = addSample(
      samples,
      { atMs: t, bytes: t < 2000 ? t * 100 : 200_000 + (t - 2000) },
      1000,
    );
  }
  expect(samples[0]!.atMs).toBeGreaterThanOrEqual(3900);
  expect(rateOf(samples)).toBeCloseTo(1000);
});

test("unknown until 100 ms have passed", () => {
  expect(rateOf([])).toBeUndefined();
  expect(
    rateOf([
      { atMs: 0, bytes: 0 },
      { atMs: 50, bytes: 100 },
    ]),
  ).toBeUndefined();
});
