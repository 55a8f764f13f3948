// X's 2026 rules over real HTTP: size limits by account tier, 8 MiB segments, processing errors in any state.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  InvalidInputError,
  ProcessingError,
  XApiError,
  type MediaType,
} from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import { sample } from "../engine/fixtures.js";
import { clientFor, startServer } from "../engine/harness.js";

const MiB = 1024 * 1024;
let server: FakeXServer;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  dir = await mkdtemp(join(tmpdir(), "x-media-upload-limits-"));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** A sparse file of `size` bytes opening with `mediaType`'s magic bytes: large on paper, nothing on disk. */
async function sparse(
  name: string,
  mediaType: MediaType,
  size: number,
): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, sample(mediaType, 4096));
  await truncate(path, size);
  return path;
}

/** INITIALIZE requests the fake saw since `from`, with the total_bytes they announced. */
function inits(from: number) {
  return server.requests.filter(
    (r) => r.seq > from && r.operation === "initializeMediaUpload",
  );
}

// INIT answered 503 with no retry: proves the preflight let the file through without uploading it all.
const stopAtInit = {
  operation: "initializeMediaUpload",
  fault: { kind: "status", status: 503 },
} as const;

describe("size limits follow the account", () => {
  test("a 600 MiB tweet_video reaches INITIALIZE (X takes up to 8 GB)", async () => {
    const path = await sparse("big.mp4", "video/mp4", 600 * MiB);
    const from = server.counters.requests;
    server.faults.add(stopAtInit);
    const error = await clientFor(server, { retry: { retries: 0 } })
      .upload(path)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).status).toBe(503);
    expect(inits(from)).toHaveLength(1);
  });

  test("a 600 MiB .glb reaches INITIALIZE, and the fake takes it like X (no limit for 3D models)", async () => {
    const path = await sparse("big.glb", "model/gltf-binary", 600 * MiB);
    const from = server.counters.requests;
    server.faults.add({
      ...stopAtInit,
      fault: { kind: "status", status: 503, when: "after" },
    });
    const error = await clientFor(server, { retry: { retries: 0 } })
      .upload(path)
      .catch((e: unknown) => e);
    expect((error as XApiError).status).toBe(503);
    // `when: "after"` applied the INITIALIZE: the fake accepted 600 MiB of model.
    expect([...server.uploads.values()].at(-1)).toMatchObject({
      mediaType: "model/gltf-binary",
      totalBytes: 600 * MiB,
    });
    expect(inits(from)).toHaveLength(1);
  });

  test("a 600 MiB dm_video: X's refusal on a standard account is a clear XApiError; accountTier standard refuses it first", async () => {
    const path = await sparse("dm.mp4", "video/mp4", 600 * MiB);
    const error = await clientFor(server)
      .upload(path, { mediaCategory: "dm_video" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).status).toBe(400);
    expect((error as Error).message).toMatch(
      /failed with 400: .*File size exceeds 536870912 bytes\. X refused the file's size for this account .*X Premium.*`accountTier`/,
    );
    expect((error as Error).message).not.toMatch(/\.\./);

    const from = server.counters.requests;
    const early = await clientFor(server, { accountTier: "standard" })
      .upload(path, { mediaCategory: "dm_video" })
      .catch((e: unknown) => e);
    expect(early).toBeInstanceOf(InvalidInputError);
    expect((early as Error).message).toMatch(
      /over the 512 MB \(536870912 bytes\) X allows for dm_video on a standard account \(1 GB with X Premium\)/,
    );
    expect(server.counters.requests).toBe(from);
  });

  test("a premium account's 600 MiB dm_video is accepted by a premium fake", async () => {
    const premium = await startServer({ accountTier: "premium" });
    try {
      const path = await sparse("dm-premium.mp4", "video/mp4", 600 * MiB);
      premium.faults.add({
        ...stopAtInit,
        fault: { kind: "status", status: 503, when: "after" },
      });
      const error = await clientFor(premium, {
        accountTier: "premium",
        retry: { retries: 0 },
      })
        .upload(path, { mediaCategory: "dm_video" })
        .catch((e: unknown) => e);
      expect((error as XApiError).status).toBe(503);
      expect(premium.uploads.size).toBe(1);
    } finally {
      await premium.close();
    }
  });

  test("a bad accountTier is a TypeError", () => {
    expect(() =>
      clientFor(server, { accountTier: "gold" as "premium" }),
    ).toThrow(
      'Expected `accountTier` to be one of standard, premium, got "gold".',
    );
  });
});

