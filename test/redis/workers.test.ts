// The proof: 3 worker processes upload 30 files for the same token through one fake X that answers 429s
// (small per-user limits in 1 s windows, and one 429 with a 2 s Retry-After mid-run). With the Redis rate state no request arrives inside a window announced
// to any of them; without it, workers that did not get the 429 keep sending into it.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { spawn } from "node:child_process";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { sha256 } from "../engine/fixtures.js";
import { startRedisServer, type RedisServer } from "./redis-server.js";
import { workerFile } from "./worker-files.js";

const WORKERS = 3;
const FILES = 10;

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

interface WorkerReport {
  worker: number;
  ids: (string | null)[];
  failures: string[];
  rateLimitRetries: number;
  warnings: string[];
}

/** Spawns a worker; `ready` resolves once it has loaded, `go()` starts it, `done` resolves with its report. */
function spawnWorker(
  baseUrl: string,
  redisPort: string,
  prefix: string,
  worker: number,
) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "test/redis/worker.ts",
      baseUrl,
      redisPort,
      prefix,
      String(worker),
      String(FILES),
    ],
    { env: { PATH: process.env.PATH ?? "" }, stdio: ["pipe", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => {
    err += d;
    if (err.includes("ready\n")) onReady();
  });
  const done = new Promise<WorkerReport>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(out) as WorkerReport);
      else reject(new Error(`worker ${worker} exited ${code}:\n${err}${out}`));
    });
  });
  // A worker that dies before it is ready fails the run instead of leaving it waiting.
  return {
    ready: Promise.race([ready, done.then(() => {})]),
    go: () => child.stdin.end("go\n"),
    done,
  };
}

async function run(withRedis: boolean) {
  let answered = 0;
  const fake: FakeXServer = await startFakeXServer({
    // Mid-run, one APPEND (whichever worker sends it) gets a 429 with a 2 s Retry-After: the other workers
    // learn of that window only through the shared state.
    onRequest: () => {
      if (++answered === 50)
        fake.faults.add({
          operation: "appendMediaUpload",
          fault: { kind: "status", status: 429, retryAfterSecs: 2 },
        });
    },
    rateLimits: {
      windowMs: 1000,
      // A request that left a worker before the window reached Redis is not one it could have held back: on two
      // cores shared with other test runs that flight took over the default 250 ms (one request, 2026-12-02).
      announceGraceMs: 500,
      limits: {
        initializeMediaUpload: 8,
        appendMediaUpload: 12,
        finalizeMediaUpload: 8,
      },
    },
  });
  try {
    const prefix = `workers-${withRedis}-${Date.now()}:`;
    const port = withRedis ? String(redis.port) : "none";
    const workers = Array.from({ length: WORKERS }, (_, w) =>
      spawnWorker(fake.url, port, prefix, w),
    );
    await Promise.all(workers.map((w) => w.ready));
    const started = Date.now();
    for (const w of workers) w.go();
    const reports = await Promise.all(workers.map((w) => w.done));
    const statuses = fake.requests.map((r) => r.status ?? r.outcome);
    if (process.env.DBG) {
      for (const r of fake.requests)
        if (
          r.status === 429 ||
          r.insideRateLimitWindow ||
          r.operation !== "appendMediaUpload"
        )
          console.error(
            r.seq,
            r.operation,
            r.startedAt % 100000,
            r.durationMs,
            r.status,
            r.insideRateLimitWindow,
          );
    }
    let exact = 0;
    for (const report of reports) {
      report.ids.forEach((id, i) => {
        const upload = id === null ? undefined : fake.upload(id);
        if (upload?.sha256 === sha256(workerFile(report.worker, i))) exact++;
      });
    }
    return {
      reports,
      exact,
      seconds: (Date.now() - started) / 1000,
      requests: fake.counters.requests,
      status429: statuses.filter((s) => s === 429).length,
      inside: fake.counters.insideRateLimitWindow,
    };
  } finally {
    await fake.close();
  }
}

test("3 workers, 30 files, one token, 429s: with redisRateState no request lands inside an announced window, across processes; every file byte-exact", async () => {
  const shared = await run(true);
  console.log(
    `with Redis: ${shared.requests} requests, ${shared.status429} × 429, ${shared.inside} inside a window, ${shared.seconds} s`,
  );
  expect(shared.reports.flatMap((r) => r.failures)).toEqual([]);
  expect(shared.exact).toBe(WORKERS * FILES);
  expect(shared.reports.flatMap((r) => r.warnings)).toEqual([]);
  // The limits really bit: windows were announced (429s, or answers saying none is left).
  expect(
    shared.reports.reduce((n, r) => n + r.rateLimitRetries, 0) +
      shared.status429,
  ).toBeGreaterThan(0);
  expect(shared.inside).toBe(0);
}, 90_000);

test("the same run without the shared state sends requests inside windows other workers were told about", async () => {
  const alone = await run(false);
  console.log(
    `without Redis: ${alone.requests} requests, ${alone.status429} × 429, ${alone.inside} inside a window, ${alone.seconds} s`,
  );
  expect(alone.reports.flatMap((r) => r.failures)).toEqual([]);
  expect(alone.exact).toBe(WORKERS * FILES);
  expect(alone.inside).toBeGreaterThan(0);
}, 90_000);
