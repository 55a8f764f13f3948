// The whole upload: open and check the input, find a saved session to continue (resume), run the requests
// (send.ts), and once more from scratch if X rejects a resumed media id. Cancels everything on the first fatal
// error or the caller's abort.
import { AbortError, attachMediaId, isAbortError } from "../errors/index.js";
import type { ClientContext, ResolvedUploadOptions } from "./settings.js";
import { allowManyListeners } from "../runtime.js";
import { requestContext } from "../api/context.js";
import { preflight } from "./preflight.js";
import { prepare } from "./prepare.js";
import { ProgressReporter } from "./progress.js";
import type { UploadResult } from "./result.js";
import { resumeReporter } from "./resume/events.js";
import { freshStart, ResumeRun } from "./resume/resume-run.js";
import { send } from "./send.js";
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
