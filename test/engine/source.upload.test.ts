// Stream inputs that misbehave, uploaded over real HTTP to the fake: nothing hangs, nothing is dropped,
// and every failure is an InvalidInputError (with the media id once INIT answered).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { PassThrough, Readable } from "node:stream";
import { InvalidInputError, isXMediaError } from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import { sample } from "./fixtures.js";
import { clientFor, startServer } from "./harness.js";

const video = sample("video/mp4", 4096);
let server: FakeXServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const upload = (
  input: Parameters<ReturnType<typeof clientFor>["upload"]>[0],
  size?: number,
) =>
  clientFor(server)
    .upload(input, {
      segmentBytes: 1024,
      stallTimeoutMs: 200,
      ...(size === undefined ? {} : { size }),
    })
    .catch((e: unknown) => e);

/** A stream that gives `bytes` and then neither ends nor gives more. */
function openEnded(bytes: Uint8Array): PassThrough {
  const stream = new PassThrough();
  stream.write(bytes);
  return stream;
}

describe("streams that never end", () => {
  test("a sized stream giving exactly `size` bytes and never ending fails after stallTimeoutMs", async () => {
    const error = await upload(openEnded(video), video.byteLength);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(
      /neither gave a byte nor ended for stallTimeoutMs \(200 ms\), after 4096 bytes/,
    );
    // All APPENDs went out before the end check: the media id says which upload to drop.
    expect((error as InvalidInputError).mediaId).toMatch(/^\d+$/);
  });

  test("a sized stream pausing for good mid-way fails the same way", async () => {
    const error = await upload(
      openEnded(video.subarray(0, 2000)),
      video.byteLength,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/after 2000 bytes/);
  });

  test("an unsized stream that never ends fails while spooling", async () => {
    const error = await upload(openEnded(video));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/stallTimeoutMs/);
  });
});

describe("stream errors", () => {
  test("a Node stream's error is an InvalidInputError keeping the cause, not the raw error", async () => {
    const cause = new Error("disk went away");
    for (const size of [video.byteLength, undefined]) {
      const error = await upload(
        new Readable({
          read() {
            this.push(video.subarray(0, 1500));
            this.destroy(cause);
          },
        }),
        size,
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message).toMatch(
        /Reading the input stream failed after \d+ bytes: disk went away\./,
      );
      expect((error as Error).cause).toBe(cause);
    }
  });

  test("a web stream's error is an InvalidInputError", async () => {
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(video.subarray(0, 1500));
        controller.error(new Error("upstream reset"));
      },
    });
    const error = await upload(web, video.byteLength);
    expect(isXMediaError(error)).toBe(true);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/upstream reset/);
  });
});

describe("chunks that are not bytes", () => {
  const withText = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(video.subarray(0, 1000));
        controller.enqueue("fourteen chars" as unknown as Uint8Array);
        controller.enqueue(video.subarray(1000));
        controller.close();
      },
    });

  test.each([
    ["sized", video.byteLength + 14],
    ["spooled", undefined],
  ])(
    "a web stream yielding a string is an InvalidInputError (%s), nothing silently dropped",
    async (_label, size) => {
      const before = server.uploads.size;
      const error = await upload(withText(), size);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message).toMatch(/to yield bytes .*got string/);
      // Nothing was finalized short.
      const finalized = [...server.uploads.values()]
        .slice(before)
        .filter((u) => u.state === "finalized");
      expect(finalized).toEqual([]);
    },
  );
});
