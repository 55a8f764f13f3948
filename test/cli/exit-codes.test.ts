import { describe, expect, test } from "@jest/globals";
import {
  AbortError,
  InvalidInputError,
  NetworkError,
  ProcessingError,
  RateLimitError,
  TimeoutError,
  XApiError,
  type RequestTarget,
} from "../../src/errors/index.js";
import {
  EXIT_CODES,
  errorJson,
  exitCodeFor,
} from "../../src/cli/exit-codes.js";
import { CredentialsError, UsageError } from "../../src/cli/usage-error.js";

const target: RequestTarget = {
  method: "POST",
  url: "http://127.0.0.1/2/media/upload/initialize",
  operation: "initialize",
};
const apiError = (status: number) =>
  new XApiError({ target, status, summary: "nope", hint: "Fix it." });

describe("exitCodeFor", () => {
  test.each([
    ["usage", new UsageError("bad"), 2],
    ["bad input", new InvalidInputError("empty file"), 3],
    [
      "missing file",
      Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" }),
      3,
    ],
    ["credentials", new CredentialsError("none"), 4],
    ["401", apiError(401), 4],
    ["403", apiError(403), 4],
    ["400", apiError(400), 5],
    ["503", apiError(503), 5],
    [
      "rate limit",
      new RateLimitError({
        target,
        status: 429,
        summary: "slow",
        hint: "Wait.",
      }),
      9,
    ],
    ["processing", new ProcessingError("1", { state: "failed" }), 6],
    [
      "network",
      new NetworkError(
        target,
        Object.assign(new Error("x"), { code: "ECONNRESET" }),
      ),
      7,
    ],
    [
      "timeout",
      new TimeoutError("slow", { kind: "processing", timeoutMs: 5 }),
      8,
    ],
    ["abort", new AbortError(new Error("SIGINT"), "append"), 130],
    [
      "option TypeError",
      new TypeError(
        "Expected `concurrency` to be an integer from 1 to 16, got 0.",
      ),
      2,
    ],
    ["bug", new TypeError("Cannot read properties of undefined"), 1],
    ["non-error", "boom", 1],
  ])("%s → %i", (_label, error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  test("codes are distinct", () => {
    const codes = Object.values(EXIT_CODES);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("errorJson", () => {
  test("carries name, message, exit code and status", () => {
    expect(errorJson(apiError(400))).toEqual({
      ok: false,
      error: {
        name: "XApiError",
        message: expect.stringContaining("failed with 400: nope"),
        exitCode: 5,
        status: 400,
      },
    });
  });
  test("carries code and media id when present", () => {
    const json = errorJson(
      new ProcessingError("77", {
        state: "failed",
        error: { code: 1, name: "InvalidMedia", message: "bad" },
      }),
    );
    expect(json.error).toMatchObject({
      name: "ProcessingError",
      code: 1,
      mediaId: "77",
      errorName: "InvalidMedia",
      exitCode: 6,
    });
  });
  test("a rate limit carries its reset time", () => {
    const resetAt = new Date("2030-01-01T00:00:00Z");
    const error = new RateLimitError({
      target,
      status: 429,
      summary: "slow",
      hint: "Wait.",
      rateLimit: { resetAt },
    });
    expect(errorJson(error).error.resetAt).toBe("2030-01-01T00:00:00.000Z");
  });
});
