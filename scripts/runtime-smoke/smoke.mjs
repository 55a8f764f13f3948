// Runtime smoke test: run by scripts/ci-runtimes.sh under Node, Bun or Deno from a temp project that installed the
// packed tarball, so `x-media-upload` below is the built package exactly as users get it.
/* global Blob, ReadableStream, AbortController, setTimeout, setInterval, clearInterval -- the web platform globals of Node, Bun and Deno */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  AbortError,
  InvalidInputError,
  createMediaClient,
  fileSessionStore,
  isAbortError,
  isInvalidInputError,
  uploadMedia,
} from "x-media-upload";
import { samplePaths, startFakeXServer } from "x-media-upload/testing";

const runtime = globalThis.Deno
  ? `deno ${globalThis.Deno.version.deno}`
  : process.versions.bun
    ? `bun ${process.versions.bun}`
    : `node ${process.versions.node}`;
const expected = process.env.SMOKE_RUNTIME;
if (expected && !runtime.startsWith(`${expected} `)) {
  throw new Error(
    `expected to run under ${expected}, running under ${runtime}`,
  );
}

const MiB = 2 ** 20;
const BIG_BYTES = 384 * MiB;
// Below the file's size, so reading it whole fails. Measured peaks (client + in-process fake, garbage not yet
// collected): Node 22 and Bun 55-76 MiB, Deno 135-210 MiB; Deno's own openAsBlob adds twice the file's size (src/runtime.ts).
const MAX_GROWTH_MIB = 320;
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const check = (ok, message) => {
  if (!ok) throw new Error(message);
};
const oauth1 = {
  consumerKey: "smoke-consumer",
  consumerSecret: "smoke-consumer-secret",
  accessToken: "smoke-token",
  accessTokenSecret: "smoke-token-secret",
};
const bearer = "smoke-bearer";

const server = await startFakeXServer({
  auth: { bearerTokens: { [bearer]: ["media.write"] }, oauth1: [oauth1] },
  processing: { pendingMs: 20, inProgressMs: 40, checkAfterSecs: 0 },
});
const oauth2Client = createMediaClient({
  auth: { type: "oauth2", accessToken: bearer },
  baseUrl: server.url,
});
const oauth1Client = createMediaClient({
  auth: { type: "oauth1", ...oauth1 },
  baseUrl: server.url,
});
const passed = [];
let lap = Date.now();
// Records a passed check with the time since the previous one.
function pass(line) {
  passed.push(`${line} (${Date.now() - lap} ms)`);
  lap = Date.now();
}

// Uploaded bytes must arrive whole: the fake's sha256 of the assembled media equals the local file's.
// Every request for it (APPEND, FINALIZE, STATUS) authenticated with `auth` ("oauth1" or "oauth2").
function expectStored(result, file, auth, what) {
  check(
    /^\d+$/.test(result.id),
    `${what}: no media id in ${JSON.stringify(result)}`,
  );
  const requests = server.requests.filter((r) => r.mediaId === result.id);
  check(
    requests.length > 0 && requests.every((r) => r.auth === auth),
    `${what}: requests not all ${auth}`,
  );
  const upload = server.upload(result.id);
  check(
    upload?.state === "finalized",
    `${what}: upload ${result.id} is ${upload?.state}`,
  );
  check(
    upload.sha256 === sha256(readFileSync(file)),
    `${what}: server sha256 differs from ${file}`,
  );
  pass(`${what} → ${result.id}`);
}

async function expectRejects(promise, name, guard, what) {
  try {
    await promise;
  } catch (error) {
    check(
      error?.name === name && guard(error),
      `${what}: expected ${name}, got ${error?.name}: ${error?.message}`,
    );
    pass(`${what} → ${name}`);
    return;
  }
  throw new Error(`${what}: resolved, expected ${name}`);
}

