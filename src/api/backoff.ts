// Exponential backoff with full jitter: https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/

/** Backoff bounds, in milliseconds. */
export interface BackoffBounds {
  minDelayMs: number;
  maxDelayMs: number;
}

/** Delay before retry number `retry` (1-based): uniform in [0, min(maxDelayMs, minDelayMs × 2^(retry−1))]. */
export function backoffDelay(
  retry: number,
  bounds: BackoffBounds,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    bounds.maxDelayMs,
    bounds.minDelayMs * 2 ** Math.max(0, retry - 1),
  );
  return Math.round(random() * ceiling);
}
