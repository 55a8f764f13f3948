// What the uploads of one client share, over real HTTP against the fake: one rate state per X endpoint and one
// APPEND budget.
import { afterEach, describe, expect, test } from "@jest/globals";
import type { FakeXServer } from "../../src/testing/index.js";
import { sample, sha256 } from "../engine/fixtures.js";
import { clientFor, startServer } from "../engine/harness.js";

let server: FakeXServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const videos = [1, 2, 3, 4].map((i) => sample("video/mp4", 48 * 1024 + i));
const slowAppends = (ms: number) => ({
  seed: 1,
  faults: [
    {
      rate: 1,
      operation: "appendMediaUpload" as const,
      fault: { kind: "latency" as const, ms },
    },
  ],
});

describe("one rate state per endpoint, shared by every upload of the client", () => {
  test("a 429 on one upload's APPEND pauses every upload's APPENDs until the reset: none is sent inside the window", async () => {
    server = await startServer();
    server.faults.setRandom(slowAppends(5));
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 6,
      fault: { kind: "status", status: 429, retryAfterSecs: 1 },
    });
    const client = clientFor(server, {
      segmentBytes: 1024,
      concurrency: 2,
      retry: {
        retries: 3,
        minDelayMs: 1,
        maxDelayMs: 5,
        maxRateLimitWaitMs: 5000,
      },
    });
    const results = await Promise.all(videos.map((v) => client.upload(v)));
    const statuses = server.requests.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(server.counters.insideRateLimitWindow).toBe(0);
    results.forEach((r, i) =>
      expect(server?.upload(r.id)?.sha256).toBe(sha256(videos[i] as Buffer)),
    );
  });

  test("other endpoints go on while APPEND is paused", async () => {
    server = await startServer();
    // Upload 1 gets the 429 on its first APPEND; upload 2 must still be able to INITIALIZE meanwhile.
    server.faults.add({
      operation: "appendMediaUpload",
      fault: { kind: "status", status: 429, retryAfterSecs: 1 },
    });
    const client = clientFor(server, {
      retry: {
        retries: 3,
        minDelayMs: 1,
        maxDelayMs: 5,
        maxRateLimitWaitMs: 5000,
      },
    });
    const first = client.upload(sample("image/png", 2048));
    for (
      let i = 0;
      i < 200 && !server.requests.some((r) => r.status === 429);
      i++
    )
      await new Promise((r) => setTimeout(r, 5));
    const second = client.upload(sample("image/png", 4096));
    await Promise.all([first, second]);
    const log = server.requests.map((r) => `${r.operation}:${r.status}`);
    const limitedAt = log.indexOf("appendMediaUpload:429");
    const secondInit = log.lastIndexOf("initializeMediaUpload:200");
    const firstRetry = log.indexOf("appendMediaUpload:200");
    // The second INIT went out during the pause, before any APPEND was sent again.
    expect(limitedAt).toBeGreaterThanOrEqual(0);
    expect(secondInit).toBeGreaterThan(limitedAt);
    expect(secondInit).toBeLessThan(firstRetry);
    expect(server.counters.insideRateLimitWindow).toBe(0);
  });

  test("what X says is left holds the endpoint once used up, parallel requests counted: no request is spent on a 429", async () => {
    server = await startServer({
      rateLimits: { windowMs: 1500, limits: { appendMediaUpload: 8 } },
    });
    const client = clientFor(server, {
      segmentBytes: 1024,
      concurrency: 4,
      retry: {
        retries: 3,
        minDelayMs: 1,
        maxDelayMs: 5,
        maxRateLimitWaitMs: 5000,
      },
    });
    const video = sample("video/mp4", 20 * 1024);
    const result = await client.upload(video);
    expect(server.upload(result.id)?.sha256).toBe(sha256(video));
    expect(server.requests.filter((r) => r.status === 429)).toHaveLength(0);
    expect(server.counters.insideRateLimitWindow).toBe(0);
  });
});

describe("maxConcurrentRequests: one APPEND budget for all uploads", () => {
  test("caps the APPENDs in flight across uploads, whatever each upload's concurrency", async () => {
    server = await startServer();
    server.faults.setRandom(slowAppends(20));
    const client = clientFor(server, {
      segmentBytes: 1024,
      concurrency: 8,
      maxConcurrentRequests: 3,
    });
    await Promise.all(videos.slice(0, 3).map((v) => client.upload(v)));
    expect(server.counters.maxConcurrentAppends).toBe(3);
  });

  test("shared fairly: an image started after a big video is not starved by the video's queue", async () => {
    server = await startServer();
    server.faults.setRandom(slowAppends(10));
    const client = clientFor(server, {
      segmentBytes: 1024,
      concurrency: 4,
      maxConcurrentRequests: 4,
    });
    const finished: string[] = [];
    const video = client
      .upload(sample("video/mp4", 160 * 1024))
      .then(() => finished.push("video"));
    while (server.counters.byOperation.appendMediaUpload < 4)
      await new Promise((r) => setTimeout(r, 2));
    const image = client
      .upload(sample("image/png", 4 * 1024))
      .then(() => finished.push("image"));
    await Promise.all([video, image]);
    expect(finished).toEqual(["image", "video"]);
  });

  test("a bad value is a TypeError naming the option", () => {
    expect(() =>
      clientFor({ url: "http://127.0.0.1:1" } as FakeXServer, {
        maxConcurrentRequests: 0,
      }),
    ).toThrow(
      "Expected `maxConcurrentRequests` to be an integer from 1 to 256, got 0.",
    );
  });
});
