// POST /2/media/upload/{id}/append: one segment as multipart (`segment_index` field + `media` file) or JSON base64.
import { jsonAnswer } from "../answer.js";
import type { Handler } from "../context.js";
import { multipartBoundary } from "../multipart.js";
import type { OkBody } from "../responses.js";
import { invalid, isJson, liveSession } from "../validation.js";
import { readJson, readMultipart } from "./append-body.js";

/** appendMediaUpload */
export const append: Handler = async (ctx) => {
  const session = await liveSession(ctx, ctx.pathId, "id");
  if (session.finalizedAt !== undefined) {
    invalid(
      `Media id ${session.id} is already finalized; APPEND is only allowed before FINALIZE.`,
      "id",
      session.id,
    );
  }
  const contentType = ctx.req.headers["content-type"];
  const boundary = multipartBoundary(contentType);
  const received = boundary
    ? await readMultipart(ctx, session, boundary)
    : isJson(contentType)
      ? await readJson(ctx, session)
      : invalid(
          `Expected Content-Type multipart/form-data or application/json, got ${contentType ?? "none"}`,
          "Content-Type",
          contentType,
        );
  // No segment to store: a fault (reset, stall, replaced answer) decides what the client gets.
  if (!received) return undefined;
  const { sink, index } = received;
  if (session.finalizedAt !== undefined) {
    await sink.discard();
    invalid(
      `Media id ${session.id} was finalized while this APPEND was in flight.`,
      "id",
      session.id,
    );
  }
  const file = await sink.close();
  if (file)
    await ctx.state.store.commitSegment(session, index, file, sink.bytes);
  const answer: OkBody<"appendMediaUpload"> = {
    data: { expires_at: Math.floor(session.expiresAt / 1000) },
  };
  return jsonAnswer(200, answer);
};
