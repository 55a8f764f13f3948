// ResumeRun: what a resumed start skips, the `resumed` event, saving on demand, and which X errors drop the record.
import { describe, expect, test } from "@jest/globals";
import { XApiError } from "../../../src/errors/index.js";
import type { ResumeEvent } from "../../../src/engine/resume/events.js";
import { resumeIdentity } from "../../../src/engine/resume/fingerprint.js";
import { ResumeRun } from "../../../src/engine/resume/resume-run.js";
import type {
  SavedSession,
  SessionStore,
} from "../../../src/engine/session-store.js";
import type { UploadSession } from "../../../src/engine/session.js";
import type { UploadPlan } from "../../../src/engine/prepare.js";
import { bytesSource } from "../../../src/engine/source/blob-source.js";

const scope = { origin: "https://api.x.com", identity: "a".repeat(32) };
const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const NOW = Date.UTC(2026, 0, 1);
const plan: UploadPlan = {
  mediaType: "video/mp4",
  mediaCategory: "tweet_video",
  segments: { segmentBytes: 5, count: 2, segments: [] },
};

function saved(over: Partial<UploadSession> = {}): UploadSession {
  return {
    version: 1,
    phase: "appending",
    mediaId: "123",
    mediaKey: "7_123",
    mediaType: "video/mp4",
    mediaCategory: "tweet_video",
    size: 10,
    segmentBytes: 4,
    segmentCount: 3,
    acked: [0, 2],
    expiresAt: NOW + 3_600_000,
    ...over,
  };
}

function memStore() {
  const records = new Map<string, SavedSession>();
  const log: string[] = [];
  const store: SessionStore = {
    get: (key) => Promise.resolve(records.get(key)),
    set: (key, s) => {
      log.push(`set ${s.session.phase} ${s.session.acked.join(",")}`);
      records.set(key, s);
      return Promise.resolve();
    },
    delete: (key) => {
      log.push("delete");
      records.delete(key);
      return Promise.resolve();
    },
    list: () => Promise.resolve([...records.values()]),
  };
  return { store, records, log };
}

async function runWith(session: UploadSession | undefined, keep = false) {
  const id = await resumeIdentity(
    { kind: "key", resumeKey: "k" },
    bytesSource(bytes, undefined),
    scope,
  );
  const mem = memStore();
  if (session)
    mem.records.set(id.key, {
      version: 1,
      key: id.key,
      source: "k",
      fingerprint: id.fingerprint,
      savedAt: NOW - 1,
      session,
    });
  const list: ResumeEvent[] = [];
  const run = await ResumeRun.open(
    { store: mem.store, resumeKey: "k", keep },
    undefined,
    bytesSource(bytes, undefined),
    plan,
    { ...scope, now: () => NOW },
    (e) => list.push(e),
  );
  if (!run) throw new Error("not opened");
  return { run, list, key: id.key, ...mem };
}

const api = (status: number, mediaId: string | undefined) =>
  new XApiError({
    target: {
      operation: "append",
      method: "POST",
      url: "https://api.x.com/2/media/upload",
      mediaId,
    },
    status,
    summary: "s",
    hint: "h",
  });

const tick = () => new Promise((r) => setImmediate(r));

