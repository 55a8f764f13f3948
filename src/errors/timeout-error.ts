// Something took longer than the caller allowed.
import { XMediaError, type XMediaErrorOptions } from "./x-media-error.js";

/** Which limit ran out. */
export type TimeoutKind = "request" | "stall" | "processing";

/** Extra fields of a {@link TimeoutError}. */
export interface TimeoutErrorOptions extends XMediaErrorOptions {
  /** Which limit ran out. */
  kind: TimeoutKind;
  /** The limit, in milliseconds. */
  timeoutMs: number;
}

/** A request exceeded `requestTimeoutMs`, moved no bytes for `stallTimeoutMs`, or processing outlasted `processingTimeoutMs`. */
export class TimeoutError extends XMediaError {
  override name = "TimeoutError" as const;
  /** Which limit ran out: `request`, `stall` or `processing`. */
  readonly kind: TimeoutKind;
  /** The limit that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(message: string, options: TimeoutErrorOptions) {
    super(message, options);
    this.kind = options.kind;
    this.timeoutMs = options.timeoutMs;
  }
}
