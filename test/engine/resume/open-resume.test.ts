// openResume(): which saved session may steer an upload, and the exact event for each one that may not.
import { describe, expect, test } from "@jest/globals";
import { openResume } from "../../../src/engine/resume/open-resume.js";
import type { ResumeEvent } from "../../../src/engine/resume/events.js";
import { resumeIdentity } from "../../../src/engine/resume/fingerprint.js";
import type {
  SavedSession,
  SessionStore,
} from "../../../src/engine/session-store.js";
import type { UploadSession } from "../../../src/engine/session.js";
import type { UploadPlan } from "../../../src/engine/prepare.js";
import { bytesSource } from "../../../src/engine/source/blob-source.js";
import type { MediaSource } from "../../../src/engine/source/types.js";

const scopeBase = { origin: "https://api.x.com", identity: "a".repeat(32) };
const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const NOW = Date.UTC(2026, 0, 1);
const plan: UploadPlan = {
  mediaType: "video/mp4",
  mediaCategory: "tweet_video",
  segments: { segmentBytes: 4, count: 3, segments: [] },
};

/** A saved session that openResume accepts as is. */
function goodSession(): UploadSession {
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
  };
}

interface MemStore extends SessionStore {
  records: Map<string, SavedSession>;
}

function memStore(over: Partial<SessionStore> = {}): MemStore {
  const records = new Map<string, SavedSession>();
  return {
    records,
    get: (key) => Promise.resolve(records.get(key)),
    set: (key, saved) => {
      records.set(key, saved);
      return Promise.resolve();
    },
    delete: (key) => {
      records.delete(key);
      return Promise.resolve();
    },
    list: () => Promise.resolve([...records.values()]),
    ...over,
  };
}

const identity = () =>
  resumeIdentity(
    { kind: "key", resumeKey: "k" },
    bytesSource(bytes, undefined),
    scopeBase,
  );

async function open(
  store: SessionStore,
  options: {
    now?: number;
    plan?: UploadPlan;
    resumeKey?: string | undefined;
    path?: string | undefined;
    source?: MediaSource;
  } = {},
) {
  const list: ResumeEvent[] = [];
  const opened = await openResume(
    {
      store,
      resumeKey: "resumeKey" in options ? options.resumeKey : "k",
      keep: false,
    },
    options.path,
    options.source ?? bytesSource(bytes, undefined),
    options.plan ?? plan,
    { ...scopeBase, now: () => options.now ?? NOW },
    (e) => list.push(e),
  );
  return { opened, list };
}

/** Opens with `session` saved under the input's key (and its fingerprint unless given). */
async function openWith(
  session: unknown,
  options: Parameters<typeof open>[1] & {
    fingerprint?: string;
    version?: unknown;
  } = {},
) {
  const id = await identity();
  const store = memStore();
  store.records.set(id.key, {
    version: (options.version ?? 1) as 1,
    key: id.key,
    source: "k",
    fingerprint: options.fingerprint ?? id.fingerprint,
    savedAt: NOW - 1000,
    session: session as UploadSession,
  });
  return open(store, options);
}

const unreadable: ResumeEvent = {
  type: "discarded",
  source: "k",
  mediaId: undefined,
  reason: "unreadable",
  message:
    "resume: the saved session of k is not one this version can read; starting fresh.",
};

describe("openResume: no saved session can be used at all", () => {
  test("a bytes input without resumeKey or path: one warning, undefined", async () => {
    const { opened, list } = await open(memStore(), { resumeKey: undefined });
    expect(opened).toBeUndefined();
    expect(list).toEqual([
      {
        type: "warning",
        source: undefined,
        message:
          "resume: a stream, Blob or bytes input is resumable only with a `resumeKey` naming it; this upload is not saved.",
      },
    ]);
  });

  test("a fingerprint that fails (the input cannot be read): warning with the cause, undefined", async () => {
    const boom = new Error("read failed");
    let claims = 0;
    const store = memStore({
      claim: () => {
        claims += 1;
        return Promise.resolve(() => Promise.resolve());
      },
    });
    const { opened, list } = await open(store, {
      source: {
        ...bytesSource(bytes, undefined),
        head: () => Promise.reject(boom),
      },
    });
    expect(opened).toBeUndefined();
    expect(claims).toBe(0);
    expect(list).toEqual([
      {
        type: "warning",
        source: undefined,
        message:
          "resume: cannot fingerprint the input (read failed); this upload goes on but is not saved.",
        cause: boom,
      },
    ]);
  });

  test("a claim held by another upload: warning, undefined, store not read", async () => {
    let reads = 0;
    const store = memStore({
      claim: () => Promise.resolve(undefined),
      get: () => {
        reads += 1;
        return Promise.resolve(undefined);
      },
    });
    const { opened, list } = await open(store);
    expect(opened).toBeUndefined();
    expect(reads).toBe(0);
    expect(list).toEqual([
      {
        type: "warning",
        source: "k",
        message:
          "resume: another upload is using the saved session of k; this one starts fresh and is not saved.",
      },
    ]);
  });

  test("a claim that throws: warning naming the source and cause, undefined", async () => {
    const boom = new Error("disk gone");
    const store = memStore({ claim: () => Promise.reject(boom) });
    const { opened, list } = await open(store);
    expect(opened).toBeUndefined();
    expect(list).toEqual([
      {
        type: "warning",
        source: "k",
        message:
          "resume: cannot claim the saved session of k (disk gone); this upload goes on but is not saved.",
        cause: boom,
      },
    ]);
  });

  test("a claim that throws a non-Error: its String() in the message", async () => {
    const store = memStore({ claim: () => Promise.reject("nope") });
    const { list } = await open(store);
    expect(list.map((e) => e.message)).toEqual([
      "resume: cannot claim the saved session of k (nope); this upload goes on but is not saved.",
    ]);
  });
});

