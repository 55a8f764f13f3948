// ChunkReader's edges: chunks after a peek, exact-size reads, empty chunks, the stall's words, odd chunk types.
import { describe, expect, test } from "@jest/globals";
import { Readable } from "node:stream";
import { ChunkReader } from "../../src/engine/source/chunk-reader.js";
import { InvalidInputError } from "../../src/errors/index.js";

/** A web stream of `chunks`, then its end. */
const streamOf = (...chunks: unknown[]) =>
  new ReadableStream<unknown>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  }) as unknown as ReadableStream<Uint8Array>;

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as Error,
  );

describe("ChunkReader", () => {
  test("chunk() hands out what a peek held back first, then the end", async () => {
    const reader = new ChunkReader(streamOf(new Uint8Array([1, 2, 3, 4])));
    expect(await reader.peek(2)).toEqual(new Uint8Array([1, 2]));
    expect(await reader.atEnd()).toBe(false);
    expect(await reader.chunk()).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(await reader.atEnd()).toBe(true);
    expect(await reader.chunk()).toBeUndefined();
  });

  test("a read of exactly one chunk leaves no empty chunk behind", async () => {
    const reader = new ChunkReader(
      streamOf(new Uint8Array([1, 2]), new Uint8Array([3])),
    );
    await reader.peek(3);
    expect(await reader.read(2)).toEqual([new Uint8Array([1, 2])]);
    expect(await reader.chunk()).toEqual(new Uint8Array([3]));
  });

  test("empty chunks are skipped", async () => {
    const reader = new ChunkReader(
      streamOf(new Uint8Array(0), new Uint8Array([9])),
    );
    expect(await reader.chunk()).toEqual(new Uint8Array([9]));
  });

  test("a stream that neither gives a byte nor ends: InvalidInputError naming stallTimeoutMs", async () => {
    const reader = new ChunkReader(new ReadableStream<Uint8Array>(), 20);
    const error = await failure(reader.peek(1));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe(
      "The input stream neither gave a byte nor ended for stallTimeoutMs (20 ms), after 0 bytes. End the stream after its last byte, or raise `stallTimeoutMs` for a slow producer.",
    );
  });

  test("chunks that are not bytes are named by their class", async () => {
    const got = async (chunk: unknown) =>
      (await failure(new ChunkReader(streamOf(chunk)).chunk())).message;
    expect(await got(new Map())).toMatch(/, got Map\. Encode text first/);
    expect(await got(Object.create(null))).toMatch(
      /, got an object\. Encode text first/,
    );
  });

  test("after cancel, a Node stream is at its end: no chunk, no bytes, no error", async () => {
    let pulls = 0;
    const node = new Readable({
      read() {
        pulls += 1;
        this.push(new Uint8Array([pulls]));
      },
    });
    const reader = new ChunkReader(node);
    expect(await reader.chunk()).toEqual(new Uint8Array([1]));
    await reader.cancel();
    expect(node.destroyed).toBe(true);
    expect(await reader.chunk()).toBeUndefined();
    expect(await reader.read(4)).toEqual([]);
    expect(await reader.atEnd()).toBe(true);
  });

  test("a chunk within the stall limit leaves no stall timer behind", async () => {
    const timers = () =>
      process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const reader = new ChunkReader(
      streamOf(new Uint8Array([1]), new Uint8Array([2])),
      60_000,
    );
    const before = timers();
    expect(await reader.chunk()).toEqual(new Uint8Array([1]));
    expect(await reader.chunk()).toEqual(new Uint8Array([2]));
    expect(await reader.chunk()).toBeUndefined();
    expect(timers()).toBe(before);
  });
});
