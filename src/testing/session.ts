// The record of one upload session as the store keeps it.
import type { MediaKind } from "./categories.js";
import type { ProcessingFailure } from "./types.js";

/** One stored segment: the committed attempt's file and size. */
export interface StoredSegment {
  bytes: number;
  attempts: number;
  file: string | undefined;
}

/** One upload session. */
export interface Session {
  id: string;
  /** 1-based INIT order. */
  ordinal: number;
  mediaKey: string;
  kind: MediaKind;
  /** `undefined` for 3D models, which take no category. */
  mediaCategory: string | undefined;
  mediaType: string;
  totalBytes: number;
  additionalOwners: string[];
  shared: boolean;
  segments: Map<number, StoredSegment>;
  createdAt: number;
  expiresAt: number;
  finalizedAt: number | undefined;
  finalizing: Promise<unknown> | undefined;
  sha256: string | undefined;
  /** Failure decided at FINALIZE (validation, options.processing.fail, a global forced failure). */
  failure: ProcessingFailure | undefined;
  /** Failure forced later through setProcessingFailure(…, id); wins over `failure`. */
  forcedFailure: ProcessingFailure | null | undefined;
  metadata: Record<string, unknown>;
  subtitles: { id: string; languageCode: string; displayName?: string }[];
  /** Set once expired and its files removed. */
  purged: boolean;
  /** Pixel size read at FINALIZE (images whose header shows it), answered as `image {w, h}`. */
  imageSize?: { w: number; h: number } | undefined;
}

/** What INITIALIZE (or one-shot) records. */
export type NewSession = Pick<
  Session,
  | "kind"
  | "mediaCategory"
  | "mediaType"
  | "totalBytes"
  | "additionalOwners"
  | "shared"
  | "expiresAt"
> & { keyPrefix: number };
