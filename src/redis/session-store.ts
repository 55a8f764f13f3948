// Resumable upload sessions in Redis, for workers on several machines: one JSON string per session, expiring
// shortly after X forgets its media id, and claims as leases (SET NX PX, renewed while held, released by token).
import { randomUUID } from "node:crypto";
import type { SavedSession, SessionStore } from "../engine/session-store.js";
import { show } from "../client/option-checks.js";
import { bounded, LuaScript, type RedisConnection } from "./connection.js";
import {
  resolveRedisOptions,
  type RedisSessionStoreOptions,
} from "./options.js";

// Only the holder's token may renew or end a lease: a claim that expired and was taken over stays the new holder's.
const RENEW = new LuaScript(
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`,
  1,
);
const RELEASE = new LuaScript(
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
  1,
);

/** A {@link SessionStore} in Redis, for `resumeStore`; every method rejects when Redis fails or is too slow. */
export function redisSessionStore(
  redis: RedisConnection,
  options: RedisSessionStoreOptions = {},
): SessionStore {
  const o = resolveRedisOptions("redisSessionStore", redis, options);
  const call = <T>(run: () => Promise<T>) => bounded(redis, o.timeoutMs, run);
  const sessionKey = (key: string) => `${o.prefix}session:${checkKey(key)}`;
  return {
    async get(key) {
      const stored = await call(() => redis.get(sessionKey(key)));
      return parse(stored, key);
    },
    async set(key, saved) {
      const name = sessionKey(key);
      if (typeof saved !== "object" || saved === null) {
        throw new TypeError(
          `redisSessionStore.set: expected a saved session, got ${show(saved)}.`,
        );
      }
      const expiresAt = saved.session?.expiresAt;
      const ttl =
        expiresAt === undefined
          ? o.defaultTtlMs
          : Math.max(
              1000,
              Math.ceil(expiresAt + o.expiryMarginMs - Date.now()),
            );
      await call(() => redis.set(name, JSON.stringify(saved), "PX", ttl));
    },
    async delete(key) {
      const name = sessionKey(key);
      await call(() => redis.del(name));
    },
    async list() {
      const names = await scanAll(redis, `${glob(o.prefix)}session:*`, call);
      const found: SavedSession[] = [];
      for (let i = 0; i < names.length; i += 100) {
        const batch = names.slice(i, i + 100);
        const values = await call(() => redis.mget(batch));
        values.forEach((value, j) => {
          const key = (batch[j] ?? "").slice(`${o.prefix}session:`.length);
          const saved = parse(value, key);
          if (saved) found.push(saved);
        });
      }
      return found;
    },
    async claim(key) {
      const name = `${o.prefix}claim:${checkKey(key)}`;
      const token = randomUUID();
      const ok = await call(() =>
        redis.set(name, token, "PX", o.leaseMs, "NX"),
      );
      if (ok !== "OK") return undefined;
      // A failed renewal is retried at the next tick (the lease outlives two missed ones), without waiting for a
      // connection that is not ready; a lease another holder took over, or a connection closed for good, ends it.
      const renew = setInterval(
        () => {
          if (redis.status === "end") return clearInterval(renew);
          const renewing = () => RENEW.run(redis, name, token, o.leaseMs);
          bounded(redis, o.timeoutMs, renewing, true).then(
            (renewed) => {
              if (renewed === 0) clearInterval(renew);
            },
            () => {},
          );
        },
        Math.max(1, Math.floor(o.leaseMs / 3)),
      );
      renew.unref();
      let released: Promise<void> | undefined;
      return () =>
        (released ??= (async () => {
          clearInterval(renew);
          await call(() => RELEASE.run(redis, name, token));
        })());
    },
  };
}

function checkKey(key: unknown): string {
  if (typeof key !== "string" || key.length === 0) {
    throw new TypeError(
      `redisSessionStore: expected a non-empty string key, got ${show(key)}.`,
    );
  }
  return key;
}

// A value that is not a saved session of this key (corrupt JSON, another shape, another key) counts as absent.
function parse(value: string | null, key: string): SavedSession | undefined {
  if (value === null) return undefined;
  let saved: unknown;
  try {
    saved = JSON.parse(value);
  } catch {
    return undefined;
  }
  const s = saved as Partial<SavedSession> | null;
  return typeof s === "object" &&
    s !== null &&
    s.version === 1 &&
    s.key === key &&
    typeof s.session === "object" &&
    s.session !== null
    ? (s as SavedSession)
    : undefined;
}

// SCAN may return a key twice; each page is one bounded call.
async function scanAll(
  redis: RedisConnection,
  match: string,
  call: <T>(run: () => Promise<T>) => Promise<T>,
): Promise<string[]> {
  const names = new Set<string>();
  let cursor = "0";
  do {
    const from = cursor;
    const [next, batch] = await call(() =>
      redis.scan(from, "MATCH", match, "COUNT", 200),
    );
    for (const name of batch) names.add(name);
    cursor = next;
  } while (cursor !== "0");
  return [...names];
}

// The prefix is literal text in a SCAN pattern.
function glob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}
