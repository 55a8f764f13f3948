// redisRateState against a real redis-server: what one worker learns (a 429's window, what is left of the current
// one) holds every worker of the same account before it sends; keys name the account by its hash and expire; a
// failing Redis leaves each worker its own state and one warning.
import { describe, expect, test } from "@jest/globals";
import { once } from "node:events";
import { accountIdentity } from "../../src/auth/identity.js";
import { RateLimitError, type RequestTarget } from "../../src/errors/index.js";
import {
  redisRateState,
  RedisUnavailableWarning,
  type RateState,
} from "../../src/redis/index.js";
import { sample, sha256 } from "../engine/fixtures.js";
import { clientFor, startServer } from "../engine/harness.js";
import {
  disconnect,
  startRedisServer,
  watchdog,
  useRedisServer,
} from "./redis-server.js";

const db = useRedisServer();

const token = "worker-token-0123456789";
const alice = accountIdentity({ type: "oauth2", accessToken: token });
const bob = accountIdentity({ type: "oauth2", accessToken: "bob-token" });
const append: RequestTarget = {
  operation: "append",
  method: "POST",
  url: "https://api.x.com/2/media/upload/1/append",
};
const finalize: RequestTarget = { ...append, operation: "finalize" };

let n = 0;
/** Two workers' states for `identity`, as two processes would build them (separate redisRateState calls). */
function workers(identity = alice): [RateState, RateState, string] {
  const prefix = `r${++n}:`;
  return [
    redisRateState(db.redis, { prefix })({ identity }),
    redisRateState(db.redis, { prefix })({ identity }),
    prefix,
  ];
}

describe("redisRateState", () => {
  test("a 429 window one worker announces holds the other worker's endpoint before it sends, and only that endpoint", async () => {
    const [a, b] = workers();
    await a.hold("append", Date.now() + 60_000);
    const error = await b.acquire(append, undefined, 1000).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    // The other worker now knows it too, for its retries' waits.
    expect(b.pausedUntil("append")).toBeGreaterThan(Date.now() + 59_000);
    await expect(b.acquire(finalize, undefined, 0)).resolves.toBeUndefined();
  });

  test("a worker waits out a shared window within maxWaitMs, then sends", async () => {
    const [a, b] = workers();
    const until = Date.now() + 300;
    await a.hold("append", until);
    await b.acquire(append, undefined, 5000);
    expect(Date.now()).toBeGreaterThanOrEqual(until);
  });

  test("another account's window holds nothing", async () => {
    const prefix = `r${++n}:`;
    await redisRateState(db.redis, { prefix })({ identity: alice }).hold(
      "append",
      Date.now() + 60_000,
    );
    const other = redisRateState(db.redis, { prefix })({ identity: bob });
    await expect(other.acquire(append, undefined, 0)).resolves.toBeUndefined();
  });

  test("the window is the later of the stored and the announced one; the key expires a minute after it", async () => {
    const [a, b, prefix] = workers();
    const late = Date.now() + 5000;
    await a.hold("append", late);
    await b.hold("append", Date.now() + 1000);
    const key = `${prefix}rate:{${alice}}:append`;
    expect(Number(await db.redis.hget(key, "hold"))).toBe(late);
    const ttl = await db.redis.pttl(key);
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(65_000);
  });

  test("what is left of a window is shared and counted down atomically: two workers together send no more than X allows", async () => {
    const [a, b, prefix] = workers();
    const resetAt = new Date(Date.now() + 30_000);
    // Worker a's answer: 4 left.
    await a.acquire(append, undefined, 0);
    await a.record("append", { remaining: 4, resetAt });
    const sent = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? a : b).acquire(append, undefined, 0).then(
          () => 1,
          (e: unknown) => (e instanceof RateLimitError ? 0 : Promise.reject(e)),
        ),
      ),
    );
    expect(sent.reduce((x, y) => x + y, 0)).toBe(4);
    const key = `${prefix}rate:{${alice}}:append`;
    expect(await db.redis.hget(key, "left")).toBe("0");
    // An answer of an earlier window changes nothing; a later window starts over.
    await b.record("append", { remaining: 9, resetAt: new Date(1000) });
    expect(await db.redis.hget(key, "left")).toBe("0");
    await b.record("append", {
      remaining: 9,
      resetAt: new Date(resetAt.getTime() + 30_000),
    });
    expect(await db.redis.hget(key, "left")).toBe("9");
    // Within one window the lower count wins (answers arrive out of order).
    await a.record("append", {
      remaining: 12,
      resetAt: new Date(resetAt.getTime() + 30_000),
    });
    expect(await db.redis.hget(key, "left")).toBe("9");
    expect(await db.redis.pttl(key)).toBeGreaterThan(60_000 + 55_000);
  });

  test("keys name the account by its hash, never the token", async () => {
    const fake = await startServer();
    const prefix = `r${++n}:`;
    try {
      const client = clientFor(fake, {
        auth: { type: "oauth2", accessToken: token },
        rateState: redisRateState(db.redis, { prefix }),
      });
      const png = sample("image/png", 3000);
      const result = await client.upload(png, { segmentBytes: 1024 });
      expect(fake.upload(result.id)?.sha256).toBe(sha256(png));
    } finally {
      await fake.close();
    }
    const keys = (await db.redis.keys(`${prefix}*`)).sort();
    expect(keys).toEqual([
      `${prefix}rate:{${alice}}:append`,
      `${prefix}rate:{${alice}}:finalize`,
      `${prefix}rate:{${alice}}:initialize`,
    ]);
    for (const key of keys) {
      expect(key).not.toContain(token);
      expect(await db.redis.pttl(key)).toBeGreaterThan(0);
    }
  });

  test("the factory takes only an identity hash, and bad options are TypeErrors", () => {
    expect(() => redisRateState(db.redis)({ identity: token })).toThrow(
      "redisRateState: expected the account identity hash (32 hex digits), got 23 characters",
    );
    expect(() => redisRateState(db.redis, { timeoutMs: -1 })).toThrow(
      "redisRateState: expected `timeoutMs` to be a whole number of milliseconds from 1 to 2147483647, got -1.",
    );
    expect(() =>
      redisRateState(db.redis, { onWarning: "log" as never }),
    ).toThrow(
      'redisRateState: expected `onWarning` to be a function, got "log".',
    );
  });
});

