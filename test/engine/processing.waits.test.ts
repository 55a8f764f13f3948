// The waits between STATUS polls, on a fake clock (sleep and STATUS mocked): 1 s doubling to 10 s when X gives no
// check_after_secs, X's check_after_secs in seconds with a 100 ms floor, every wait cut at the deadline, and the
// timeout's words for a state X did not name.
import {
  afterEach,
  beforeEach,
  describe,
  expect,
  jest,
  test,
} from "@jest/globals";
import type { ProcessingInfo } from "../../src/errors/index.js";

let clock = 0;
const waits: number[] = [];
jest.unstable_mockModule("../../src/http/sleep.js", () => ({
  sleep: async (ms: number) => {
    waits.push(ms);
    clock += ms;
  },
}));
let answers: (ProcessingInfo | undefined)[] = [];
jest.unstable_mockModule("../../src/api/requests.js", () => ({
  status: async () => ({
    data: { data: { id: ID, processing_info: answers.shift() } },
  }),
}));
const { waitUntilProcessed } = await import("../../src/engine/processing.js");
const { TimeoutError } = await import("../../src/errors/index.js");

const ID = "1880000000000000002";
const ctx = {} as never;
const pending = (check_after_secs?: number): ProcessingInfo =>
  check_after_secs === undefined
    ? { state: "in_progress" }
    : { state: "in_progress", check_after_secs };

beforeEach(() => {
  clock = 1_000_000;
  waits.length = 0;
  jest.spyOn(Date, "now").mockImplementation(() => clock);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe("waitUntilProcessed waits", () => {
  test("without check_after_secs: 1 s, doubling, held at 10 s", async () => {
    answers = [...[1, 2, 3, 4, 5].map(() => pending()), { state: "succeeded" }];
    const outcome = await waitUntilProcessed(ctx, ID, pending(), 600_000);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(outcome.processing?.state).toBe("succeeded");
    expect(outcome.answeredAt).toBe(1_035_000);
  });

  test("check_after_secs in seconds, never under 100 ms", async () => {
    answers = [pending(0.05), pending(0.1), pending(0.2), pending(3)];
    answers.push({ state: "succeeded" });
    await waitUntilProcessed(ctx, ID, pending(0), 600_000);
    expect(waits).toEqual([100, 100, 100, 200, 3000]);
  });

  test("each wait is cut at the deadline, where the timeout comes", async () => {
    answers = [pending(), pending()];
    const error = await waitUntilProcessed(ctx, ID, pending(), 2500).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(waits).toEqual([1000, 1500]);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error?.message).toBe(
      `Media ${ID} was still processing (state in_progress) after processingTimeoutMs (2500 ms). Resume with client.waitForProcessing("${ID}"), or raise processingTimeoutMs.`,
    );
  });

  test("a state X did not name is called unknown", async () => {
    answers = [{ progress_percent: 7 }];
    const error = await waitUntilProcessed(ctx, ID, pending(4), 4000).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(waits).toEqual([4000]);
    expect(error?.message).toBe(
      `Media ${ID} was still processing (state unknown, 7%) after processingTimeoutMs (4000 ms). Resume with client.waitForProcessing("${ID}"), or raise processingTimeoutMs.`,
    );
  });
});
