// The public entry points: createMediaClient (upload + thin typed calls + raw client) and uploadMedia.
import { attachMediaId, type ProcessingInfo } from "../errors/index.js";
import type { XClient, XClientOptions } from "../api/x-client.js";
import { createClientRuntime } from "./runtime.js";
import type { RateState, RateStateFactory } from "../api/rate-state.js";
import {
  uploadMany,
  type UploadManyItem,
  type UploadManyOptions,
  type UploadManyOutcome,
} from "./upload-many.js";
import { requestContext, type RequestContext } from "../api/context.js";
import { waitUntilProcessed } from "../engine/processing.js";
import * as requests from "../api/requests.js";
import type { UploadResult } from "../engine/result.js";
import type { UploadInput } from "../engine/source/open-source.js";
import { checkBoolean, checkFunction, checkString } from "./option-checks.js";
import { runUpload } from "../engine/upload.js";
import type { Answer, SuccessBody } from "../http/unwrap.js";
import type { operations } from "../../generated/openapi.js";
import {
  resolveMaxConcurrentRequests,
  resolveMaxConcurrentUploads,
  resolveUploadOptions,
  type UploadDefaults,
  type UploadOptions,
} from "./options.js";

/** Options of {@link createMediaClient}: connection settings, what its uploads share, and defaults for every upload. */
export interface MediaClientOptions extends XClientOptions, UploadDefaults {
  /**
   * APPEND requests in flight at once across all uploads of this client, shared fairly between them (each
   * upload's `concurrency` still caps its own). Segments are read only once they have a slot, so memory is
   * bounded by this budget, not by the number of uploads.
   * @default 16
   */
  maxConcurrentRequests?: number;
  /**
   * Where the client keeps what X said about its rate limits: a {@link RateState}, or a factory called once
   * with the account's identity hash (`redisRateState(redis)` from `x-media-upload/redis` shares it between
   * processes). Its holds and counts apply to every upload and call of this client.
   * @default an in-process state of this client (one gate per X endpoint)
   */
  rateState?: RateState | RateStateFactory | undefined;
  /**
   * A stable name for the account the token belongs to (its X user id, say). Saved sessions and shared rate
   * state are keyed by a hash of it instead of a hash of the token, so they survive an OAuth 2 token refresh.
   * @default a one-way hash of the token (OAuth 2) or of the consumer key and access token (OAuth 1.0a)
   */
  accountId?: string;
}

/** Per-call options of the thin typed methods. */
export type CallOptions = Pick<
  UploadOptions,
  "signal" | "requestTimeoutMs" | "stallTimeoutMs" | "retry" | "onRetry"
>;

/** Options of {@link MediaClient.waitForProcessing}. */
export interface WaitOptions extends Pick<
  UploadOptions,
  | "signal"
  | "processingTimeoutMs"
  | "requestTimeoutMs"
  | "stallTimeoutMs"
  | "retry"
  | "onRetry"
> {
  /**
   * Called with each `processing_info` X answers (state, `progress_percent`), the first one included.
   * @default undefined
   */
  onProcessing?: (info: ProcessingInfo) => void;
}

/** Uploads media to X and exposes each step of the chunked upload. */
export interface MediaClient {
  /** Uploads `input` (path, file: URL, bytes, Blob, stream) and resolves with the media id to attach to a post. */
  upload(input: UploadInput, options?: UploadOptions): Promise<UploadResult>;
  /** Uploads every item, a few at a time; resolves with each file's outcome in input order (settled, never rejected by a file's failure). */
  uploadMany(
    items: readonly UploadManyItem[],
    options?: UploadManyOptions,
  ): Promise<UploadManyOutcome[]>;
  /** `POST /2/media/upload/initialize`, one request (with retries). */
  initialize(
    body: requests.InitializeBody,
    options?: CallOptions,
  ): Promise<SuccessBody<"initializeMediaUpload">>;
  /** `POST /2/media/upload/{id}/append` of one segment. */
  append(
    segment: { id: string; segmentIndex: number; media: Blob | Uint8Array },
    options?: CallOptions,
  ): Promise<SuccessBody<"appendMediaUpload">>;
  /** `POST /2/media/upload/{id}/finalize`. */
  finalize(
    id: string,
    options?: CallOptions,
  ): Promise<SuccessBody<"finalizeMediaUpload">>;
  /** `GET /2/media/upload?command=STATUS&media_id={id}`. */
  status(
    id: string,
    options?: CallOptions,
  ): Promise<SuccessBody<"getMediaUploadStatus">>;
  /** `POST /2/media/metadata` with `alt_text`. */
  setAltText(
    id: string,
    text: string,
    options?: CallOptions,
  ): Promise<SuccessBody<"createMediaMetadata">>;
  /** Polls STATUS until processing of `id` ends; resolves with the final `processing_info` (undefined if none). */
  waitForProcessing(
    id: string,
    options?: WaitOptions,
  ): Promise<ProcessingInfo | undefined>;
  /** The generated openapi-fetch client, authenticated, for anything else. */
  readonly raw: XClient;
}