describe("when Redis fails", () => {
  test("each worker goes on with its own state at once; one warning per outage, not per call", async () => {
    const doomed = await startRedisServer();
    const conn = doomed.connect();
    const warnings: Error[] = [];
    const state = redisRateState(conn, {
      onWarning: (w) => warnings.push(w),
    })({ identity: alice });
    await state.acquire(append, undefined, 0);
    await state.record("append", undefined);
    expect(warnings).toEqual([]);
    // Counts the scripts sent to Redis: during an outage calls skip it instead of each waiting for it.
    let sent = 0;
    const evalsha = conn.evalsha.bind(conn);
    conn.evalsha = ((...args: Parameters<typeof evalsha>) => {
      sent += 1;
      return evalsha(...args);
    }) as typeof conn.evalsha;
    await doomed.kill();
    // 41 calls that each waited for Redis (1 s) would take 41 s.
    await watchdog(10_000, async () => {
      for (let i = 0; i < 20; i++) {
        await state.acquire(append, undefined, 0);
        await expect(
          state.record("append", {
            remaining: 100,
            resetAt: new Date(Date.now() + 60_000),
          }),
        ).resolves.toBeUndefined();
      }
      await expect(
        state.hold("finalize", Date.now() + 200),
      ).resolves.toBeUndefined();
    });
    expect(sent).toBeLessThanOrEqual(2);
    // The local state still holds what this worker learned.
    await expect(state.acquire(finalize, undefined, 0)).rejects.toBeInstanceOf(
      RateLimitError,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBeInstanceOf(RedisUnavailableWarning);
    expect(warnings[0]?.message).toMatch(
      /^x-media-upload\/redis: Redis failed \(.+\); uploads go on with this process's own rate-limit state/,
    );
    await disconnect(conn);
  });

  test("once Redis answers again the workers share again; a later outage warns again", async () => {
    const first = await startRedisServer();
    const conn = first.connect();
    const warnings: Error[] = [];
    const state = redisRateState(conn, {
      prefix: "recover:",
      onWarning: (w) => warnings.push(w),
    })({ identity: alice });
    await state.acquire(append, undefined, 0);
    await first.kill();
    await state.acquire(append, undefined, 0);
    expect(warnings).toHaveLength(1);
    const second = await startRedisServer(first.port);
    const observer = second.connect();
    try {
      // ioredis may have reconnected while the new server started: "ready" can be behind us already.
      if (conn.status !== "ready")
        await watchdog(10_000, () => once(conn, "ready"));
      // Failures keep Redis skipped for a second; after that the next call uses it again.
      await new Promise((r) => setTimeout(r, 1100));
      await state.hold("append", Date.now() + 60_000);
      expect(
        Number(await observer.hget(`recover:rate:{${alice}}:append`, "hold")),
      ).toBeGreaterThan(Date.now());
      expect(warnings).toHaveLength(1);
      await second.kill();
      await state.acquire(finalize, undefined, 0);
      expect(warnings).toHaveLength(2);
    } finally {
      await disconnect(observer);
      await disconnect(conn);
      await second.stop();
    }
  });

  test("by default the warning is a process warning", async () => {
    const doomed = await startRedisServer();
    const conn = doomed.connect();
    const state = redisRateState(conn)({ identity: alice });
    await doomed.kill();
    // Jest's sandboxed \`process\` does not see the real one's "warning" events: record the call instead.
    const seen: Error[] = [];
    const emitWarning = process.emitWarning;
    process.emitWarning = ((w: Error) => seen.push(w)) as never;
    try {
      await state.acquire(append, undefined, 0);
      await state.acquire(append, undefined, 0);
      expect(seen.map((w) => w.name)).toEqual(["RedisUnavailableWarning"]);
      expect((seen[0] as RedisUnavailableWarning).code).toBe(
        "X_MEDIA_UPLOAD_REDIS_UNAVAILABLE",
      );
    } finally {
      process.emitWarning = emitWarning;
      await disconnect(conn);
    }
  });
});
