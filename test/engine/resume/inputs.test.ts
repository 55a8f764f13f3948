// Resuming what is not a file path: streams and Blobs named by `resumeKey`, and an upload stopped after FINALIZE.
import { describe, expect, test } from "@jest/globals";
import {
  AbortError,
  type MediaClient,
  type UploadInput,
  type UploadOptions,
} from "../../../src/index.js";
import { sample, sha256 } from "../fixtures.js";
import { clientFor } from "../harness.js";
import { events, fileWith, useResumeBed, watchedStore } from "./helpers.js";

const SEGMENT = 16 * 1024;
const video = sample("video/mp4", SEGMENT * 12 + 7);

const bed = useResumeBed();

const ops = (from = 0) =>
  bed.server.requests.slice(from).map((r) => r.operation);
const client = (): MediaClient => clientFor(bed.server, { concurrency: 2 });

function stream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at += 5000)));
    },
  });
}

/** Uploads `input()` with `options`, stopping after `acked` saved segments. */
async function stopAfter(
  input: UploadInput,
  acked: number,
  options: UploadOptions = {},
): Promise<void> {
  const stop = new AbortController();
  await expect(
    client().upload(input, {
      ...options,
      resume: true,
      segmentBytes: SEGMENT,
      signal: stop.signal,
      resumeStore: watchedStore(bed.storeDir, (s) => {
        if (s.session.acked.length >= acked) stop.abort(new Error("crash"));
      }),
    }),
  ).rejects.toBeInstanceOf(AbortError);
}

describe("streams and Blobs", () => {
  test("a sized stream with a resumeKey resumes, reading past what X has", async () => {
    await stopAfter(stream(video), 5, {
      size: video.length,
      resumeKey: "job-42",
    });
    const result = await client().upload(stream(video), {
      resume: true,
      resumeStore: watchedStore(bed.storeDir),
      size: video.length,
      resumeKey: "job-42",
    });
    expect(result.resumed?.skippedSegments).toBeGreaterThanOrEqual(5);
    expect(ops().filter((o) => o === "initializeMediaUpload")).toHaveLength(1);
    expect(bed.server.upload(result.id)?.sha256).toBe(sha256(video));
  });

  test("a Blob with a resumeKey resumes", async () => {
    const blob = new Blob([new Uint8Array(video)], { type: "video/mp4" });
    await stopAfter(blob, 4, { resumeKey: "blob-1" });
    const result = await client().upload(blob, {
      resume: true,
      resumeStore: watchedStore(bed.storeDir),
      resumeKey: "blob-1",
    });
    expect(result.resumed?.skippedSegments).toBeGreaterThanOrEqual(4);
    expect(bed.server.upload(result.id)?.sha256).toBe(sha256(video));
  });

  test("the same resumeKey over other bytes starts fresh", async () => {
    await stopAfter(stream(video), 4, {
      size: video.length,
      resumeKey: "job-43",
    });
    const other = sample("video/mp4", video.length);
    other[100] = (other[100] ?? 0) ^ 1; // differs in the first 64 KiB
    const log = events();
    const result = await client().upload(stream(other), {
      resume: true,
      resumeStore: watchedStore(bed.storeDir),
      size: other.length,
      resumeKey: "job-43",
      onResume: log.onResume,
    });
    expect(result.resumed).toBeUndefined();
    expect(log.list).toMatchObject([{ type: "discarded", reason: "changed" }]);
    expect(bed.server.upload(result.id)?.sha256).toBe(sha256(other));
  });

  test("a stream without resumeKey uploads unsaved, with one warning", async () => {
    const log = events();
    const store = watchedStore(bed.storeDir);
    const result = await client().upload(stream(video), {
      resume: true,
      resumeStore: store,
      size: video.length,
      onResume: log.onResume,
    });
    expect(log.list).toEqual([
      {
        type: "warning",
        source: undefined,
        message:
          "resume: a stream, Blob or bytes input is resumable only with a `resumeKey` naming it; this upload is not saved.",
      },
    ]);
    expect(store.sets).toBe(0);
    expect(bed.server.upload(result.id)?.sha256).toBe(sha256(video));
  });

  test("a rejected resume of a stream cannot start over: X's error, the record dropped", async () => {
    await stopAfter(stream(video), 4, {
      size: video.length,
      resumeKey: "job-44",
    });
    await bed.server.reset();
    const store = watchedStore(bed.storeDir);
    const log = events();
    const error = await client()
      .upload(stream(video), {
        resume: true,
        resumeStore: store,
        size: video.length,
        resumeKey: "job-44",
        onResume: log.onResume,
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "XApiError", status: 404 });
    expect(log.list.map((e) => e.type)).toEqual(["resumed", "discarded"]);
    expect(await store.list()).toEqual([]);
  });
});

describe("stopped after FINALIZE", () => {
  test("the next run only polls STATUS", async () => {
    const path = await fileWith(bed.dir, "clip.mp4", video);
    const stop = new AbortController();
    const first = await client()
      .upload(path, {
        resume: true,
        resumeStore: watchedStore(bed.storeDir),
        segmentBytes: SEGMENT,
        signal: stop.signal,
        onProgress: (p) => {
          if (p.phase === "processing") stop.abort(new Error("crash"));
        },
      })
      .catch((e: unknown) => e);
    expect(first).toBeInstanceOf(AbortError);
    const [saved] = await watchedStore(bed.storeDir).list();
    expect(saved?.session.phase).toBe("finalized");
    const before = bed.server.requests.length;
    const log = events();
    const result = await client().upload(path, {
      resume: true,
      resumeStore: watchedStore(bed.storeDir),
      onResume: log.onResume,
    });
    expect(new Set(ops(before))).toEqual(new Set(["getMediaUploadStatus"]));
    expect(result.id).toBe(saved?.session.mediaId);
    expect(result.processing?.state).toBe("succeeded");
    expect(result.resumed).toEqual({
      mediaId: saved?.session.mediaId,
      skippedSegments: 13,
      skippedBytes: video.length,
    });
    expect(log.list).toMatchObject([{ type: "resumed", phase: "finalized" }]);
  });

  test("processing that failed deletes the record", async () => {
    const path = await fileWith(bed.dir, "clip.mp4", video);
    bed.server.setProcessingFailure();
    const store = watchedStore(bed.storeDir);
    await expect(
      client().upload(path, { resume: true, resumeStore: store }),
    ).rejects.toMatchObject({ name: "ProcessingError" });
    expect(await store.list()).toEqual([]);
  });
});
