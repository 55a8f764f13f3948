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
  /** The media id the failure concerns (defaults to the target's). */
  mediaId?: string | undefined;
}

/** Base class of every error thrown by x-media-upload. */
export class XMediaError extends Error {
  override name: XMediaErrorName = "XMediaError";
  readonly [ERROR_BRAND] = true;
  /** The request that failed (method, redacted URL, operation, segment), when one did. */
  readonly target: RequestTarget | undefined;
  /** The media id, for any failure after INIT answered: finalize, poll or resume it. */
  readonly mediaId: string | undefined;

  constructor(message: string, options: XMediaErrorOptions = {}) {
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.target = options.target;
    this.mediaId = options.mediaId ?? options.target?.mediaId;
  }
}

/** Sets `mediaId` on an error of the tree that lacks one (the engine knows it once INIT answered). */
export function attachMediaId<E>(error: E, mediaId: string | undefined): E {
  if (
    mediaId !== undefined &&
    error instanceof Error &&
    (error as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] === true &&
    (error as { mediaId?: unknown }).mediaId === undefined
  ) {
    (error as unknown as { mediaId: string }).mediaId = mediaId;
  }
  return error;
}
