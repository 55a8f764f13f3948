// Where resumable upload sessions are kept between processes: a small key-value interface, so the default JSON
// file store, Redis (`x-media-upload/redis`) or a service's own database can hold them.
import type { UploadSession } from "./session.js";

/** One saved upload: its session and what identifies the input and account it belongs to. */
export interface SavedSession {
  /** Shape version of this record. */
  version: 1;
  /** The store key: a hash of the fingerprint, or of the caller's `resumeKey`. */
  key: string;
  /** What the upload reads, for people: the absolute path, or `resumeKey` for streams and Blobs. */
  source: string;
  /** Hash of the input (path, size, mtime, first and last 64 KiB), the API origin and the account identity. */
  fingerprint: string;
  /** Epoch ms of the last save. */
  savedAt: number;
  session: UploadSession;
}

/** Keeps saved sessions by key. Every method may reject; the library then goes on without resuming, with a warning. */
export interface SessionStore {
  get(key: string): Promise<SavedSession | undefined>;
  set(key: string, saved: SavedSession): Promise<void>;
  delete(key: string): Promise<void>;
  list(): Promise<SavedSession[]>;
  /**
   * Claims `key` for one upload at a time, across processes; resolves with a release function, or `undefined`
   * when a live upload holds it. Optional: a store without it lets two processes resume the same session.
   */
  claim?(key: string): Promise<(() => Promise<void>) | undefined>;
}
