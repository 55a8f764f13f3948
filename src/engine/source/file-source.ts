// A file on disk as a MediaSource: a lazy Blob from fs.openAsBlob, or positioned reads where the runtime has no
// lazy Blob for it (Deno; files of 4 GiB and more on Node 20: see src/runtime.ts).
import { open, stat } from "node:fs/promises";
import { InvalidInputError } from "../../errors/index.js";
import { lazyFileBlob } from "../../runtime.js";
import { blobSource } from "./blob-source.js";
import type { MediaSource } from "./types.js";

/** Opens the regular file at `path`; `onClose` runs once when the source is closed (e.g. to delete a spool file). */
export async function fileSource(
  path: string,
  fileName: string | undefined,
  onClose: () => Promise<void> = async () => {},
): Promise<MediaSource> {
  const { size } = await stat(path);
  const blob = await lazyFileBlob(path, size);
  if (blob) return blobSource(blob, fileName, onClose);
  return rangeSource(path, size, fileName, onClose);
}

/** Reads each segment when it is sent, copying it into memory: concurrency × segment size at most, as for sized streams. */
export async function rangeSource(
  path: string,
  size: number,
  fileName: string | undefined,
  onClose: () => Promise<void> = async () => {},
): Promise<MediaSource> {
  const handle = await open(path, "r");
  const opened = await handle.stat();
  const bytes = async (start: number, end: number) => {
    const now = await handle.stat();
    // As Node's file-backed Blob does: a file changed since it was opened is not read (its size is already at X).
    if (now.size !== opened.size || now.mtimeMs !== opened.mtimeMs) {
      throw new InvalidInputError(
        `The input file ${JSON.stringify(path)} changed during the upload. Upload it again once it is stable.`,
      );
    }
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
