// The whole upload: open and check the input, INIT, parallel APPENDs, FINALIZE, wait for
// processing, alt text. Cancels everything on the first fatal error or the caller's abort.
import {
  AbortError,
  ProcessingError,
  attachMediaId,
  isAbortError,
  type ProcessingInfo,
} from "../errors/index.js";
import { malformedAnswer } from "../http/api-error.js";
import type { ClientContext, ResolvedUploadOptions } from "./settings.js";
import { allowManyListeners } from "../runtime.js";
import { appendAll } from "./append-all.js";
import { requestContext, type RequestContext } from "../api/context.js";
import { preflight } from "./preflight.js";
import { prepare, type UploadPlan } from "./prepare.js";
import {
  imageDetails,
  videoDetails,
  type MediaDetails,
} from "./media-details.js";
import { processingFailed, waitUntilProcessed } from "./processing.js";
import { ProgressReporter } from "./progress.js";
import type { RequestBudget } from "./budget.js";
import {
  finalize,
  initialize,
  metadata,
  status,
  type InitializeBody,
} from "../api/requests.js";
import type { UploadResult } from "./result.js";
import { resumeReporter } from "./resume/events.js";
import { freshStart, ResumeRun, type Start } from "./resume/resume-run.js";
import {
  inputPath,
  openSource,
  type UploadInput,
} from "./source/open-source.js";
import type { MediaSource } from "./source/types.js";

/** Uploads `input` with fully resolved `options`. */
export async function runUpload(
  runtime: ClientContext,
  input: UploadInput,
  options: ResolvedUploadOptions,
): Promise<UploadResult> {
  const outer = options.signal;
  if (outer?.aborted) throw new AbortError(outer.reason, "start");
  // One internal signal: the caller's abort, a fatal segment error or a throwing onProgress stop everything.
  const internal = new AbortController();
  // Each in-flight attempt and wait listens to it (and removes its listener): many at once is not a leak.
  allowManyListeners(internal.signal);
  const forward = () => internal.abort(outer?.reason);
  outer?.addEventListener("abort", forward, { once: true });
  let source: MediaSource | undefined;
  const closeSource = () => void source?.close().catch(() => {});
  internal.signal.addEventListener("abort", closeSource, { once: true });
  let progress: ProgressReporter | undefined;
  // Once INIT answered, every error carries the media id: the media can be finalized, polled or resumed.
  let mediaId: string | undefined;
  let resume: ResumeRun | undefined;
  try {
    source = await openSource(input, {
      size: options.size,
      fileName: options.fileName,
      signal: internal.signal,
      stallTimeoutMs: options.stallTimeoutMs,
    });
    const plan = await prepare(source, options);
    const warnings = await preflight(source, plan, options);
    if (options.resume) {
      resume = await ResumeRun.open(
        options.resume,
        inputPath(input),
        source,
        plan,
        { origin: runtime.baseUrl, identity: runtime.identity, now: Date.now },
        resumeReporter(options.onResume),
      );
    }
    let start =
      resume?.start(plan, source.size) ?? freshStart(plan, source.size);
    for (;;) {
      // A resumed attempt X rejects is retried fresh once; its cancel must not end the whole upload.
      const attempt = new AbortController();
      allowManyListeners(attempt.signal);
      const stop = () => attempt.abort(internal.signal.reason);
      internal.signal.addEventListener("abort", stop, { once: true });
      const restartable = start.resumed !== undefined && !source.sequential;
      progress = new ProgressReporter(
        options.onProgress,
        source.size,
        start.plan.segments.count,
        (e) => internal.abort(e),
      );
      try {
        const result = await send(
          requestContext(runtime, options, attempt.signal),
          { ...start, budget: runtime.budget, resume },
          source,
          options,
          progress,
          {
            cancel: (reason) =>
              restartable ? attempt.abort(reason) : internal.abort(reason),
            initialized: (id) => (mediaId = id),
          },
        );
        // The final event's listener may throw too: the upload reports it like any other.
        if (progress.listenerError !== undefined) throw progress.listenerError;
        await resume?.finished();
        return { ...result, warnings, resumed: start.resumed };
      } catch (error) {
        const rejected =
          !outer?.aborted && (await resume?.rejected(error, start));
        if (!rejected || !restartable) throw error;
        mediaId = undefined;
        start =
          resume?.start(plan, source.size) ?? freshStart(plan, source.size);
      } finally {
        internal.signal.removeEventListener("abort", stop);
      }
    }
  } catch (error) {
    // Ctrl+C, a crash of X or a network loss: what X acknowledged is saved for the next run.
    await resume?.failed(error);
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
    await resume?.release();
    await source?.close().catch(() => {});
  }
}

