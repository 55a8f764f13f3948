// Waiting for processing: what counts as failed, the timeout's exact words, an abort while waiting to poll,
// and expires_after_secs kept from an earlier STATUS answer (a node:http server scripts X's answers).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import {
  processingFailed,
  waitUntilProcessed,
} from "../../src/engine/processing.js";
import { AbortError, TimeoutError } from "../../src/errors/index.js";
import {
  json,
  startTinyServer,
  tinyContext,
  type TinyServer,
} from "./tiny-server.js";

const ID = "1880000000000000001";
let tiny: TinyServer;
let polls = 0;
beforeAll(async () => {
  // First STATUS: in progress, expires in an hour, poll again at once; then succeeded without expires_after_secs.
  tiny = await startTinyServer((_request, res) => {
    polls++;
    json(
      res,
      200,
      polls === 1
        ? {
            data: {
              id: ID,
              expires_after_secs: 3600,
              processing_info: { state: "in_progress", check_after_secs: 0 },
            },
          }
        : { data: { id: ID, processing_info: { state: "succeeded" } } },
    );
  });
});
afterAll(() => tiny.close());

const ctx = (signal?: AbortSignal) => tinyContext(tiny.url, signal);

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as Error,
  );

describe("processingFailed", () => {
  test("state failed, or an error in any state", () => {
    expect(processingFailed({ state: "failed" })).toBe(true);
    expect(
      processingFailed({
        state: "in_progress",
        error: { code: 1, name: "InvalidMedia", message: "bad" },
      } as never),
    ).toBe(true);
    expect(processingFailed({ state: "in_progress" })).toBe(false);
    expect(processingFailed(undefined)).toBe(false);
  });
});

describe("waitUntilProcessed", () => {
  test("out of time: the state, the percent when known, and how to resume", async () => {
    const withPercent = await failure(
      waitUntilProcessed(
        ctx(),
        ID,
        { state: "in_progress", progress_percent: 40 },
        0,
      ),
    );
    expect(withPercent).toBeInstanceOf(TimeoutError);
    expect(withPercent.message).toBe(
      `Media ${ID} was still processing (state in_progress, 40%) after processingTimeoutMs (0 ms). Resume with client.waitForProcessing("${ID}"), or raise processingTimeoutMs.`,
    );
    expect(
      (await failure(waitUntilProcessed(ctx(), ID, { state: "pending" }, 0)))
        .message,
    ).toMatch(/\(state pending\) after processingTimeoutMs \(0 ms\)/);
  });

  test("an abort while waiting to poll names that wait", async () => {
    const controller = new AbortController();
    const error = await failure(
      waitUntilProcessed(
        ctx(controller.signal),
        ID,
        { state: "in_progress", check_after_secs: 60 },
        600_000,
        () => controller.abort(new Error("stop")),
      ),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(error.message).toBe(
      "Upload aborted by the caller's signal during processing (waiting to poll STATUS).",
    );
  });

  test("expires_after_secs from an earlier STATUS answer is kept when a later one omits it", async () => {
    polls = 0;
    const outcome = await waitUntilProcessed(
      ctx(),
      ID,
      { state: "pending", check_after_secs: 0 },
      600_000,
    );
    expect(outcome.processing?.state).toBe("succeeded");
    expect(outcome.expiresAfterSecs).toBe(3600);
    expect(polls).toBe(2);
  });
});
