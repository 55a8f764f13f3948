// The handle startFakeXServer returns.
import type {
  FakeCounters,
  FakeRequestRecord,
  FakeUpload,
  FaultController,
  ProcessingFailure,
} from "./types.js";

/** A running fake X media server. */
export interface FakeXServer {
  /** Origin to use as the client's base URL, e.g. `http://127.0.0.1:53187` (no trailing slash). */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Snapshots of every upload session by media id. */
  readonly uploads: ReadonlyMap<string, FakeUpload>;
  /** Copies of every request record, oldest first. */
  readonly requests: readonly FakeRequestRecord[];
  /** Running totals. */
  readonly counters: FakeCounters;
  /** Adds and removes faults while running. */
  readonly faults: FaultController;
  /** Snapshot of one upload, or `undefined`. */
  upload(mediaId: string): FakeUpload | undefined;
  /** The assembled bytes of an upload's stored segments, in index order (for small media in tests). */
  readMedia(mediaId: string): Promise<Buffer>;
  /**
   * Makes processing fail with `failure` (default InvalidMedia): for `mediaId` at once, or without it for every
   * video/GIF finalized from now on. `null` undoes it (and makes `mediaId` succeed).
   */
  setProcessingFailure(
    failure?: ProcessingFailure | null,
    mediaId?: string,
  ): void;
  /** Forgets uploads (deleting their files), requests, counters, faults, rate-limit windows and nonces. */
  reset(): Promise<void>;
  /** Ends every connection (stalled ones too), stops listening and deletes the temp dir; idempotent. */
  close(): Promise<void>;
}
