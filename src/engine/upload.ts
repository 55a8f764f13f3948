// The whole upload: open and check the input, INIT, parallel APPENDs, FINALIZE, wait for
// processing, alt text. Cancels everything on the first fatal error or the caller's abort.
import { setMaxListeners } from "node:events";
import {
  AbortError,
  ProcessingError,
  attachMediaId,
  isAbortError,
  type ProcessingInfo,
} from "../errors/index.js";
import { malformedAnswer } from "../http/api-error.js";
import type { ResolvedUploadOptions } from "../options.js";
import { appendAll } from "./append-all.js";
import type { RequestContext } from "./context.js";
import { preflight } from "./preflight.js";
import { prepare, type UploadPlan } from "./prepare.js";
import { processingFailed, waitUntilProcessed } from "./processing.js";
import { ProgressReporter } from "./progress.js";
import { RateGate } from "./rate-gate.js";
import { retryListener } from "./retry.js";
import {
  finalize,
  initialize,
  metadata,
  status,
  type InitializeBody,
} from "./requests.js";
import type { UploadResult } from "./result.js";
import { openSource, type UploadInput } from "./source/open-source.js";
import type { MediaSource } from "./source/types.js";

/** The client-wide part of a request context. */
export type ClientContext = Pick<
  RequestContext,
  "client" | "baseUrl" | "secrets"
>;

/** Uploads `input` with fully resolved `options`. */
export async function runUpload(
  base: ClientContext,
  input: UploadInput,
  options: ResolvedUploadOptions,
): Promise<UploadResult> {
  const outer = options.signal;
  if (outer?.aborted) throw new AbortError(outer.reason, "start");
  // One internal signal: the caller's abort, a fatal segment error or a throwing onProgress stop everything.
  const internal = new AbortController();
  // Each in-flight attempt and wait listens to it (and removes its listener): many at once is not a leak.
  setMaxListeners(0, internal.signal);
  const forward = () => internal.abort(outer?.reason);
  outer?.addEventListener("abort", forward, { once: true });
  let source: MediaSource | undefined;
  const closeSource = () => void source?.close().catch(() => {});
  internal.signal.addEventListener("abort", closeSource, { once: true });
  const ctx: RequestContext = {
    ...base,
    signal: internal.signal,
    limits: {
      requestTimeoutMs: options.requestTimeoutMs,
      stallTimeoutMs: options.stallTimeoutMs,
    },
    retry: {
      policy: options.retry,
      gate: new RateGate(),
      signal: internal.signal,
      onRetry: retryListener(options.onRetry, options.retry.retries),
    },
  };
  let progress: ProgressReporter | undefined;
  // Once INIT answered, every error carries the media id: the media can be finalized, polled or resumed.
  let mediaId: string | undefined;
  try {
    source = await openSource(input, {
      size: options.size,
      fileName: options.fileName,
      signal: internal.signal,
      stallTimeoutMs: options.stallTimeoutMs,
    });
    const plan = await prepare(source, options);
    const warnings = await preflight(source, plan, options);
    progress = new ProgressReporter(
      options.onProgress,
      source.size,
      plan.segments.count,
      (e) => internal.abort(e),
    );
    const result = await send(ctx, source, plan, options, progress, {
      cancel: (reason) => internal.abort(reason),
      initialized: (id) => (mediaId = id),
    });
    // The final event's listener may throw too: the upload reports it like any other.
    if (progress.listenerError !== undefined) throw progress.listenerError;
    return { ...result, warnings };
  } catch (error) {
    if (outer?.aborted)
      throw attachMediaId(
        isAbortError(error)
          ? error
          : new AbortError(outer.reason, "the upload"),
        mediaId,
      );
    if (progress?.listenerError !== undefined) throw progress.listenerError;
    throw attachMediaId(error, mediaId);
  } finally {
    outer?.removeEventListener("abort", forward);
    internal.signal.removeEventListener("abort", closeSource);
    await source?.close().catch(() => {});
  }
}

async function send(
  ctx: RequestContext,
  source: MediaSource,
  plan: UploadPlan,
  options: ResolvedUploadOptions,
  progress: ProgressReporter,
  hooks: {
    cancel: (reason: unknown) => void;
    initialized: (mediaId: string) => void;
  },
): Promise<Omit<UploadResult, "warnings">> {
  progress.phase("initialize");
  const init = await initialize(ctx, initBody(source.size, plan, options));
  const initData = init.data?.data;
  // Spec 2.159 makes data.id optional; without it there is nothing to append to.
  const id = initData?.id;
  if (!id) throw malformedAnswer(init.target, init.response, "data.id");
  hooks.initialized(id);
  let expiresAtMs = relative(initData.expires_after_secs);

  progress.phase("append", id);
  const appendExpiry = await appendAll(
    ctx,
    id,
    source,
    plan.segments,
    options.concurrency,
    progress,
    hooks.cancel,
  );
  if (appendExpiry !== undefined) expiresAtMs = appendExpiry * 1000;
  await source.finish();

  progress.phase("finalize");
  const fin = await finalize(ctx, id);
  // 204 or an empty body: STATUS tells the state FINALIZE did not.
  const finData = fin.data?.data ?? (await status(ctx, id)).data?.data;
  expiresAtMs = relative(finData?.expires_after_secs) ?? expiresAtMs;
  let processing: ProcessingInfo | undefined = finData?.processing_info;
  if (processing && processingFailed(processing))
    throw new ProcessingError(id, processing);
  if (processing && options.waitForProcessing) {
    progress.phase("processing");
    const outcome = await waitUntilProcessed(
      ctx,
      id,
      processing,
      options.processingTimeoutMs,
      (info) => progress.processing(info.progress_percent),
    );
    // STATUS without processing_info: X has nothing left to process; the pending state is stale.
    processing = outcome.processing;
    if (outcome.expiresAfterSecs !== undefined) {
      expiresAtMs = outcome.answeredAt + outcome.expiresAfterSecs * 1000;
    }
  }
  if (options.altText !== undefined) {
    await metadata(ctx, {
      id,
      metadata: { alt_text: { text: options.altText } },
    });
  }
  progress.phase("done");
  return {
    id,
    mediaKey: finData?.media_key ?? initData.media_key,
    size: source.size,
    mediaType: plan.mediaType,
    mediaCategory: plan.mediaCategory,
    expiresAt: expiresAtMs === undefined ? undefined : new Date(expiresAtMs),
    processing,
  };
}

function initBody(
  totalBytes: number,
  plan: UploadPlan,
  options: ResolvedUploadOptions,
): InitializeBody {
  return {
    media_type: plan.mediaType,
    total_bytes: totalBytes,
    ...(plan.mediaCategory === undefined
      ? {}
      : { media_category: plan.mediaCategory }),
    ...(options.additionalOwners.length > 0
      ? { additional_owners: [...options.additionalOwners] }
      : {}),
    ...(options.shared === undefined ? {} : { shared: options.shared }),
  };
}

function relative(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Date.now() + seconds * 1000;
}
