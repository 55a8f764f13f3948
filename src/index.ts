// Public API of x-media-upload.
export {
  createMediaClient,
  uploadMedia,
  type CallOptions,
  type MediaClient,
  type MediaClientOptions,
  type UploadMediaOptions,
  type WaitOptions,
} from "./client/media-client.js";
export type {
  UploadManyFile,
  UploadManyItem,
  UploadManyItemWithOptions,
  UploadManyOptions,
  UploadManyOutcome,
  UploadManyProgress,
} from "./client/upload-many.js";
export type { UploadSession } from "./engine/session.js";
export type { SavedSession, SessionStore } from "./engine/session-store.js";
export type { ResumeEvent } from "./engine/resume/events.js";
export {
  fileSessionStore,
  type FileSessionStore,
  type FileSessionStoreOptions,
} from "./client/sessions/file-store.js";
export {
  DEFAULTS,
  PREFLIGHT_MODES,
  type PreflightMode,
  type RetryOptions,
  type UploadDefaults,
  type UploadOptions,
} from "./client/options.js";
export type { ResumedUpload, UploadResult } from "./engine/result.js";
export { inspectMedia, type InspectOptions } from "./client/inspect-media.js";
export type {
  AudioTrackInfo,
  GifInspection,
  ImageInspection,
  InspectionBase,
  MediaInspection,
  OtherInspection,
  VideoInspection,
  VideoTrackInfo,
} from "./media/inspect/index.js";
export {
  checkMedia,
  type CheckMediaOptions,
  type PreflightIssue,
} from "./media/preflight/index.js";
export type { ImageDetails, VideoDetails } from "./engine/media-details.js";
export type { UploadInput } from "./engine/source/open-source.js";
export type { UploadPhase, UploadProgress } from "./engine/progress.js";
export type { RetryEvent } from "./api/retry.js";
export {
  createRateState,
  type RateState,
  type RateStateAccount,
  type RateStateFactory,
} from "./api/rate-state.js";
export {
  createXClient,
  DEFAULT_BASE_URL,
  type XClient,
  type XClientOptions,
} from "./api/x-client.js";
export type { Auth } from "./auth/middleware.js";
// The generated spec types, for typing calls made through `raw` or createXClient.
export type { operations, paths } from "../generated/openapi.js";
export {
  ACCOUNT_TIERS,
  SIZE_LIMITS,
  type AccountTier,
} from "./media/category.js";
export {
  MAX_CHUNKED_BYTES,
  MAX_SEGMENT_BYTES,
  MAX_SEGMENTS,
} from "./media/segments.js";
export {
  MEDIA_CATEGORIES,
  MEDIA_TYPES,
  type MediaCategory,
  type MediaType,
} from "./media/types.js";
export {
  AbortError,
  InvalidInputError,
  NetworkError,
  ProcessingError,
  RateLimitError,
  TimeoutError,
  XApiError,
  XMediaError,
  isAbortError,
  isInvalidInputError,
  isNetworkError,
  isProcessingError,
  isRateLimitError,
  isTimeoutError,
  isXApiError,
  isXMediaError,
  type ApiErrorDetail,
  type ApiProblem,
  type OperationName,
  type ProcessingInfo,
  type RateLimitInfo,
  type RequestTarget,
  type TimeoutKind,
  type XMediaErrorName,
} from "./errors/index.js";