describe("ResumeRun.start", () => {
  test("an appending session: skips its acked segments, on its own segment size, and says so", async () => {
    const { run, list } = await runWith(saved());
    const start = run.start(plan, 10);
    expect(start.resumed).toEqual({
      mediaId: "123",
      skippedSegments: 2,
      skippedBytes: 6,
    });
    expect(start.plan.segments.segmentBytes).toBe(4);
    expect(start.plan.segments.count).toBe(3);
    expect(start.plan.mediaType).toBe("video/mp4");
    expect(start.session.mediaId).toBe("123");
    expect(list).toEqual([
      {
        type: "resumed",
        source: "k",
        mediaId: "123",
        phase: "appending",
        skippedSegments: 2,
        skippedBytes: 6,
        message:
          "resume: continuing media 123 of k: 2 of 3 segments (6 bytes) already sent.",
      },
    ]);
  });

  test("a finalized session skips every segment whatever was acked", async () => {
    const { run, list } = await runWith(
      saved({ phase: "finalized", acked: [] }),
    );
    const start = run.start(plan, 10);
    expect(start.resumed).toEqual({
      mediaId: "123",
      skippedSegments: 3,
      skippedBytes: 10,
    });
    expect(list.map((e) => e.message)).toEqual([
      "resume: continuing media 123 of k: 3 of 3 segments (10 bytes) already sent.",
    ]);
  });

  test("a second start (after a rejection) is fresh, on the plan's segments", async () => {
    const { run, list } = await runWith(saved());
    run.start(plan, 10);
    const again = run.start(plan, 10);
    expect(again.resumed).toBeUndefined();
    expect(again.session.phase).toBe("new");
    expect(again.session.segmentBytes).toBe(5);
    expect(again.session.segmentCount).toBe(2);
    expect(list).toHaveLength(1);
  });
});

describe("ResumeRun saving", () => {
  test("changed() schedules a save of the session without being awaited", async () => {
    const { run, log } = await runWith(undefined);
    const start = run.start(plan, 10);
    start.session.phase = "appending";
    run.changed();
    await tick();
    expect(log).toEqual(["set appending "]);
  });

  test("save() stores the session before resolving", async () => {
    const { run, records, key } = await runWith(undefined);
    const start = run.start(plan, 10);
    start.session.mediaId = "9";
    await run.save();
    expect(records.get(key)?.session.mediaId).toBe("9");
  });

  test("acknowledged() resolves with the ack stored", async () => {
    const { run, records, key } = await runWith(undefined);
    const start = run.start(plan, 10);
    start.session.acked.push(1);
    await run.acknowledged();
    expect(records.get(key)?.session.acked).toEqual([1]);
  });

  test("finished(): the record is deleted, or kept (and saved) with keep", async () => {
    const a = await runWith(saved());
    a.run.start(plan, 10);
    await a.run.finished();
    expect(a.log).toEqual(["delete"]);
    expect(a.records.size).toBe(0);
    const b = await runWith(saved(), true);
    b.run.start(plan, 10);
    await b.run.finished();
    expect(b.log).toEqual(["set appending 0,2"]);
    expect(b.records.size).toBe(1);
  });
});

describe("ResumeRun.rejected", () => {
  test("X's 400, 404 or 410 for the resumed media id: record dropped, reported, true", async () => {
    for (const status of [400, 404, 410]) {
      const { run, list, log } = await runWith(saved());
      const start = run.start(plan, 10);
      expect(await run.rejected(api(status, "123"), start)).toBe(true);
      expect(log).toEqual(["delete"]);
      expect(list.slice(1)).toEqual([
        {
          type: "discarded",
          source: "k",
          mediaId: "123",
          reason: "rejected",
          message: `resume: X answered ${status} for media 123 of k (expired or unknown); the saved session is dropped.`,
        },
      ]);
    }
  });

  test("not a rejection: another media id, another status, not an X error, or a fresh start", async () => {
    const { run, list, log } = await runWith(saved());
    const start = run.start(plan, 10);
    expect(await run.rejected(api(404, "999"), start)).toBe(false);
    expect(await run.rejected(api(404, undefined), start)).toBe(false);
    expect(await run.rejected(api(403, "123"), start)).toBe(false);
    expect(await run.rejected(api(500, "123"), start)).toBe(false);
    expect(await run.rejected(new Error("404"), start)).toBe(false);
    const fresh = run.start(plan, 10);
    expect(await run.rejected(api(404, undefined), fresh)).toBe(false);
    expect(log).toEqual([]);
    expect(list).toHaveLength(1);
  });
});
