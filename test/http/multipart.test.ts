// The hand-built APPEND body: parsed back by undici's own multipart parser, exact Content-Length, byte counting.
import { describe, expect, test } from "@jest/globals";
import { openAsBlob } from "node:fs";
import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvalidInputError } from "../../src/errors/index.js";
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

  test("media of exactly two pieces is counted as two pieces, no empty third", async () => {
    const counted: number[] = [];
    const part = multipartSegment(
      new Blob([new Uint8Array(128 * 1024)]),
      0,
      (n) => counted.push(n),
    );
    await drain(part.body);
    expect(counted).toEqual([64 * 1024, 64 * 1024]);
  });

  test("a file changed on disk mid-upload: the body errors and `failure` says why", async () => {
    const dir = await mkdtemp(join(tmpdir(), "xmu-multipart-"));
    try {
      const path = join(dir, "media.bin");
      await writeFile(path, new Uint8Array(1000));
      const media = await openAsBlob(path);
      await appendFile(path, "changed");
      const part = multipartSegment(media, 0);
      expect(part.failure).toBeUndefined();
      await expect(drain(part.body)).rejects.toBeInstanceOf(InvalidInputError);
      expect(part.failure).toBeInstanceOf(InvalidInputError);
      expect(part.failure?.message).toBe(
        "The input became unreadable during the upload (was the file modified or deleted?). Upload it again once it is stable.",
      );
      expect((part.failure?.cause as Error).name).toBe("NotReadableError");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("cancelling the body (fetch aborted) cancels the read of the media", async () => {
    let cancelled: unknown = "not cancelled";
    const source = {
      size: 3 * 1024 * 1024,
      stream: () =>
        new ReadableStream<Uint8Array>({
          pull: (controller) => controller.enqueue(new Uint8Array(1024)),
          cancel: (reason) => {
            cancelled = reason;
          },
        }),
    } as unknown as Blob;
    const reader = multipartSegment(source, 0).body.getReader();
    await reader.read(); // the head
    await reader.read(); // the first media piece
    await reader.cancel(new Error("aborted"));
    expect(cancelled).toBeUndefined();
  });
});
