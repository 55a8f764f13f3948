// Options of x-media-upload/redis, defaults resolved and checked in one place.
import { show } from "../client/option-checks.js";
import type { RedisConnection } from "./connection.js";
import type { RedisUnavailableWarning } from "./coordinator.js";

/** Options shared by {@link redisRateState} and {@link redisSessionStore}. */
export interface RedisKeyOptions {
  /**
   * Prepended to every key, so several applications (or test runs) can share one Redis.
   * @default "x-media-upload:"
   */
  prefix?: string;
}

/** Options of {@link redisRateState}. */
export interface RedisRateStateOptions extends RedisKeyOptions {
  /**
   * Longest wait for one Redis call before a request goes on without it (the connection's own timeouts and
   * offline queue notwithstanding). Only the first calls of an outage wait this long; later ones go on at once.
   * @default 1000
   */
  timeoutMs?: number;
  /**
   * Called once per outage when Redis fails; uploads go on with each process's own rate state meanwhile.
   * @default process.emitWarning
   */
  onWarning?: (warning: RedisUnavailableWarning) => void;
}

/** Options of {@link redisSessionStore}. */
export interface RedisSessionStoreOptions extends RedisKeyOptions {
  /**
   * Longest wait for one Redis call; the store method then rejects (the upload goes on without resuming).
   * @default 2000
   */
  timeoutMs?: number;
  /**
   * A saved session is kept this long after X's `expires_after_secs` ends (X has forgotten the media id by then).
   * @default 300000 (5 min)
   */
  expiryMarginMs?: number;
  /**
   * How long a session is kept when X did not say when its media id expires.
   * @default 86400000 (24 h)
   */
  defaultTtlMs?: number;
  /**
   * Lifetime of a claim's lease, renewed every third of it while the claim is held; a crashed holder's claim
   * frees itself after this long.
   * @default 30000
   */
  leaseMs?: number;
}

/** Every option resolved. */
export type ResolvedRedisOptions = Required<RedisSessionStoreOptions> &
  Required<Pick<RedisRateStateOptions, "onWarning">>;

const DEFAULTS = {
  prefix: "x-media-upload:",
  expiryMarginMs: 300_000,
  defaultTtlMs: 86_400_000,
  leaseMs: 30_000,
};

/** Checks `redis` and `options` of the entry point `fn`; throws TypeError naming the bad one. */
export function resolveRedisOptions(
  fn: "redisRateState" | "redisSessionStore",
  redis: RedisConnection,
  options: RedisRateStateOptions & RedisSessionStoreOptions,
): ResolvedRedisOptions {
  if (
    typeof redis !== "object" ||
    redis === null ||
    typeof (redis as { evalsha?: unknown }).evalsha !== "function"
  ) {
    throw new TypeError(
      `${fn}: expected an ioredis connection (\`new Redis(…)\`), got ${show(redis)}.`,
    );
  }
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `${fn}: expected options to be an object, got ${show(options)}.`,
    );
  }
  const prefix = options.prefix ?? DEFAULTS.prefix;
  if (typeof prefix !== "string") {
    throw new TypeError(
      `${fn}: expected \`prefix\` to be a string, got ${show(prefix)}.`,
    );
  }
  const onWarning = options.onWarning ?? emitWarning;
  if (typeof onWarning !== "function") {
    throw new TypeError(
      `${fn}: expected \`onWarning\` to be a function, got ${show(onWarning)}.`,
    );
  }
  const ms = (name: string, value: unknown, fallback: number) =>
    positiveMs(fn, name, value ?? fallback);
  return {
    prefix,
    onWarning,
    timeoutMs: ms(
      "timeoutMs",
      options.timeoutMs,
      fn === "redisRateState" ? 1000 : 2000,
    ),
    expiryMarginMs: ms(
      "expiryMarginMs",
      options.expiryMarginMs,
      DEFAULTS.expiryMarginMs,
    ),
    defaultTtlMs: ms(
      "defaultTtlMs",
      options.defaultTtlMs,
      DEFAULTS.defaultTtlMs,
    ),
    leaseMs: ms("leaseMs", options.leaseMs, DEFAULTS.leaseMs),
  };
}

function positiveMs(fn: string, name: string, value: unknown): number {
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > 2_147_483_647
  ) {
    throw new TypeError(
      `${fn}: expected \`${name}\` to be a whole number of milliseconds from 1 to 2147483647, got ${show(value)}.`,
    );
  }
  return value;
}

function emitWarning(warning: RedisUnavailableWarning): void {
  process.emitWarning(warning);
}
