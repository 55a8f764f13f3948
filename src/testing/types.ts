// Public data types of the fake X media server: operations, faults, inspection records.

/** The eight media operations, named by their operationId in openapi/x-media.openapi.json. */
export const FAKE_OPERATIONS = [
  "initializeMediaUpload",
  "appendMediaUpload",
  "finalizeMediaUpload",
  "getMediaUploadStatus",
  "mediaUpload",
  "createMediaMetadata",
  "createMediaSubtitles",
  "deleteMediaSubtitles",
] as const;

/** One media operation of the fake, by operationId. */
export type FakeOperation = (typeof FAKE_OPERATIONS)[number];

/** How X reports a failed processing job in `processing_info.error`. */
export interface ProcessingFailure {
  code: number;
  name: string;
  message: string;
}

/** Processing states of `processing_info.state`. */
export type ProcessingState = "pending" | "in_progress" | "succeeded" | "failed";

/** Something the fake does to a request instead of (or on top of) answering it normally. */
export type Fault =
  /** Answer this HTTP status with X's body for it (429 carries rate-limit headers, 500/503 X's legacy body). */
  | {
      kind: "status";
      status: number;
      /** For 429: seconds until `x-rate-limit-reset`, also sent as `retry-after`. @default 1 */
      retryAfterSecs?: number;
      /** `before`: the request is not applied; `after`: applied, then its answer is lost. @default "before" */
      when?: "before" | "after";
    }
  /** Destroy the socket after reading `afterBytes` of the request body (or all of it, if shorter). */
  | { kind: "reset"; /** @default 0 */ afterBytes?: number }
  /** Read the request, never answer; `close()` still ends it. */
  | { kind: "stall" }
  /** Wait `ms` before answering. */
  | { kind: "latency"; ms: number }
  /** Read the request body at most `bytesPerSecond`. */
  | { kind: "bandwidth"; bytesPerSecond: number }
  /** Answer 200 with `{errors:[…]}` and no `data`. */
  | { kind: "errors200"; /** @default "before" */ when?: "before" | "after" }
  /** Answer a non-JSON nginx-style HTML 502 page. */
  | { kind: "html502"; /** @default "before" */ when?: "before" | "after" }
  /** Apply the request, answer its usual body with another 2xx status (e.g. FINALIZE answering 201). */
  | { kind: "successStatus"; status: number }
  /** Apply the request, answer an empty 204. */
  | { kind: "empty204" };

/** A scripted fault: which requests it hits and how often. */
export interface FaultRule {
  /** Operations it applies to. @default every operation */
  operation?: FakeOperation | readonly FakeOperation[];
  /** Only requests about this media id. */
  mediaId?: string;
  /** Only APPENDs of this `segment_index`. */
  segmentIndex?: number;
  /**
   * Only the n-th attempt (1-based): per media id and segment index for APPEND,
   * per media id for other operations on a media id, per operation for INIT/one-shot.
   */
  attempt?: number;
  /** How many requests it hits before it is used up. @default 1 */
  times?: number;
  fault: Fault;
}

/** A fault applied at random to a share of the requests. */
export interface RandomFault {
  /** Probability from 0 to 1 per matching request. */
  rate: number;
  fault: Fault;
  /** Operations it applies to. @default every operation */
  operation?: FakeOperation | readonly FakeOperation[];
}

/** Seeded random faults: the same seed gives the same faults for the same requests, whatever their order. */
export interface RandomFaults {
  seed: number;
  faults: readonly RandomFault[];
}

/** Adds and removes faults on a running server. */
export interface FaultController {
  /** Adds scripted rules (checked in the order added). */
  add(...rules: FaultRule[]): void;
  /** Sets (or with `null` removes) the random faults. */
  setRandom(random: RandomFaults | null): void;
  /** Removes every rule and the random faults. */
  clear(): void;
  /** Rules not used up yet, with `remaining` hits. */
  readonly pending: readonly (FaultRule & { remaining: number })[];
}

/** One APPENDed segment as stored. */
export interface FakeSegment {
  index: number;
  /** Bytes of the last complete attempt (a re-sent index replaces the earlier bytes). */
  bytes: number;
  /** APPENDs received for this index, complete or not. */
  attempts: number;
}

/** Snapshot of one upload session (media id) on the fake. */
export interface FakeUpload {
  id: string;
  mediaKey: string;
  /** `uploading` until FINALIZE; `expired` once `expiresAt` has passed. */
  state: "uploading" | "finalized" | "expired";
  /** As sent, or the one X assumes from the media type; `undefined` for 3D models. */
  mediaCategory: string | undefined;
  mediaType: string;
  totalBytes: number;
  additionalOwners: readonly string[];
  shared: boolean;
  /** Stored segments by index. */
  segments: ReadonlyMap<number, FakeSegment>;
  /** Sum of the stored segments' bytes. */
  receivedBytes: number;
  /** Hex SHA-256 of the assembled bytes, set by FINALIZE. */
  sha256: string | undefined;
  /** Processing of a video or GIF after FINALIZE; `undefined` for images and before FINALIZE. */
  processing:
    | { state: ProcessingState; progressPercent: number; error?: ProcessingFailure }
    | undefined;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms. */
  finalizedAt: number | undefined;
  /** Epoch ms after which the id is no longer accepted. */
  expiresAt: number;
  /** Metadata set through `POST /2/media/metadata` (merged). */
  metadata: Readonly<Record<string, unknown>>;
  /** Subtitles attached through `POST /2/media/subtitles`. */
  subtitles: readonly { id: string; languageCode: string; displayName?: string }[];
}

/** One request as logged by the fake. */
export interface FakeRequestRecord {
  /** 1-based arrival order. */
  seq: number;
  method: string;
  /** Path and query as sent. */
  path: string;
  /** `undefined` for unknown routes. */
  operation: FakeOperation | undefined;
  mediaId: string | undefined;
  /** APPEND `segment_index`, once read. */
  segmentIndex: number | undefined;
  /** `undefined` while in flight, or when reset or stalled. */
  status: number | undefined;
  /** `answered`, or what happened instead. */
  outcome: "in-flight" | "answered" | "reset" | "stalled" | "aborted";
  /** Epoch ms. */
  startedAt: number;
  durationMs: number | undefined;
  /** Request body bytes read. */
  bytesReceived: number;
  /** Faults applied to it (empty if none). */
  faults: readonly Fault[];
  /** Authentication used. */
  auth: "oauth2" | "oauth1" | "none";
  /** Why the fake answered an error or what it noticed, in words (never sent to the client). */
  detail: string | undefined;
}

/** Running totals since start or the last `reset()`. */
export interface FakeCounters {
  requests: number;
  byOperation: Readonly<Record<FakeOperation, number>>;
  faultsApplied: number;
  bytesReceived: number;
  /** Requests being handled now. */
  inFlight: number;
  /** Most APPENDs ever in flight at once (shows the client's parallelism). */
  maxConcurrentAppends: number;
}
