// Describes the request an error is about, in the words of X's docs.

/** The step of the chunked upload (or the helper call) a request belongs to. */
export type OperationName =
  "initialize" | "append" | "finalize" | "status" | "metadata";

/** One HTTP request, as errors report it (the URL is already redacted). */
export interface RequestTarget {
  /** Which step of the upload. */
  readonly operation: OperationName;
  /** HTTP method. */
  readonly method: "GET" | "POST";
  /** Absolute URL with secrets redacted. */
  readonly url: string;
  /** The APPEND segment, when the request is one. */
  readonly segmentIndex?: number | undefined;
  /** The upload's media id, once known. */
  readonly mediaId?: string | undefined;
}

/** "POST https://api.x.com/2/media/upload/1/append (append, segment 3)" */
export function describeTarget(target: RequestTarget): string {
  const step =
    target.segmentIndex === undefined
      ? target.operation
      : `${target.operation}, segment ${target.segmentIndex}`;
  return `${target.method} ${target.url} (${step})`;
}
