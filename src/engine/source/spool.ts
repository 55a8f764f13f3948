// A stream of unknown size is written to a temp file first, because INIT needs total_bytes;
// the file is deleted when the upload ends, whatever the outcome.
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AbortError, InvalidInputError } from "../../errors/index.js";
import { MAX_TOTAL_BYTES } from "../../media/types.js";
import { ChunkReader, type ByteStream } from "./chunk-reader.js";
import { fileSource } from "./file-source.js";
import type { MediaSource } from "./types.js";

/** Copies `stream` to a private temp directory and returns a file-backed source that deletes it on close. */
export async function spoolSource(
  stream: ByteStream,
  fileName: string | undefined,
  signal: AbortSignal | undefined,
): Promise<MediaSource> {
  const dir = await mkdtemp(join(tmpdir(), "x-media-upload-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, "spool");
  const reader = new ChunkReader(stream);
  const onAbort = () => void reader.cancel();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const file = await open(path, "w");
    try {
      let total = 0;
      for (
        let chunk = await reader.chunk();
        chunk;
        chunk = await reader.chunk()
      ) {
        total += chunk.byteLength;
        if (total > MAX_TOTAL_BYTES) {
          throw new InvalidInputError(
            `The input stream is larger than X's ${MAX_TOTAL_BYTES} byte maximum; nothing was sent.`,
          );
        }
        await file.write(chunk);
      }
    } finally {
      await file.close();
    }
    if (signal?.aborted)
      throw new AbortError(signal.reason, "spooling the input stream");
    return await fileSource(path, fileName, remove);
  } catch (error) {
    await reader.cancel();
    await remove();
    if (signal?.aborted)
      throw new AbortError(signal.reason, "spooling the input stream");
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}
