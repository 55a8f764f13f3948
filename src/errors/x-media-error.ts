// Root of the error tree: every error this library throws is an XMediaError.
import type { RequestTarget } from "./target.js";

/** The literal `name` of every error class in the tree. */
export type XMediaErrorName =
  | "XMediaError"
  | "InvalidInputError"
  | "XApiError"
  | "RateLimitError"
  | "NetworkError"
  | "ProcessingError"
  | "TimeoutError"
  | "AbortError";

/** Brand shared by every copy of this package, so guards work across duplicated installs. */
export const ERROR_BRAND: unique symbol = Symbol.for("x-media-upload.error");

/** Options common to every error of the tree. */
export interface XMediaErrorOptions {
  /** The underlying error, kept for debugging. */
  cause?: unknown;
  /** The request that failed, when one did. */
  target?: RequestTarget | undefined;
}

/** Base class of every error thrown by x-media-upload. */
export class XMediaError extends Error {
  override name: XMediaErrorName = "XMediaError";
  readonly [ERROR_BRAND] = true;
  /** The request that failed (method, redacted URL, operation, segment), when one did. */
  readonly target: RequestTarget | undefined;

  constructor(message: string, options: XMediaErrorOptions = {}) {
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.target = options.target;
  }
}
