// The many-uploads soak: one client, 4 uploads at a time, against the fake with seeded random faults.
// Shared by the CI-sized jest test and `npm run soak` (full sizes).
import { createHash } from "node:crypto";
import {
  createMediaClient,
  type MediaType,
  type UploadManyItem,
} from "../../src/index.js";
import { startFakeXServer, type RandomFault } from "../../src/testing/index.js";
import { sample } from "../engine/fixtures.js";

/** How big and how many. */
export interface SoakProfile {
  uploads: number;
  /** Size range per kind, in bytes. */
  sizes: Record<"image" | "gif" | "video", [number, number]>;
  segmentBytes: number;
  seed: number;
  /** The client's stall limit: short, so stalled requests are given up quickly. */
  stallTimeoutMs: number;
  requestTimeoutMs: number;
}

/** What the soak measured. */
export interface SoakReport {
  uploads: number;
  fulfilled: number;
  sha256Exact: number;
  bytes: number;
  requests: number;
  faultsApplied: number;
  statuses: Record<string, number>;
  insideRateLimitWindow: number;
  unhandledRejections: number;
  seconds: number;
  failures: string[];
}

// The mix: ≈8% 503, 2% 500, 3% connection resets, 1% stalls, 1% 429 with a 1 s reset.
const FAULTS: RandomFault[] = [
  { rate: 0.08, fault: { kind: "status", status: 503 } },
  { rate: 0.02, fault: { kind: "status", status: 500 } },
  { rate: 0.03, fault: { kind: "reset", afterBytes: 100 } },
  { rate: 0.01, fault: { kind: "stall" } },
  { rate: 0.01, fault: { kind: "status", status: 429, retryAfterSecs: 1 } },
];

const KINDS: { kind: "image" | "gif" | "video"; type: MediaType }[] = [
  { kind: "image", type: "image/png" },
  { kind: "image", type: "image/jpeg" },
  { kind: "gif", type: "image/gif" },
  { kind: "video", type: "video/mp4" },
];

/** Deterministic bytes: a real magic head, then a pattern keyed by `seed`. */
function* chunks(type: MediaType, size: number, seed: number) {
  const head = sample(type, Math.min(64, size));
  yield head;
  const step = 256 * 1024;
  for (let at = head.length; at < size; at += step) {
    const n = Math.min(step, size - at);
    const chunk = Buffer.alloc(n);
    for (let i = 0; i < n; i++) chunk[i] = ((at + i) * 131 + seed) & 0xff;
    yield chunk;
  }
}

function digest(type: MediaType, size: number, seed: number): string {
  const hash = createHash("sha256");
  for (const c of chunks(type, size, seed)) hash.update(c);
  return hash.digest("hex");
}

// Small files as bytes, the others as sized web streams generated on the fly: memory stays flat.
function input(type: MediaType, size: number, seed: number): UploadManyItem {
  if (size <= 256 * 1024) return Buffer.concat([...chunks(type, size, seed)]);
  const it = chunks(type, size, seed);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
  });
  return { input: stream, size };
}

/** Runs the soak and reports; never throws for an upload's failure (it is counted). */
export async function runSoak(profile: SoakProfile): Promise<SoakReport> {
  let unhandled = 0;
  const onUnhandled = () => (unhandled += 1);
  process.on("unhandledRejection", onUnhandled);
  const server = await startFakeXServer({
    processing: { pendingMs: 10, inProgressMs: 20, checkAfterSecs: 0 },
    randomFaults: { seed: profile.seed, faults: FAULTS },
  });
  try {
    const client = createMediaClient({
      auth: { type: "oauth2", accessToken: "soak-token-0123456789" },
      baseUrl: server.url,
      segmentBytes: profile.segmentBytes,
      stallTimeoutMs: profile.stallTimeoutMs,
      requestTimeoutMs: profile.requestTimeoutMs,
      retry: {
        retries: 8,
        minDelayMs: 5,
        maxDelayMs: 100,
        maxRateLimitWaitMs: 10_000,
      },
    });
    let rnd = profile.seed;
    const random = () => {
      rnd = (rnd * 1103515245 + 12345) & 0x7fffffff;
      return rnd / 0x7fffffff;
    };
    const plan = Array.from({ length: profile.uploads }, (_, i) => {
      const { kind, type } = KINDS[i % KINDS.length] as (typeof KINDS)[number];
      const [min, max] = profile.sizes[kind];
      return { type, size: Math.round(min + random() * (max - min)), seed: i };
    });
    const started = performance.now();
    const outcomes = await client.uploadMany(
      plan.map((p) => input(p.type, p.size, p.seed)),
      { maxConcurrentUploads: 4 },
    );
    const seconds = (performance.now() - started) / 1000;
    const failures: string[] = [];
    let sha256Exact = 0;
    outcomes.forEach((o, i) => {
      const p = plan[i] as (typeof plan)[number];
      if (o.status === "rejected") {
        failures.push(`#${i} ${p.type} ${p.size} B: ${String(o.reason)}`);
        return;
      }
      if (server.upload(o.value.id)?.sha256 === digest(p.type, p.size, p.seed))
        sha256Exact += 1;
      else failures.push(`#${i}: sha256 differs`);
    });
    if (process.env.DBG) {
      for (const r of server.requests)
        if (r.status === 429 || r.insideRateLimitWindow)
          console.error(
            r.seq,
            r.operation,
            r.mediaId,
            r.segmentIndex,
            r.startedAt,
            r.durationMs,
            r.status,
            r.outcome,
            r.insideRateLimitWindow,
            JSON.stringify(r.faults),
          );
    }
    const statuses: Record<string, number> = {};
    for (const r of server.requests) {
      const key = String(r.status ?? r.outcome);
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
    return {
      uploads: plan.length,
      fulfilled: outcomes.filter((o) => o.status === "fulfilled").length,
      sha256Exact,
      bytes: plan.reduce((n, p) => n + p.size, 0),
      requests: server.counters.requests,
      faultsApplied: server.counters.faultsApplied,
      statuses,
      insideRateLimitWindow: server.counters.insideRateLimitWindow,
      unhandledRejections: unhandled,
      seconds,
      failures,
    };
  } finally {
    await server.close();
    // Let a late rejection surface before counting stops.
    await new Promise((r) => setTimeout(r, 50));
    process.off("unhandledRejection", onUnhandled);
  }
}
