// What is decided before the first request, and each refusal's exact words ("Nothing was sent").
import { describe, expect, test } from "@jest/globals";
import { resolveUploadOptions } from "../../src/client/options.js";
import { prepare } from "../../src/engine/prepare.js";
import { openSource } from "../../src/engine/source/open-source.js";
import type { UploadOptions } from "../../src/client/options.js";
import { sample } from "./fixtures.js";

const plan = async (
  input: Parameters<typeof openSource>[0],
  options: UploadOptions = {},
  hints: Parameters<typeof openSource>[1] = {},
) => prepare(await openSource(input, hints), resolveUploadOptions(options));

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => (error as Error).message,
  );

describe("refusals", () => {
  test("an empty input", async () => {
    expect(await refusal(plan(new Uint8Array(0)))).toBe(
      "Empty file: it has 0 bytes, so there is nothing to upload; pass a file with content. Nothing was sent.",
    );
  });

  test("a category that does not fit the type", async () => {
    expect(
      await refusal(
        plan(sample("video/mp4", 2000), { mediaCategory: "tweet_image" }),
      ),
    ).toMatch(/^.*tweet_image.* Nothing was sent\.$/);
  });

  test("over the category's size limit", async () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(sample("image/png", 1000));
    expect(await refusal(plan(big, { mediaCategory: "tweet_image" }))).toMatch(
      /^The file is 6291456 bytes, over the .* X allows for tweet_image .*; make it smaller\. Nothing was sent\.$/,
    );
  });

  test("over what 1,000 segments of 8 MiB carry (a 3D model has no size limit of its own)", async () => {
    const size = 1000 * 8 * 1024 * 1024 + 1;
    const head = new TextEncoder().encode("glTF\x02\x00\x00\x00");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
        controller.close();
      },
    });
    expect(await refusal(plan(stream, {}, { size }))).toBe(
      `The file is ${size} bytes, more than a chunked upload can carry: 1000 segments (segment_index 0–999) of at most 8388608 bytes (8 MiB, X's server maximum) each, 8388608000 bytes in all; make it smaller. Nothing was sent.`,
    );
  });

  test("a size that is not a whole number of bytes (a stream's declared size)", async () => {
    const head = new TextEncoder().encode("glTF\x02\x00\x00\x00");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
        controller.close();
      },
    });
    expect(await refusal(plan(stream, {}, { size: 100.5 }))).toBe(
      "The file size must be a whole number of bytes, but it is 100.5. Nothing was sent.",
    );
  });

  test("a type that cannot be told", async () => {
    expect(await refusal(plan(new Uint8Array(64)))).toMatch(
      / Nothing was sent\.$/,
    );
  });
});

describe("the type", () => {
  test("bytes no sniffer knows take the Blob's type when no mediaType was given", async () => {
    const p = await plan(new Blob([new Uint8Array(64)], { type: "image/png" }));
    expect(p.mediaType).toBe("image/png");
  });

  test("a declared mediaType the bytes contradict is refused, even when Blob.type would fit", async () => {
    const png = new Blob([new Uint8Array(sample("image/png", 1000))], {
      type: "image/png",
    });
    expect(await refusal(plan(png, { mediaType: "image/gif" }))).toMatch(
      / Nothing was sent\.$/,
    );
  });

  test("exactly 1,000 segments of 8 MiB is not too large", async () => {
    const size = 1000 * 8 * 1024 * 1024;
    const head = new TextEncoder().encode("glTF\x02\x00\x00\x00");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
        controller.close();
      },
    });
    const p = await plan(stream, {}, { size });
    expect(p.mediaType).toBe("model/gltf-binary");
  });
});
