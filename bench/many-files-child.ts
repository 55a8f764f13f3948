// Child process of bench/many-files.ts: one batch of uploads in a fresh process, so its peak RSS is its own.
import { createMediaClient } from "../src/index.js";

interface Job {
  url: string;
  paths: string[];
  mode: "sequential" | "uploadMany";
  maxConcurrentUploads?: number;
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
const client = createMediaClient({
  auth: { type: "oauth2", accessToken: "bench" },
  baseUrl: job.url,
});
const started = performance.now();
let ok = 0;
if (job.mode === "sequential") {
  for (const path of job.paths) {
    await client.upload(path);
    ok += 1;
  }
} else {
  const outcomes = await client.uploadMany(job.paths, {
    ...(job.maxConcurrentUploads === undefined
      ? {}
      : { maxConcurrentUploads: job.maxConcurrentUploads }),
  });
  ok = outcomes.filter((o) => o.status === "fulfilled").length;
}
const seconds = (performance.now() - started) / 1000;
// What the batch still holds once garbage is collected (run with --expose-gc): a leak would grow with the files.
(globalThis as { gc?: () => void }).gc?.();
const { heapUsed, arrayBuffers } = process.memoryUsage();
process.send?.({
  type: "done",
  ok,
  seconds,
  peakRss: process.resourceUsage().maxRSS * 1024,
  retained: heapUsed + arrayBuffers,
});
