// redisSessionStore against a real redis-server: the SessionStore interface (get/set/delete/list/claim), TTLs
// from the session's expiry, corrupt records read as absent, claims as token-owned leases.
import { describe, expect, test } from "@jest/globals";
import type { Redis } from "ioredis";
import { spawn } from "node:child_process";
import { once } from "node:events";
import type { SavedSession } from "../../src/engine/session-store.js";
import { newSession } from "../../src/engine/session.js";
import { redisSessionStore } from "../../src/redis/index.js";
import {
  connectTo,
  disconnect,
  startRedisServer,
  watchdog,
  useRedisServer,
} from "./redis-server.js";

const db = useRedisServer();

let n = 0;
const freshPrefix = () => `t${++n}:`;

function saved(key: string, expiresAt?: number): SavedSession {
  const session = newSession({
    mediaType: "video/mp4",
    mediaCategory: "tweet_video",
    size: 3000,
    segmentBytes: 1024,
    segmentCount: 3,
  });
  session.phase = "appending";
  session.mediaId = "1234567890";
  session.acked = [0, 2];
  session.expiresAt = expiresAt;
  return {
    version: 1,
    key,
    source: "/videos/a.mp4",
    fingerprint: "f".repeat(64),
    savedAt: Date.now(),
    session,
  };
}

