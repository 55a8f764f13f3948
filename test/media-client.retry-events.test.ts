// The public onRetry listener over real HTTP: one event per retry, backoff or rate-limit wait, with the error.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import type { RetryEvent } from "../src/index.js";
import type { FakeXServer } from "../src/testing/index.js";
import { sample } from "./engine/fixtures.js";
import { clientFor, startServer } from "./engine/harness.js";

let server: FakeXServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

test("onRetry sees each retry with its kind, wait and failed request", async () => {
  server.faults.add(
    {
      operation: "appendMediaUpload",
      segmentIndex: 1,
      fault: { kind: "status", status: 503 },
    },
    {
      operation: "finalizeMediaUpload",
      fault: { kind: "status", status: 429, retryAfterSecs: 1 },
    },
  );
  const events: RetryEvent[] = [];
  await clientFor(server).upload(sample("video/mp4", 3000), {
    segmentBytes: 1024,
    onRetry: (event) => events.push(event),
  });
  expect(events.map((e) => [e.kind, e.retry, e.retries])).toEqual([
    ["retry", 1, 3],
    ["rateLimit", 1, 3],
  ]);
  expect(events[0]?.error.target).toMatchObject({
    operation: "append",
    segmentIndex: 1,
  });
  expect(events[0]?.delayMs).toBeLessThanOrEqual(5);
  // Retry-After: 1 s (never less than what X asked).
  expect(events[1]?.delayMs).toBeGreaterThan(800);
  expect(events[1]?.error).toMatchObject({
    name: "RateLimitError",
    status: 429,
  });
});

test("onRetry on a client applies to every upload and single call; a bad one is a TypeError", async () => {
  const events: RetryEvent[] = [];
  const client = clientFor(server, { onRetry: (e) => events.push(e) });
  server.faults.add({
    operation: "getMediaUploadStatus",
    fault: { kind: "status", status: 500 },
  });
  const { id } = await client.upload(sample("image/png", 500));
  await client.status(id);
  expect(events.map((e) => e.error.target?.operation)).toEqual(["status"]);
  expect(() => clientFor(server, { onRetry: 5 as never })).toThrow(TypeError);
});