async function send(
  ctx: RequestContext,
  {
    session,
    plan,
    budget,
    resume,
  }: Start & { budget: RequestBudget; resume: ResumeRun | undefined },
  source: MediaSource,
  options: ResolvedUploadOptions,
  progress: ProgressReporter,
  hooks: {
    cancel: (reason: unknown) => void;
    initialized: (mediaId: string) => void;
  },
): Promise<Omit<UploadResult, "warnings" | "resumed">> {
  if (session.phase === "new") {
    progress.phase("initialize");
    const init = await initialize(ctx, initBody(source.size, plan, options));
    const initData = init.data?.data;
    // Spec 2.159 makes data.id optional; without it there is nothing to append to.
    if (!initData?.id)
      throw malformedAnswer(init.target, init.response, "data.id");
    session.mediaId = initData.id;
    session.mediaKey = initData.media_key;
    session.expiresAt = relative(initData.expires_after_secs);
    session.phase = "appending";
    // Before any APPEND: a crash from here on can still resume this media id.
    await resume?.save();
  }
  const id = session.mediaId ?? "";
  hooks.initialized(id);

  let finData: FinalizeData | undefined;
  if (session.phase === "appending") {
    progress.skip(
      session.acked.length,
      plan.segments.segments
        .filter((s) => session.acked.includes(s.index))
        .reduce((n, s) => n + s.end - s.start, 0),
    );
    progress.phase("append", id);
    const appendExpiry = await appendAll(
      ctx,
      {
        mediaId: id,
        session,
        budget,
        acknowledged: () => resume?.changed(),
      },
      source,
      plan.segments,
      options.concurrency,
      progress,
      hooks.cancel,
    );
    if (appendExpiry !== undefined) session.expiresAt = appendExpiry * 1000;
    await source.finish();

    progress.phase("finalize");
    const fin = await finalize(ctx, id);
    session.phase = "finalized";
    resume?.changed();
    finData = fin.data?.data;
  } else {
    // FINALIZE was answered in an earlier run: only STATUS can tell where X is.
    progress.skip(session.segmentCount, session.size);
    progress.phase("finalize", id);
  }
  // 204 or an empty body: STATUS tells the state FINALIZE did not.
  finData ??= (await status(ctx, id)).data?.data;
  session.mediaKey = finData?.media_key ?? session.mediaKey;
  session.expiresAt =
    relative(finData?.expires_after_secs) ?? session.expiresAt;
  let processing: ProcessingInfo | undefined = finData?.processing_info;
  let details: MediaDetails | undefined = finData;
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
    // STATUS after processing knows what FINALIZE could not yet (the video's type).
    details = { ...details, ...pickDetails(outcome.details) };
    if (outcome.expiresAfterSecs !== undefined) {
      session.expiresAt = outcome.answeredAt + outcome.expiresAfterSecs * 1000;
    }
  }
  if (options.altText !== undefined) {
    await metadata(ctx, {
      id,
      metadata: { alt_text: { text: options.altText } },
    });
  }
  session.phase = "done";
  progress.phase("done");
  return {
    id,
    mediaKey: session.mediaKey,
    size: session.size,
    mediaType: session.mediaType,
    mediaCategory: session.mediaCategory,
    expiresAt:
      session.expiresAt === undefined ? undefined : new Date(session.expiresAt),
    processing,
    image: imageDetails(details),
    video: videoDetails(details),
  };
}

type FinalizeData = NonNullable<
  Awaited<ReturnType<typeof status>>["data"]
>["data"];

function pickDetails(data: MediaDetails | undefined): MediaDetails {
  return {
    ...(data?.image === undefined ? {} : { image: data.image }),
    ...(data?.video === undefined ? {} : { video: data.video }),
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
