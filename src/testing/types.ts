// Public data types of the fake X media server: operations and inspection records.
import type { Fault } from "./fault-types.js";

export type {
  Fault,
  FaultController,
  FaultRule,
  RandomFault,
  RandomFaults,
} from "./fault-types.js";

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
  /**
   * The state answered with the error once processing ends: `failed`, or `in_progress` at 99%, where X has been
   * seen to stay with an error for good (node-twitter-api-v2 #483, twitteroauth #1185).
   * @default "failed"
   */
  state?: "failed" | "in_progress";
}

/** Processing states of `processing_info.state`. */
export type ProcessingState =
  "pending" | "in_progress" | "succeeded" | "failed";

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
    | {
        state: ProcessingState;
        progressPercent: number;
        error?: ProcessingFailure;
      }
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
  subtitles: readonly {
    id: string;
    languageCode: string;
    displayName?: string;
  }[];
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
