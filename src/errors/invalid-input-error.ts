// Bad input or options, detected before any request is sent.
import { XMediaError } from "./x-media-error.js";

/** The input cannot be uploaded as given (empty, too large, wrong type, unreadable); nothing was sent. */
export class InvalidInputError extends XMediaError {
  override name = "InvalidInputError" as const;
}
