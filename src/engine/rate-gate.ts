// One gate shared by every worker of an upload: a 429 pauses them all until the reset,
// so parallel segments do not hammer X with a retry storm.
import { RateLimitError, type XApiError } from "../errors/index.js";
import { sleep } from "./sleep.js";

// x-rate-limit-reset has one-second resolution; a little slack avoids arriving a tick early.
const MARGIN_MS = 100;

/** Pauses all workers of an upload while X says the rate limit is exhausted. */
export class RateGate {
  #until = 0;
  #cause: XApiError | undefined;

  /** `now` and `sleep` are seams for tests (a virtual clock); the defaults are the real ones. */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleepFor: typeof sleep = sleep,
  ) {}

  /** Closes the gate until `untilMs` (epoch ms), remembering the 429 that closed it. */
  pause(untilMs: number, cause: XApiError): void {
    if (untilMs + MARGIN_MS > this.#until) {
      this.#until = untilMs + MARGIN_MS;
      this.#cause = cause;
    }
  }

  /** Epoch ms until which the gate is closed (0 when never closed). */
  get until(): number {
    return this.#until;
  }

  /**
   * Waits until the gate opens. Throws RateLimitError at once if that is more than
   * `maxWaitMs` away, and AbortError if `signal` aborts first.
   */
  async wait(
    signal: AbortSignal | undefined,
    maxWaitMs: number,
  ): Promise<void> {
    for (;;) {
      const waitMs = this.#until - this.now();
      if (waitMs <= 0) return;
      if (waitMs > maxWaitMs && this.#cause)
        throw tooLong(this.#cause, this.#until, maxWaitMs);
      await this.sleepFor(waitMs, signal, "a rate-limit pause");
    }
  }
}

function tooLong(
  cause: XApiError,
  until: number,
  maxWaitMs: number,
): RateLimitError {
  const resetAt = new Date(until - MARGIN_MS);
  return new RateLimitError({
    target: cause.target ?? { operation: "append", method: "POST", url: "" },
    status: 429,
    summary: `rate limited until ${resetAt.toISOString()}, more than retry.maxRateLimitWaitMs (${maxWaitMs} ms) away`,
    hint: "Try again after the reset time, or raise `retry.maxRateLimitWaitMs` to let the upload wait.",
    problem: cause.problem,
    errors: cause.errors,
    rateLimit: { ...cause.rateLimit, resetAt },
    // Waiting is exactly what the caller declined: do not retry this one.
    retryable: false,
    cause,
  });
}
