// A file on disk as a MediaSource: a lazy fs.openAsBlob Blob where the runtime has one, else positioned reads.
import { open } from "node:fs/promises";
import { InvalidInputError } from "../../errors/index.js";
import { openLazyFileBlob } from "../../runtime.js";
import { blobSource } from "./blob-source.js";
import type { MediaSource } from "./types.js";

/** Opens the regular file at `path`; `onClose` runs once when the source is closed. */
export async function fileSource(
  path: string,
  fileName: string | undefined,
  onClose: () => Promise<void> = async () => {},
): Promise<MediaSource> {
  return openLazyFileBlob
    ? blobSource(await openLazyFileBlob(path), fileName, onClose)
    : readingFileSource(path, fileName, onClose);
}

/** A source that reads each segment from the file when it is sent: memory stays one segment per APPEND in flight. */
export async function readingFileSource(
  path: string,
  fileName: string | undefined,
  onClose: () => Promise<void> = async () => {},
): Promise<MediaSource> {
  const handle = await open(path, "r");
  const opened = await handle.stat();
  const range = async (start: number, end: number): Promise<Uint8Array> => {
    const now = await handle.stat();
    // Like Node's file-backed Blob: a file changed since it was opened is not read (its size is already at X).
    if (now.size !== opened.size || now.mtimeMs !== opened.mtimeMs) {
      throw new InvalidInputError(
        `The input file ${JSON.stringify(path)} changed during the upload. Upload it again once it is stable.`,
      );
    }
    const bytes = new Uint8Array(
      Math.max(0, Math.min(end, opened.size) - start),
    );
    const { bytesRead } = await handle.read(bytes, 0, bytes.byteLength, start);
    return bytes.subarray(0, bytesRead);
  };
  let closed = false;
  return {
    size: opened.size,
    fileName,
    declaredType: undefined,
    sequential: false,
    head: (n) => range(0, n),
    read: async (start, end) =>
      new Blob([(await range(start, end)) as Uint8Array<ArrayBuffer>]),
    finish: async () => {},
    close: async () => {
      if (closed) return;
      closed = true;
      await handle.close().catch(() => {});
      await onClose();
    },
  };
}
