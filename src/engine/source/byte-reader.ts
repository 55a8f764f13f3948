// A MediaSource as inspection's ByteReader: random ranges of files and bytes; only the start of a sized stream.
import type { ByteReader } from "../../media/inspect/index.js";
import type { MediaSource } from "./types.js";

// A stream of known size is read once, in order: inspection sees only this much of its start.
const STREAM_HEAD_BYTES = 1024 * 1024;

/** Reads `source` for inspection; ranges past the first MiB of a sequential source throw, saying why. */
export async function byteReader(source: MediaSource): Promise<ByteReader> {
  if (!source.sequential) {
    return {
      size: source.size,
      read: async (start, end) =>
        new Uint8Array(await (await source.read(start, end)).arrayBuffer()),
    };
  }
  const head = await source.head(STREAM_HEAD_BYTES);
  return {
    size: source.size,
    read: async (start, end) => {
      if (end > head.length && start < source.size) {
        throw new Error(
          `a stream of known size is read once, in order, and this needs bytes ${start}–${end}, past its first ${head.length}; pass a path or a Blob, or omit \`size\`, to have it inspected`,
        );
      }
      return head.subarray(start, end);
    },
  };
}