describe("openResume: claimed", () => {
  test("a store without claim: opened with a no-op release, nothing saved, no event", async () => {
    const { opened, list } = await open(memStore());
    const id = await identity();
    expect(opened?.id).toEqual(id);
    expect(opened?.saved).toBeUndefined();
    await expect(opened?.release()).resolves.toBeUndefined();
    expect(list).toEqual([]);
  });

  test("a claim's release is the one handed back", async () => {
    let released = 0;
    const release = () => {
      released += 1;
      return Promise.resolve();
    };
    const { opened } = await open(
      memStore({ claim: () => Promise.resolve(release) }),
    );
    expect(opened?.release).toBe(release);
    expect(released).toBe(0);
  });

  test("a store whose get throws: discarded as unreadable, still opened", async () => {
    const store = memStore({
      get: () => Promise.reject(new Error("bad json")),
    });
    const { opened, list } = await open(store);
    expect(opened?.saved).toBeUndefined();
    expect(opened?.id.source).toBe("k");
    expect(list).toEqual([
      {
        type: "discarded",
        source: "k",
        mediaId: undefined,
        reason: "unreadable",
        message:
          "resume: the saved session of k is unreadable (bad json); starting fresh.",
      },
    ]);
  });

  test("a good record: continued as a copy (its own acked array), no event", async () => {
    const session = goodSession();
    const { opened, list } = await openWith(session);
    expect(list).toEqual([]);
    expect(opened?.saved).toEqual(session);
    expect(opened?.saved).not.toBe(session);
    expect(opened?.saved?.acked).not.toBe(session.acked);
  });
});

describe("openResume: shape checks of a saved record", () => {
  const accepted = async (session: unknown) => {
    const { opened, list } = await openWith(session);
    expect(list).toEqual([]);
    expect(opened?.saved).toEqual(session);
  };
  const rejected = async (session: unknown, version?: unknown) => {
    const { opened, list } = await openWith(
      session,
      version === undefined ? {} : { version },
    );
    expect(opened?.saved).toBeUndefined();
    expect(list).toEqual([unreadable]);
  };
  const good = goodSession();

  test("record or session of another version", async () => {
    await rejected(good, 2);
    await rejected({ ...good, version: 2 });
  });

  test("no session at all", async () => {
    await rejected(undefined);
    await rejected(null);
  });

  test("phase: appending, finalized and done continue; new does not", async () => {
    await accepted({ ...good, phase: "finalized" });
    await accepted({ ...good, phase: "done" });
    await rejected({ ...good, phase: "new" });
    await rejected({ ...good, phase: "other" });
  });

  test("mediaId: a non-empty string", async () => {
    await accepted({ ...good, mediaId: "1" });
    await rejected({ ...good, mediaId: "" });
    await rejected({ ...good, mediaId: 123 });
  });

  test("size: a safe integer", async () => {
    await rejected({ ...good, size: 10.5 });
    await rejected({ ...good, size: "10" });
  });

  test("segmentBytes: 1 to 8 MiB", async () => {
    await accepted({ ...good, size: 3, segmentBytes: 1, acked: [0, 2] });
    await rejected({
      ...good,
      size: 0,
      segmentBytes: 0,
      segmentCount: 0,
      acked: [],
    });
    await rejected({ ...good, size: -3, segmentBytes: -1, acked: [] });
    await rejected({ ...good, segmentBytes: 4.5 });
    const mib8 = 8 * 1024 * 1024;
    await accepted({
      ...good,
      size: mib8,
      segmentBytes: mib8,
      segmentCount: 1,
      acked: [0],
    });
    await rejected({
      ...good,
      size: mib8 + 1,
      segmentBytes: mib8 + 1,
      segmentCount: 1,
      acked: [0],
    });
  });

  test("segmentCount: at most 1000, a safe integer, ceil(size / segmentBytes)", async () => {
    await accepted({
      ...good,
      size: 1000,
      segmentBytes: 1,
      segmentCount: 1000,
      acked: [999],
    });
    await rejected({
      ...good,
      size: 1001,
      segmentBytes: 1,
      segmentCount: 1001,
      acked: [],
    });
    await rejected({ ...good, segmentCount: 2 });
    await rejected({ ...good, segmentCount: 4, acked: [] });
    await rejected({ ...good, segmentCount: undefined, acked: [] });
    await accepted({ ...good, size: 12, segmentCount: 3 });
    await rejected({ ...good, size: 13, segmentCount: 3 });
  });

  test("acked: an array of distinct indexes 0 .. segmentCount - 1", async () => {
    await accepted({ ...good, acked: [] });
    await accepted({ ...good, acked: [0, 1, 2] });
    await rejected({ ...good, acked: [0, 3] });
    await rejected({ ...good, acked: [3] });
    await rejected({ ...good, acked: [-1] });
    await rejected({ ...good, acked: [0, -1] });
    await rejected({ ...good, acked: [1.5] });
    await rejected({ ...good, acked: ["1"] });
    await rejected({ ...good, acked: 0 });
    await rejected({ ...good, acked: undefined });
  });

  test("expiresAt: undefined or finite", async () => {
    await accepted({ ...good, expiresAt: undefined });
    await rejected({ ...good, expiresAt: Number.NaN });
    await rejected({ ...good, expiresAt: Number.POSITIVE_INFINITY });
    await rejected({ ...good, expiresAt: null });
  });
});

