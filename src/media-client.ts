// The public entry points: createMediaClient (upload + thin typed calls + raw client) and uploadMedia.
import { attachMediaId, type ProcessingInfo } from "./errors/index.js";
import {
  createXClient,
  DEFAULT_BASE_URL,
  type XClient,
  type XClientOptions,
} from "./client.js";
import { validateAuth, type Auth } from "./auth/middleware.js";
import type { RequestContext } from "./engine/context.js";
import { waitUntilProcessed } from "./engine/processing.js";
import { RateGate } from "./engine/rate-gate.js";
import { retryListener } from "./engine/retry.js";
import * as requests from "./engine/requests.js";
import type { UploadResult } from "./engine/result.js";
import type { UploadInput } from "./engine/source/open-source.js";
import { runUpload, type ClientContext } from "./engine/upload.js";
import type { Answer, SuccessBody } from "./http/unwrap.js";
import type { operations } from "../generated/openapi.js";
import {
  resolveUploadOptions,
  type UploadDefaults,
  type UploadOptions,
} from "./options.js";

/** Options of {@link createMediaClient}: connection settings plus defaults for every upload. */
export interface MediaClientOptions extends XClientOptions, UploadDefaults {}

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
  const { auth, baseUrl, fetch, userAgent, ...defaults } = options;
  // Validates the defaults now, so a bad one fails here rather than at the first upload.
  resolveUploadOptions({}, defaults);
  const raw = createXClient({
    auth,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(fetch === undefined ? {} : { fetch }),
    ...(userAgent === undefined ? {} : { userAgent }),
  });
  const base: ClientContext = {
    client: raw,
    baseUrl: (baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
    secrets: secretsOf(validateAuth(auth)),
  };
  const contextFor = (call: CallOptions | WaitOptions = {}): RequestContext => {
    const o = resolveUploadOptions(call, defaults);
    return {
      ...base,
      signal: o.signal,
      limits: {
        requestTimeoutMs: o.requestTimeoutMs,
        stallTimeoutMs: o.stallTimeoutMs,
      },
      retry: {
        policy: o.retry,
        gate: new RateGate(),
        signal: o.signal,
        onRetry: retryListener(o.onRetry, o.retry.retries),
      },
    };
  };
  return {
    raw,
    upload: (input, uploadOptions) =>
      runUpload(base, input, resolveUploadOptions(uploadOptions, defaults)),
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

function secretsOf(auth: Auth): string[] {
  return auth.type === "oauth2"
    ? [auth.accessToken]
    : [
        auth.consumerKey,
        auth.consumerSecret,
        auth.accessToken,
        auth.accessTokenSecret,
      ];
}
