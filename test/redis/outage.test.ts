// Redis killed in the middle of a run: uploads go on with the in-process rate state and finish byte-exact; the
// client reports the outage once.
import { expect, test } from "@jest/globals";
import { sample, sha256 } from "../engine/fixtures.js";
import { clientFor, startServer } from "../engine/harness.js";
import { redisRateState } from "../../src/redis/index.js";
import { disconnect, startRedisServer } from "./redis-server.js";

test("Redis killed mid-run: every upload completes byte-exact, none inside a window, exactly one warning", async () => {
  const redis = await startRedisServer();
  const conn = redis.connect();
  let killed: Promise<void> | undefined;
  let requests = 0;
  const fake = await startServer({
    rateLimits: { windowMs: 1000, limits: { appendMediaUpload: 10 } },
    onRequest: () => {
      if (++requests !== 20) return;
      killed = redis.kill();
      // And X says 429 right after: the hold is written to a dead Redis, and must still hold this process.
      fake.faults.add({
        operation: "appendMediaUpload",
        fault: { kind: "status", status: 429, retryAfterSecs: 1 },
      });
    },
  });
  try {
    const warnings: Error[] = [];
    const client = clientFor(fake, {
      rateState: redisRateState(conn, { onWarning: (w) => warnings.push(w) }),
      segmentBytes: 1024,
      concurrency: 2,
      retry: { retries: 10, maxRateLimitWaitMs: 20_000 },
    });
    const files = Array.from({ length: 12 }, (_, i) =>
      sample("image/png", 1500 + i * 17),
    );
    const outcomes = await client.uploadMany(files, {
      maxConcurrentUploads: 3,
    });
    expect(killed).toBeDefined();
    expect(outcomes.map((o) => o.status)).toEqual(files.map(() => "fulfilled"));
    outcomes.forEach((o, i) => {
      if (o.status === "fulfilled")
        expect(fake.upload(o.value.id)?.sha256).toBe(
          sha256(files[i] as Buffer),
        );
    });
    // The 429 came after the kill, and the process's own state kept its requests out of every window.
    expect(requests).toBeGreaterThan(40);
    expect(
      fake.requests.filter((r) => r.status === 429).length,
    ).toBeGreaterThan(0);
    expect(fake.counters.insideRateLimitWindow).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.name).toBe("RedisUnavailableWarning");
  } finally {
    await fake.close();
    await killed;
    await disconnect(conn);
    await redis.stop();
  }
}, 60_000);
