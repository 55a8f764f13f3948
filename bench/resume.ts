// `npm run bench -- --resume`: what saving a session costs, and what resuming saves. A 1 GiB file uploaded with
// resume off, with resume on (the default file store, writes counted), and stopped at half-way then resumed.
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { ask } from "./ipc.js";
import {
  createMediaClient,
  fileSessionStore,
  type SavedSession,
  type SessionStore,
} from "../src/index.js";
import { fileSha256, sparseFile } from "./files.js";
import { withRssSampling } from "./rss.js";

const MIB = 1024 * 1024;
const BYTES = 1024 * MIB;
const pad = (s: string | number, n: number) => String(s).padStart(n);

/** A store that counts writes and can stop the upload once `stopAt` segments are saved. */
function counting(dir: string, stopAt?: { acked: number; stop: () => void }) {
  const inner = fileSessionStore({ dir });
  const counts = { sets: 0, setMs: 0 };
  const store: SessionStore = {
    get: (k) => inner.get(k),
    delete: (k) => inner.delete(k),
    list: () => inner.list(),
    claim: (k) => inner.claim?.(k) ?? Promise.resolve(undefined),
    async set(k: string, saved: SavedSession) {
      const t = performance.now();
      await inner.set(k, saved);
      counts.sets += 1;
      counts.setMs += performance.now() - t;
      if (stopAt && saved.session.acked.length >= stopAt.acked) stopAt.stop();
    },
  };
  return { store, counts };
}

/** Prints the resume rows; `child` is the bench's fake server process. */
export async function resumeRows(
  child: ChildProcess,
  url: string,
  dir: string,
): Promise<void> {
  const path = join(dir, "resume-1GiB.mp4");
  await sparseFile(path, BYTES, "video/mp4");
  const expected = await fileSha256(path);
  const client = createMediaClient({
    auth: { type: "oauth2", accessToken: "bench" },
    baseUrl: url,
  });
  console.log(
    `\nresume, 1 GiB video/mp4, 4 MiB segments (256), default concurrency, 0 ms latency, file store in ${dir}`,
  );
  console.log(
    `${"run".padEnd(34)} ${pad("time s", 7)} ${pad("MB/s", 6)} ${pad("+RSS MiB", 8)} ${pad("requests", 8)} ${pad("writes", 6)} ${pad("write ms", 8)} sha256`,
  );
  const row = async (
    label: string,
    run: () => Promise<{ id: string } | undefined>,
    counts?: { sets: number; setMs: number },
    bytes = BYTES,
  ) => {
    const before = await ask<{ requests: number }>(
      child,
      { type: "report", mediaId: "" },
      "report",
    );
    const started = performance.now();
    const { result, startRss, peakRss } = await withRssSampling(run);
    const seconds = (performance.now() - started) / 1000;
    const report = await ask<{ requests: number; sha256?: string }>(
      child,
      { type: "report", mediaId: result?.id ?? "" },
      "report",
    );
    const sha = result ? (report.sha256 === expected ? "ok" : "MISMATCH") : "-";
    if (sha === "MISMATCH") process.exitCode = 1;
    console.log(
      `${label.padEnd(34)} ${pad(seconds.toFixed(2), 7)} ${pad((bytes / 1e6 / seconds).toFixed(0), 6)} ${pad(`+${((peakRss - startRss) / MIB).toFixed(0)}`, 8)} ${pad(report.requests - before.requests, 8)} ${pad(counts?.sets ?? "-", 6)} ${pad(counts ? counts.setMs.toFixed(0) : "-", 8)} ${sha}`,
    );
  };

  await ask(child, { type: "prepare", latencyMs: 0 }, "prepared");
  await row("resume off", () => client.upload(path));
  const on = counting(join(dir, "sessions-on"));
  await row(
    "resume on (saved as acked)",
    () => client.upload(path, { resume: true, resumeStore: on.store }),
    on.counts,
  );
  const stop = new AbortController();
  const half = counting(join(dir, "sessions-half"), {
    acked: 128,
    stop: () => stop.abort(new Error("bench stop")),
  });
  await row(
    "stopped at 128 of 256 segments",
    async () => {
      await client
        .upload(path, {
          resume: true,
          resumeStore: half.store,
          signal: stop.signal,
        })
        .catch(() => undefined);
      return undefined;
    },
    half.counts,
    BYTES / 2,
  );
  const again = counting(join(dir, "sessions-half"));
  let skipped = 0;
  await row(
    "resumed (rest of the file)",
    async () => {
      const r = await client.upload(path, {
        resume: true,
        resumeStore: again.store,
      });
      skipped = r.resumed?.skippedBytes ?? 0;
      return r;
    },
    again.counts,
    BYTES / 2,
  );
  console.log(
    `resumed run skipped ${(skipped / MIB).toFixed(0)} MiB (MB/s of the stopped and resumed rows count half the file each)`,
  );
}
