// The error tree, re-exported for the engine and the public barrel.
export {
  XMediaError,
  attachMediaId,
  type XMediaErrorName,
  type XMediaErrorOptions,
} from "./x-media-error.js";
export {
  describeTarget,
  type OperationName,
  type RequestTarget,
} from "./target.js";
export { InvalidInputError } from "./invalid-input-error.js";
export {
  XApiError,
  isRetryableStatus,
  type ApiErrorDetail,
  type ApiProblem,
  type RateLimitInfo,
  type XApiErrorInit,
} from "./x-api-error.js";
export { RateLimitError } from "./rate-limit-error.js";
export {
  NetworkError,
  innermostMessage,
  systemCode,
  type NetworkErrorDetails,
} from "./network-error.js";
export { ProcessingError, type ProcessingInfo } from "./processing-error.js";
export {
  TimeoutError,
  type TimeoutErrorOptions,
  type TimeoutKind,
} from "./timeout-error.js";
export { AbortError } from "./abort-error.js";
export {
  isAbortError,
  isInvalidInputError,
  isNetworkError,
  isProcessingError,
  isRateLimitError,
  isTimeoutError,
  isXApiError,
  isXMediaError,
} from "./guards.js";
