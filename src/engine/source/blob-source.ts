// Random-access sources: Blobs (files from disk via fs.openAsBlob stay on disk) and in-memory bytes.
import type { MediaSource } from "./types.js";

/** A source over a Blob; `read` returns lazy slices, so nothing is loaded until sent. */
export function blobSource(
  blob: Blob,
  fileName: string | undefined,
  onClose: () => Promise<void> = async () => {},
): MediaSource {
  let closed = false;
  return {
    size: blob.size,
    fileName,
    declaredType: blob.type || undefined,
    sequential: false,
    head: async (n) => new Uint8Array(await blob.slice(0, n).arrayBuffer()),
    read: async (start, end) => blob.slice(start, end),
    finish: async () => {},
    close: async () => {
      if (closed) return;
      closed = true;
      await onClose();
    },
  };
}

/** A source over bytes already in memory; each segment is copied into a Blob only when it is read. */
export function bytesSource(
  bytes: Uint8Array,
  fileName: string | undefined,
): MediaSource {
  return {
    size: bytes.byteLength,
    fileName,
    declaredType: undefined,
    sequential: false,
    head: async (n) => bytes.subarray(0, n),
    // Blob copies the view; TS 5.9 types BlobPart as ArrayBuffer-backed only.
    read: async (start, end) =>
      new Blob([bytes.subarray(start, end) as Uint8Array<ArrayBuffer>]),
    finish: async () => {},
    close: async () => {},
  };
}
