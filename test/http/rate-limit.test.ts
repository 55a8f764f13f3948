// Rate-limit headers: x-rate-limit-* and Retry-After in both forms.
import { describe, expect, test } from "@jest/globals";
import { parseRateLimit, parseRetryAfter } from "../../src/http/rate-limit.js";

const NOW = Date.UTC(2025, 0, 1);

describe("parseRateLimit", () => {
  test("reads X's three headers; reset is epoch seconds", () => {
    const headers = new Headers({
      "x-rate-limit-limit": "1875",
      "x-rate-limit-remaining": "0",
      "x-rate-limit-reset": "1735689660",
    });
    expect(parseRateLimit(headers, NOW)).toEqual({
      limit: 1875,
      remaining: 0,
      resetAt: new Date(1735689660_000),
    });
  });

  test("falls back to Retry-After; nothing at all is undefined", () => {
    expect(
      parseRateLimit(new Headers({ "retry-after": "30" }), NOW)?.resetAt,
    ).toEqual(new Date(NOW + 30_000));
    expect(parseRateLimit(new Headers(), NOW)).toBeUndefined();
  });

  test("Retry-After, relative to the answer, wins over x-rate-limit-reset", () => {
    const headers = new Headers({
      "x-rate-limit-reset": "1735689660",
      "retry-after": "5",
    });
    expect(parseRateLimit(headers, NOW)?.resetAt).toEqual(new Date(NOW + 5000));
  });

  test("any one header is enough; blank or non-numeric values count as absent", () => {
    expect(
      parseRateLimit(new Headers({ "x-rate-limit-limit": "50" }), NOW),
    ).toEqual({ limit: 50, remaining: undefined, resetAt: undefined });
    expect(
      parseRateLimit(new Headers({ "x-rate-limit-remaining": "0" }), NOW),
    ).toEqual({ limit: undefined, remaining: 0, resetAt: undefined });
    expect(
      parseRateLimit(
        new Headers({
          "x-rate-limit-limit": " ",
          "x-rate-limit-remaining": "many",
          "x-rate-limit-reset": "",
        }),
        NOW,
      ),
    ).toBeUndefined();
  });
});

describe("parseRetryAfter", () => {
  test("delta-seconds, HTTP date, garbage", () => {
    expect(parseRetryAfter("0", NOW)).toEqual(new Date(NOW));
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:01:00 GMT", NOW)).toEqual(
      new Date(NOW + 60_000),
    );
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter("  ", NOW)).toBeUndefined();
    expect(parseRetryAfter("2.5", NOW)).toEqual(new Date(NOW + 2500));
  });

  test("a negative delay means now", () => {
    expect(parseRetryAfter("-30", NOW)).toEqual(new Date(NOW));
  });
});
