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
  /** The media id, so polling can be resumed with `client.waitForProcessing(id)`. */
  mediaId?: string | undefined;
}

/** A request exceeded `requestTimeoutMs`, moved no bytes for `stallTimeoutMs`, or processing outlasted `processingTimeoutMs`. */
export class TimeoutError extends XMediaError {
  override name = "TimeoutError" as const;
  /** Which limit ran out: `request`, `stall` or `processing`. */
  readonly kind: TimeoutKind;
  /** The limit that ran out, in milliseconds. */
  readonly timeoutMs: number;
  /** The media id (always set for `processing`): resume with `client.waitForProcessing(mediaId)`. */
  readonly mediaId: string | undefined;

  constructor(message: string, options: TimeoutErrorOptions) {
    super(message, options);
    this.kind = options.kind;
    this.timeoutMs = options.timeoutMs;
    this.mediaId = options.mediaId ?? options.target?.mediaId;
  }
}
