// What one upload runs with, once the client layer has resolved defaults and validated options, and what it
// shares with the other uploads of its client. The engine reads these and never the public option types.
import type { ApiRuntime } from "../api/context.js";
import type { RetryEvent, RetryPolicy } from "../api/retry.js";
import type { AccountTier } from "../media/category.js";
import type { MediaCategory, MediaType } from "../media/types.js";
import type { PreflightIssue } from "../media/preflight/index.js";
import type { PreflightMode } from "../media/preflight/mode.js";
import type { RequestBudget } from "./budget.js";
import type { ResumeEvent } from "./resume/events.js";
import type { ResumeSettings } from "./resume/open-resume.js";
import type { UploadProgress } from "./progress.js";

/** What all uploads and calls of one client share (the client runtime). */
export interface ClientContext extends ApiRuntime {
  /** A one-way hash naming the account (never the token): resume fingerprints and shared rate keys use it. */
  identity: string;
  /** APPEND slots shared by all uploads. */
  budget: RequestBudget;
}

/** Options after defaults and validation. */
export interface ResolvedUploadOptions {
  mediaType: MediaType | undefined;
  forceMediaType: boolean;
  mediaCategory: MediaCategory | undefined;
  additionalOwners: readonly string[];
  shared: boolean | undefined;
  altText: string | undefined;
  accountTier: AccountTier | undefined;
  segmentBytes: number | undefined;
  concurrency: number;
  signal: AbortSignal | undefined;
  onProgress: ((progress: UploadProgress) => void) | undefined;
  onRetry: ((event: RetryEvent) => void) | undefined;
  waitForProcessing: boolean;
  processingTimeoutMs: number;
  requestTimeoutMs: number;
  stallTimeoutMs: number;
  retry: RetryPolicy;
  size: number | undefined;
  fileName: string | undefined;
  preflight: PreflightMode;
  onWarning: ((warning: PreflightIssue) => void) | undefined;
  /** Set when the upload is saved and resumed (`resume: true`). */
  resume: ResumeSettings | undefined;
  onResume: ((event: ResumeEvent) => void) | undefined;
}
