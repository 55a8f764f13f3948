// Reads one APPEND body: multipart (`segment_index` field, `media` file part) streamed to disk, or JSON base64.
// Faults are decided as soon as `segment_index` is known, so a reset or throttle hits the rest of the body.
import type { Answer } from "../answer.js";
import { BodyTooLarge } from "../body.js";
import type { RequestContext } from "../context.js";
import { skipsApply } from "../fault-plan.js";
import { MediaSink } from "../media-sink.js";
import { createMultipartParser, MultipartError } from "../multipart.js";
import { blankProblem, invalidRequest } from "../problems.js";
import type { Session } from "../store.js";
import { invalid, Rejection } from "../validation.js";

/** The received segment, or `undefined` when a fault decides the answer. */
export type Received = { sink: MediaSink; index: number } | undefined;

/** Streams a multipart APPEND body into a temp file. */
export async function readMultipart(
  ctx: RequestContext,
  session: Session,
  boundary: string,
): Promise<Received> {
  const parser = createMultipartParser(boundary);
  const max = ctx.state.options.maxSegmentBytes;
  let index: number | undefined;
  let sink: MediaSink | undefined;
  let part: "segment_index" | "media" | "other" = "other";
  let field = "";
  let problem: Answer | undefined;
  const fail = (answer: Answer) => {
    problem ??= answer;
  };
  try {
    for (
      let chunk = await ctx.body.next();
      chunk;
      chunk = await ctx.body.next()
    ) {
      for (const event of parser.push(chunk)) {
        if (event.type === "part") {
          part =
            event.headers.name === "media" ||
            event.headers.name === "segment_index"
              ? event.headers.name
              : "other";
          if (part === "media") {
            if (sink)
              fail(invalidAnswer("More than one `media` part", "media"));
            else if (!problem && !skipsApply(ctx.plan))
              sink = await MediaSink.open(
                await ctx.state.store.newFile(session),
                max,
              );
          }
          field = "";
        } else if (event.type === "data") {
          if (part === "media" && sink && !problem && !skipsApply(ctx.plan))
            await sink.write(event.data);
          else if (part === "segment_index" && field.length < 64)
            field += event.data.toString("latin1");
        } else if (event.type === "partEnd" && part === "segment_index") {
          const parsed = parseIndex(field);
          if (parsed === undefined)
            fail(
              invalidAnswer(
                `The \`segment_index\` value [${field.slice(0, 20)}] must be an integer from 0 to 999`,
                "segment_index",
                field,
              ),
            );
          else if (index === undefined) index = known(ctx, session, parsed);
        }
      }
    }
    parser.finish();
  } catch (error) {
    await sink?.discard();
    if (error instanceof MultipartError) {
      await ctx.body.drain();
      invalid(`Malformed multipart/form-data body: ${error.message}`);
    }
    throw error;
  }
  if (sink?.tooLarge) fail(tooLarge(max));
  if (index === undefined)
    fail(invalidAnswer("Missing `segment_index` field", "segment_index"));
  if (!sink && !skipsApply(ctx.plan))
    fail(invalidAnswer("Missing `media` part", "media"));
  return settle(ctx, sink, index, problem);
}

/** Reads a JSON APPEND body (base64 `media`). */
export async function readJson(
  ctx: RequestContext,
  session: Session,
): Promise<Received> {
  const max = ctx.state.options.maxSegmentBytes;
  // base64 is 4/3 of the bytes; room for the rest of the JSON besides.
  const raw = await ctx.body
    .readAll(Math.ceil(max / 3) * 4 + 64 * 1024)
    .catch((error: unknown) => {
      if (error instanceof BodyTooLarge) throw new Rejection(tooLarge(max));
      throw error;
    });
  let body: { segment_index?: unknown; media?: unknown };
  try {
    body = JSON.parse(raw.toString("utf8")) as typeof body;
  } catch {
    return invalid("Request body is not valid JSON");
  }
  const parsed =
    typeof body.segment_index === "number"
      ? body.segment_index
      : typeof body.segment_index === "string"
        ? parseIndex(body.segment_index)
        : undefined;
  if (
    parsed === undefined ||
    !Number.isInteger(parsed) ||
    parsed < 0 ||
    parsed > 999
  ) {
    invalid(
      "The `segment_index` value must be an integer from 0 to 999",
      "segment_index",
      body.segment_index,
    );
  }
  if (
    typeof body.media !== "string" ||
    !/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(body.media)
  ) {
    invalid(
      "The `media` value must be a base64 string",
      "media",
      typeof body.media,
    );
  }
  const index = known(ctx, session, parsed);
  const bytes = Buffer.from(body.media, "base64");
  if (bytes.length > max) throw new Rejection(tooLarge(max));
  if (skipsApply(ctx.plan)) return settle(ctx, undefined, index, undefined);
  const sink = await MediaSink.open(
    await ctx.state.store.newFile(session),
    max,
  );
  await sink.write(bytes);
  return settle(ctx, sink, index, undefined);
}

/** Records the index, counts the attempt and decides this APPEND's faults. */
function known(ctx: RequestContext, session: Session, index: number): number {
  ctx.record.segmentIndex = index;
  ctx.state.store.countAttempt(session, index);
  ctx.plan = ctx.decideFaults(index);
  return index;
}

async function settle(
  ctx: RequestContext,
  sink: MediaSink | undefined,
  index: number | undefined,
  problem: Answer | undefined,
): Promise<Received> {
  if (problem || index === undefined || skipsApply(ctx.plan)) {
    await sink?.discard();
    if (problem) throw new Rejection(problem);
    // A reset planned past the end of a short body happens now, before anything is stored.
    if (ctx.plan?.resetAfter !== undefined) ctx.body.resetIfDue(true);
    return undefined;
  }
  return sink ? { sink, index } : undefined;
}

function parseIndex(text: string): number | undefined {
  return /^[0-9]{1,3}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

function invalidAnswer(message: string, parameter: string, value = ""): Answer {
  return invalidRequest(message, { [parameter]: [value] });
}

function tooLarge(max: number): Answer {
  return blankProblem(
    413,
    "Payload Too Large",
    `The segment exceeds the maximum of ${max} bytes per APPEND.`,
  );
}
