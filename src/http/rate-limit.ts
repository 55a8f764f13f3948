// Reads X's rate-limit headers: https://docs.x.com/x-api/fundamentals/rate-limits
import type { RateLimitInfo } from "../errors/index.js";

/** Parses `x-rate-limit-limit/remaining/reset` (reset in epoch seconds) and `Retry-After` (seconds or HTTP date). */
export function parseRateLimit(
  headers: Headers,
  now: number = Date.now(),
): RateLimitInfo | undefined {
  const limit = toInt(headers.get("x-rate-limit-limit"));
  const remaining = toInt(headers.get("x-rate-limit-remaining"));
  const resetSecs = toInt(headers.get("x-rate-limit-reset"));
  const retryAfter = parseRetryAfter(headers.get("retry-after"), now);
  // Retry-After is relative to the answer, so the client's clock cannot skew it: it wins when sent.
  const resetAt =
    retryAfter ??
    (resetSecs === undefined ? undefined : new Date(resetSecs * 1000));
  if (limit === undefined && remaining === undefined && resetAt === undefined) {
    return undefined;
  }
  return { limit, remaining, resetAt };
}

/** `Retry-After` as an absolute time: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): Date | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds))
    return new Date(now + Math.max(0, seconds) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : new Date(date);
}

function toInt(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
