// The error tree: literal names, instanceof, guards by brand and name, messages.
import { describe, expect, test } from "@jest/globals";
import {
  AbortError,
  InvalidInputError,
  NetworkError,
  ProcessingError,
  RateLimitError,
  TimeoutError,
  XApiError,
  XMediaError,
  isAbortError,
  isInvalidInputError,
  isNetworkError,
  isProcessingError,
  isRateLimitError,
  isTimeoutError,
  isXApiError,
  isXMediaError,
  type RequestTarget,
} from "../../src/errors/index.js";

const target: RequestTarget = {
  operation: "append",
  method: "POST",
  url: "https://api.x.com/2/media/upload/42/append",
  segmentIndex: 3,
  mediaId: "42",
};

const apiInit = {
  target,
  status: 503,
  summary: "Over capacity",
  hint: "Try again later.",
};

const all = [
  new XMediaError("base"),
  new InvalidInputError("bad"),
  new XApiError(apiInit),
  new RateLimitError({
    ...apiInit,
    status: 429,
    rateLimit: { resetAt: new Date(0) },
  }),
  new NetworkError(
    target,
    Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
  ),
  new ProcessingError("42", {
    state: "failed",
    error: { code: 1, name: "InvalidMedia", message: "Bad codec" },
  }),
  new TimeoutError("slow", { kind: "stall", timeoutMs: 5, target }),
  new AbortError(new Error("stop"), "append"),
];

describe("names and classes", () => {
  test("every class has its literal name and extends XMediaError and Error", () => {
    expect(all.map((e) => e.name)).toEqual([
      "XMediaError",
      "InvalidInputError",
      "XApiError",
      "RateLimitError",
      "NetworkError",
      "ProcessingError",
      "TimeoutError",
      "AbortError",
    ]);
    for (const error of all) {
      expect(error).toBeInstanceOf(XMediaError);
      expect(error).toBeInstanceOf(Error);
    }
    expect(all[3]).toBeInstanceOf(XApiError);
  });

  test("guards match exactly their class (RateLimitError is also an XApiError)", () => {
    const guards = [
      isInvalidInputError,
      isXApiError,
      isRateLimitError,
      isNetworkError,
      isProcessingError,
      isTimeoutError,
      isAbortError,
    ];
    const table = all.map((e) => guards.map((g) => Number(g(e))).join(""));
    expect(table).toEqual([
      "0000000",
      "1000000",
      "0100000",
      "0110000",
      "0001000",
      "0000100",
      "0000010",
      "0000001",
    ]);
    expect(all.every(isXMediaError)).toBe(true);
  });

  test("guards reject look-alikes: a DOM AbortError, a plain object, an Error named XApiError", () => {
    const dom = new DOMException("aborted", "AbortError");
    expect(isAbortError(dom)).toBe(false);
    expect(
      isXApiError(Object.assign(new Error("x"), { name: "XApiError" })),
    ).toBe(false);
    expect(isXMediaError({ name: "XMediaError" })).toBe(false);
  });
});

describe("fields and messages", () => {
  test("XApiError names method, URL, step and status, then the fix", () => {
    const error = new XApiError(apiInit);
    expect(error.message).toBe(
      "POST https://api.x.com/2/media/upload/42/append (append, segment 3) failed with 503: Over capacity. Try again later.",
    );
    expect(error).toMatchObject({
      status: 503,
      retryable: true,
      errors: [],
      target,
    });
    expect(new XApiError({ ...apiInit, status: 400 }).retryable).toBe(false);
    expect(new XApiError({ ...apiInit, status: 429 }).retryable).toBe(true);
  });

  test("NetworkError keeps the cause and names its code", () => {
    const error = all[4] as NetworkError;
    expect(error.code).toBe("ECONNRESET");
    expect(error.message).toMatch(
      /^POST .*\(append, segment 3\) failed: network error \(ECONNRESET\)/,
    );
    expect((error.cause as Error).message).toBe("socket hang up");
  });

  test("ProcessingError carries X's code, name and message", () => {
    const error = all[5] as ProcessingError;
    expect(error).toMatchObject({
      mediaId: "42",
      code: 1,
      errorName: "InvalidMedia",
    });
    expect(error.message).toMatch(
      /media 42: InvalidMedia \(code 1\): Bad codec/,
    );
  });

  test("TimeoutError takes the media id from its target; AbortError keeps the reason as cause", () => {
    expect((all[6] as TimeoutError).mediaId).toBe("42");
    const reason = new Error("stop");
    const abort = new AbortError(reason, "append");
    expect(abort.cause).toBe(reason);
    expect(abort.message).toMatch(/aborted.*during append/);
  });

  test("RateLimitError carries its reset time", () => {
    expect((all[3] as RateLimitError).resetAt).toEqual(new Date(0));
  });
});