describe("openResume: a well-formed record that does not fit this upload", () => {
  test("another fingerprint: changed (checked before expiry and options)", async () => {
    const { opened, list } = await openWith(
      { ...goodSession(), expiresAt: NOW, mediaType: "image/png" },
      { fingerprint: "0".repeat(32) },
    );
    expect(opened?.saved).toBeUndefined();
    expect(list).toEqual([
      {
        type: "discarded",
        source: "k",
        mediaId: "123",
        reason: "changed",
        message:
          "resume: k changed since media 123 was started (size, mtime or content); starting fresh.",
      },
    ]);
  });

  test("expiry: discarded at 10 min before it, continued 1 ms earlier", async () => {
    const expiresAt = NOW + 600_000;
    const early = await openWith(
      { ...goodSession(), expiresAt },
      { now: NOW - 1 },
    );
    expect(early.list).toEqual([]);
    expect(early.opened?.saved?.expiresAt).toBe(expiresAt);
    const edge = await openWith({ ...goodSession(), expiresAt });
    expect(edge.opened?.saved).toBeUndefined();
    expect(edge.list).toEqual([
      {
        type: "discarded",
        source: "k",
        mediaId: "123",
        reason: "expired",
        message:
          "resume: media 123 of k expires at 2026-01-01T00:10:00.000Z, too soon to finish it; starting fresh.",
      },
    ]);
    const later = await openWith(
      { ...goodSession(), expiresAt },
      { now: NOW + 1 },
    );
    expect(later.list.map((e) => e.type === "discarded" && e.reason)).toEqual([
      "expired",
    ]);
  });

  test("expiry checked before options", async () => {
    const { list } = await openWith({
      ...goodSession(),
      expiresAt: NOW,
      mediaCategory: undefined,
    });
    expect(list.map((e) => e.type === "discarded" && e.reason)).toEqual([
      "expired",
    ]);
  });

  const options = (session: UploadSession, p: UploadPlan) =>
    openWith(session, { plan: p });

  test("another media type, same category: options", async () => {
    const { opened, list } = await options(
      { ...goodSession(), mediaType: "video/quicktime" },
      plan,
    );
    expect(opened?.saved).toBeUndefined();
    expect(list).toEqual([
      {
        type: "discarded",
        source: "k",
        mediaId: "123",
        reason: "options",
        message:
          "resume: media 123 was started as video/quicktime (tweet_video), this upload asks for video/mp4 (tweet_video); starting fresh.",
      },
    ]);
  });

  test("saved without a category, asked with one: options, 'no category'", async () => {
    const { list } = await options(
      { ...goodSession(), mediaCategory: undefined },
      plan,
    );
    expect(list.map((e) => e.message)).toEqual([
      "resume: media 123 was started as video/mp4 (no category), this upload asks for video/mp4 (tweet_video); starting fresh.",
    ]);
  });

  test("saved with a category, asked without: options, 'no category'", async () => {
    const { list } = await options(goodSession(), {
      ...plan,
      mediaCategory: undefined,
    });
    expect(list.map((e) => e.message)).toEqual([
      "resume: media 123 was started as video/mp4 (tweet_video), this upload asks for video/mp4 (no category); starting fresh.",
    ]);
  });

  test("both without a category: continued", async () => {
    const session = { ...goodSession(), mediaCategory: undefined };
    const { opened, list } = await options(session, {
      ...plan,
      mediaCategory: undefined,
    });
    expect(list).toEqual([]);
    expect(opened?.saved).toEqual(session);
  });
});
