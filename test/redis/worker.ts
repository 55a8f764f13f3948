// One worker process of the multi-process tests (node --import tsx test/redis/worker.ts): uploads its share of
// files for the shared token through the fake, with or without the Redis rate state, and prints a JSON report.
import { Redis } from "ioredis";
import { createMediaClient, type RateStateFactory } from "../../src/index.js";
import { redisRateState } from "../../src/redis/index.js";
import { workerFile } from "./worker-files.js";

const [
  baseUrl = "",
  redisPort = "none",
  prefix = "",
  worker = "0",
  files = "0",
] = process.argv.slice(2);
const warnings: string[] = [];
let redis: Redis | undefined;
let rateState: RateStateFactory | undefined;
if (redisPort !== "none") {
  redis = new Redis({
    host: "127.0.0.1",
    port: Number(redisPort),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 500,
    commandTimeout: 500,
  });
  redis.on("error", () => {});
  rateState = redisRateState(redis, {
    prefix,
    onWarning: (w) => warnings.push(w.message),
  });
}
const client = createMediaClient({
  auth: { type: "oauth2", accessToken: "shared-worker-token-0123456789" },
  baseUrl,
  ...(rateState ? { rateState } : {}),
  segmentBytes: 1024,
  concurrency: 2,
  retry: {
    retries: 12,
    minDelayMs: 5,
    maxDelayMs: 50,
    maxRateLimitWaitMs: 20_000,
  },
});
const items = Array.from({ length: Number(files) }, (_, i) =>
  workerFile(Number(worker), i),
);
// Loaded and connected: wait for the parent's go, so that every worker starts sending at the same time.
if (redis && redis.status !== "ready")
  await new Promise((resolve) => redis?.once("ready", resolve));
process.stderr.write("ready\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
process.stdin.pause();
let rateLimitRetries = 0;
const outcomes = await client.uploadMany(items, {
  maxConcurrentUploads: 4,
  onRetry: (e) => {
    if (e.kind === "rateLimit") rateLimitRetries += 1;
  },
});
process.stdout.write(
  JSON.stringify({
    worker: Number(worker),
    ids: outcomes.map((o) => (o.status === "fulfilled" ? o.value.id : null)),
    failures: outcomes.flatMap((o) =>
      o.status === "rejected" ? [String(o.reason)] : [],
    ),
    rateLimitRetries,
    warnings,
  }),
);
redis?.disconnect();