/** Creates a MediaClient; throws TypeError for bad options. */
export function createMediaClient(options: MediaClientOptions): MediaClient {
  const {
    auth,
    baseUrl,
    fetch,
    userAgent,
    maxConcurrentRequests,
    rateState,
    accountId,
    ...defaults
  } = options;
  // Validates the defaults now, so a bad one fails here rather than at the first upload.
  resolveUploadOptions({}, defaults);
  const runtime = createClientRuntime(
    {
      auth,
      ...(baseUrl === undefined ? {} : { baseUrl }),
      ...(fetch === undefined ? {} : { fetch }),
      ...(userAgent === undefined ? {} : { userAgent }),
    },
    {
      maxConcurrentRequests: resolveMaxConcurrentRequests(
        maxConcurrentRequests,
      ),
      rateState,
      accountId: checkString("accountId", accountId, 256),
    },
  );
  const contextFor = (call: CallOptions | WaitOptions = {}): RequestContext => {
    const o = resolveUploadOptions(call, defaults);
    return requestContext(runtime, o, o.signal);
  };
  const upload = (input: UploadInput, uploadOptions?: UploadOptions) =>
    runUpload(runtime, input, resolveUploadOptions(uploadOptions, defaults));
  return {
    raw: runtime.client,
    upload,
    uploadMany: (items, manyOptions = {}) => {
      const { maxConcurrentUploads, failFast, onProgress, ...shared } =
        manyOptions;
      // Checked before anything is sent: a bad batch option fails the call, not every file.
      resolveUploadOptions(shared, defaults);
      if (!Array.isArray(items)) {
        throw new TypeError(
          `Expected \`items\` to be an array of inputs, got ${typeof items}.`,
        );
      }
      return uploadMany(upload, items, {
        ...shared,
        maxConcurrentUploads: resolveMaxConcurrentUploads(maxConcurrentUploads),
        failFast: checkBoolean("failFast", failFast) ?? false,
        onProgress: checkFunction("onProgress", onProgress),
      });
    },
    initialize: (init, o) => body(requests.initialize(contextFor(o), init)),
    append: ({ id, segmentIndex, media }, o) =>
      body(
        requests.append(
          contextFor(o),
          id,
          segmentIndex,
          media instanceof Blob
            ? media
            : new Blob([media as Uint8Array<ArrayBuffer>]),
        ),
      ),
    finalize: (id, o) => body(requests.finalize(contextFor(o), id)),
    status: (id, o) => body(requests.status(contextFor(o), id)),
    setAltText: (id, text, o) =>
      body(
        requests.metadata(contextFor(o), {
          id,
          metadata: { alt_text: { text } },
        }),
      ),
    async waitForProcessing(id, { onProcessing, ...o } = {}) {
      const ctx = contextFor(o);
      const timeoutMs = resolveUploadOptions(o, defaults).processingTimeoutMs;
      try {
        const first = (await requests.status(ctx, id)).data?.data
          ?.processing_info;
        const outcome = await waitUntilProcessed(
          ctx,
          id,
          first,
          timeoutMs,
          onProcessing,
        );
        return outcome.processing;
      } catch (error) {
        // An abort between polls has no request to name the media; the caller may still want it.
        throw attachMediaId(error, id);
      }
    },
  };
}

/** Options of {@link uploadMedia}: connection settings and upload options in one object. */
export interface UploadMediaOptions extends UploadOptions, XClientOptions {}

/** One-shot upload: `createMediaClient({ auth, … }).upload(input, options)`. */
export function uploadMedia(
  input: UploadInput,
  options: UploadMediaOptions,
): Promise<UploadResult> {
  const { auth, baseUrl, fetch, userAgent, ...uploadOptions } = options;
  return createMediaClient({
    auth,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(fetch === undefined ? {} : { fetch }),
    ...(userAgent === undefined ? {} : { userAgent }),
  }).upload(input, uploadOptions);
}

// Every field of these bodies is optional, so an empty 2xx (204) is honestly `{}`.
async function body<K extends keyof operations>(
  answer: Promise<Answer<K>>,
): Promise<SuccessBody<K>> {
  return (await answer).data ?? ({} as SuccessBody<K>);
}
