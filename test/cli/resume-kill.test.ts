// The proof of resume: the CLI killed with SIGKILL part-way through a 200 MiB upload, then run again. One INIT
// in all, X gets the file's exact bytes, and no more APPENDs than segments plus the ones in flight at the kill.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { sample } from "../engine/fixtures.js";
import { collect, spawnCli } from "./helpers.js";

const MIB = 1024 * 1024;
const SIZE = 200 * MIB + 12_345;
const SEGMENTS = Math.ceil(SIZE / (4 * MIB)); // the default 4 MiB segments: 51
const CONCURRENCY = 8; // the default

let server: FakeXServer;
let dir: string;
let file: string;
let digest: string;

beforeAll(async () => {
  server = await startFakeXServer({
    processing: { pendingMs: 0, inProgressMs: 0, checkAfterSecs: 0 },
  });
  dir = await mkdtemp(join(tmpdir(), "xmu-kill-"));
  file = join(dir, "big.mp4");
  // An MP4 head, then 1 MiB blocks that differ from each other (a segment sent to the wrong index would show).
  const hash = createHash("sha256");
  const out = createWriteStream(file);
  const block = sample("video/mp4", MIB);
  for (let written = 0, n = 0; written < SIZE; n += 1) {
    const chunk = Buffer.from(block.subarray(0, Math.min(MIB, SIZE - written)));
    if (n > 0) chunk.writeUInt32BE(n, 0);
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, "drain");
    written += chunk.length;
  }
  out.end();
  await once(out, "finish");
  digest = hash.digest("hex");
}, 60_000);
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({
  X_OAUTH2_TOKEN: "t",
  X_API_BASE_URL: server.url,
  XDG_CACHE_HOME: join(dir, "cache"),
});
const appends = () =>
  server.requests.filter((r) => r.operation === "appendMediaUpload");

test("SIGKILL at mid-transfer, then the same command: one INIT, exact bytes, at most segments + concurrency APPENDs", async () => {
  // Each APPEND answer waits, so the kill lands with segments in flight.
  server.faults.add({
    operation: "appendMediaUpload",
    fault: { kind: "latency", ms: 150 },
    times: Infinity,
  });
  const first = spawnCli(["upload", file, "--json"], env());
  const firstDone = collect(first);
  const third = Math.floor(SEGMENTS / 3);
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (appends().filter((r) => r.status === 200).length >= third) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
    void firstDone.then((r) => {
      clearInterval(timer);
      reject(new Error(`the upload ended before the kill: ${r.stderr}`));
    });
  });
  first.kill("SIGKILL");
  const killed = await firstDone;
  expect(killed.signal).toBe("SIGKILL");
  const answeredBeforeKill = appends().filter((r) => r.status === 200).length;
  expect(answeredBeforeKill).toBeLessThan(SEGMENTS);
  server.faults.clear();

  const second = await collect(
    spawnCli(["upload", file, "--resume", "--json"], env()),
  );
  expect(second.code).toBe(0);
  const result = JSON.parse(second.stdout) as {
    mediaId: string;
    resumed: { mediaId: string; skippedSegments: number; skippedBytes: number };
  };
  expect(result.resumed.mediaId).toBe(result.mediaId);
  expect(result.resumed.skippedSegments).toBeGreaterThanOrEqual(
    third - CONCURRENCY,
  );
  const inits = server.requests.filter(
    (r) => r.operation === "initializeMediaUpload",
  );
  expect(inits).toHaveLength(1);
  expect(server.upload(result.mediaId)?.sha256).toBe(digest);
  expect(appends().length).toBeLessThanOrEqual(SEGMENTS + CONCURRENCY);
  console.log(
    `resume after SIGKILL: ${answeredBeforeKill} APPENDs answered before the kill, ${result.resumed.skippedSegments} of ${SEGMENTS} segments skipped, ${appends().length} APPENDs in all`,
  );
}, 120_000);

test("two processes continuing the same saved upload at once: one resumes, the other starts fresh unsaved", async () => {
  await server.reset();
  server.faults.add({
    operation: "appendMediaUpload",
    fault: { kind: "latency", ms: 100 },
    times: Infinity,
  });
  const first = spawnCli(["upload", file, "--json"], env());
  const firstDone = collect(first);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (appends().filter((r) => r.status === 200).length >= 10) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  first.kill("SIGKILL");
  await firstDone;
  server.faults.clear();
  const [a, b] = await Promise.all([
    collect(spawnCli(["upload", file, "--json"], env())),
    collect(spawnCli(["upload", file, "--json"], env())),
  ]);
  expect([a.code, b.code]).toEqual([0, 0]);
  const results = [a, b].map(
    (r) => JSON.parse(r.stdout) as { mediaId: string; resumed?: unknown },
  );
  expect(results.filter((r) => r.resumed !== undefined)).toHaveLength(1);
  const notes = a.stderr + b.stderr;
  expect(notes).toContain("another upload is using the saved session");
  expect(
    server.requests.filter((r) => r.operation === "initializeMediaUpload"),
  ).toHaveLength(2);
  for (const r of results)
    expect(server.upload(r.mediaId)?.sha256).toBe(digest);
  const sessions = await collect(spawnCli(["sessions", "--json"], env()));
  expect(JSON.parse(sessions.stdout).sessions).toEqual([]);
}, 120_000);
