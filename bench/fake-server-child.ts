// Child process of bench/fake-server-rss.ts: runs the fake X server and reports its own peak RSS over IPC.
import { startFakeXServer } from "../src/testing/index.js";

const GIB = 1024 ** 3;

if (!process.send)
  throw new Error(
    "Run through bench/fake-server-rss.ts (needs an IPC channel).",
  );

const server = await startFakeXServer({
  sizeLimits: { video: 16 * GIB },
  processing: { pendingMs: 0, inProgressMs: 0 },
  ...(process.env.BENCH_TMPDIR ? { tempDir: process.env.BENCH_TMPDIR } : {}),
});
let peakSampled = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakSampled = Math.max(peakSampled, process.memoryUsage().rss);
}, 20);

process.send({
  type: "ready",
  url: server.url,
  rss: process.memoryUsage().rss,
});

process.on("message", (message: { type: string; mediaId?: string }) => {
  if (message.type === "report") {
    const upload = message.mediaId ? server.upload(message.mediaId) : undefined;
    process.send?.({
      type: "report",
      // maxRSS is the kernel's high-water mark in KiB: the true peak, not a sample.
      peakRss: process.resourceUsage().maxRSS * 1024,
      peakSampled,
      sha256: upload?.sha256,
      receivedBytes: upload?.receivedBytes,
      maxConcurrentAppends: server.counters.maxConcurrentAppends,
    });
  }
  if (message.type === "stop") {
    clearInterval(sampler);
    void server.close().then(() => process.exit(0));
  }
});