describe("segments: 4 MiB, grown to at most 8 MiB, at most 1,000", () => {
  test("a file that needs 8 MiB segments gets them, and the fake takes an 8 MiB APPEND", async () => {
    const size = 1000 * 8 * MiB;
    const path = await sparse("huge.mp4", "video/mp4", size);
    // Segment 0 is stored, then its answer is lost as a 400: the upload stops after one APPEND.
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 0,
      fault: { kind: "status", status: 400, when: "after" },
    });
    const error = await clientFor(server, { concurrency: 1 })
      .upload(path)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    const upload = [...server.uploads.values()].at(-1);
    expect(upload?.totalBytes).toBe(size);
    expect(upload?.segments.get(0)?.bytes).toBe(8 * MiB);
  });

  test("a file over 1,000 × 8 MiB is refused before any request, naming that limit", async () => {
    const path = await sparse("too-huge.mp4", "video/mp4", 1000 * 8 * MiB + 1);
    const from = server.counters.requests;
    const error = await clientFor(server)
      .upload(path)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe(
      "The file is 8388608001 bytes, more than a chunked upload can carry: 1000 segments (segment_index 0–999) of at most 8388608 bytes (8 MiB, X's server maximum) each, 8388608000 bytes in all; make it smaller. Nothing was sent.",
    );
    expect(server.counters.requests).toBe(from);
  });

  test("segmentBytes above 8 MiB is a TypeError", () => {
    expect(() => clientFor(server, { segmentBytes: 8 * MiB + 1 })).toThrow(
      "Expected `segmentBytes` to be an integer from 1 to 8388608, got 8388609.",
    );
  });
});

describe("processing errors fail at once, whatever the state", () => {
  test("in_progress at 99% with an error: ProcessingError with X's code, name and message, no waiting", async () => {
    const failure = {
      code: 3,
      name: "UnsupportedMedia",
      message: "Duration 301.5 exceeds max duration of 2.minutes+20.seconds.",
    };
    const stuck = await startServer({
      processing: {
        pendingMs: 0,
        inProgressMs: 0,
        fail: () => ({ ...failure, state: "in_progress" }),
      },
    });
    try {
      const error = await clientFor(stuck)
        .upload(sample("video/mp4", 5000), { processingTimeoutMs: 60_000 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProcessingError);
      const processing = error as ProcessingError;
      expect(processing.code).toBe(3);
      expect(processing.errorName).toBe("UnsupportedMedia");
      expect(processing.processing).toMatchObject({
        state: "in_progress",
        progress_percent: 99,
        error: failure,
      });
      expect(processing.message).toBe(
        `X could not process media ${processing.mediaId} (reported while in_progress at 99%): UnsupportedMedia (code 3): Duration 301.5 exceeds max duration of 2.minutes+20.seconds. Check the file against X's media requirements (codec, dimensions, duration) and upload it again.`,
      );
      // FINALIZE's own answer carried the error: no STATUS poll was needed.
      expect(
        stuck.requests.filter((r) => r.operation === "getMediaUploadStatus"),
      ).toHaveLength(0);
    } finally {
      await stuck.close();
    }
  });

  test("an error that appears while polling stops the wait at once", async () => {
    const stuck = await startServer({
      processing: { pendingMs: 50, inProgressMs: 50, checkAfterSecs: 0 },
    });
    try {
      stuck.setProcessingFailure({
        code: 3,
        name: "UnsupportedMedia",
        message: "Too long",
        state: "in_progress",
      });
      const client = clientFor(stuck);
      const error = await client
        .upload(sample("video/mp4", 5000), { processingTimeoutMs: 20_000 })
        .catch((e: unknown) => e);
      // A ProcessingError, not the TimeoutError that waiting out processingTimeoutMs would give.
      expect(error).toBeInstanceOf(ProcessingError);
      const id = (error as ProcessingError).mediaId;
      // waitForProcessing (used by `status --wait`) fails the same way.
      await expect(client.waitForProcessing(id)).rejects.toMatchObject({
        name: "ProcessingError",
        errorName: "UnsupportedMedia",
      });
    } finally {
      await stuck.close();
    }
  });
});
