// The one options type of upload(), its defaults, and their validation, all in one place.
import type { UploadProgress } from "../engine/progress.js";
import type { ResolvedUploadOptions } from "../engine/settings.js";
import type { RetryEvent } from "../api/retry.js";
import type { ResumeEvent } from "../engine/resume/events.js";
import type { SessionStore } from "../engine/session-store.js";
import { fileSessionStore } from "./sessions/file-store.js";
import { ACCOUNT_TIERS, type AccountTier } from "../media/category.js";
import { MAX_SEGMENT_BYTES } from "../media/segments.js";
import type { PreflightIssue } from "../media/preflight/index.js";
import {
  PREFLIGHT_MODES,
  type PreflightMode,
} from "../media/preflight/mode.js";
import {
  isMediaCategory,
  isMediaType,
  MEDIA_CATEGORIES,
  type MediaCategory,
  type MediaType,
} from "../media/types.js";
import {
  checkBoolean,
  checkFunction,
  checkInteger,
  checkKnownKeys,
  checkSignal,
  checkString,
  checkUserIds,
} from "./option-checks.js";

// setTimeout's largest delay (2^31 − 1 ms ≈ 24.8 days); larger values would fire at once.
const MAX_TIMER_MS = 2_147_483_647;

/** How failed requests are retried (network errors, timeouts, 5xx and 429; never other 4xx). */
export interface RetryOptions {
  /**
   * Retries per request after the first attempt.
   * @default 5
   */
  retries?: number | undefined;
  /**
   * Backoff ceiling of the first retry in ms; it doubles per retry, and the actual delay is random below it (full jitter).
   * @default 500
   */
  minDelayMs?: number | undefined;
  /**
   * Largest backoff ceiling in ms.
   * @default 30000
   */
  maxDelayMs?: number | undefined;
  /**
   * Longest pause accepted when X answers 429 (until `x-rate-limit-reset`); a longer one fails with RateLimitError.
   * @default 900000 (15 minutes, X's rate-limit window)
   */
  maxRateLimitWaitMs?: number | undefined;
}

