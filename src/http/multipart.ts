// The APPEND body, built by hand as a stream so bytes can be counted (progress, stall detection)
// and Content-Length stays exact (RFC 7578 multipart/form-data).
import { randomUUID } from "node:crypto";
import { InvalidInputError } from "../errors/index.js";

/** A ready-to-send multipart body and its headers. */
export interface MultipartBody {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  contentLength: number;
  /** Set when reading the media failed; fetch only reports "fetch failed", so callers rethrow this. */
  readonly failure: InvalidInputError | undefined;
}

const PIECE = 64 * 1024;

/**
 * Builds `segment_index` + `media` parts over `media` (a Blob slice stays on disk until read);
 * `onBytes(n)` fires as media bytes go out, `onEnd()` once the whole body is handed over.
 */
export function multipartSegment(
  media: Blob,
  segmentIndex: number,
  onBytes: (n: number) => void = () => {},
  onEnd: () => void = () => {},
): MultipartBody {
  const boundary = `x-media-upload-${randomUUID()}`;
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="segment_index"\r\n\r\n${segmentIndex}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="blob"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  let failure: InvalidInputError | undefined;
  const chunks = blobChunks(media, (error) => (failure = error));
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(head);
        return;
      }
      const next = await chunks.next();
      if (next.done) {
        controller.enqueue(tail);
        controller.close();
        onEnd();
        return;
      }
      controller.enqueue(next.value);
      onBytes(next.value.byteLength);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: head.byteLength + media.size + tail.byteLength,
    get failure() {
      return failure;
    },
  };
}

async function* blobChunks(
  blob: Blob,
  onFailure: (error: InvalidInputError) => void,
): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        // A file-backed Blob fails to read once the file changed on disk: no retry can fix that.
        const failure = new InvalidInputError(
          "The input became unreadable during the upload (was the file modified or deleted?). Upload it again once it is stable.",
          { cause: error },
        );
        onFailure(failure);
        throw failure;
      }
      if (next.done) return;
      yield* pieces(next.value);
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

// An in-memory Blob streams as one chunk; undici pulls the next chunk only once the socket
// drained the last (backpressure), so small pieces make the byte count follow the wire.
function* pieces(chunk: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < chunk.byteLength; at += PIECE) {
    yield chunk.subarray(at, at + PIECE);
  }
}
