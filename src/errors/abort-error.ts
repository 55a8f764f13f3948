// The caller's AbortSignal fired.
import { XMediaError } from "./x-media-error.js";
import type { RequestTarget } from "./target.js";

/** The upload was cancelled through `signal`; `cause` is `signal.reason`. */
export class AbortError extends XMediaError {
  override name = "AbortError" as const;

  constructor(reason: unknown, during: string, target?: RequestTarget) {
    super(`Upload aborted by the caller's signal during ${during}.`, {
      cause: reason,
      target,
    });
  }
}
