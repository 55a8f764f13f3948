// Child process of bench/run.ts: the fake X server, out of the client's RSS, driven over IPC.
import { startFakeXServer } from "../src/testing/index.js";

const GIB = 1024 ** 3;
const UNLIMITED = 1_000_000_000;

if (!process.send)
  throw new Error("Run through bench/run.ts (needs an IPC channel).");

const server = await startFakeXServer({
  sizeLimits: { video: 16 * GIB, model: 16 * GIB },
  processing: { pendingMs: 0, inProgressMs: 0, checkAfterSecs: 0 },
  rateLimits: {
    limits: {
      initializeMediaUpload: UNLIMITED,
      appendMediaUpload: UNLIMITED,
      finalizeMediaUpload: UNLIMITED,
      getMediaUploadStatus: UNLIMITED,
    },
  },
});

type Message =
  | { type: "prepare"; latencyMs: number }
  | { type: "report"; mediaId: string }
  | { type: "stop" };

process.on("message", (message: Message) => {
  void handle(message);
});

async function handle(message: Message): Promise<void> {
  if (message.type === "prepare") {
    // Forget earlier uploads (and their spilled files) so each run starts clean.
    await server.reset();
    if (message.latencyMs > 0)
      server.faults.add({
        times: Infinity,
        fault: { kind: "latency", ms: message.latencyMs },
      });
    process.send?.({ type: "prepared" });
  } else if (message.type === "report") {
    const upload = server.upload(message.mediaId);
    process.send?.({
      type: "report",
      requests: server.counters.requests,
      maxConcurrentAppends: server.counters.maxConcurrentAppends,
      sha256: upload?.sha256,
      peakRss: process.resourceUsage().maxRSS * 1024,
    });
  } else {
    await server.close();
    process.exit(0);
  }
}

process.send({ type: "ready", url: server.url });
