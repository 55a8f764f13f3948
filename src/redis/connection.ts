// Every Redis call of x-media-upload/redis goes through here: bounded in time whatever the ioredis options (an
// offline queue or a stopped server must not stall an upload), and Lua scripts sent by SHA with an EVAL fallback.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** The ioredis connection the entry point works with (`new Redis(…)` from `ioredis` 5 or 6). */
export type RedisConnection = Redis;

/** A Redis call that did not answer within its time limit. */
export class RedisTimeout extends Error {
  override readonly name = "RedisTimeout";
}

/**
 * Runs `call` once `redis` is ready, rejecting after `timeoutMs` in all. `failFast`: reject at once when the
 * connection is not ready (a known outage), instead of waiting for it.
 */
export async function bounded<T>(
  redis: RedisConnection,
  timeoutMs: number,
  call: () => Promise<T>,
  failFast = false,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const expired = new Promise<never>((_, reject) => {
    // The rejection waits for the next poll phase: an answer already read by a busy event loop wins over its timer.
    timer = setTimeout(
      () =>
        setImmediate(() => {
          timedOut = true;
          reject(
            new RedisTimeout(
              `Redis did not answer within ${timeoutMs} ms (connection ${redis.status})`,
            ),
          );
        }),
      timeoutMs,
    );
  });
  const run = async () => {
    if (redis.status !== "ready") {
      if (failFast) {
        throw new Error(`Redis connection is ${redis.status}, not ready`);
      }
      await whenReady(redis);
      // Too late: the caller has gone on without this call, which must not run behind its back.
      if (timedOut) throw new RedisTimeout("Redis became ready too late");
    }
    return call();
  };
  const running = run();
  // Whichever loses the race must not surface as an unhandled rejection.
  running.catch(() => {});
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}

// One "ready" listener per connection, however many calls wait for it (no MaxListeners warning on the caller's
// client at start-up, when every request of every upload asks at once).
const readiness = new WeakMap<RedisConnection, Promise<void>>();

function whenReady(redis: RedisConnection): Promise<void> {
  let ready = readiness.get(redis);
  if (!ready) {
    ready = new Promise<void>((resolve) =>
      redis.once("ready", () => {
        readiness.delete(redis);
        resolve();
      }),
    );
    readiness.set(redis, ready);
    // A lazyConnect client connects on its first command; waiting for "ready" alone would never end.
    if (redis.status === "wait") redis.connect().catch(() => {});
  }
  return ready;
}

/** A Lua script, run by EVALSHA, loaded by EVAL when the server does not know it yet (NOSCRIPT). */
export class LuaScript {
  readonly #sha: string;
  constructor(
    readonly source: string,
    readonly keys: number,
  ) {
    this.#sha = createHash("sha1").update(source).digest("hex");
  }

  /** Runs the script with its keys followed by its arguments. */
  async run(
    redis: RedisConnection,
    ...keysAndArgs: (string | number)[]
  ): Promise<unknown> {
    try {
      return await redis.evalsha(this.#sha, this.keys, ...keysAndArgs);
    } catch (error) {
      if (!String((error as Error)?.message).startsWith("NOSCRIPT"))
        throw error;
      return redis.eval(this.source, this.keys, ...keysAndArgs);
    }
  }
}
