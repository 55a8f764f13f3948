// A 429 whose reset lies further away than the caller agreed to wait.
import { XApiError, type XApiErrorInit } from "./x-api-error.js";

/** X rate-limited the upload and the wait exceeds `retry.maxRateLimitWaitMs` (or retries ran out on 429s). */
export class RateLimitError extends XApiError {
  override name = "RateLimitError" as const;
  /** When X accepts requests again, when known. */
  readonly resetAt: Date | undefined;

  constructor(init: XApiErrorInit) {
    super(init);
    this.resetAt = init.rateLimit?.resetAt;
  }
}