/** Options of `upload()` and `uploadMedia()`; a field set to `undefined` is the same as one left out (its default). */
export interface UploadOptions {
  /**
   * The media type to declare; wins over detection unless the bytes say otherwise.
   * @default detected from the magic bytes, else the file extension
   */
  mediaType?: MediaType | undefined;
  /**
   * Send `mediaType` even when the bytes look like another type.
   * @default false
   */
  forceMediaType?: boolean | undefined;
  /**
   * The media category (`dm_*`, `amplify_video` and `subtitles` only on request).
   * @default tweet_image, tweet_gif or tweet_video, from the media type
   */
  mediaCategory?: MediaCategory | undefined;
  /**
   * User ids that may also use this media.
   * @default []
   */
  additionalOwners?: readonly string[] | undefined;
  /**
   * Whether the media may be shared (DMs).
   * @default not sent (X's default)
   */
  shared?: boolean | undefined;
  /**
   * Alt text (≤ 1,000 characters), set through `POST /2/media/metadata` once the media is ready.
   * @default none
   */
  altText?: string | undefined;
  /**
   * The uploading account's tier: the size preflight then refuses what X refuses that account
   * (dm_video over 512 MB on a standard account, for instance), and the media preflight applies its video
   * duration (140 s standard, 4 h X Premium) as an error rather than a warning. Without it, only what no account
   * can upload is refused.
   * @default undefined (X's most generous limits, X Premium's)
   */
  accountTier?: AccountTier | undefined;
  /**
   * Bytes per APPEND segment (at most 8 MiB, X's server maximum); grown automatically, up to 8 MiB, only when the
   * file would otherwise need more than 1,000 segments.
   * @default 4194304 (4 MiB)
   */
  segmentBytes?: number | undefined;
  /**
   * APPEND requests in flight at once (memory ≈ concurrency × segmentBytes for streams; file slices are streamed).
   * Chosen by `npm run bench`: with 50 ms per request, 8 is ~1.5× faster than 4 and within 10% of 16.
   * @default 8
   */
  concurrency?: number | undefined;
  /**
   * Cancels the upload: in-flight requests and waits stop at once and `upload()` rejects with AbortError.
   * @default none
   */
  signal?: AbortSignal | undefined;
  /**
   * Called with progress (at most ~10 times a second, plus the first and the final event).
   * @default none
   */
  onProgress?: ((progress: UploadProgress) => void) | undefined;
  /**
   * Called before each retry of a failed request, with the error, the retry number and the wait (a backoff, or
   * a rate-limit pause of every request until X's reset). If it throws, the upload stops with that error.
   * @default none
   */
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /**
   * Poll STATUS after FINALIZE until processing ends (videos and GIFs).
   * @default true
   */
  waitForProcessing?: boolean | undefined;
  /**
   * Longest wait for processing; then TimeoutError with the media id (resume with `client.waitForProcessing(id)`).
   * @default 600000 (10 minutes)
   */
  processingTimeoutMs?: number | undefined;
  /**
   * Longest time for one request, body and answer included; the attempt is then aborted and retried.
   * @default 300000 (5 minutes)
   */
  requestTimeoutMs?: number | undefined;
  /**
   * Longest time without a byte moving (sent, or the answer arriving); the attempt is then aborted and retried.
   * @default 30000
   */
  stallTimeoutMs?: number | undefined;
  /**
   * Retry policy overrides.
   * @default { retries: 5, minDelayMs: 500, maxDelayMs: 30000, maxRateLimitWaitMs: 900000 }
   */
  retry?: RetryOptions | undefined;
  /**
   * Byte count of a stream input; without it the stream is spooled to a temp file first (INIT needs `total_bytes`).
   * @default none
   */
  size?: number | undefined;
  /**
   * Checks the media against X's documented rules (frame rate, size, aspect ratio, pixel format, audio, duration,
   * GIF frames) before sending, reading only its headers. `strict` refuses what X documents it refuses (an
   * InvalidInputError naming the property, its value, X's limit and the fix; nothing is sent) and warns about the
   * rest; `warn` uploads anyway and reports everything as warnings; `off` does not inspect.
   * @default "strict" (only what X says it refuses is refused; where X's pages disagree it warns)
   */
  preflight?: PreflightMode | undefined;
  /**
   * Called before any request with each preflight warning (also in `result.warnings`). If it throws, the upload
   * stops with that error and nothing is sent.
   * @default none
   */
  onWarning?: ((warning: PreflightIssue) => void) | undefined;
  /**
   * File name used for extension-based type detection when the bytes are not recognised.
   * @default the path's base name, or `File.name`
   */
  fileName?: string | undefined;
  /**
   * Save the upload's session as X acknowledges segments, and continue a saved one for the same input (same
   * file, size, mtime and ends; same API origin and account): INIT and the acknowledged segments are skipped. A
   * stream, Blob or bytes input needs `resumeKey`. See `result.resumed`.
   * @default false
   */
  resume?: boolean | undefined;
  /**
   * Where sessions are saved (`get`/`set`/`delete`/`list`, optionally `claim`): a database, Redis
   * (`x-media-upload/redis`), or a {@link fileSessionStore} in another directory.
   * @default fileSessionStore(): one JSON file per session in the user's cache directory
   */
  resumeStore?: SessionStore | undefined;
  /**
   * Names a stream, Blob or bytes input across runs so it can be resumed (a file is named by its path); the
   * same key with different content (size or first 64 KiB) starts fresh.
   * @default none (only file paths resume)
   */
  resumeKey?: string | undefined;
  /**
   * Keep a finished upload's saved session (a later run with the same input then only asks STATUS).
   * @default false (deleted once the upload is done)
   */
  keepSession?: boolean | undefined;
  /**
   * Called with each resume decision: `resumed`, `discarded` (changed file, expired, rejected by X) and `warning`
   * (not saved: no `resumeKey`, another process holds it, the store failed).
   * @default none (warnings go to `process.emitWarning`)
   */
  onResume?: ((event: ResumeEvent) => void) | undefined;
}

/** Upload options a MediaClient can default for all its uploads. */
export type UploadDefaults = Pick<
  UploadOptions,
  | "accountTier"
  | "segmentBytes"
  | "concurrency"
  | "waitForProcessing"
  | "processingTimeoutMs"
  | "requestTimeoutMs"
  | "stallTimeoutMs"
  | "retry"
  | "additionalOwners"
  | "shared"
  | "onProgress"
  | "preflight"
  | "onWarning"
  | "onRetry"
  | "resume"
  | "resumeStore"
  | "keepSession"
  | "onResume"
>;

