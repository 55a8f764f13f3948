// The hand-built APPEND body: parsed back by undici's own multipart parser, exact Content-Length, byte counting.
import { describe, expect, test } from "@jest/globals";
import { multipartSegment } from "../../src/http/multipart.js";

async function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("multipartSegment", () => {
  test("parses as form data with segment_index and the media bytes", async () => {
    const media = new Blob([new Uint8Array(200_000).map((_, i) => i & 0xff)]);
    const part = multipartSegment(media, 7);
    const form = await new Response(part.body, {
      headers: { "content-type": part.contentType },
    }).formData();
    expect(form.get("segment_index")).toBe("7");
    const file = form.get("media") as File;
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(
      new Uint8Array(await media.arrayBuffer()),
    );
  });

  test("Content-Length is exact, and every media byte is counted in pieces of ≤ 64 KiB", async () => {
    const media = new Blob([new Uint8Array(300_000)]);
    const counted: number[] = [];
    const part = multipartSegment(media, 0, (n) => counted.push(n));
    const bytes = await drain(part.body);
    expect(bytes.byteLength).toBe(part.contentLength);
    expect(counted.reduce((a, b) => a + b, 0)).toBe(300_000);
    expect(Math.max(...counted)).toBeLessThanOrEqual(64 * 1024);
  });

  test("each call has its own boundary; an empty media part still parses", async () => {
    const a = multipartSegment(new Blob([]), 0);
    const b = multipartSegment(new Blob([]), 0);
    expect(a.contentType).not.toBe(b.contentType);
    const form = await new Response(a.body, {
      headers: { "content-type": a.contentType },
    }).formData();
    expect((form.get("media") as File).size).toBe(0);
  });
});
