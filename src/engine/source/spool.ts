// A stream of unknown size is written to a temp file first, because INIT needs total_bytes;
// the file is deleted when the upload ends, whatever the outcome.
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AbortError,
  InvalidInputError,
  XMediaError,
  isXMediaError,
  systemCode,
} from "../../errors/index.js";
import { MAX_CHUNKED_BYTES } from "../../media/segments.js";
import { fileSource } from "./file-source.js";
import { ChunkReader, type ByteStream } from "./chunk-reader.js";
import type { MediaSource } from "./types.js";

/** Copies `stream` to a private temp directory and returns a file-backed source that deletes it on close. */
export async function spoolSource(
  stream: ByteStream,
  fileName: string | undefined,
  signal: AbortSignal | undefined,
  stallTimeoutMs?: number,
): Promise<MediaSource> {
  const reader = new ChunkReader(stream, stallTimeoutMs);
  const dir = await mkdtemp(join(tmpdir(), "x-media-upload-")).catch(
    async (error: unknown) => {
      await reader.cancel();
      throw spoolFailure(error);
    },
  );
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, "spool");
  const onAbort = () => void reader.cancel();
  signal?.addEventListener("abort", onAbort, { once: true });
  // An abort while the temp dir was made fired no listener: without this, a stream that never ends hangs here.
  if (signal?.aborted) onAbort();
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
        // Past 1,000 segments of 8 MiB no upload can carry it: stop spooling rather than fill the disk.
        if (total > MAX_CHUNKED_BYTES) {
          throw new InvalidInputError(
            `The input stream is larger than a chunked upload can carry (1000 segments of at most 8 MiB, ${MAX_CHUNKED_BYTES} bytes); nothing was sent.`,
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
    throw isXMediaError(error) ? error : spoolFailure(error);
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}

function spoolFailure(error: unknown): XMediaError {
  const code = systemCode(error);
  return new XMediaError(
    `Could not spool the input stream to a temp file under ${tmpdir()}${code === undefined ? "" : ` (${code})`}. Free disk space or set TMPDIR, or pass \`size\` to stream without a temp file.`,
    { cause: error },
  );
}