/** Every default, in one place. */
export const DEFAULTS = {
  concurrency: 8,
  maxConcurrentRequests: 16,
  maxConcurrentUploads: 8,
  waitForProcessing: true,
  processingTimeoutMs: 600_000,
  requestTimeoutMs: 300_000,
  stallTimeoutMs: 30_000,
  preflight: "strict",
  retry: {
    retries: 5,
    minDelayMs: 500,
    maxDelayMs: 30_000,
    maxRateLimitWaitMs: 900_000,
  },
} as const;

const UPLOAD_KEYS: readonly (keyof UploadOptions)[] = [
  "mediaType",
  "forceMediaType",
  "mediaCategory",
  "additionalOwners",
  "shared",
  "altText",
  "accountTier",
  "segmentBytes",
  "concurrency",
  "signal",
  "onProgress",
  "onRetry",
  "waitForProcessing",
  "processingTimeoutMs",
  "requestTimeoutMs",
  "stallTimeoutMs",
  "retry",
  "size",
  "fileName",
  "preflight",
  "onWarning",
  "resume",
  "resumeStore",
  "resumeKey",
  "keepSession",
  "onResume",
];
const DEFAULT_KEYS: readonly (keyof UploadDefaults)[] = [
  "accountTier",
  "segmentBytes",
  "concurrency",
  "waitForProcessing",
  "processingTimeoutMs",
  "requestTimeoutMs",
  "stallTimeoutMs",
  "retry",
  "additionalOwners",
  "shared",
  "onProgress",
  "preflight",
  "onWarning",
  "onRetry",
  "resume",
  "resumeStore",
  "keepSession",
  "onResume",
];
const RETRY_KEYS: readonly (keyof RetryOptions)[] = [
  "retries",
  "minDelayMs",
  "maxDelayMs",
  "maxRateLimitWaitMs",
];

/** Validates `options` over `defaults` and fills in every default; throws TypeError naming the bad option. */
export function resolveUploadOptions(
  options: UploadOptions = {},
  defaults: UploadDefaults = {},
): ResolvedUploadOptions {
  checkKnownKeys("options", options, UPLOAD_KEYS);
  checkKnownKeys("options", defaults, DEFAULT_KEYS);
  // An option set to undefined means "the default", at every level, as if it were left out.
  const o = { ...defined(defaults), ...defined(options) };
  const r = {
    ...DEFAULTS.retry,
    ...defined(defaults.retry),
    ...defined(options.retry),
  };
  for (const retry of [defaults.retry, options.retry]) {
    if (retry !== undefined) checkKnownKeys("retry", retry, RETRY_KEYS);
  }
  if (o.mediaType !== undefined && !isMediaType(o.mediaType)) {
    throw new TypeError(
      `Expected \`mediaType\` to be a media type X accepts, got ${JSON.stringify(o.mediaType)}.`,
    );
  }
  if (o.mediaCategory !== undefined && !isMediaCategory(o.mediaCategory)) {
    throw new TypeError(
      `Expected \`mediaCategory\` to be one of ${MEDIA_CATEGORIES.join(", ")}, got ${JSON.stringify(o.mediaCategory)}.`,
    );
  }
  if (o.preflight !== undefined && !PREFLIGHT_MODES.includes(o.preflight)) {
    throw new TypeError(
      `Expected \`preflight\` to be one of ${PREFLIGHT_MODES.join(", ")}, got ${JSON.stringify(o.preflight)}.`,
    );
  }
  if (o.accountTier !== undefined && !ACCOUNT_TIERS.includes(o.accountTier)) {
    throw new TypeError(
      `Expected \`accountTier\` to be one of ${ACCOUNT_TIERS.join(", ")}, got ${JSON.stringify(o.accountTier)}.`,
    );
  }
  const retry = {
    retries: checkInteger("retry.retries", r.retries, 0, 100),
    minDelayMs: checkInteger("retry.minDelayMs", r.minDelayMs, 0, MAX_TIMER_MS),
    maxDelayMs: checkInteger("retry.maxDelayMs", r.maxDelayMs, 0, MAX_TIMER_MS),
    maxRateLimitWaitMs: checkInteger(
      "retry.maxRateLimitWaitMs",
      r.maxRateLimitWaitMs,
      0,
      MAX_TIMER_MS,
    ),
  };
  if (retry.maxDelayMs < retry.minDelayMs) {
    throw new TypeError(
      `Expected \`retry.maxDelayMs\` to be at least \`retry.minDelayMs\` (${retry.minDelayMs}), got ${retry.maxDelayMs}.`,
    );
  }
  return {
    mediaType: o.mediaType,
    forceMediaType: checkBoolean("forceMediaType", o.forceMediaType) ?? false,
    mediaCategory: o.mediaCategory,
    additionalOwners:
      checkUserIds("additionalOwners", o.additionalOwners) ?? [],
    shared: checkBoolean("shared", o.shared),
    altText: checkString("altText", o.altText, 1000),
    accountTier: o.accountTier,
    segmentBytes:
      o.segmentBytes === undefined
        ? undefined
        : checkInteger("segmentBytes", o.segmentBytes, 1, MAX_SEGMENT_BYTES),
    concurrency: checkInteger(
      "concurrency",
      o.concurrency ?? DEFAULTS.concurrency,
      1,
      32,
    ),
    signal: checkSignal("signal", o.signal),
    onProgress: checkFunction("onProgress", o.onProgress),
    onRetry: checkFunction("onRetry", o.onRetry),
    waitForProcessing:
      checkBoolean("waitForProcessing", o.waitForProcessing) ??
      DEFAULTS.waitForProcessing,
    processingTimeoutMs: checkInteger(
      "processingTimeoutMs",
      o.processingTimeoutMs ?? DEFAULTS.processingTimeoutMs,
      1,
      MAX_TIMER_MS,
    ),
    requestTimeoutMs: checkInteger(
      "requestTimeoutMs",
      o.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
      1,
      MAX_TIMER_MS,
    ),
    stallTimeoutMs: checkInteger(
      "stallTimeoutMs",
      o.stallTimeoutMs ?? DEFAULTS.stallTimeoutMs,
      1,
      MAX_TIMER_MS,
    ),
    retry,
    size:
      o.size === undefined
        ? undefined
        : checkInteger("size", o.size, 0, Number.MAX_SAFE_INTEGER),
    fileName: checkString("fileName", o.fileName, 1024),
    preflight: o.preflight ?? DEFAULTS.preflight,
    onWarning: checkFunction("onWarning", o.onWarning),
    resume: checkBoolean("resume", o.resume)
      ? {
          store: checkStore(o.resumeStore) ?? defaultSessionStore(),
          resumeKey: checkString("resumeKey", o.resumeKey, 1024),
          keep: checkBoolean("keepSession", o.keepSession) ?? false,
        }
      : undefined,
    onResume: checkFunction("onResume", o.onResume),
  };
}

