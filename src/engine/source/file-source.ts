// A file on disk as a MediaSource: a lazy Blob from fs.openAsBlob, or positioned reads for files of 4 GiB and more,
// whose size openAsBlob wraps at 2^32 on Node 20 (an 8,388,608,000-byte file reports 4,093,640,704 bytes).
import { openAsBlob } from "node:fs";
import { open, stat } from "node:fs/promises";
import { blobSource } from "./blob-source.js";
import type { MediaSource } from "./types.js";

/** Opens the regular file at `path`; `onClose` runs once when the source is closed (e.g. to delete a spool file). */
export async function fileSource(
  path: string,
  fileName: string | undefined,
  onClose: () => Promise<void> = async () => {},
): Promise<MediaSource> {
  const { size } = await stat(path);
  const blob = await openAsBlob(path);
  if (blob.size === size) return blobSource(blob, fileName, onClose);
  return rangeSource(path, size, fileName, onClose);
}

// Each read copies one segment (≤ 8 MiB) into memory: concurrency × segment size at most, as for sized streams.
async function rangeSource(
  path: string,
  size: number,
  fileName: string | undefined,
  onClose: () => Promise<void>,
): Promise<MediaSource> {
  const handle = await open(path, "r");
  const bytes = async (start: number, end: number) => {
    const length = Math.max(0, Math.min(end, size) - start);
    const buffer = new Uint8Array(new ArrayBuffer(length));
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(
        buffer,
        done,
        length - done,
        start + done,
      );
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buffer.subarray(0, done);
  };
  let closed = false;
  return {
    size,
    fileName,
    declaredType: undefined,
    sequential: false,
    head: (n) => bytes(0, n),
    read: async (start, end) => new Blob([await bytes(start, end)]),
    finish: async () => {},
    close: async () => {
      if (closed) return;
      closed = true;
      await handle.close().catch(() => {});
      await onClose();
    },
  };
}
