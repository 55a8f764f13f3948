// Shared pieces of the resume tests: a temp dir per test, a store that reports its saves, a file on disk.
import { afterEach, beforeEach } from "@jest/globals";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  fileSessionStore,
  type ResumeEvent,
  type SavedSession,
  type SessionStore,
} from "../../../src/index.js";
import type { FakeXServer } from "../../../src/testing/index.js";
import { startServer } from "../harness.js";

/** A fresh temp directory; `cleanup` removes it. */
export async function tempDir(): Promise<{
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "xmu-resume-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `bytes` to `dir/name` and returns the path. */
export async function fileWith(
  dir: string,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** A file store in `dir` whose every `set` is also passed to `onSet` (to stop an upload at a chosen point). */
export function watchedStore(
  dir: string,
  onSet: (saved: SavedSession) => void = () => {},
): SessionStore & { sets: number } {
  const inner = fileSessionStore({ dir });
  const store = {
    sets: 0,
    get: (key: string) => inner.get(key),
    async set(key: string, saved: SavedSession) {
      store.sets += 1;
      await inner.set(key, saved);
      onSet(saved);
    },
    delete: (key: string) => inner.delete(key),
    list: () => inner.list(),
    claim: (key: string) => inner.claim?.(key) ?? Promise.resolve(undefined),
  };
  return store;
}

/** Collects resume events. */
export function events(): {
  list: ResumeEvent[];
  onResume: (e: ResumeEvent) => void;
} {
  const list: ResumeEvent[] = [];
  return { list, onResume: (e) => list.push(e) };
}

/** Per test: a fake whose APPENDs each take 5 ms (a stop lands with segments in flight) and a temp dir. */
export function useResumeBed(): {
  server: FakeXServer;
  dir: string;
  storeDir: string;
} {
  const bed = {} as { server: FakeXServer; dir: string; storeDir: string };
  let cleanup: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    bed.server = await startServer();
    bed.server.faults.add({
      operation: "appendMediaUpload",
      fault: { kind: "latency", ms: 5 },
      times: Infinity,
    });
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    bed.dir = tmp.dir;
    bed.storeDir = join(tmp.dir, "sessions");
  });
  afterEach(async () => {
    await bed.server.close();
    await cleanup?.();
  });
  return bed;
}
