// npm run bench [-- --quick | --many | --resume]: upload 256 MiB and 2 GiB files to the fake X server (in a child process)
// at several concurrencies, with and without 50 ms latency per request; prints time, MB/s, peak RSS, requests;
// then the many-files rows (bench/many-files.ts).
import { fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ask } from "./ipc.js";
import { createMediaClient, DEFAULTS } from "../src/index.js";
import { fileSha256, sparseFile, type BenchType } from "./files.js";
import { manyFiles } from "./many-files.js";
import { resumeRows } from "./resume.js";
import { withRssSampling } from "./rss.js";

const MIB = 1024 * 1024;
const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    // Only the many-files rows.
    many: { type: "boolean", default: false },
    // Only the resume rows.
    resume: { type: "boolean", default: false },
  },
});

interface Case {
  label: string;
  bytes: number;
  type: BenchType;
  concurrencies: number[];
}

const SWEEP = [...new Set([1, 2, 4, 8, 16, DEFAULTS.concurrency])].sort(
  (a, b) => a - b,
);
const CASES: Case[] = [
  {
    label: "256 MiB video/mp4",
    bytes: 256 * MIB,
    type: "video/mp4",
    concurrencies: SWEEP,
  },
  // The 2 GiB file goes up as a 3D model (no category, so no per-category limit), as in earlier figures.
  ...(values.quick
    ? []
    : [
        {
          label: "2 GiB model/gltf-binary",
          bytes: 2048 * MIB,
          type: "model/gltf-binary" as const,
          concurrencies: [...new Set([1, DEFAULTS.concurrency])],
        },
      ]),
];
const LATENCIES = [0, 50];

const pad = (s: string | number, n: number) => String(s).padStart(n);
const dir = await mkdtemp(join(tmpdir(), "x-media-upload-bench-"));
const child = fork(new URL("./upload-server-child.ts", import.meta.url), {
  execArgv: ["--import", "tsx"],
  stdio: "inherit",
});
const { url } = await new Promise<{ url: string }>((resolve) =>
  child.once("message", resolve as (m: unknown) => void),
);
const client = createMediaClient({
  auth: { type: "oauth2", accessToken: "bench" },
  baseUrl: url,
});

console.log(
  `Node ${process.version}, ${DEFAULTS.concurrency} = default concurrency, 4 MiB segments, fake server in a child process`,
);
console.log(
  `${"file".padEnd(24)} ${pad("latency", 7)} ${pad("conc", 4)} ${pad("time s", 7)} ${pad("MB/s", 6)} ${pad("peak RSS MiB", 12)} ${pad("(+MiB)", 7)} ${pad("requests", 8)} sha256`,
);
try {
  for (const c of values.many || values.resume ? [] : CASES) {
    const path = join(
      dir,
      `bench-${c.bytes}.${c.type === "video/mp4" ? "mp4" : "glb"}`,
    );
    await sparseFile(path, c.bytes, c.type);
    const expected = await fileSha256(path);
    for (const latencyMs of LATENCIES) {
      for (const concurrency of c.concurrencies) {
        await ask(child, { type: "prepare", latencyMs }, "prepared");
        const started = performance.now();
        const { result, startRss, peakRss } = await withRssSampling(() =>
          client.upload(path, { concurrency }),
        );
        const seconds = (performance.now() - started) / 1000;
        const report = await ask<{ requests: number; sha256?: string }>(
          child,
          { type: "report", mediaId: result.id },
          "report",
        );
        const mbps = c.bytes / 1e6 / seconds;
        console.log(
          `${c.label.padEnd(24)} ${pad(`${latencyMs} ms`, 7)} ${pad(concurrency, 4)} ${pad(seconds.toFixed(2), 7)} ${pad(mbps.toFixed(0), 6)} ${pad((peakRss / MIB).toFixed(0), 12)} ${pad(`+${((peakRss - startRss) / MIB).toFixed(0)}`, 7)} ${pad(report.requests, 8)} ${report.sha256 === expected ? "ok" : "MISMATCH"}`,
        );
        if (report.sha256 !== expected) process.exitCode = 1;
      }
    }
    await rm(path, { force: true });
  }
  if (!values.resume) await manyFiles(child, url, dir);
  if (values.resume || (!values.many && !values.quick))
    await resumeRows(child, url, dir);
  const { peakRss } = await ask<{ peakRss: number }>(
    child,
    { type: "report", mediaId: "" },
    "report",
  );
  console.log(
    `fake server peak RSS (its own process): ${(peakRss / MIB).toFixed(0)} MiB; client RSS now ${(process.memoryUsage().rss / MIB).toFixed(0)} MiB`,
  );
} finally {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.send({ type: "stop" });
  await exited;
  await rm(dir, { recursive: true, force: true });
}
