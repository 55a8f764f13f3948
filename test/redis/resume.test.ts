// Resume through redisSessionStore, end to end against the fake: a worker stops part-way, another one (its own
// store instance, as another process would have) continues the upload from what Redis holds.
import { expect, test } from "@jest/globals";
import { AbortError, type SavedSession } from "../../src/index.js";
import { redisSessionStore } from "../../src/redis/index.js";
import { sample, sha256 } from "../engine/fixtures.js";
import { clientFor, startServer } from "../engine/harness.js";
import { fileWith, tempDir } from "../engine/resume/helpers.js";
import { useRedisServer } from "./redis-server.js";

const db = useRedisServer();

const SEGMENT = 16 * 1024;
const SEGMENTS = 12;

test("an upload stopped part-way resumes from Redis in another worker: one INIT, acknowledged segments not resent, exact bytes, record gone", async () => {
  const fake = await startServer();
  const tmp = await tempDir();
  try {
    fake.faults.add({
      operation: "appendMediaUpload",
      fault: { kind: "latency", ms: 5 },
      times: Infinity,
    });
    const video = sample("video/mp4", SEGMENT * SEGMENTS - 100);
    const path = await fileWith(tmp.dir, "clip.mp4", video);
    const prefix = "resume-e2e:";
    const options = { resume: true, segmentBytes: SEGMENT } as const;

    const stop = new AbortController();
    const first = redisSessionStore(db.redis, { prefix });
    const watched = {
      ...first,
      async set(key: string, saved: SavedSession) {
        await first.set(key, saved);
        if (saved.session.acked.length >= 5) stop.abort(new Error("crash"));
      },
    };
    await expect(
      clientFor(fake, { concurrency: 2 }).upload(path, {
        ...options,
        resumeStore: watched,
        signal: stop.signal,
      }),
    ).rejects.toBeInstanceOf(AbortError);
    const [saved] = await first.list();
    expect(saved?.session.acked.length).toBeGreaterThanOrEqual(5);
    // The lease of the stopped upload was released: the next worker may claim it.
    expect(await db.redis.keys(`${prefix}claim:*`)).toEqual([]);

    const result = await clientFor(fake, { concurrency: 2 }).upload(path, {
      ...options,
      resumeStore: redisSessionStore(db.redis, { prefix }),
    });
    expect(result.id).toBe(saved?.session.mediaId);
    expect(result.resumed?.skippedSegments).toBe(saved?.session.acked.length);
    const count = (op: string) =>
      fake.requests.filter((r) => r.operation === op).length;
    expect(count("initializeMediaUpload")).toBe(1);
    const acked = new Set(saved?.session.acked);
    const appendsOfAcked = fake.requests.filter(
      (r) =>
        r.operation === "appendMediaUpload" &&
        acked.has(r.segmentIndex ?? -1) &&
        r.status === 200,
    );
    // Each acknowledged segment went once, in the first run.
    expect(appendsOfAcked.length).toBe(acked.size);
    expect(fake.upload(result.id)?.sha256).toBe(sha256(video));
    expect(await db.redis.keys(`${prefix}*`)).toEqual([]);
  } finally {
    await fake.close();
    await tmp.cleanup();
  }
});