let sharedStore: SessionStore | undefined;
/** One default file store per process, created on first use (it reads the environment for its directory). */
function defaultSessionStore(): SessionStore {
  return (sharedStore ??= fileSessionStore());
}

function checkStore(store: unknown): SessionStore | undefined {
  if (store === undefined) return undefined;
  const s = store as Record<string, unknown> | null;
  const missing = ["get", "set", "delete", "list"].filter(
    (m) => typeof s?.[m] !== "function",
  );
  if (typeof store !== "object" || store === null || missing.length > 0) {
    throw new TypeError(
      `Expected \`resumeStore\` to be a session store with get, set, delete and list methods${store !== null && typeof store === "object" ? `; it lacks ${missing.join(", ")}` : `, got ${store === null ? "null" : typeof store}`}.`,
    );
  }
  if (s?.claim !== undefined && typeof s.claim !== "function")
    throw new TypeError(
      `Expected \`resumeStore.claim\` to be a function or absent, got ${typeof s.claim}.`,
    );
  return store as SessionStore;
}

/** Validates the client-wide `maxConcurrentRequests`; throws TypeError naming it. */
export function resolveMaxConcurrentRequests(value: unknown): number {
  return checkInteger(
    "maxConcurrentRequests",
    value ?? DEFAULTS.maxConcurrentRequests,
    1,
    256,
  );
}

/** Validates uploadMany's `maxConcurrentUploads`; throws TypeError naming it. */
export function resolveMaxConcurrentUploads(value: unknown): number {
  return checkInteger(
    "maxConcurrentUploads",
    value ?? DEFAULTS.maxConcurrentUploads,
    1,
    64,
  );
}

/** `value` without its undefined-valued keys (a non-object is passed through for its check to reject). */
function defined<T>(value: T): T {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return value;
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

export { PREFLIGHT_MODES, type PreflightMode };
