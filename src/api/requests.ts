// One function per X media operation: a fresh openapi-fetch call per attempt, under retry,
// timeouts and error mapping. Types come from the spec's operations.
import type { operations } from "../../generated/openapi.js";
import type {
  OperationName,
  RateLimitInfo,
  RequestTarget,
} from "../errors/index.js";
import { attempt, type AttemptControl } from "../http/attempt.js";
import { multipartSegment } from "../http/multipart.js";
import { parseRateLimit } from "../http/rate-limit.js";
import { redactUrl } from "../http/redact.js";
import { unwrap, type Answer, type TextOutcome } from "../http/unwrap.js";
import type { RequestContext } from "./context.js";
import { inBackground } from "./rate-state.js";
import { withRetry } from "./retry.js";

/** INIT's JSON body, typed from the spec. */
export type InitializeBody = NonNullable<
  operations["initializeMediaUpload"]["requestBody"]
>["content"]["application/json"];
/** Metadata's JSON body, typed from the spec. */
export type MetadataBody = NonNullable<
  operations["createMediaMetadata"]["requestBody"]
>["content"]["application/json"];

// undici needs `duplex: "half"` to send a stream body (fetch spec, RequestInit.duplex); the DOM typings lack it.
const STREAMING = { duplex: "half" } as const;

/** `POST /2/media/upload/initialize`. */
export function initialize(
  ctx: RequestContext,
  body: InitializeBody,
): Promise<Answer<"initializeMediaUpload">> {
  const target = targetOf(
    ctx,
    "initialize",
    "POST",
    "/2/media/upload/initialize",
  );
  return retried(ctx, target, ({ signal }) =>
    ctx.client.POST("/2/media/upload/initialize", {
      body,
      parseAs: "text",
      signal,
    }),
  );
}

/** `POST /2/media/upload/{id}/append` of one segment; the body is rebuilt from `media` on every attempt. */
export function append(
  ctx: RequestContext,
  id: string,
  segmentIndex: number,
  media: Blob,
  hooks: { onAttempt?: () => void; onBytes?: (n: number) => void } = {},
): Promise<Answer<"appendMediaUpload">> {
  const path = `/2/media/upload/${encodeURIComponent(id)}/append`;
  const target = targetOf(ctx, "append", "POST", path, id, segmentIndex);
  let latest = 0;
  return retried(ctx, target, ({ signal, touch, sent }) => {
    const attempt = ++latest;
    hooks.onAttempt?.();
    // The stall watchdog runs while the body goes out (connecting included), not while X thinks.
    touch();
    const multipart = multipartSegment(
      media,
      segmentIndex,
      (n) => {
        // A failed attempt's body can still be pulled once the retry began: those bytes do not count.
        if (attempt !== latest) return;
        touch();
        hooks.onBytes?.(n);
      },
      sent,
    );
    const request = ctx.client.POST("/2/media/upload/{id}/append", {
      ...STREAMING,
      params: { path: { id } },
      body: { media, segment_index: segmentIndex },
      bodySerializer: () => multipart.body,
      headers: {
        "Content-Type": multipart.contentType,
        "Content-Length": String(multipart.contentLength),
      },
      parseAs: "text",
      signal,
    });
    // A source read failure reaches fetch's caller only as "fetch failed": surface ours.
    return request.catch((error: unknown) => {
      throw multipart.failure ?? error;
    });
  });
}

/** `POST /2/media/upload/{id}/finalize`. */
export function finalize(
  ctx: RequestContext,
  id: string,
): Promise<Answer<"finalizeMediaUpload">> {
  const path = `/2/media/upload/${encodeURIComponent(id)}/finalize`;
  const target = targetOf(ctx, "finalize", "POST", path, id);
  return retried(ctx, target, ({ signal }) =>
    ctx.client.POST("/2/media/upload/{id}/finalize", {
      params: { path: { id } },
      parseAs: "text",
      signal,
    }),
  );
}

/** `GET /2/media/upload?command=STATUS&media_id={id}`. */
export function status(
  ctx: RequestContext,
  id: string,
): Promise<Answer<"getMediaUploadStatus">> {
  const query = `?command=STATUS&media_id=${encodeURIComponent(id)}`;
  const target = targetOf(ctx, "status", "GET", `/2/media/upload${query}`, id);
  return retried(ctx, target, ({ signal }) =>
    ctx.client.GET("/2/media/upload", {
      params: { query: { command: "STATUS", media_id: id } },
      parseAs: "text",
      signal,
    }),
  );
}

/** `POST /2/media/metadata` (alt text and other metadata). */
export function metadata(
  ctx: RequestContext,
  body: MetadataBody,
): Promise<Answer<"createMediaMetadata">> {
  const target = targetOf(
    ctx,
    "metadata",
    "POST",
    "/2/media/metadata",
    body.id,
  );
  return retried(ctx, target, ({ signal }) =>
    ctx.client.POST("/2/media/metadata", { body, parseAs: "text", signal }),
  );
}

function retried<K extends keyof operations>(
  ctx: RequestContext,
  target: RequestTarget,
  send: (control: AttemptControl) => Promise<TextOutcome>,
): Promise<Answer<K>> {
  return withRetry(ctx.retry, target, async () => {
    let info: RateLimitInfo | undefined;
    try {
      return await attempt(target, ctx, async (control) => {
        const outcome = await send(control);
        info = parseRateLimit(outcome.response.headers);
        return unwrap<K>(target, outcome, ctx.secrets);
      });
    } finally {
      // What X says is left holds the endpoint for every upload of the client once it is used up,
      // instead of spending requests to learn it from 429s.
      inBackground(ctx.retry.rate.record(target.operation, info));
    }
  });
}

function targetOf(
  ctx: RequestContext,
  operation: OperationName,
  method: "GET" | "POST",
  path: string,
  mediaId?: string,
  segmentIndex?: number,
): RequestTarget {
  return {
    operation,
    method,
    url: redactUrl(`${ctx.baseUrl}${path}`),
    mediaId,
    segmentIndex,
  };
}
