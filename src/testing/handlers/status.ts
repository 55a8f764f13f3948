// GET /2/media/upload?command=STATUS&media_id=…: the processing state of a finalized upload.
import { jsonAnswer } from "../answer.js";
import type { Handler } from "../context.js";
import { mediaBody } from "../responses.js";
import { invalid, liveSession } from "../validation.js";

/** getMediaUploadStatus */
export const status: Handler = async (ctx) => {
  await ctx.body.drain();
  const command = ctx.url.searchParams.get("command");
  if (command !== null && command !== "STATUS") {
    invalid(
      `The \`command\` query parameter value [${command}] is not one of [STATUS]`,
      "command",
      command,
    );
  }
  const mediaId = ctx.url.searchParams.get("media_id");
  if (mediaId === null)
    invalid("The `media_id` query parameter is missing", "media_id", "");
  const session = await liveSession(ctx, mediaId, "media_id");
  if (session.finalizedAt === undefined) {
    invalid(
      `Media id ${session.id} is not finalized yet; STATUS answers after FINALIZE.`,
      "media_id",
      session.id,
    );
  }
  return jsonAnswer(200, mediaBody(session, ctx.state, "always"));
};
