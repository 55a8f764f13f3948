// Per-user, per-operation fixed-window rate limits with X's x-rate-limit-* headers.
import type { FakeOperation } from "./types.js";

// X's published per-user limits per 15 minutes (docs.x.com rate limits, media endpoints); the issue names
// initialize/append/finalize 1,875 and status 1,000; the others are not published per user, 500 is our pick.
/** Default limits per 15-minute window. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<FakeOperation, number>> = {
  initializeMediaUpload: 1875,
  appendMediaUpload: 1875,
  finalizeMediaUpload: 1875,
  getMediaUploadStatus: 1000,
  mediaUpload: 500,
  createMediaMetadata: 500,
  createMediaSubtitles: 500,
  deleteMediaSubtitles: 500,
};

/** The three headers X sends with every answer. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
  /** True when this request is over the limit (answer 429). */
  exceeded: boolean;
  /** True when it arrived before the end of a window announced to this user and operation. */
  insideAnnouncedWindow: boolean;
}

/** Fixed windows keyed by user and operation, and the windows announced to clients. */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; used: number }>();
  // When an answer told this user to leave the operation alone (429 or remaining 0), and until when (epoch ms).
  readonly #announced = new Map<string, { at: number; until: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly limits: Readonly<Record<FakeOperation, number>>,
    private readonly graceMs = 0,
  ) {}

  /** Counts one request of `user` to `operation` and returns the headers' values. */
  take(
    user: string,
    operation: FakeOperation,
    now = Date.now(),
  ): RateLimitState {
    const key = `${operation}\u0000${user}`;
    const announced = this.#announced.get(key);
    // A request arriving within graceMs of the announcement may have left the client before it could read it.
    const insideAnnouncedWindow =
      announced !== undefined &&
      now >= announced.at + this.graceMs &&
      now < announced.until;
    let window = this.#windows.get(key);
    if (!window || now >= window.start + this.windowMs) {
      window = { start: now, used: 0 };
      this.#windows.set(key, window);
    }
    const limit = this.limits[operation];
    const exceeded = window.used >= limit;
    if (!exceeded) window.used += 1;
    return {
      limit,
      remaining: limit - window.used,
      reset: Math.ceil((window.start + this.windowMs) / 1000),
      exceeded,
      insideAnnouncedWindow,
    };
  }

  /**
   * Notes the rate-limit headers of an answer sent to `user`: a 429 or `x-rate-limit-remaining: 0` announces
   * that nothing more is welcome before `retry-after` when sent (relative, so what a client should trust over
   * a clock it may not share), else `x-rate-limit-reset`.
   */
  announce(
    user: string,
    operation: FakeOperation,
    status: number,
    headers: Readonly<Record<string, string>>,
    now = Date.now(),
  ): void {
    if (status !== 429 && headers["x-rate-limit-remaining"] !== "0") return;
    const retryAfter = headers["retry-after"];
    const until =
      retryAfter === undefined
        ? Number(headers["x-rate-limit-reset"] ?? 0) * 1000
        : now + Number(retryAfter) * 1000;
    const key = `${operation}\u0000${user}`;
    const known = this.#announced.get(key);
    if (!known || known.until <= now)
      this.#announced.set(key, { at: now, until });
    else if (until > known.until) known.until = until;
  }

  /** Forgets every window. */
  clear(): void {
    this.#windows.clear();
    this.#announced.clear();
  }
}

/** The `x-rate-limit-*` headers for a state. */
export function rateLimitHeaders(
  state: RateLimitState,
): Record<string, string> {
  return {
    "x-rate-limit-limit": String(state.limit),
    "x-rate-limit-remaining": String(state.remaining),
    "x-rate-limit-reset": String(state.reset),
  };
}
