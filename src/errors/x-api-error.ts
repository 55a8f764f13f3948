// X answered, and the answer is a failure (non-2xx, a 2xx carrying errors[], or a malformed 2xx).
import { clause } from "./clause.js";
import { XMediaError } from "./x-media-error.js";
import { describeTarget, type RequestTarget } from "./target.js";

/** An RFC 7807 problem as X sends it (`type`, `title`, `detail`). */
export interface ApiProblem {
  readonly type?: string | undefined;
  readonly title?: string | undefined;
  readonly detail?: string | undefined;
}

/** One entry of X's `errors[]` (either a problem or the legacy `{ code, message }`). */
export interface ApiErrorDetail extends ApiProblem {
  readonly message?: string | undefined;
  readonly code?: number | undefined;
  /** The HTTP status a problem entry names (X puts one in errors[] of a 200). */
  readonly status?: number | undefined;
}

/** X's rate-limit headers (`x-rate-limit-*`), when sent. */
export interface RateLimitInfo {
  /** Requests allowed in the window. */
  readonly limit?: number | undefined;
  /** Requests left in the window. */
  readonly remaining?: number | undefined;
  /** When X accepts requests again: `Retry-After` when sent, else `x-rate-limit-reset`. */
  readonly resetAt?: Date | undefined;
}

/** Everything an {@link XApiError} carries. */
export interface XApiErrorInit {
  target: RequestTarget;
  status: number;
  /** What went wrong, already redacted. */
  summary: string;
  /** What the caller can do about it. */
  hint: string;
  problem?: ApiProblem | undefined;
  errors?: readonly ApiErrorDetail[] | undefined;
  rateLimit?: RateLimitInfo | undefined;
  /** A short excerpt of a body that was not JSON (an HTML error page), redacted. */
  excerpt?: string | undefined;
  /** Overrides the status-based retry decision. */
  retryable?: boolean | undefined;
  cause?: unknown;
}

/** X answered with a failure: an HTTP error status, a 2xx carrying `errors[]`, or a body that is not what the spec promises. */
export class XApiError extends XMediaError {
  override name: "XApiError" | "RateLimitError" = "XApiError" as const;
  /** HTTP status (a 2xx when the body carried `errors[]`). */
  readonly status: number;
  /** The problem details, when X sent them. */
  readonly problem: ApiProblem | undefined;
  /** X's `errors[]` (empty when none). */
  readonly errors: readonly ApiErrorDetail[];
  /** Rate-limit headers of the response, when sent. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** Start of a non-JSON body (an HTML 502 page), redacted. */
  readonly excerpt: string | undefined;
  /** Whether retrying may help: 5xx, 429 and 408, and malformed 2xx bodies. */
  readonly retryable: boolean;

  constructor(init: XApiErrorInit) {
    super(
      `${describeTarget(init.target)} failed with ${init.status}: ${clause(init.summary)}. ${init.hint}`,
      { cause: init.cause, target: init.target },
    );
    this.status = init.status;
    this.problem = init.problem;
    this.errors = init.errors ?? [];
    this.rateLimit = init.rateLimit;
    this.excerpt = init.excerpt;
    this.retryable = init.retryable ?? isRetryableStatus(init.status);
  }
}

/** 5xx, 429 (after the reset) and 408 are worth another attempt; other 4xx are not. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}
