// One gate per X endpoint, shared by every worker and upload of a client: a 429 (or an answer saying no request
// is left) pauses them all until the reset, so parallel segments do not hammer X with a retry storm.
import {
  RateLimitError,
  type RequestTarget,
  type XApiError,
} from "../errors/index.js";
import { sleep } from "./sleep.js";

// x-rate-limit-reset has one-second resolution; a little slack avoids arriving a tick early.
const MARGIN_MS = 100;

/** Pauses all workers while X says the rate limit of one endpoint is exhausted. */
export class RateGate {
  #until = 0;
  #cause: XApiError | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Closes the gate until `untilMs` (epoch ms), remembering the 429 that closed it, if one did. */
  pause(untilMs: number, cause?: XApiError): void {
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
    target?: RequestTarget,
  ): Promise<void> {
    for (;;) {
      const waitMs = this.#until - this.now();
      if (waitMs <= 0) return;
      if (waitMs > maxWaitMs) {
        throw tooLong(this.#cause, target, this.#until, maxWaitMs);
      }
      await sleep(waitMs, signal, "a rate-limit pause");
    }
  }
}

function tooLong(
  cause: XApiError | undefined,
  target: RequestTarget | undefined,
  until: number,
  maxWaitMs: number,
): RateLimitError {
  const resetAt = new Date(until - MARGIN_MS);
  const why = cause
    ? "rate limited"
    : "X's last answer said no request is left";
  return new RateLimitError({
    target: cause?.target ??
      target ?? { operation: "append", method: "POST", url: "" },
    status: cause?.status ?? 429,
    summary: `${why} until ${resetAt.toISOString()}, more than retry.maxRateLimitWaitMs (${maxWaitMs} ms) away`,
    hint: "Try again after the reset time, or raise `retry.maxRateLimitWaitMs` to let the upload wait.",
    problem: cause?.problem,
    errors: cause?.errors,
    rateLimit: { ...cause?.rateLimit, resetAt },
    // Waiting is exactly what the caller declined: do not retry this one.
    retryable: false,
    cause,
  });
}
