// preflight() on its own (inspection and the rules mocked to give chosen issues): the strict refusal's exact words
// listing every error in order, what each mode returns and hands to onWarning, and off reading nothing.
import { beforeEach, describe, expect, jest, test } from "@jest/globals";
import type { PreflightIssue } from "../../src/media/preflight/index.js";

let issues: PreflightIssue[] = [];
let inspected = 0;
jest.unstable_mockModule("../../src/media/inspect/index.js", () => ({
  inspectBytes: async () => {
    inspected += 1;
    return {};
  },
}));
jest.unstable_mockModule("../../src/media/preflight/index.js", () => ({
  checkMedia: () => issues,
}));
jest.unstable_mockModule("../../src/engine/source/byte-reader.js", () => ({
  byteReader: async () => ({}),
}));
const { preflight } = await import("../../src/engine/preflight.js");
const { InvalidInputError } = await import("../../src/errors/index.js");

const found = (rule: string, severity: PreflightIssue["severity"]) =>
  ({ rule, severity, message: `${rule} is off.` }) as PreflightIssue;
const plan = { mediaType: "video/mp4", mediaCategory: "tweet_video" } as const;
const source = {} as never;

beforeEach(() => {
  inspected = 0;
});

describe("preflight", () => {
  test("strict: every error listed, one per line, in order; nothing delivered", async () => {
    issues = [found("a", "error"), found("w", "warning"), found("b", "error")];
    const delivered: PreflightIssue[] = [];
    const error = await preflight(source, plan, {
      preflight: "strict",
      onWarning: (w) => delivered.push(w),
      accountTier: undefined,
    }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error?.message).toBe(
      'Preflight: X documents that it refuses this video/mp4 as tweet_video:\n  - a is off.\n  - b is off.\nNothing was sent. Fix the file, or pass `preflight: "warn"` to upload it anyway.',
    );
    expect(delivered).toEqual([]);
  });

  test("strict with warnings only: each delivered once, in order, and returned", async () => {
    issues = [found("w1", "warning"), found("w2", "warning")];
    const delivered: string[] = [];
    const result = await preflight(source, plan, {
      preflight: "strict",
      onWarning: (w) => delivered.push(w.rule),
      accountTier: undefined,
    });
    expect(result.map((w) => w.rule)).toEqual(["w1", "w2"]);
    expect(delivered).toEqual(["w1", "w2"]);
  });

  test("warn: errors and warnings alike delivered and returned, severity kept", async () => {
    issues = [found("a", "error"), found("w", "warning")];
    const delivered: string[] = [];
    const result = await preflight(source, plan, {
      preflight: "warn",
      onWarning: (w) => delivered.push(`${w.rule}:${w.severity}`),
      accountTier: undefined,
    });
    expect(result).toEqual(issues);
    expect(delivered).toEqual(["a:error", "w:warning"]);
  });

  test("off: nothing inspected, nothing returned", async () => {
    issues = [found("a", "error")];
    const result = await preflight(source, plan, {
      preflight: "off",
      onWarning: () => {
        throw new Error("no warning expected");
      },
      accountTier: undefined,
    });
    expect(result).toEqual([]);
    expect(inspected).toBe(0);
  });
});