function runCli(args, env) {
  // The bin's shebang says node; run its file with this runtime instead.
  const root = join(process.cwd(), "node_modules", "x-media-upload");
  const { bin } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const cli = join(root, bin["x-media-upload"]);
  const argv = globalThis.Deno ? ["run", "-A", cli, ...args] : [cli, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

try {
  expectStored(
    await oauth2Client.upload(samplePaths.mp4, { segmentBytes: 4096 }),
    samplePaths.mp4,
    "oauth2",
    "path (mp4, OAuth 2)",
  );

  const png = readFileSync(samplePaths.png);
  expectStored(
    await oauth1Client.upload(new Blob([png], { type: "image/png" })),
    samplePaths.png,
    "oauth1",
    "Blob (png, OAuth 1.0a)",
  );

  const gif = readFileSync(samplePaths.gif);
  const stream = new ReadableStream({
    start(controller) {
      for (let at = 0; at < gif.length; at += 1000)
        controller.enqueue(new Uint8Array(gif.subarray(at, at + 1000)));
      controller.close();
    },
  });
  expectStored(
    await uploadMedia(stream, {
      auth: { type: "oauth1", ...oauth1 },
      baseUrl: server.url,
      size: gif.length,
      segmentBytes: 1024,
    }),
    samplePaths.gif,
    "oauth1",
    "web ReadableStream with size (gif, OAuth 1.0a)",
  );

  // Resume: stop after a few acknowledged segments, then continue from the saved session (file store, lock file).
  const resumeDir = mkdtempSync(join(tmpdir(), "runtime-smoke-resume-"));
  const clip = join(resumeDir, "clip.mp4");
  writeFileSync(clip, readFileSync(samplePaths.mp4));
  truncateSync(clip, 2 * MiB + 123);
  const sessions = fileSessionStore({ dir: join(resumeDir, "sessions") });
  const stop = new AbortController();
  const stopping = {
    get: (k) => sessions.get(k),
    delete: (k) => sessions.delete(k),
    list: () => sessions.list(),
    claim: (k) => sessions.claim(k),
    async set(k, saved) {
      await sessions.set(k, saved);
      if (saved.session.acked.length >= 3) stop.abort(new Error("stop"));
    },
  };
  const resumeOptions = {
    resume: true,
    segmentBytes: 128 * 1024,
    concurrency: 2,
    waitForProcessing: false,
  };
  await expectRejects(
    oauth2Client.upload(clip, {
      ...resumeOptions,
      resumeStore: stopping,
      signal: stop.signal,
    }),
    "AbortError",
    isAbortError,
    "resume: stopped part-way",
  );
  const resumed = await oauth2Client.upload(clip, {
    ...resumeOptions,
    resumeStore: sessions,
  });
  check(
    resumed.resumed?.skippedSegments >= 3,
    `resume: skipped ${JSON.stringify(resumed.resumed)}`,
  );
  check(
    (await sessions.list()).length === 0,
    "resume: record left after success",
  );
  expectStored(
    resumed,
    clip,
    "oauth2",
    "resume: continued from the saved session",
  );
  rmSync(resumeDir, { recursive: true, force: true });

  // Bounded memory: a 384 MiB file (the sample MP4, then zeros) sent 4 MiB × 2 at a time must not be read whole.
  const big = join(mkdtempSync(join(tmpdir(), "runtime-smoke-")), "big.mp4");
  writeFileSync(big, readFileSync(samplePaths.mp4));
  truncateSync(big, BIG_BYTES);
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(
    () => (peak = Math.max(peak, process.memoryUsage().rss)),
    10,
  );
  try {
    const result = await oauth2Client.upload(big, {
      concurrency: 2,
      segmentBytes: 4 * MiB,
      waitForProcessing: false,
    });
    peak = Math.max(peak, process.memoryUsage().rss);
    check(
      server.upload(result.id)?.totalBytes === BIG_BYTES,
      "384 MiB path: wrong total_bytes",
    );
    const grew = Math.round((peak - baseline) / MiB);
    check(
      grew < MAX_GROWTH_MIB,
      `384 MiB path: RSS grew ${grew} MiB (limit ${MAX_GROWTH_MIB}): the file was read whole`,
    );
    pass(`384 MiB path, RSS +${grew} MiB → ${result.id}`);
  } finally {
    clearInterval(sampler);
    rmSync(dirname(big), { recursive: true, force: true });
  }

  // Abort mid-upload: the fake delays every APPEND, the caller aborts while they are in flight.
  server.faults.add({
    operation: "appendMediaUpload",
    times: Infinity,
    fault: { kind: "latency", ms: 2000 },
  });
  const controller = new AbortController();
  const aborted = oauth2Client.upload(samplePaths.mp4, {
    segmentBytes: 4096,
    signal: controller.signal,
  });
  setTimeout(() => controller.abort(), 100);
  const started = Date.now();
  await expectRejects(
    aborted,
    "AbortError",
    (e) => e instanceof AbortError && isAbortError(e),
    "abort during APPEND",
  );
  check(
    Date.now() - started < 1500,
    `abort took ${Date.now() - started} ms: in-flight APPENDs were not cancelled`,
  );
  server.faults.clear();

  await expectRejects(
    oauth2Client.upload(42),
    "InvalidInputError",
    (e) => e instanceof InvalidInputError && isInvalidInputError(e),
    "bad input (a number)",
  );
  await expectRejects(
    oauth2Client.upload(new Blob(["just some text, not media"])),
    "InvalidInputError",
    isInvalidInputError,
    "bad input (text bytes)",
  );

  const cli = await runCli(["upload", samplePaths.png, "--json"], {
    X_OAUTH2_TOKEN: bearer,
    X_API_BASE_URL: server.url,
  });
  check(
    cli.code === 0,
    `CLI upload --json exited ${cli.code}: ${cli.stderr || cli.stdout}`,
  );
  const printed = JSON.parse(cli.stdout);
  check(
    printed.ok === true && /^\d+$/.test(printed.mediaId),
    `CLI printed ${cli.stdout}`,
  );
  check(
    server.upload(printed.mediaId)?.sha256 === sha256(png),
    "CLI upload: server sha256 differs",
  );
  pass(`CLI upload --json → ${printed.mediaId}`);
} finally {
  await server.close();
}
console.log(
  `${runtime}: ${passed.length} checks passed\n  ${passed.join("\n  ")}`,
);
