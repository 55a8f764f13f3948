// A streaming multipart/form-data parser (RFC 7578 / RFC 2046 §5.1): push chunks, get part events; O(chunk) memory.

/** Headers of one part that matter here. */
export interface PartHeaders {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
}

/** What the parser found in a chunk. */
export type MultipartEvent =
  | { type: "part"; headers: PartHeaders }
  | { type: "data"; data: Buffer }
  | { type: "partEnd" }
  | { type: "end" };

/** Thrown for a body that is not valid multipart. */
export class MultipartError extends Error {
  override name = "MultipartError" as const;
}

const MAX_HEADER_BYTES = 16 * 1024;
const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/** Returns the boundary of a `multipart/form-data` content type, or `undefined`. */
export function multipartBoundary(
  contentType: string | undefined,
): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType))
    return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Creates a push parser for one body with `boundary`. */
export function createMultipartParser(boundary: string): {
  push(chunk: Buffer): MultipartEvent[];
  /** Call at the end of the body; throws if the closing delimiter was never seen. */
  finish(): void;
} {
  // RFC 2046 §5.1.1: a delimiter is CRLF "--" boundary; seeding with CRLF lets the first one match too.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let buffer: Buffer = Buffer.from(CRLF);
  let state: "preamble" | "afterDelimiter" | "headers" | "body" | "done" =
    "preamble";

  function step(events: MultipartEvent[]): boolean {
    switch (state) {
      case "preamble": {
        const at = buffer.indexOf(delimiter);
        if (at < 0) {
          buffer = buffer.subarray(
            Math.max(0, buffer.length - delimiter.length + 1),
          );
          return false;
        }
        buffer = buffer.subarray(at + delimiter.length);
        state = "afterDelimiter";
        return true;
      }
      case "afterDelimiter": {
        // RFC 2046 §5.1.1: "--" closes; otherwise optional linear whitespace then CRLF.
        if (buffer.length < 2) return false;
        if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = "done";
          events.push({ type: "end" });
          return false;
        }
        const eol = buffer.indexOf(CRLF);
        if (eol < 0) {
          if (buffer.length > 256)
            throw new MultipartError("malformed multipart delimiter line");
          return false;
        }
        if (!/^[ \t]*$/.test(buffer.subarray(0, eol).toString("latin1"))) {
          throw new MultipartError("malformed multipart delimiter line");
        }
        buffer = buffer.subarray(eol + 2);
        state = "headers";
        return true;
      }
      case "headers": {
        const end = buffer.indexOf(HEADER_END);
        // A part with no headers at all starts with the blank line directly.
        const empty = buffer.subarray(0, 2).equals(CRLF);
        if (end < 0 && !empty) {
          if (buffer.length > MAX_HEADER_BYTES)
            throw new MultipartError("multipart part headers too large");
          return false;
        }
        const raw = empty ? "" : buffer.subarray(0, end).toString("utf8");
        buffer = buffer.subarray(empty ? 2 : end + 4);
        events.push({ type: "part", headers: parseHeaders(raw) });
        state = "body";
        return true;
      }
      case "body": {
        const at = buffer.indexOf(delimiter);
        if (at < 0) {
          // Keep a tail that might be the start of a delimiter split across chunks.
          const safe = buffer.length - delimiter.length + 1;
          if (safe > 0) {
            events.push({ type: "data", data: buffer.subarray(0, safe) });
            buffer = buffer.subarray(safe);
          }
          return false;
        }
        if (at > 0) events.push({ type: "data", data: buffer.subarray(0, at) });
        events.push({ type: "partEnd" });
        buffer = buffer.subarray(at + delimiter.length);
        state = "afterDelimiter";
        return true;
      }
      case "done":
        buffer = Buffer.alloc(0);
        return false;
    }
  }

  return {
    push(chunk) {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      const events: MultipartEvent[] = [];
      while (step(events));
      return events;
    },
    finish() {
      if (state !== "done")
        throw new MultipartError(
          "multipart body ended before its closing boundary",
        );
    },
  };
}

function parseHeaders(raw: string): PartHeaders {
  let name: string | undefined;
  let filename: string | undefined;
  let contentType: string | undefined;
  for (const line of raw.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "content-type") contentType = value;
    if (key === "content-disposition") {
      name = param(value, "name");
      filename = param(value, "filename");
    }
  }
  if (name === undefined)
    throw new MultipartError(
      "multipart part without a Content-Disposition name",
    );
  return { name, filename, contentType };
}

function param(value: string, key: string): string | undefined {
  const match = new RegExp(
    `;\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`,
    "i",
  ).exec(value);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : match[2];
}
