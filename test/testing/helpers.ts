// Small raw HTTP helpers for the fake server tests: no library client, just fetch.
import type { FakeXServer } from "../../src/testing/index.js";

/** Default bearer header used by tests. */
export const AUTH = { authorization: "Bearer test-token" };

/** A response with its parsed JSON body (or text when not JSON). */
export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  /**
   * The same body, untyped, for reading paths in assertions; `body` stays `unknown`.
   * Tests assert on error and fault answers the operation types do not describe, so a typed view would need a cast per line.
   */
  json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Sends a request and parses the answer. */
export async function call(
  server: FakeXServer,
  path: string,
  init: RequestInit = {},
): Promise<Reply> {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { ...AUTH, ...init.headers },
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (e.g. an HTML 502 page).
  }
  return {
    status: response.status,
    headers: response.headers,
    body,
    json: (body ?? {}) as Reply["json"],
  };
}

/** POSTs a JSON body. */
export function postJson(
  server: FakeXServer,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return call(server, path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
}

/** INITIALIZE; returns the reply. */
export function init(
  server: FakeXServer,
  body: Record<string, unknown>,
): Promise<Reply> {
  return postJson(server, "/2/media/upload/initialize", body);
}

/** APPENDs one segment as multipart (segment_index first, as X's tools send it). */
export function append(
  server: FakeXServer,
  id: string,
  index: number,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const form = new FormData();
  form.append("segment_index", String(index));
  form.append("media", new Blob([new Uint8Array(bytes)]), "blob");
  return call(server, `/2/media/upload/${id}/append`, {
    method: "POST",
    body: form,
    headers,
  });
}

/** FINALIZE. */
export function finalize(server: FakeXServer, id: string): Promise<Reply> {
  return call(server, `/2/media/upload/${id}/finalize`, { method: "POST" });
}

/** STATUS. */
export function status(server: FakeXServer, id: string): Promise<Reply> {
  return call(server, `/2/media/upload?command=STATUS&media_id=${id}`);
}

/** A minimal valid MP4 head (ftyp isom) followed by `size - 32` pattern bytes. */
export function fakeMp4(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  Buffer.from(
    "000000206674797069736f6d0000020069736f6d69736f32617663316d703431",
    "hex",
  ).copy(bytes);
  for (let i = 32; i < size; i++) bytes[i] = (i * 31) & 0xff;
  return bytes;
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082",
  "hex",
);

/** Initializes, appends `segments` (in order) and finalizes; returns the media id. */
export async function uploadAll(
  server: FakeXServer,
  mediaType: string,
  category: string,
  segments: Buffer[],
): Promise<string> {
  const total = segments.reduce((sum, s) => sum + s.length, 0);
  const started = await init(server, {
    media_type: mediaType,
    media_category: category,
    total_bytes: total,
  });
  const id = started.json.data.id as string;
  for (const [i, s] of segments.entries()) await append(server, id, i, s);
  const done = await finalize(server, id);
  if (done.status !== 200)
    throw new Error(`finalize ${done.status}: ${JSON.stringify(done.body)}`);
  return id;
}
