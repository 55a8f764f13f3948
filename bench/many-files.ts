// The many-files rows of `npm run bench`: 20 × 2 MiB images with 100 ms per request, a loop of upload() calls
// against uploadMany; then peak RSS of uploadMany for 10 and for 100 files (each batch in a fresh process).
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { DEFAULTS } from "../src/index.js";
import { sparseFile } from "./files.js";
import { ask } from "./ipc.js";

const MIB = 1024 * 1024;

interface Done {
  ok: number;
  seconds: number;
  peakRss: number;
  /** Heap and array buffers still used after a full GC. */
  retained: number;
}

function batch(job: object): Promise<Done> {
  const child = fork(
    new URL("./many-files-child.ts", import.meta.url),
    [JSON.stringify(job)],
    { execArgv: ["--import", "tsx", "--expose-gc"], stdio: "inherit" },
  );
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m as Done));
    child.once("exit", (code) =>
      code === 0 ? undefined : reject(new Error(`batch exited ${code}`)),
    );
  });
}

/** Runs the many-files rows against the fake in `server` (bench/upload-server-child.ts). */
export async function manyFiles(
  server: ChildProcess,
  url: string,
  dir: string,
): Promise<void> {
  const paths = await Promise.all(
    Array.from({ length: 100 }, async (_, i) => {
      const path = join(dir, `many-${i}.png`);
      await sparseFile(path, 2 * MIB, "image/png");
      return path;
    }),
  );
  const twenty = paths.slice(0, 20);
  console.log(
    `\nmany files: 2 MiB PNGs, one client (maxConcurrentRequests ${DEFAULTS.maxConcurrentRequests})`,
  );
  console.log(
    `${"how".padEnd(40)} ${"files".padStart(5)} ${"latency".padStart(7)} ${"time s".padStart(7)} ${"speed-up".padStart(8)} ${"peak RSS MiB".padStart(12)} ${"retained MiB".padStart(12)}`,
  );
  const row = (
    how: string,
    files: number,
    latency: number,
    d: Done,
    base?: Done,
  ) =>
    console.log(
      `${how.padEnd(40)} ${String(files).padStart(5)} ${`${latency} ms`.padStart(7)} ${d.seconds.toFixed(2).padStart(7)} ${(base ? `${(base.seconds / d.seconds).toFixed(1)}×` : "1.0×").padStart(8)} ${(d.peakRss / MIB).toFixed(0).padStart(12)} ${(d.retained / MIB).toFixed(1).padStart(12)}`,
    );
  await ask(server, { type: "prepare", latencyMs: 100 }, "prepared");
  const sequential = await batch({ url, paths: twenty, mode: "sequential" });
  row("for … of: await upload()", 20, 100, sequential);
  for (const maxConcurrentUploads of [4, 8]) {
    await ask(server, { type: "prepare", latencyMs: 100 }, "prepared");
    const many = await batch({
      url,
      paths: twenty,
      mode: "uploadMany",
      maxConcurrentUploads,
    });
    const mark =
      maxConcurrentUploads === DEFAULTS.maxConcurrentUploads
        ? " (default)"
        : "";
    row(
      `uploadMany, maxConcurrentUploads ${maxConcurrentUploads}${mark}`,
      20,
      100,
      many,
      sequential,
    );
    if (many.ok !== 20) process.exitCode = 1;
  }
  for (const n of [10, 100]) {
    await ask(server, { type: "prepare", latencyMs: 0 }, "prepared");
    const many = await batch({
      url,
      paths: paths.slice(0, n),
      mode: "uploadMany",
    });
    row("uploadMany (peak RSS)", n, 0, many);
    if (many.ok !== n) process.exitCode = 1;
  }
}
