// A rate state shared by every process that uses the same Redis: the in-process state keeps each worker's own
// estimates exact and fast, and Redis adds what the other workers learned — a 429's window, and what is left of
// the current one — read atomically before every request. X counts its limits per user, whichever process sends.
import {
  createRateState,
  type RateState,
  type RateStateFactory,
} from "../api/rate-state.js";
import type { OperationName } from "../errors/index.js";
import type { RedisConnection } from "./connection.js";
import { Coordinator } from "./coordinator.js";
import { resolveRedisOptions, type RedisRateStateOptions } from "./options.js";
import { HOLD, NOTE, TAKE } from "./rate-scripts.js";

// Keys outlive the window they describe by this much, then Redis drops them.
const KEY_SLACK_MS = 60_000;
const IDENTITY = /^[0-9a-f]{32}$/;

/**
 * A `rateState` for {@link createMediaClient} shared through `redis` by every client, process and machine using
 * the same `prefix`: `createMediaClient({ auth, rateState: redisRateState(redis) })`. If Redis fails, uploads go
 * on with the in-process state and one {@link RedisUnavailableWarning} per outage.
 */
export function redisRateState(
  redis: RedisConnection,
  options: RedisRateStateOptions = {},
): RateStateFactory {
  const { prefix, timeoutMs, onWarning } = resolveRedisOptions(
    "redisRateState",
    redis,
    options,
  );
  // One coordinator per call: its clients share one warning per outage.
  const coordinator = new Coordinator(redis, timeoutMs, onWarning);
  return ({ identity }) => {
    if (typeof identity !== "string" || !IDENTITY.test(identity)) {
      throw new TypeError(
        `redisRateState: expected the account identity hash (32 hex digits), got ${typeof identity === "string" ? `${identity.length} characters` : typeof identity}; pass the factory itself as \`rateState\`.`,
      );
    }
    return sharedRateState(
      coordinator,
      (operation) => `${prefix}rate:{${identity}}:${operation}`,
    );
  };
}

function sharedRateState(
  coordinator: Coordinator,
  keyOf: (operation: OperationName) => string,
): RateState {
  const local = createRateState();
  const { redis } = coordinator;
  return {
    async acquire(target, signal, maxWaitMs) {
      for (;;) {
        await local.acquire(target, signal, maxWaitMs);
        const key = keyOf(target.operation);
        const until = Number(
          await coordinator.run(() => TAKE.run(redis, key, Date.now()), 0),
        );
        if (!(until > Date.now())) return;
        // Another worker announced a window: hold this process too (its pausedUntil, its RateLimitError when
        // the wait is too long), give back the slot just taken, and wait with the local gate.
        local.hold(target.operation, until);
        local.record(target.operation, undefined);
      }
    },
    record(operation, info) {
      local.record(operation, info);
      const resetAt = info?.resetAt?.getTime();
      if (info?.remaining === undefined || resetAt === undefined) return;
      const { remaining } = info;
      return coordinator.run(async () => {
        await NOTE.run(
          redis,
          keyOf(operation),
          remaining,
          resetAt,
          KEY_SLACK_MS,
        );
      }, undefined);
    },
    hold(operation, untilMs, cause) {
      local.hold(operation, untilMs, cause);
      return coordinator.run(async () => {
        await HOLD.run(
          redis,
          keyOf(operation),
          Math.ceil(untilMs),
          KEY_SLACK_MS,
        );
      }, undefined);
    },
    pausedUntil: (operation) => local.pausedUntil(operation),
  };
}
