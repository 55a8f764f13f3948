// Sends every segment with up to `concurrency` APPENDs in flight; each segment retries on its own,
// and is held in memory (streams) only until X acknowledges it.
import type { SegmentPlan, Segment } from "../media/segments.js";
import type { RequestContext } from "./context.js";
import { runPool, serialize } from "./pool.js";
import type { ProgressReporter } from "./progress.js";
import { append } from "./requests.js";
import type { MediaSource } from "./source/types.js";

/** APPENDs all of `plan`; resolves with the latest `expires_at` X reported (epoch seconds), if any. */
export async function appendAll(
  ctx: RequestContext,
  mediaId: string,
  source: MediaSource,
  plan: SegmentPlan,
  concurrency: number,
  progress: ProgressReporter,
  cancel: (reason: unknown) => void,
): Promise<number | undefined> {
  let nextIndex = 0;
  let expiresAt: number | undefined;
  // Reads happen in order, one at a time: a stream can only be read forward.
  const next = serialize(
    async (): Promise<{ segment: Segment; media: Blob } | undefined> => {
      const segment = plan.segments[nextIndex];
      if (segment === undefined) return undefined;
      nextIndex += 1;
      return { segment, media: await source.read(segment.start, segment.end) };
    },
  );
  await runPool(
    Math.min(concurrency, plan.count),
    next,
    async ({ segment, media }) => {
      const answer = await append(ctx, mediaId, segment.index, media, {
        onAttempt: () => progress.restart(segment.index),
        onBytes: (n) => progress.sent(segment.index, n),
      });
      expiresAt = answer.data?.data?.expires_at ?? expiresAt;
      progress.acknowledged(segment.index, media.size);
    },
    cancel,
  );
  return expiresAt;
}
