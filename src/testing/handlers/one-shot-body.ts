// Reads a one-shot upload body: multipart fields with the media part streamed to disk, or JSON with base64 media.
import type { RequestContext } from "../context.js";
import type { MediaSink } from "../media-sink.js";
import {
  createMultipartParser,
  multipartBoundary,
  MultipartError,
} from "../multipart.js";
import { invalid, isJson, JSON_LIMIT } from "../validation.js";

/** Multipart fields (media streamed into `sink`) or a JSON body (base64 media decoded into `sink`). */
export async function readFields(
  ctx: RequestContext,
  sink: MediaSink,
): Promise<Record<string, unknown>> {
  const contentType = ctx.req.headers["content-type"];
  const boundary = multipartBoundary(contentType);
  if (boundary) return readMultipartFields(ctx, sink, boundary);
  if (!isJson(contentType)) {
    invalid(
      `Expected Content-Type multipart/form-data or application/json, got ${contentType ?? "none"}`,
      "Content-Type",
      contentType,
    );
  }
  let fields: unknown;
  try {
    fields = JSON.parse(
      (
        await ctx.body.readAll(Math.ceil(sink.maxBytes / 3) * 4 + JSON_LIMIT)
      ).toString("utf8"),
    );
  } catch (error) {
    if (error instanceof SyntaxError) invalid("Request body is not valid JSON");
    throw error;
  }
  if (typeof fields !== "object" || fields === null || Array.isArray(fields))
    return invalid("Request body must be a JSON object");
  const media = (fields as { media?: unknown }).media;
  if (media !== undefined && typeof media !== "string")
    invalid("The `media` value must be a base64 string", "media", typeof media);
  if (typeof media === "string") await sink.write(Buffer.from(media, "base64"));
  return fields as Record<string, unknown>;
}

async function readMultipartFields(
  ctx: RequestContext,
  sink: MediaSink,
  boundary: string,
): Promise<Record<string, unknown>> {
  const parser = createMultipartParser(boundary);
  const fields: Record<string, unknown> = {};
  const owners: string[] = [];
  let name = "";
  let text = "";
  try {
    for (
      let chunk = await ctx.body.next();
      chunk;
      chunk = await ctx.body.next()
    ) {
      for (const event of parser.push(chunk)) {
        if (event.type === "part") [name, text] = [event.headers.name, ""];
        else if (event.type === "data" && name === "media")
          await sink.write(event.data);
        else if (event.type === "data" && text.length < 4096)
          text += event.data.toString("utf8");
        else if (event.type === "partEnd" && name === "media")
          fields.media = "(file)";
        else if (
          event.type === "partEnd" &&
          name.startsWith("additional_owners")
        )
          owners.push(...text.split(","));
        else if (event.type === "partEnd")
          fields[name] =
            name === "shared" && /^(true|false)$/.test(text)
              ? text === "true"
              : text;
      }
    }
    parser.finish();
  } catch (error) {
    if (error instanceof MultipartError)
      invalid(`Malformed multipart/form-data body: ${error.message}`);
    throw error;
  }
  if (owners.length > 0) fields.additional_owners = owners;
  return fields;
}
