// A stream of declared size: its refusals word for word, and what inspection may read of it.
import { describe, expect, test } from "@jest/globals";
import { Readable } from "node:stream";
import { byteReader } from "../../src/engine/source/byte-reader.js";
import { openSource } from "../../src/engine/source/open-source.js";
import { streamSource } from "../../src/engine/source/stream-source.js";
import { InvalidInputError } from "../../src/errors/index.js";

const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
const stream = (n = 100) => Readable.from([bytes.subarray(0, n)]);

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as Error,
  );

describe("streamSource", () => {
  test("reads go forward: a gap is read past (a resumed upload), going back is refused", async () => {
    const source = streamSource(stream(), 100, undefined);
    await source.read(0, 10);
    const after = await source.read(20, 30);
    expect(new Uint8Array(await after.arrayBuffer())).toEqual(
      bytes.subarray(20, 30),
    );
    expect((await failure(source.read(5, 15))).message).toBe(
      "stream source read out of order: 5 after 30",
    );
  });

  test.each([
    [3, 10],
    [10, 14],
    [37, 40],
  ])(
    "a gap to %i, then bytes up to %i: exactly that range, and the next read goes on from its end",
    async (start, end) => {
      const source = streamSource(stream(), 100, undefined);
      const got = await source.read(start, end);
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(
        bytes.subarray(start, end),
      );
      const next = await source.read(end, end + 5);
      expect(new Uint8Array(await next.arrayBuffer())).toEqual(
        bytes.subarray(end, end + 5),
      );
    },
  );

  test("a stream that ends inside a gap: InvalidInputError saying where it ended", async () => {
    const source = streamSource(stream(40), 100, undefined);
    const error = await failure(source.read(60, 70));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe(
      "The input stream ended after 40 bytes, but `size` says 100. Pass the exact size, or omit it to spool the stream to a temp file.",
    );
  });

  test("a stream shorter than its size: InvalidInputError saying where it ended", async () => {
    const source = streamSource(stream(60), 100, undefined);
    const error = await failure(source.read(0, 100));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe(
      "The input stream ended after 60 bytes, but `size` says 100. Pass the exact size, or omit it to spool the stream to a temp file.",
    );
  });

  test("a stream longer than its size: finish() says so; exact is fine", async () => {
    const longer = streamSource(stream(100), 50, undefined);
    await longer.read(0, 50);
    expect((await failure(longer.finish())).message).toBe(
      "The input stream holds more than `size` (50) bytes. Pass the exact size, or omit it to spool the stream to a temp file.",
    );
    const exact = streamSource(stream(100), 100, undefined);
    await exact.read(0, 100);
    await exact.finish();
  });
});

describe("byteReader", () => {
  test("a sized stream is inspected from its head only; past it is an error saying why", async () => {
    const reader = await byteReader(streamSource(stream(), 100, undefined));
    expect(reader.size).toBe(100);
    expect(await reader.read(10, 20)).toEqual(bytes.subarray(10, 20));
    // Past the end of the stream reads nothing, and is no error.
    expect(await reader.read(100, 120)).toEqual(new Uint8Array(0));
  });

  test("a range past a long sized stream's first MiB is refused, saying how to have it inspected", async () => {
    const big = new Uint8Array(2 * 1024 * 1024);
    const reader = await byteReader(
      streamSource(Readable.from([big]), big.length, undefined),
    );
    expect((await failure(reader.read(1048570, 1048600))).message).toBe(
      "a stream of known size is read once, in order, and this needs bytes 1048570–1048600, past its first 1048576; pass a path or a Blob, or omit `size`, to have it inspected",
    );
  });

  test("a random-access source reads any range, past the first MiB too", async () => {
    const reader = await byteReader(await openSource(bytes));
    expect(await reader.read(90, 95)).toEqual(bytes.subarray(90, 95));
    const big = new Uint8Array(2 * 1024 * 1024).fill(7);
    const blob = await byteReader(await openSource(new Blob([big])));
    expect(await blob.read(1048570, 1048600)).toEqual(
      new Uint8Array(30).fill(7),
    );
    const inMemory = await byteReader(await openSource(big));
    expect(await inMemory.read(1048570, 1048600)).toEqual(
      new Uint8Array(30).fill(7),
    );
  });
});
