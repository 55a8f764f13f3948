// The APPEND body, built by hand as a stream so bytes can be counted (progress, stall detection)
// and Content-Length stays exact (RFC 7578 multipart/form-data).
import { randomUUID } from "node:crypto";

/** A segment's bytes: a Blob slice (read lazily from disk) or bytes already in memory. */
export type SegmentPayload = Blob | Uint8Array;

/** A ready-to-send multipart body and its headers. */
export interface MultipartBody {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  contentLength: number;
}

// In-memory payloads are fed in pieces so progress and stall detection see movement.
const PIECE = 64 * 1024;

/** Builds `segment_index` + `media` parts over `payload`; `onBytes(n)` fires as media bytes are read by the socket. */
export function multipartSegment(
  payload: SegmentPayload,
  segmentIndex: number,
  onBytes: (n: number) => void = () => {},
): MultipartBody {
  const boundary = `x-media-upload-${randomUUID()}`;
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="segment_index"\r\n\r\n${segmentIndex}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="blob"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const size = payload instanceof Blob ? payload.size : payload.byteLength;
  const chunks = payloadChunks(payload);
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
        return;
      }
      controller.enqueue(next.value);
      onBytes(next.value.byteLength);
    },
    async cancel() {
      await chunks.return?.();
    },
  });
  return {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: head.byteLength + size + tail.byteLength,
  };
}

async function* payloadChunks(payload: SegmentPayload): AsyncGenerator<Uint8Array> {
  if (!(payload instanceof Blob)) {
    for (let at = 0; at < payload.byteLength; at += PIECE) {
      yield payload.subarray(at, at + PIECE);
    }
    return;
  }
  const reader = payload.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
