// Resumable uploads over real HTTP against the fake: stop an upload part-way, run it again with `resume: true`,
// and check what X saw (one INIT, no segment sent twice beyond those in flight, the exact bytes).
import { beforeEach, describe, expect, test } from "@jest/globals";
import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  AbortError,
  XApiError,
  type MediaClient,
  type SavedSession,
  type UploadOptions,
  type UploadProgress,
} from "../../../src/index.js";
import { sample, sha256 } from "../fixtures.js";
import { clientFor, startServer } from "../harness.js";
import { events, fileWith, useResumeBed, watchedStore } from "./helpers.js";

const SEGMENT = 16 * 1024;
const SEGMENTS = 24;
const video = sample("video/mp4", SEGMENT * SEGMENTS - 100);
const CONCURRENCY = 3;

const bed = useResumeBed();
let path: string;
beforeEach(async () => {
  path = await fileWith(bed.dir, "clip.mp4", video);
});

const count = (op: string) =>
  bed.server.requests.filter((r) => r.operation === op).length;

function client(): MediaClient {
  return clientFor(bed.server, { concurrency: CONCURRENCY });
}

/** Runs an upload of `path` that is aborted once `acked` segments are saved; resolves with the saved record. */
async function stopAfter(acked: number): Promise<SavedSession> {
  const stop = new AbortController();
  const store = watchedStore(bed.storeDir, (saved) => {
    if (saved.session.acked.length >= acked) stop.abort(new Error("crash"));
  });
  await expect(
    client().upload(path, {
      resume: true,
      resumeStore: store,
      segmentBytes: SEGMENT,
      signal: stop.signal,
    }),
  ).rejects.toBeInstanceOf(AbortError);
  const saved = await store.list();
  expect(saved).toHaveLength(1);
  return saved[0] as SavedSession;
}

/** Uploads `path` again with resume on, the same store and `extra` options; returns the result and the events. */
async function again(extra: UploadOptions = {}) {
  const log = events();
  const result = await client().upload(path, {
    resume: true,
    resumeStore: watchedStore(bed.storeDir),
    onResume: log.onResume,
    ...extra,
  });
  return { result, log };
}

describe("resume after a stop", () => {
  test("skips INIT and the acknowledged segments; X gets the exact bytes; the record is deleted", async () => {
    const saved = await stopAfter(8);
    const first = saved.session;
    expect(first.phase).toBe("appending");
    expect(first.acked.length).toBeGreaterThanOrEqual(8);
    expect(first.acked.length).toBeLessThan(SEGMENTS);
    // The expiry saved is APPEND's `expires_at` (whole seconds), the latest X gave, not INIT's relative one.
    expect(first.expiresAt).toBe(
      (bed.server.upload(first.mediaId ?? "")?.expiresAt ?? 0) -
        ((bed.server.upload(first.mediaId ?? "")?.expiresAt ?? 0) % 1000),
    );

    const progress: UploadProgress[] = [];
    const log = events();
    const result = await client().upload(path, {
      resume: true,
      resumeStore: watchedStore(bed.storeDir),
      onProgress: (p) => progress.push(p),
      onResume: log.onResume,
    });

    const skippedBytes = first.acked.length * SEGMENT; // the short last segment is never among the first acks
    expect(result.id).toBe(first.mediaId);
    expect(result.resumed).toEqual({
      mediaId: first.mediaId,
      skippedSegments: first.acked.length,
      skippedBytes: first.acked.includes(SEGMENTS - 1)
        ? skippedBytes - 100
        : skippedBytes,
    });
    expect(log.list.map((e) => e.type)).toEqual(["resumed"]);
    expect(count("initializeMediaUpload")).toBe(1);
    // Only the segments in flight at the stop may go twice.
    expect(count("appendMediaUpload")).toBeLessThanOrEqual(
      SEGMENTS + CONCURRENCY,
    );
    const acked = new Set(first.acked);
    const resent = bed.server.requests.filter(
      (r, i, all) =>
        r.operation === "appendMediaUpload" &&
        acked.has(r.segmentIndex ?? -1) &&
        all.findIndex((q) => q.segmentIndex === r.segmentIndex) !== i,
    );
    expect(resent).toEqual([]);
    expect(bed.server.upload(result.id)?.sha256).toBe(sha256(video));
    // Progress starts from what X already had.
    expect(progress[0]?.phase).toBe("append");
    expect(progress[0]?.bytesAcknowledged).toBe(result.resumed?.skippedBytes);
    expect(progress[0]?.segmentsDone).toBe(first.acked.length);
    expect(await readdir(bed.storeDir)).toEqual([]);
  });

  test("without resume: true the same file starts over", async () => {
    await stopAfter(4);
    const result = await client().upload(path, { segmentBytes: SEGMENT });
    expect(result.resumed).toBeUndefined();
    expect(count("initializeMediaUpload")).toBe(2);
  });

  test("keepSession keeps a finished record; the next run only asks STATUS", async () => {
    const store = watchedStore(bed.storeDir);
    const first = await client().upload(path, {
      resume: true,
      resumeStore: store,
      keepSession: true,
      segmentBytes: SEGMENT,
    });
    const [saved] = await store.list();
    expect(saved?.session.phase).toBe("done");
    const before = bed.server.requests.length;
    const again = await client().upload(path, {
      resume: true,
      resumeStore: store,
    });
    expect(again.id).toBe(first.id);
    expect(bed.server.requests.slice(before).map((r) => r.operation)).toEqual([
      "getMediaUploadStatus",
    ]);
    expect(again.resumed?.skippedSegments).toBe(SEGMENTS);
  });
});

