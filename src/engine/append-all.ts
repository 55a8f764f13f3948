// Sends every segment not yet acknowledged with up to `concurrency` APPENDs in flight, each holding a slot of the
// client's request budget; a segment is read only once it has a slot, retries on its own, and is held in memory
// (streams) only until X acknowledges it.
import type { SegmentPlan, Segment } from "../media/segments.js";
import type { Release, RequestBudget } from "./budget.js";
import type { RequestContext } from "../api/context.js";
import { runPool, serialize } from "./pool.js";
import type { ProgressReporter } from "./progress.js";
import { append } from "../api/requests.js";
import { acknowledge, type UploadSession } from "./session.js";
import type { MediaSource } from "./source/types.js";

/** How appendAll shares the client: its request budget, and the session whose acknowledged segments it skips. */
export interface AppendTarget {
  mediaId: string;
  session: UploadSession;
  budget: RequestBudget;
  /** Called after each segment X acknowledged; its slot is held until the promise settles (the ack is saved). */
  acknowledged?: (() => Promise<void>) | undefined;
}

/** APPENDs what `session` lacks of `plan`; resolves with the latest `expires_at` X reported (epoch seconds), if any. */
export async function appendAll(
  ctx: RequestContext,
  { mediaId, session, budget, acknowledged }: AppendTarget,
  source: MediaSource,
  plan: SegmentPlan,
  concurrency: number,
  progress: ProgressReporter,
  cancel: (reason: unknown) => void,
): Promise<number | undefined> {
  const done = new Set(session.acked);
  const pending = plan.segments.filter((s) => !done.has(s.index));
  let nextIndex = 0;
  let expiresAt: number | undefined;
  // Reads happen in order, one at a time: a stream can only be read forward.
  const read = serialize(
    async (): Promise<{ segment: Segment; media: Blob } | undefined> => {
      const segment = pending[nextIndex];
      if (segment === undefined) return undefined;
      nextIndex += 1;
      return { segment, media: await source.read(segment.start, segment.end) };
    },
  );
  const next = async () => {
    if (nextIndex >= pending.length) return undefined;
    const release = await budget.acquire(session, ctx.signal);
    try {
      const item = await read();
      if (item === undefined) release();
      return item && { ...item, release };
    } catch (error) {
      release();
      throw error;
    }
  };
  await runPool(
    Math.min(concurrency, pending.length),
    next,
    async ({
      segment,
      media,
      release,
    }: {
      segment: Segment;
      media: Blob;
      release: Release;
    }) => {
      try {
        const answer = await append(ctx, mediaId, segment.index, media, {
          onAttempt: () => progress.restart(segment.index),
          onBytes: (n) => progress.sent(segment.index, n),
        });
        expiresAt = answer.data?.data?.expires_at ?? expiresAt;
        // Saved with the acks: a resume judges the media id by the latest expiry X gave.
        if (expiresAt !== undefined) session.expiresAt = expiresAt * 1000;
        acknowledge(session, segment.index);
        progress.acknowledged(segment.index, media.size);
        // A resumable upload keeps the slot until the ack is saved: a crash then re-sends at most `concurrency`.
        if (acknowledged) await orAbort(acknowledged(), ctx.signal);
      } finally {
        release();
      }
    },
    cancel,
  );
  return expiresAt;
}

// A store that never answers must not hold the upload once it is stopped.
function orAbort(
  saved: Promise<void>,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!signal) return saved;
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    if (signal.aborted) return done();
    signal.addEventListener("abort", done, { once: true });
    saved.then(done, done);
  });
}