describe("redisSessionStore", () => {
  test("set, get, list and delete round-trip the saved session; keys live under the prefix", async () => {
    const prefix = freshPrefix();
    const store = redisSessionStore(db.redis, { prefix });
    expect(await store.get("a")).toBeUndefined();
    const a = saved("a", Date.now() + 60_000);
    await store.set("a", a);
    await store.set("b", saved("b"));
    expect(await store.get("a")).toEqual(a);
    expect((await store.list()).map((s) => s.key).sort()).toEqual(["a", "b"]);
    expect((await db.redis.keys(`${prefix}*`)).sort()).toEqual([
      `${prefix}session:a`,
      `${prefix}session:b`,
    ]);
    await store.delete("a");
    expect(await store.get("a")).toBeUndefined();
    expect((await store.list()).map((s) => s.key)).toEqual(["b"]);
    // Another prefix sees nothing of this one.
    expect(
      await redisSessionStore(db.redis, { prefix: freshPrefix() }).list(),
    ).toEqual([]);
  });

  test("the TTL follows X's expiry plus the margin, 24 h when X did not say, and at least 1 s", async () => {
    const prefix = freshPrefix();
    const store = redisSessionStore(db.redis, {
      prefix,
      expiryMarginMs: 60_000,
    });
    await store.set("soon", saved("soon", Date.now() + 120_000));
    await store.set("unknown", saved("unknown"));
    await store.set("past", saved("past", Date.now() - 3_600_000));
    const ttl = (key: string) => db.redis.pttl(`${prefix}session:${key}`);
    expect(await ttl("soon")).toBeGreaterThan(175_000);
    expect(await ttl("soon")).toBeLessThanOrEqual(180_000);
    expect(await ttl("unknown")).toBeGreaterThan(86_400_000 - 5000);
    expect(await ttl("unknown")).toBeLessThanOrEqual(86_400_000);
    expect(await ttl("past")).toBeGreaterThan(0);
    expect(await ttl("past")).toBeLessThanOrEqual(1000);
  });

  test("corrupt JSON, another shape or another key's record read as absent, in get and list", async () => {
    const prefix = freshPrefix();
    const store = redisSessionStore(db.redis, { prefix });
    await store.set("good", saved("good"));
    await db.redis.set(`${prefix}session:broken`, "{not json", "PX", 60_000);
    await db.redis.set(`${prefix}session:shape`, '{"version":2}', "PX", 60_000);
    await db.redis.set(
      `${prefix}session:moved`,
      JSON.stringify(saved("elsewhere")),
      "PX",
      60_000,
    );
    expect(await store.get("broken")).toBeUndefined();
    expect(await store.get("shape")).toBeUndefined();
    expect(await store.get("moved")).toBeUndefined();
    expect((await store.list()).map((s) => s.key)).toEqual(["good"]);
  });

  test("list pages through many sessions with SCAN", async () => {
    const prefix = freshPrefix();
    const store = redisSessionStore(db.redis, { prefix });
    await Promise.all(
      Array.from({ length: 450 }, (_, i) => store.set(`k${i}`, saved(`k${i}`))),
    );
    const keys = (await store.list()).map((s) => s.key);
    expect(keys).toHaveLength(450);
    expect(new Set(keys).size).toBe(450);
  });

  test("claim: one holder at a time; release frees it; a lease is renewed while held and expires when its holder is gone", async () => {
    const prefix = freshPrefix();
    const a = redisSessionStore(db.redis, { prefix, leaseMs: 300 });
    const b = redisSessionStore(db.redis, { prefix, leaseMs: 300 });
    const release = await a.claim?.("k");
    expect(release).toBeInstanceOf(Function);
    expect(await b.claim?.("k")).toBeUndefined();
    // Held past three lease lengths: renewal keeps it.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await b.claim?.("k")).toBeUndefined();
    await release?.();
    await release?.();
    const releaseB = await b.claim?.("k");
    expect(releaseB).toBeInstanceOf(Function);
    // A holder that vanished without releasing: its lease ends by itself.
    await db.redis.set(`${prefix}claim:gone`, "someone-else", "PX", 300);
    expect(await a.claim?.("gone")).toBeUndefined();
    await new Promise((r) => setTimeout(r, 400));
    const late = await a.claim?.("gone");
    expect(late).toBeInstanceOf(Function);
    await late?.();
    await releaseB?.();
  });

  test("a release deletes only its own lease: after it expired and another took the key, the other keeps it", async () => {
    const prefix = freshPrefix();
    const store = redisSessionStore(db.redis, { prefix, leaseMs: 30_000 });
    const release = await store.claim?.("k");
    // The lease is lost (expired, Redis restarted…) and taken over.
    await db.redis.set(`${prefix}claim:k`, "new-holder", "PX", 30_000);
    await release?.();
    expect(await db.redis.get(`${prefix}claim:k`)).toBe("new-holder");
    expect(await db.redis.pttl(`${prefix}claim:k`)).toBeGreaterThan(29_000);
  });

  test("renewals extend only the holder's own lease: one taken over expires on its new holder's terms", async () => {
    const prefix = freshPrefix();
    const store = redisSessionStore(db.redis, { prefix, leaseMs: 300 });
    const release = await store.claim?.("k");
    await db.redis.set(`${prefix}claim:k`, "new-holder", "PX", 300);
    // Renewals every 100 ms would have kept it alive.
    await new Promise((r) => setTimeout(r, 600));
    expect(await db.redis.get(`${prefix}claim:k`)).toBeNull();
    await release?.();
  });

  test("a claim never released does not keep the process alive once the connection is closed", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/redis/claim-exit.ts", String(db.server.port)],
      {
        env: { PATH: process.env.PATH ?? "" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const [code] = await watchdog(20_000, () => once(child, "exit"));
    expect(out).toBe("claimed");
    expect(code).toBe(0);
  });

  test("every method rejects (never hangs) when Redis is unreachable", async () => {
    const other = await startRedisServer();
    const conn = other.connect();
    const store = redisSessionStore(conn, { timeoutMs: 300 });
    await store.set("a", saved("a"));
    await other.kill();
    await watchdog(10_000, async () => {
      await expect(store.get("a")).rejects.toThrow();
      await expect(store.set("a", saved("a"))).rejects.toThrow();
      await expect(store.list()).rejects.toThrow();
      await expect(store.claim?.("a")).rejects.toThrow();
    });
    await disconnect(conn);
  });

  test("calls made while the connection is still being set up wait for it, sharing one listener", async () => {
    const fresh = db.server.connect();
    try {
      expect(fresh.status).not.toBe("ready");
      const store = redisSessionStore(fresh, { prefix: freshPrefix() });
      const all = await Promise.all(
        Array.from({ length: 30 }, () => store.get("nothing")),
      );
      expect(all).toEqual(Array.from({ length: 30 }, () => undefined));
      expect(fresh.listenerCount("ready")).toBe(0);
    } finally {
      await disconnect(fresh);
    }
  });

  test("a call that gave up waiting for the connection never runs later behind its caller's back", async () => {
    const later = await startRedisServer();
    const port = later.port;
    await later.stop();
    // Nothing listens on the port yet: the connection keeps retrying.
    const early = connectTo(port);
    try {
      const store = redisSessionStore(early, {
        prefix: "late:",
        timeoutMs: 200,
      });
      await expect(store.set("k", saved("k"))).rejects.toThrow(
        "Redis did not answer within 200 ms",
      );
      const revived = await startRedisServer(port);
      try {
        await once(early, "ready");
        await new Promise((r) => setTimeout(r, 100));
        expect(await early.exists("late:session:k")).toBe(0);
      } finally {
        await revived.stop();
      }
    } finally {
      await disconnect(early);
    }
  });

  test("bad arguments are TypeErrors", async () => {
    expect(() => redisSessionStore({} as Redis)).toThrow(
      "redisSessionStore: expected an ioredis connection",
    );
    expect(() => redisSessionStore(db.redis, { leaseMs: 0 })).toThrow(
      "redisSessionStore: expected `leaseMs` to be a whole number of milliseconds",
    );
    expect(() => redisSessionStore(db.redis, { prefix: 3 as never })).toThrow(
      "expected `prefix` to be a string, got 3",
    );
    const store = redisSessionStore(db.redis);
    await expect(store.get("")).rejects.toThrow(
      "expected a non-empty string key",
    );
  });
});
