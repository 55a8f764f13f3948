// One gate per X endpoint, shared by every worker and upload of a client: a 429 (or an answer saying no request
// is left) pauses them all until the reset, so parallel segments do not hammer X with a retry storm.
import {
  RateLimitError,
  type RateLimitInfo,
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
  // Requests let through so far; each gets the next number as its ticket.
  #sent = 0;
  // The newest `x-rate-limit-remaining` heard: what it said, for the request with which ticket, until when.
  #left: { remaining: number; ticket: number; resetAt: number } | undefined;

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
   * Notes what X answered to the request of `ticket` about the requests left in the window. Requests let through
   * after that one will count against it too, so once they use up `remaining`, the gate stays closed until the
   * reset instead of spending requests on 429s.
   */
  note(ticket: number, info: RateLimitInfo | undefined): void {
    const resetAt = info?.resetAt?.getTime();
    if (info?.remaining === undefined || resetAt === undefined) return;
    if (this.#left && this.#left.ticket > ticket) return;
    this.#left = { remaining: info.remaining, ticket, resetAt };
  }

  /**
   * Waits until the gate opens. Throws RateLimitError at once if that is more than
   * `maxWaitMs` away, and AbortError if `signal` aborts first.
   */
  async wait(
    signal: AbortSignal | undefined,
    maxWaitMs: number,
    target?: RequestTarget,
  ): Promise<number> {
    for (;;) {
      const now = this.now();
      const until = Math.max(this.#until, this.#exhaustedUntil(now));
      const waitMs = until - now;
      if (waitMs <= 0) {
        this.#sent += 1;
        return this.#sent;
      }
      if (waitMs > maxWaitMs) {
        const cause = until === this.#until ? this.#cause : undefined;
        throw tooLong(cause, target, until, maxWaitMs);
      }
      await sleep(waitMs, signal, "a rate-limit pause");
    }
  }

  // The reset (+ margin) while the requests let through since the last count have used up what it allowed.
  #exhaustedUntil(now: number): number {
    const left = this.#left;
    if (!left || left.resetAt <= now) return 0;
    const since = this.#sent - left.ticket;
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
