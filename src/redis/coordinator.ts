// The shared half of a Redis rate state is an optimisation, never a dependency: when Redis fails, calls answer
// a fallback at once, one warning says so, and Redis is tried again a second later (and used again once it answers).
import { bounded, type RedisConnection } from "./connection.js";

/** Emitted (once per outage) when Redis stops answering and uploads go on with each process's own rate state. */
export class RedisUnavailableWarning extends Error {
  override readonly name = "RedisUnavailableWarning";
  /** For `process.on("warning")` listeners. */
  readonly code = "X_MEDIA_UPLOAD_REDIS_UNAVAILABLE";
}

// How long a failure keeps calls from trying Redis again: one stalled call per second at most during an outage.
const RECHECK_MS = 1000;

/** Runs Redis calls with a fallback, warning on the first failure after a success (or after the start). */
export class Coordinator {
  #down = false;
  #skipUntil = 0;

  constructor(
    readonly redis: RedisConnection,
    private readonly timeoutMs: number,
    private readonly warn: (warning: RedisUnavailableWarning) => void,
  ) {}

  /** `call`'s result, or `fallback` when Redis fails, times out, or failed less than a second ago. */
  async run<T>(call: () => Promise<T>, fallback: T): Promise<T> {
    if (this.#down && Date.now() < this.#skipUntil) return fallback;
    try {
      const value = await bounded(this.redis, this.timeoutMs, call, this.#down);
      this.#down = false;
      return value;
    } catch (error) {
      this.#skipUntil = Date.now() + RECHECK_MS;
      if (!this.#down) {
        this.#down = true;
        this.#report(error);
      }
      return fallback;
    }
  }

  #report(error: unknown): void {
    const warning = new RedisUnavailableWarning(
      `x-media-upload/redis: Redis failed (${error instanceof Error ? error.message : String(error)}); uploads go on with this process's own rate-limit state, without the other workers' announcements, until Redis answers again.`,
      { cause: error },
    );
    try {
      this.warn(warning);
    } catch {
      // A throwing listener must not fail the request that noticed the outage.
    }
  }
}
