// The default session store: atomic JSON files with private modes, and lock files that exclude a second
// upload of the same session while its process lives and give way once it is gone.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { spawn } from "node:child_process";
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { fileSessionStore, type SavedSession } from "../../../src/index.js";
import { cacheDir } from "../../../src/client/sessions/cache-dir.js";
import { tempDir } from "../../engine/resume/helpers.js";

let tmp: { dir: string; cleanup: () => Promise<void> };
let dir: string;
beforeEach(async () => {
  tmp = await tempDir();
  dir = join(tmp.dir, "nested", "sessions");
});
afterEach(() => tmp.cleanup());

function record(key: string, acked: number[] = [0, 1]): SavedSession {
  return {
    version: 1,
    key,
    source: "/videos/clip.mp4",
    fingerprint: "f".repeat(32),
    savedAt: 1_700_000_000_000,
    session: {
      version: 1,
      phase: "appending",
      mediaId: "1880000000000000001",
      mediaKey: "7_1880000000000000001",
      mediaType: "video/mp4",
      mediaCategory: "tweet_video",
      size: 10_000,
      segmentBytes: 4096,
      segmentCount: 3,
      acked,
      expiresAt: undefined,
    },
  };
}

describe("records", () => {
  test("set creates the directory (0700) and a 0600 file; get returns what was set", async () => {
    const store = fileSessionStore({ dir });
    await store.set("abc", record("abc"));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, "abc.json"))).mode & 0o777).toBe(0o600);
    expect(await store.get("abc")).toEqual(record("abc"));
    expect(store.dir).toBe(dir);
  });

  test("a missing record is undefined; a missing directory lists as empty", async () => {
    const store = fileSessionStore({ dir });
    expect(await store.get("nope")).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  test("set replaces atomically and leaves no temp file behind", async () => {
    const store = fileSessionStore({ dir });
    await store.set("abc", record("abc", [0]));
    await store.set("abc", record("abc", [0, 1, 2]));
    expect((await store.get("abc"))?.session.acked).toEqual([0, 1, 2]);
    expect(await readdir(dir)).toEqual(["abc.json"]);
  });

  test("corrupt JSON: get rejects naming the file, list skips it", async () => {
    const store = fileSessionStore({ dir });
    await store.set("good", record("good"));
    await writeFile(join(dir, "bad.json"), "{");
    await expect(store.get("bad")).rejects.toThrow(
      `${join(dir, "bad.json")} is not valid JSON`,
    );
    expect((await store.list()).map((r) => r.key)).toEqual(["good"]);
  });

  test("delete removes the record; deleting a missing one is fine", async () => {
    const store = fileSessionStore({ dir });
    await store.set("abc", record("abc"));
    await store.delete("abc");
    await store.delete("abc");
    expect(await store.get("abc")).toBeUndefined();
  });

  test("a key that could leave the directory is a TypeError", async () => {
    const store = fileSessionStore({ dir });
    await expect(store.get("../escape")).rejects.toThrow(TypeError);
    await expect(store.set("a/b", record("a/b"))).rejects.toThrow(
      'Expected a session key of letters, digits, _ and -, got "a/b".',
    );
  });
});

describe("claims", () => {
  test("one claim at a time in a process, across store instances; release frees it", async () => {
    const a = fileSessionStore({ dir });
    const b = fileSessionStore({ dir });
    const release = await a.claim?.("k1");
    expect(release).toBeInstanceOf(Function);
    expect(await b.claim?.("k1")).toBeUndefined();
    expect(await a.claim?.("k1")).toBeUndefined();
    // Another key is independent.
    const other = await b.claim?.("k2");
    expect(other).toBeInstanceOf(Function);
    await release?.();
    const again = await b.claim?.("k1");
    expect(again).toBeInstanceOf(Function);
    await again?.();
    await other?.();
    expect(await readdir(dir)).toEqual([]);
  });

  test("a lock of a dead process is stale: broken and taken", async () => {
    const dead = await exitedPid();
    await fileSessionStore({ dir }).set("x", record("x")); // creates dir
    await writeFile(
      join(dir, "k.lock"),
      JSON.stringify({ pid: dead, host: hostname(), token: "old" }),
    );
    const release = await fileSessionStore({ dir }).claim?.("k");
    expect(release).toBeInstanceOf(Function);
    const owner = JSON.parse(await readFile(join(dir, "k.lock"), "utf8"));
    expect(owner.pid).toBe(process.pid);
    await release?.();
  });

  test("a lock of a running process is respected", async () => {
    const child = spawn(process.execPath, [
      "-e",
      "setTimeout(() => {}, 20000)",
    ]);
    try {
      await fileSessionStore({ dir }).set("x", record("x"));
      await writeFile(
        join(dir, "k.lock"),
        JSON.stringify({ pid: child.pid, host: hostname(), token: "live" }),
      );
      expect(await fileSessionStore({ dir }).claim?.("k")).toBeUndefined();
    } finally {
      child.kill();
    }
  });

  test("a lock from another host counts as live; a damaged lock is stale", async () => {
    const store = fileSessionStore({ dir });
    await store.set("x", record("x"));
    await writeFile(
      join(dir, "remote.lock"),
      JSON.stringify({ pid: 1, host: `${hostname()}-elsewhere`, token: "r" }),
    );
    expect(await store.claim?.("remote")).toBeUndefined();
    await writeFile(join(dir, "damaged.lock"), "garbage");
    const release = await store.claim?.("damaged");
    expect(release).toBeInstanceOf(Function);
    await release?.();
  });

  test("release leaves a lock that is no longer its own", async () => {
    const store = fileSessionStore({ dir });
    const release = await store.claim?.("k");
    await writeFile(join(dir, "k.lock"), "someone else's");
    await release?.();
    expect(await readFile(join(dir, "k.lock"), "utf8")).toBe("someone else's");
  });
});

describe("cacheDir", () => {
  const home = () => "/h/ada";
  test.each([
    [{ XDG_CACHE_HOME: "/xdg" }, "linux", "/xdg/x-media-upload"],
    [{ XDG_CACHE_HOME: "relative" }, "linux", "/h/ada/.cache/x-media-upload"],
    [{}, "linux", "/h/ada/.cache/x-media-upload"],
    [{}, "darwin", "/h/ada/Library/Caches/x-media-upload"],
    [{ XDG_CACHE_HOME: "/xdg" }, "darwin", "/xdg/x-media-upload"],
    [{ LOCALAPPDATA: "/appdata" }, "win32", "/appdata/x-media-upload/Cache"],
    [{}, "win32", "/h/ada/AppData/Local/x-media-upload/Cache"],
  ])("%j on %s → %s", (env, platform, expected) => {
    expect(cacheDir(env, platform, home)).toBe(expected);
  });

  test("the default store lives in sessions/ under it", () => {
    expect(fileSessionStore().dir).toBe(join(cacheDir(), "sessions"));
  });
});

/** The pid of a process that has exited. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((r) => child.once("exit", r));
  return child.pid ?? 0;
}
