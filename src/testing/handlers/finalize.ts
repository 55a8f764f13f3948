// POST /2/media/upload/{id}/finalize: checks the segments, hashes the assembled bytes, starts processing.
// A repeated FINALIZE answers the current state again (idempotent), so a client may retry one whose answer was lost.
import { jsonAnswer } from "../answer.js";
import { completeUpload } from "../complete.js";
import type { Handler } from "../context.js";
import { mediaBody } from "../responses.js";
import { liveSession } from "../validation.js";

/** finalizeMediaUpload */
export const finalize: Handler = async (ctx) => {
  const session = await liveSession(ctx, ctx.pathId, "id");
  await ctx.body.drain();
  if (session.finalizedAt === undefined) {
    session.finalizing ??= completeUpload(ctx.state, session).finally(() => {
      session.finalizing = undefined;
    });
    const note = await session.finalizing;
    if (typeof note === "string")
      ctx.record.detail = `processing will fail: ${note}`;
  }
  return jsonAnswer(200, mediaBody(session, ctx.state, "processed"));
};
