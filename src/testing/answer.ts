// What a handler answers, and writing it to the response.
import type { ServerResponse } from "node:http";

/** A complete HTTP answer. */
export interface Answer {
  status: number;
  headers?: Readonly<Record<string, string>>;
  /** Serialized as JSON unless a string or Buffer. */
  body?: unknown;
  /** @default "application/json; charset=utf-8" when there is a body */
  contentType?: string;
}

/** An `application/json` answer. */
export function jsonAnswer(status: number, body: unknown): Answer {
  return { status, body };
}

/** Writes `answer` plus `extraHeaders`; a no-op if the socket is gone. */
export function writeAnswer(
  res: ServerResponse,
  answer: Answer,
  extraHeaders: Record<string, string>,
): void {
  if (res.destroyed || res.headersSent) return;
  const payload =
    answer.body === undefined
      ? undefined
      : typeof answer.body === "string" || Buffer.isBuffer(answer.body)
        ? answer.body
        : JSON.stringify(answer.body);
  const headers: Record<string, string | number> = {
    ...extraHeaders,
    ...answer.headers,
  };
  if (payload !== undefined) {
    headers["content-type"] =
      answer.contentType ?? "application/json; charset=utf-8";
    headers["content-length"] = Buffer.byteLength(payload);
  }
  res.writeHead(answer.status, headers);
  res.end(payload);
}
