// Options: defaults resolved in one place, every bad value a TypeError naming the option.
import { describe, expect, test } from "@jest/globals";
import { createMediaClient, DEFAULTS } from "../../src/index.js";
import {
  resolveUploadOptions,
  type UploadOptions,
} from "../../src/client/options.js";

describe("resolveUploadOptions", () => {
  // Literals, not DEFAULTS: a changed default must fail here (and be documented), not agree with itself.
  test("defaults", () => {
    const o = resolveUploadOptions();
    expect(o).toMatchObject({
      concurrency: 8,
      waitForProcessing: true,
      processingTimeoutMs: 600_000,
      requestTimeoutMs: 300_000,
      stallTimeoutMs: 30_000,
      retry: {
        retries: 5,
        minDelayMs: 500,
        maxDelayMs: 30_000,
        maxRateLimitWaitMs: 900_000,
      },
      forceMediaType: false,
      additionalOwners: [],
      segmentBytes: undefined,
    });
  });

  test("DEFAULTS, the exported copy, says the same", () => {
    expect(DEFAULTS).toEqual({
      concurrency: 8,
      maxConcurrentRequests: 16,
      maxConcurrentUploads: 8,
      preflight: "strict",
      waitForProcessing: true,
      processingTimeoutMs: 600_000,
      requestTimeoutMs: 300_000,
      stallTimeoutMs: 30_000,
      retry: {
        retries: 5,
        minDelayMs: 500,
        maxDelayMs: 30_000,
        maxRateLimitWaitMs: 900_000,
      },
    });
  });

  test("per-call options win over client defaults; retry merges field by field", () => {
    const o = resolveUploadOptions(
      { concurrency: 2, retry: { retries: 1 } },
      { concurrency: 8, retry: { minDelayMs: 10, maxDelayMs: 20 } },
    );
    expect(o.concurrency).toBe(2);
    expect(o.retry).toEqual({
      retries: 1,
      minDelayMs: 10,
      maxDelayMs: 20,
      maxRateLimitWaitMs: 900_000,
    });
  });

  test("a field set to undefined takes its default at every level, like one left out", () => {
    const o = resolveUploadOptions(
      { concurrency: undefined, retry: { retries: undefined } },
      { concurrency: 3, retry: { retries: 2, minDelayMs: undefined } },
    );
    expect(o.concurrency).toBe(3);
    expect(o.retry).toEqual({ ...DEFAULTS.retry, retries: 2 });
    expect(() => resolveUploadOptions({ retry: 5 as never })).toThrow(
      "Expected `retry` to be an object, got 5.",
    );
  });

  const bad: [UploadOptions, string][] = [
    [
      { concurrency: 0 },
      "Expected `concurrency` to be an integer from 1 to 32, got 0.",
    ],
    [
      { concurrency: 1.5 },
      "Expected `concurrency` to be an integer from 1 to 32, got 1.5.",
    ],
    [
      { segmentBytes: -1 },
      "Expected `segmentBytes` to be an integer from 1 to 8388608, got -1.",
    ],
    [
      { requestTimeoutMs: Infinity },
      "Expected `requestTimeoutMs` to be an integer from 1 to 2147483647, got Infinity.",
    ],
    [
      { retry: { retries: -1 } },
      "Expected `retry.retries` to be an integer from 0 to 100, got -1.",
    ],
    [
      { retry: { minDelayMs: 10, maxDelayMs: 5 } },
      "Expected `retry.maxDelayMs` to be at least `retry.minDelayMs` (10), got 5.",
    ],
    [
      { mediaType: "image/jpg" as never },
      'Expected `mediaType` to be a media type X accepts, got "image/jpg".',
    ],
    [
      { mediaCategory: "tweet_photo" as never },
      "Expected `mediaCategory` to be one of",
    ],
    [
      { altText: "x".repeat(1001) },
      "Expected `altText` to be a string of 1 to 1000 characters, got 1001 characters.",
    ],
    [
      { additionalOwners: ["@jack"] },
      "Expected `additionalOwners` to be an array of at most 100 numeric user id strings",
    ],
    [
      { signal: {} as never },
      "Expected `signal` to be an AbortSignal, got an object.",
    ],
    [
      { onProgress: "log" as never },
      'Expected `onProgress` to be a function, got "log".',
    ],
    [
      { waitForProcessing: "yes" as never },
      'Expected `waitForProcessing` to be a boolean, got "yes".',
    ],
    [{ size: -5 }, "Expected `size` to be an integer from 0 to"],
    [{ segmentSize: 5 } as never, "Unknown option `segmentSize` in `options`"],
    [{ retry: { retry: 2 } } as never, "Unknown option `retry` in `retry`"],
  ];
  test.each(bad)("%j → TypeError", (options, message) => {
    expect(() => resolveUploadOptions(options)).toThrow(TypeError);
    expect(() => resolveUploadOptions(options)).toThrow(message);
  });
});

describe("createMediaClient", () => {
  const auth = { type: "oauth2", accessToken: "token" } as const;

  test("bad defaults, auth and baseUrl fail at creation", () => {
    expect(() => createMediaClient({ auth, concurrency: 99 })).toThrow(
      "Expected `concurrency` to be an integer from 1 to 32, got 99.",
    );
    expect(() =>
      createMediaClient({ auth: { type: "oauth3" } as never }),
    ).toThrow(TypeError);
    expect(() => createMediaClient({ auth, baseUrl: "api.x.com" })).toThrow(
      /absolute URL/,
    );
    expect(() =>
      createMediaClient({ auth, userAgent: "app\r\nX-Evil: 1" }),
    ).toThrow(/Expected `userAgent` to be a valid header value/);
    expect(() => createMediaClient({ auth, concurency: 2 } as never)).toThrow(
      "Unknown option `concurency`",
    );
  });
});
