// upload() end to end over real HTTP against the fake X server: every media type, edge sizes, every input kind.
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
} from "@jest/globals";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import {
  InvalidInputError,
  MEDIA_TYPES,
  type MediaType,
  type UploadProgress,
} from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import { sample, sha256 } from "../engine/fixtures.js";
import { clientFor, startServer } from "../engine/harness.js";

let server: FakeXServer;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  dir = await mkdtemp(join(tmpdir(), "x-media-upload-test-"));
});

// Each test starts with a fresh 15-minute budget (1,875 APPENDs) instead of sharing one across the file;
// clientFor's maxRateLimitWaitMs makes a spent budget a RateLimitError, not a 15-minute wait.
beforeEach(() => server.reset());

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("every media type", () => {
  test.each(MEDIA_TYPES.map((t) => [t]))(
    "%s uploads byte for byte",
    async (mediaType: MediaType) => {
      const bytes = sample(mediaType, 3000);
      // pjpeg has JPEG's magic bytes, so it is only ever declared.
      const options = mediaType === "image/pjpeg" ? { mediaType } : {};
      const result = await clientFor(server).upload(bytes, {
        segmentBytes: 1024,
        ...options,
      });
      expect(result.mediaType).toBe(mediaType);
      expect(result.size).toBe(3000);
      const upload = server.upload(result.id);
      expect(upload?.sha256).toBe(sha256(bytes));
      expect(upload?.segments.size).toBe(3);
      expect(upload?.mediaType).toBe(mediaType);
    },
  );
});

describe("sizes", () => {
  test("0 bytes: InvalidInputError before any request", async () => {
    const before = server.counters.requests;
    await expect(clientFor(server).upload(new Uint8Array(0))).rejects.toThrow(
      InvalidInputError,
    );
    await expect(clientFor(server).upload(new Uint8Array(0))).rejects.toThrow(
      /0 bytes/,
    );
    expect(server.counters.requests).toBe(before);
  });

  test("1 byte, with a declared type", async () => {
    const lenient = await startServer({ processing: { validateMedia: false } });
    try {
      const result = await clientFor(lenient).upload(new Uint8Array([7]), {
        mediaType: "image/png",
      });
      expect(lenient.upload(result.id)?.sha256).toBe(
        sha256(new Uint8Array([7])),
      );
      expect(result.size).toBe(1);
    } finally {
      await lenient.close();
    }
  });

  test("exactly one segment sends one APPEND", async () => {
    const bytes = sample("image/png", 4096);
    const result = await clientFor(server).upload(bytes, {
      segmentBytes: 4096,
    });
    const upload = server.upload(result.id);
    expect([...(upload?.segments.keys() ?? [])]).toEqual([0]);
    expect(upload?.sha256).toBe(sha256(bytes));
  });

  test("1,000 segments, and a byte more grows the segments instead", async () => {
    const bytes = sample("video/mp4", 1000 * 1024);
    const result = await clientFor(server).upload(bytes, {
      segmentBytes: 1024,
      concurrency: 8,
    });
    const upload = server.upload(result.id);
    expect(upload?.segments.size).toBe(1000);
    expect(upload?.sha256).toBe(sha256(bytes));

    const more = sample("video/mp4", 1000 * 1024 + 1);
    const grown = await clientFor(server).upload(more, {
      segmentBytes: 1024,
      concurrency: 8,
    });
    // Grown to whole 64 KiB blocks: ceil(1,024,001 / 1,000) rounds up to 65,536.
    expect(server.upload(grown.id)?.segments.size).toBe(16);
    expect(server.upload(grown.id)?.sha256).toBe(sha256(more));
  }, 60_000);

  test("over the category limit: InvalidInputError before any request", async () => {
    const before = server.counters.requests;
    const tooBig = sample("image/png", 5 * 1024 * 1024 + 1);
    const error = await clientFor(server)
      .upload(tooBig)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/tweet_image/);
    expect(server.counters.requests).toBe(before);
  });
});

