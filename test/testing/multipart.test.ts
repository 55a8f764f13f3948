import { describe, expect, it } from "@jest/globals";
import {
  createMultipartParser,
  multipartBoundary,
  MultipartError,
  type MultipartEvent,
} from "../../src/testing/multipart.js";

const BOUNDARY = "----x-boundary-42";
const MEDIA = Buffer.concat([
  Buffer.from(`\r\n--${BOUNDARY.slice(0, 8)}`),
  Buffer.alloc(300, 7),
  Buffer.from("\r\n--"),
]);

function body(): Buffer {
  return Buffer.concat([
    Buffer.from(
      `preamble\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="segment_index"\r\n\r\n7\r\n`,
    ),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="media"; filename="a \\"b\\".bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    MEDIA,
    Buffer.from(`\r\n--${BOUNDARY}--\r\nepilogue`),
  ]);
}

function parse(chunks: Buffer[]): {
  parts: { name: string; filename: string | undefined; data: Buffer }[];
  ended: boolean;
} {
  const parser = createMultipartParser(BOUNDARY);
  const events: MultipartEvent[] = chunks.flatMap((c) => parser.push(c));
  parser.finish();
  const parts: { name: string; filename: string | undefined; data: Buffer }[] =
    [];
  for (const event of events) {
    if (event.type === "part")
      parts.push({
        name: event.headers.name,
        filename: event.headers.filename,
        data: Buffer.alloc(0),
      });
    if (event.type === "data") {
      const last = parts.at(-1)!;
      last.data = Buffer.concat([last.data, event.data]);
    }
  }
  return { parts, ended: events.at(-1)?.type === "end" };
}

describe("multipart parser", () => {
  it("parses fields and a file whose bytes look like a delimiter", () => {
    const { parts, ended } = parse([body()]);
    expect(ended).toBe(true);
    expect(parts.map((p) => p.name)).toEqual(["segment_index", "media"]);
    expect(parts[0]!.data.toString()).toBe("7");
    expect(parts[1]!.filename).toBe('a "b".bin');
    expect(parts[1]!.data).toEqual(MEDIA);
  });

  it("gives the same result for every split point and byte-by-byte", () => {
    const whole = body();
    for (let at = 0; at <= whole.length; at++) {
      const { parts } = parse([whole.subarray(0, at), whole.subarray(at)]);
      expect(parts[1]!.data).toEqual(MEDIA);
      expect(parts[0]!.data.toString()).toBe("7");
    }
    const bytes = [...whole].map((b) => Buffer.from([b]));
    expect(parse(bytes).parts[1]!.data).toEqual(MEDIA);
  });

  it("holds back no more than a delimiter's length of a large part", () => {
    const parser = createMultipartParser(BOUNDARY);
    parser.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="media"\r\n\r\n`,
      ),
    );
    const events = parser.push(Buffer.alloc(100_000, 1));
    const emitted = events.reduce(
      (sum, e) => sum + (e.type === "data" ? e.data.length : 0),
      0,
    );
    expect(emitted).toBeGreaterThan(100_000 - BOUNDARY.length - 5);
  });

  it("throws MultipartError for a truncated body, a part without a name, and huge headers", () => {
    const whole = body();
    expect(() => parse([whole.subarray(0, whole.length - 20)])).toThrow(
      MultipartError,
    );
    expect(() =>
      parse([
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${BOUNDARY}--`,
        ),
      ]),
    ).toThrow(MultipartError);
    const parser = createMultipartParser(BOUNDARY);
    expect(() =>
      parser.push(Buffer.from(`--${BOUNDARY}\r\nX: ${"a".repeat(20_000)}`)),
    ).toThrow(MultipartError);
  });

  it("reads the boundary from a content type", () => {
    expect(multipartBoundary("multipart/form-data; boundary=abc")).toBe("abc");
    expect(
      multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"'),
    ).toBe("a b");
    expect(multipartBoundary("application/json")).toBeUndefined();
    expect(multipartBoundary(undefined)).toBeUndefined();
  });
});
