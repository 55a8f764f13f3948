// Type guards by brand and `name`, so they hold across duplicated copies of this package.
import { ERROR_BRAND, type XMediaError } from "./x-media-error.js";
import type { AbortError } from "./abort-error.js";
import type { InvalidInputError } from "./invalid-input-error.js";
import type { NetworkError } from "./network-error.js";
import type { ProcessingError } from "./processing-error.js";
import type { RateLimitError } from "./rate-limit-error.js";
import type { TimeoutError } from "./timeout-error.js";
import type { XApiError } from "./x-api-error.js";

/** Whether `error` was thrown by x-media-upload. */
export function isXMediaError(error: unknown): error is XMediaError {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] === true
  );
}

/** Whether `error` is an {@link InvalidInputError}. */
export function isInvalidInputError(
  error: unknown,
): error is InvalidInputError {
  return isXMediaError(error) && error.name === "InvalidInputError";
}

/** Whether `error` is an {@link XApiError} (a {@link RateLimitError} included). */
export function isXApiError(error: unknown): error is XApiError {
  return (
    isXMediaError(error) &&
    (error.name === "XApiError" || error.name === "RateLimitError")
  );
}

/** Whether `error` is a {@link RateLimitError}. */
export function isRateLimitError(error: unknown): error is RateLimitError {
  return isXMediaError(error) && error.name === "RateLimitError";
}

/** Whether `error` is a {@link NetworkError}. */
export function isNetworkError(error: unknown): error is NetworkError {
  return isXMediaError(error) && error.name === "NetworkError";
}

/** Whether `error` is a {@link ProcessingError}. */
export function isProcessingError(error: unknown): error is ProcessingError {
  return isXMediaError(error) && error.name === "ProcessingError";
}

/** Whether `error` is a {@link TimeoutError}. */
export function isTimeoutError(error: unknown): error is TimeoutError {
  return isXMediaError(error) && error.name === "TimeoutError";
}

/** Whether `error` is this library's {@link AbortError} (the caller's signal fired). */
export function isAbortError(error: unknown): error is AbortError {
  return isXMediaError(error) && error.name === "AbortError";
}
