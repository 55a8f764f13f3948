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
}

/** Fixed windows keyed by user and operation. */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly limits: Readonly<Record<FakeOperation, number>>,
  ) {}

  /** Counts one request of `user` to `operation` and returns the headers' values. */
  take(
    user: string,
    operation: FakeOperation,
    now = Date.now(),
  ): RateLimitState {
    const key = `${operation}\u0000${user}`;
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
    };
  }

  /** Forgets every window. */
  clear(): void {
    this.#windows.clear();
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
