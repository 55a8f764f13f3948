// One gate per X endpoint, shared by every worker and upload of a client: a 429 (or an answer saying no request
// is left) pauses them all until the reset, so parallel segments do not hammer X with a retry storm.
import {
  RateLimitError,
  type RateLimitInfo,
  type RequestTarget,
  type XApiError,
} from "../errors/index.js";
import { sleep } from "../http/sleep.js";

// x-rate-limit-reset has one-second resolution; a little slack avoids arriving a tick early.
const MARGIN_MS = 100;

/** Pauses all workers while X says the rate limit of one endpoint is exhausted. */
export class RateGate {
  #until = 0;
  #cause: XApiError | undefined;
  // Requests let through so far, and those of them not answered yet.
  #sent = 0;
  #inFlight = 0;
  // What is left of X's window as last estimated: `remaining` when `#sent` was `atSent`, until `resetAt`.
  #left: { remaining: number; atSent: number; resetAt: number } | undefined;

  /** `now` and `sleep` are seams for tests (a virtual clock); the defaults are the real ones. */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleepFor: typeof sleep = sleep,
  ) {}

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
   * Ends a request let through by {@link wait}, with what X's answer said is left of the window (undefined when
   * there was no answer). Requests still on their way may not be counted in it yet, and later ones will be, so
   * once they use it up the gate stays closed until the reset instead of spending requests on 429s.
   */
  note(info: RateLimitInfo | undefined): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    const resetAt = info?.resetAt?.getTime();
    if (info?.remaining === undefined || resetAt === undefined) return;
    const left = this.#left;
    // An answer from an earlier window says nothing about this one.
    if (left && resetAt < left.resetAt) return;
    const estimate = info.remaining - this.#inFlight;
    // Answers arrive out of order: within one window the lowest estimate is the truest.
    const current =
      left && left.resetAt === resetAt
        ? left.remaining - (this.#sent - left.atSent)
        : Infinity;
    this.#left = {
      remaining: Math.min(estimate, current),
      atSent: this.#sent,
      resetAt,
    };
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
      const now = this.now();
      const until = Math.max(this.#until, this.#exhaustedUntil(now));
      const waitMs = until - now;
      if (waitMs <= 0) {
        this.#sent += 1;
        this.#inFlight += 1;
        return;
      }
      if (waitMs > maxWaitMs) {
        const cause = until === this.#until ? this.#cause : undefined;
        throw tooLong(cause, target, until, maxWaitMs);
      }
      await this.sleepFor(waitMs, signal, "a rate-limit pause");
    }
  }

  // The reset (+ margin) while the requests let through since the last count have used up what it allowed.
  #exhaustedUntil(now: number): number {
    const left = this.#left;
    if (!left || left.resetAt <= now) return 0;
    const since = this.#sent - left.atSent;
    return left.remaining - since <= 0 ? left.resetAt + MARGIN_MS : 0;
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