describe("inputs", () => {
  const bytes = sample("video/mp4", 10_000);
  const expectStored = (id: string) =>
    expect(server.upload(id)?.sha256).toBe(sha256(bytes));
  const options = { segmentBytes: 4096 };

  test("a file path", async () => {
    const path = join(dir, "clip.mp4");
    await writeFile(path, bytes);
    expectStored((await clientFor(server).upload(path, options)).id);
  });

  test("a file: URL, as URL and as string", async () => {
    const path = join(dir, "clip2.mp4");
    await writeFile(path, bytes);
    expectStored(
      (await clientFor(server).upload(pathToFileURL(path), options)).id,
    );
    expectStored(
      (await clientFor(server).upload(pathToFileURL(path).href, options)).id,
    );
  });

  test("a missing file is an InvalidInputError naming the path", async () => {
    const missing = join(dir, "nope.mp4");
    await expect(clientFor(server).upload(missing)).rejects.toThrow(
      InvalidInputError,
    );
    await expect(clientFor(server).upload(missing)).rejects.toThrow(
      /nope\.mp4.*ENOENT/,
    );
  });

  test("a Buffer and an ArrayBuffer", async () => {
    expectStored((await clientFor(server).upload(bytes, options)).id);
    const copy = new Uint8Array(bytes).buffer;
    expectStored((await clientFor(server).upload(copy, options)).id);
  });

  test("a Blob, and a File whose name gives the type when the bytes do not", async () => {
    expectStored(
      (
        await clientFor(server).upload(
          new Blob([new Uint8Array(bytes)]),
          options,
        )
      ).id,
    );
    const srt = Buffer.from(
      "just text that no sniffer recognises\n".repeat(20),
    );
    const lenient = await startServer({ processing: { validateMedia: false } });
    try {
      const result = await clientFor(lenient).upload(
        new File([srt], "captions.srt"),
      );
      expect(result.mediaType).toBe("text/srt");
      expect(result.mediaCategory).toBe("subtitles");
    } finally {
      await lenient.close();
    }
  });

  test("a web ReadableStream with size", async () => {
    const stream = new Blob([new Uint8Array(bytes)]).stream();
    expectStored(
      (
        await clientFor(server).upload(stream, {
          ...options,
          size: bytes.length,
        })
      ).id,
    );
  });

  test("a Node Readable with size, in odd-sized chunks", async () => {
    const chunks = [
      bytes.subarray(0, 7),
      bytes.subarray(7, 5000),
      bytes.subarray(5000),
    ];
    const result = await clientFor(server).upload(Readable.from(chunks), {
      ...options,
      size: bytes.length,
    });
    expectStored(result.id);
  });

  test("a Node Readable without size is spooled to a temp file, deleted afterwards", async () => {
    const spools = async () =>
      (await readdir(tmpdir())).filter((name) =>
        /^x-media-upload-(?!test)/.test(name),
      ).length;
    const before = await spools();
    const result = await clientFor(server).upload(
      Readable.from([bytes.subarray(0, 3000), bytes.subarray(3000)]),
      options,
    );
    expectStored(result.id);
    expect(result.size).toBe(bytes.length);
    expect(await spools()).toBe(before);
  });

  test("a stream shorter or longer than `size` is an InvalidInputError", async () => {
    const short = Readable.from([bytes.subarray(0, 9000)]);
    await expect(
      clientFor(server).upload(short, { ...options, size: 10_000 }),
    ).rejects.toThrow(/ended after 9000 bytes/);
    const long = Readable.from([bytes, Buffer.from("extra")]);
    await expect(
      clientFor(server).upload(long, { ...options, size: 10_000 }),
    ).rejects.toThrow(/more than `size`/);
  });

  test("something else is an InvalidInputError", async () => {
    // @ts-expect-error -- a number is not an input
    await expect(clientFor(server).upload(42)).rejects.toThrow(
      /Expected `input` to be a file path/,
    );
  });
});

describe("type detection", () => {
  test("a declared type the bytes contradict is refused unless forced", async () => {
    const png = sample("image/png", 2000);
    await expect(
      clientFor(server).upload(png, { mediaType: "image/jpeg" }),
    ).rejects.toThrow(/look like image\/png.*forceMediaType: true/);
    const lenient = await startServer({ processing: { validateMedia: false } });
    try {
      const forced = await clientFor(lenient).upload(png, {
        mediaType: "image/jpeg",
        forceMediaType: true,
      });
      expect(forced.mediaType).toBe("image/jpeg");
    } finally {
      await lenient.close();
    }
  });

  test("dm_* and amplify_video on request; a category that cannot fit is refused", async () => {
    const mp4 = sample("video/mp4", 2000);
    expect(
      (await clientFor(server).upload(mp4, { mediaCategory: "amplify_video" }))
        .mediaCategory,
    ).toBe("amplify_video");
    const dm = await clientFor(server).upload(sample("image/gif", 2000), {
      mediaCategory: "dm_gif",
    });
    expect(server.upload(dm.id)?.mediaCategory).toBe("dm_gif");
    await expect(
      clientFor(server).upload(mp4, { mediaCategory: "tweet_image" }),
    ).rejects.toThrow(InvalidInputError);
  });
});

describe("result, alt text and progress", () => {
  test("a video: processing waited for, alt text set, progress reported", async () => {
    const bytes = sample("video/mp4", 64 * 1024);
    const events: UploadProgress[] = [];
    const result = await clientFor(server).upload(bytes, {
      segmentBytes: 8192,
      altText: "A cat, dancing",
      additionalOwners: ["12345"],
      onProgress: (p) => events.push(p),
    });
    expect(result).toMatchObject({
      size: bytes.length,
      mediaType: "video/mp4",
      mediaCategory: "tweet_video",
    });
    expect(result.processing?.state).toBe("succeeded");
    expect(result.mediaKey).toMatch(/^\d+_\d+$/);
    expect(result.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    const upload = server.upload(result.id);
    expect(upload?.metadata).toEqual({ alt_text: { text: "A cat, dancing" } });
    expect(upload?.additionalOwners).toEqual(["12345"]);

    expect(events[0]?.phase).toBe("initialize");
    const last = events.at(-1);
    expect(last).toMatchObject({
      phase: "done",
      bytesAcknowledged: bytes.length,
      segmentsDone: 8,
      segmentsTotal: 8,
    });
    const phases = [...new Set(events.map((e) => e.phase))];
    expect(phases).toEqual([
      "initialize",
      "append",
      "finalize",
      "processing",
      "done",
    ]);
    for (const [i, e] of events.entries()) {
      expect(e.bytesAcknowledged).toBeLessThanOrEqual(e.bytesSent);
      if (i > 0)
        expect(e.bytesAcknowledged).toBeGreaterThanOrEqual(
          events[i - 1]!.bytesAcknowledged,
        );
    }
  });

  test("an image has no processing; waitForProcessing: false returns at FINALIZE", async () => {
    const image = await clientFor(server).upload(sample("image/png", 2000));
    expect(image.processing).toBeUndefined();
    const video = await clientFor(server).upload(sample("video/mp4", 2000), {
      waitForProcessing: false,
    });
    expect(video.processing?.state).toMatch(/pending|in_progress/);
  });
});