describe("a saved session that must not be continued", () => {
  test("a changed file starts fresh and replaces the record", async () => {
    const saved = await stopAfter(4);
    const changed = Buffer.from(video);
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 0xff; // same size, same head: only the tail differs
    await writeFile(path, changed);
    const { result, log } = await again();
    expect(result.resumed).toBeUndefined();
    expect(result.id).not.toBe(saved.session.mediaId);
    expect(log.list).toMatchObject([{ type: "discarded", reason: "changed" }]);
    expect(bed.server.upload(result.id)?.sha256).toBe(sha256(changed));
    expect(count("initializeMediaUpload")).toBe(2);
  });

  test("a touched file (same bytes, new mtime) starts fresh", async () => {
    await stopAfter(4);
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    const { result, log } = await again();
    expect(result.resumed).toBeUndefined();
    expect(log.list).toMatchObject([{ type: "discarded", reason: "changed" }]);
  });

  test("a session within 10 minutes of X's expiry starts fresh", async () => {
    await bed.server.close();
    bed.server = await startServer({ expiresAfterSecs: 9 * 60 });
    await stopAfter(2);
    const { result, log } = await again();
    expect(result.resumed).toBeUndefined();
    expect(log.list).toMatchObject([{ type: "discarded", reason: "expired" }]);
    expect(count("initializeMediaUpload")).toBe(2);
  });

  test("X answering 404 to the first resumed APPEND: dropped, fresh once, done", async () => {
    const saved = await stopAfter(4);
    await bed.server.reset(); // X forgets the media id
    const { result, log } = await again();
    expect(log.list.map((e) => e.type)).toEqual(["resumed", "discarded"]);
    expect(log.list[1]).toMatchObject({
      reason: "rejected",
      mediaId: saved.session.mediaId,
    });
    expect(result.resumed).toBeUndefined();
    expect(result.id).not.toBe(saved.session.mediaId);
    expect(count("initializeMediaUpload")).toBe(1);
    expect(bed.server.upload(result.id)?.sha256).toBe(sha256(video));
    expect(await readdir(bed.storeDir)).toEqual([]);
  });

  test("X rejecting the fresh start too fails with X's error: no loop", async () => {
    await stopAfter(4);
    await bed.server.reset();
    bed.server.faults.add({
      operation: "appendMediaUpload",
      fault: { kind: "status", status: 400 },
      times: Infinity,
    });
    const error = await client()
      .upload(path, { resume: true, resumeStore: watchedStore(bed.storeDir) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).status).toBe(400);
    expect(count("initializeMediaUpload")).toBe(1);
  });

  test("a corrupt record is ignored with an event; the upload succeeds and replaces it", async () => {
    const saved = await stopAfter(4);
    await writeFile(join(bed.storeDir, `${saved.key}.json`), "{not json");
    const { result, log } = await again();
    expect(log.list).toMatchObject([
      { type: "discarded", reason: "unreadable" },
    ]);
    expect(bed.server.upload(result.id)?.sha256).toBe(sha256(video));
  });

  test("an unreadable record (a directory in its place) is ignored too", async () => {
    const saved = await stopAfter(4);
    const file = join(bed.storeDir, `${saved.key}.json`);
    await import("node:fs/promises").then((fs) => fs.rm(file));
    await mkdir(file);
    const { result, log } = await again();
    expect(log.list[0]).toMatchObject({
      type: "discarded",
      reason: "unreadable",
    });
    // The fresh session could not be saved over the directory: one warning, the upload still succeeds.
    expect(log.list.slice(1)).toMatchObject([{ type: "warning" }]);
    expect(bed.server.upload(result.id)?.sha256).toBe(sha256(video));
  });

  test("a record of other options (another media category) starts fresh", async () => {
    await stopAfter(4);
    const { result, log } = await again({ mediaCategory: "amplify_video" });
    expect(result.resumed).toBeUndefined();
    expect(log.list).toMatchObject([{ type: "discarded", reason: "options" }]);
  });
});

