// The requests of one attempt, from where its session stands: INIT (unless resumed), the missing APPENDs,
// FINALIZE (or, when an earlier run got that far, only STATUS), processing, alt text.
import { ProcessingError, type ProcessingInfo } from "../errors/index.js";
import { malformedAnswer } from "../http/api-error.js";
import type { RequestContext } from "../api/context.js";
import {
  finalize,
  initialize,
  metadata,
  status,
  type InitializeBody,
} from "../api/requests.js";
import { appendAll } from "./append-all.js";
import type { RequestBudget } from "./budget.js";
import {
  imageDetails,
  videoDetails,
  type MediaDetails,
} from "./media-details.js";
import type { UploadPlan } from "./prepare.js";
import { processingFailed, waitUntilProcessed } from "./processing.js";
import type { ProgressReporter } from "./progress.js";
import type { ResumeRun, Start } from "./resume/resume-run.js";
import type { UploadResult } from "./result.js";
import type { ResolvedUploadOptions } from "./settings.js";
import type { MediaSource } from "./source/types.js";

/** Runs one attempt of an upload from `session`'s phase; updates the session as X answers. */
export async function send(
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
        acknowledged: resume && (() => resume.acknowledged()),
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
