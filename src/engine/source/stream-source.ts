// A stream of known size: read in order into per-segment buffers that the caller keeps until acknowledged.
import { InvalidInputError } from "../../errors/index.js";
import { ChunkReader, type ByteStream } from "./chunk-reader.js";
import type { MediaSource } from "./types.js";

/** A sequential source over `stream`, which must hold exactly `size` bytes and then end. */
export function streamSource(
  stream: ByteStream,
  size: number,
  fileName: string | undefined,
  stallTimeoutMs?: number,
): MediaSource {
  const reader = new ChunkReader(stream, stallTimeoutMs);
  let position = 0;
  return {
    size,
    fileName,
    declaredType: undefined,
    sequential: true,
    head: (n) => reader.peek(Math.min(n, size)),
    async read(start, end) {
      // A resumed upload skips what X already has: read past it, one segment's worth at a time.
      while (position < start) {
        const skipped = await reader.read(
          Math.min(start - position, end - start),
        );
        const n = skipped.reduce((sum, part) => sum + part.byteLength, 0);
        position += n;
        if (n === 0) throw shortStream(position, size);
      }
      if (start !== position) {
        throw new Error(
          `stream source read out of order: ${start} after ${position}`,
        );
      }
      // One copy into the Blob; the stream's chunks are released once it is built.
      const parts = (await reader.read(
        end - start,
      )) as Uint8Array<ArrayBuffer>[];
      const bytes = new Blob(parts);
      position += bytes.size;
      if (bytes.size < end - start) throw shortStream(position, size);
      return bytes;
    },
    async finish() {
      if (!(await reader.atEnd())) {
        throw new InvalidInputError(
          `The input stream holds more than \`size\` (${size}) bytes. Pass the exact size, or omit it to spool the stream to a temp file.`,
        );
      }
    },
    close: () => reader.cancel(),
  };
}

function shortStream(position: number, size: number): InvalidInputError {
  return new InvalidInputError(
    `The input stream ended after ${position} bytes, but \`size\` says ${size}. Pass the exact size, or omit it to spool the stream to a temp file.`,
  );
}