describe("the store and the upload", () => {
  test("a store whose writes fail: one warning, the upload succeeds", async () => {
    const log = events();
    let sets = 0;
    const result = await client().upload(path, {
      resume: true,
      segmentBytes: SEGMENT,
      onResume: log.onResume,
      resumeStore: {
        get: async () => undefined,
        set: async () => {
          sets += 1;
          throw new Error("disk full");
        },
        delete: async () => {},
        list: async () => [],
      },
    });
    expect(bed.server.upload(result.id)?.sha256).toBe(sha256(video));
    expect(sets).toBe(1);
    expect(log.list).toMatchObject([
      { type: "warning", message: expect.stringContaining("disk full") },
    ]);
  });

  test("saves are coalesced: far fewer writes than segments", async () => {
    const store = watchedStore(bed.storeDir);
    await client().upload(path, {
      resume: true,
      resumeStore: store,
      segmentBytes: SEGMENT,
    });
    // INIT's save, then write-behind; each write carries every ack made while the previous one ran.
    expect(store.sets).toBeGreaterThanOrEqual(2);
    expect(store.sets).toBeLessThanOrEqual(SEGMENTS + 2);
  });

  test("two uploads of one file at once: one is saved, the other starts fresh unsaved", async () => {
    await stopAfter(4);
    const a = events();
    const b = events();
    const c = client();
    const [ra, rb] = await Promise.all([
      c.upload(path, {
        resume: true,
        resumeStore: watchedStore(bed.storeDir),
        onResume: a.onResume,
      }),
      c.upload(path, {
        resume: true,
        resumeStore: watchedStore(bed.storeDir),
        onResume: b.onResume,
      }),
    ]);
    const kinds = [a.list[0]?.type, b.list[0]?.type].sort();
    expect(kinds).toEqual(["resumed", "warning"]);
    expect([ra.resumed, rb.resumed].filter(Boolean)).toHaveLength(1);
    expect(bed.server.upload(ra.id)?.sha256).toBe(sha256(video));
    expect(bed.server.upload(rb.id)?.sha256).toBe(sha256(video));
    expect(count("initializeMediaUpload")).toBe(2);
    expect(
      (await readdir(bed.storeDir)).filter((n) => n.endsWith(".json")),
    ).toEqual([]);
  });
});
