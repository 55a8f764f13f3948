// SessionSaver edge cases: delete waits for the write in flight, a failing delete warns once, a failing save
// releases every saved() waiter.
import { describe, expect, test } from "@jest/globals";
import { SessionSaver } from "../../../src/engine/resume/saver.js";
import { newSession } from "../../../src/engine/session.js";
import type { SessionStore } from "../../../src/engine/session-store.js";

const id = { key: "kk", fingerprint: "ff", source: "/a.mp4" };
const session = () =>
  newSession({
    mediaType: "video/mp4",
    mediaCategory: undefined,
    size: 10,
    segmentBytes: 5,
    segmentCount: 2,
  });

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

function store(over: Partial<SessionStore>): SessionStore {
  return {
    get: () => Promise.resolve(undefined),
    set: () => Promise.resolve(),
    delete: () => Promise.resolve(),
    list: () => Promise.resolve([]),
    ...over,
  };
}

describe("SessionSaver", () => {
  test("delete() waits for the write in flight before deleting", async () => {
    const log: string[] = [];
    const write = deferred();
    const saver = new SessionSaver(
      store({
        set: async (key) => {
          log.push(`set ${key}`);
          await write.promise;
          log.push("set done");
        },
        delete: (key) => {
          log.push(`delete ${key}`);
          return Promise.resolve();
        },
      }),
      id,
      session(),
      () => {},
    );
    saver.changed();
    const deleting = saver.delete();
    await tick();
    expect(log).toEqual(["set kk"]);
    write.resolve();
    await deleting;
    expect(log).toEqual(["set kk", "set done", "delete kk"]);
    expect(saver.active).toBe(false);
  });

  test("a failing delete warns once with the source and the cause, and does not reject", async () => {
    const boom = new Error("EPERM");
    const warnings: [string, unknown][] = [];
    const saver = new SessionSaver(
      store({ delete: () => Promise.reject(boom) }),
      id,
      session(),
      (message, cause) => warnings.push([message, cause]),
    );
    await expect(saver.delete()).resolves.toBeUndefined();
    await saver.delete();
    expect(warnings).toEqual([
      ["could not delete the saved session of /a.mp4", boom],
    ]);
  });

  test("a failing save releases a saved() waiter at once and warns", async () => {
    const write = deferred();
    const warnings: string[] = [];
    const saver = new SessionSaver(
      store({ set: () => write.promise }),
      id,
      session(),
      (message) => warnings.push(message),
    );
    saver.changed();
    let released = false;
    const waiting = saver.saved().then(() => {
      released = true;
    });
    await tick();
    expect(released).toBe(false);
    write.reject(new Error("ENOSPC"));
    await tick();
    expect(released).toBe(true);
    await waiting;
    expect(saver.active).toBe(false);
    expect(warnings).toEqual([
      "could not save the session of /a.mp4; this upload goes on but cannot be resumed",
    ]);
  });
});
