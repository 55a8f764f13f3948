// Resuming from the command line, in-process against the fake: a stop prints the command that continues, the
// same command continues, `sessions` lists and clears what is saved.
import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { resumeCommand } from "../../src/cli/resume.js";
import { sample, sha256 } from "../engine/fixtures.js";
import { runInProcess } from "./helpers.js";

const SEGMENT = 64 * 1024;
const video = sample("video/mp4", SEGMENT * 20 + 5);

let server: FakeXServer;
let dir: string;
let cache: string;
let file: string;
beforeEach(async () => {
  server = await startFakeXServer({
    processing: { pendingMs: 0, inProgressMs: 0, checkAfterSecs: 0 },
  });
  server.faults.add({
    operation: "appendMediaUpload",
    fault: { kind: "latency", ms: 10 },
    times: Infinity,
  });
  dir = await mkdtemp(join(tmpdir(), "xmu-cli-resume-"));
  cache = join(dir, "cache");
  file = join(dir, "clip.mp4");
  await writeFile(file, video);
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({
  X_OAUTH2_TOKEN: "t",
  X_API_BASE_URL: server.url,
  XDG_CACHE_HOME: cache,
});
const count = (op: string) =>
  server.requests.filter((r) => r.operation === op).length;

/** Runs `upload file` and stops it like Ctrl+C once `appends` APPENDs were answered. */
async function interrupted(appends: number, extra: string[] = []) {
  const stop = new AbortController();
  const answered = () =>
    server.requests.filter(
      (r) => r.operation === "appendMediaUpload" && r.status === 200,
    ).length;
  const before = answered();
  const timer = setInterval(() => {
    if (answered() - before >= appends)
      stop.abort(new Error("Received SIGINT"));
  }, 2);
  try {
    return await runInProcess(
      [
        "upload",
        file,
        "--segment-size",
        String(SEGMENT),
        "--concurrency",
        "2",
        ...extra,
      ],
      { env: env(), signal: stop.signal },
    );
  } finally {
    clearInterval(timer);
  }
}

test("Ctrl+C saves, prints the command; sessions lists it; the command continues; nothing is left", async () => {
  const stopped = await interrupted(6);
  expect(stopped.code).toBe(130);
  const mediaId = server.requests[0]?.mediaId ?? [...server.uploads.keys()][0];
  expect(stopped.stderr).toContain(
    `The upload is saved (media ${mediaId}); continue it with:\n  x-media-upload upload ${file} --segment-size ${SEGMENT} --concurrency 2 --resume\n`,
  );

  const listed = await runInProcess(["sessions"], { env: env() });
  expect(listed.code).toBe(0);
  expect(listed.stdout).toMatch(
    new RegExp(
      `^${file}  media ${mediaId}  \\d+/21 segments \\(.+ of .+\\)  expires in \\d+h\\d+m\\n$`,
    ),
  );
  const json = JSON.parse(
    (await runInProcess(["sessions", "--json"], { env: env() })).stdout,
  );
  expect(json).toMatchObject({
    ok: true,
    dir: join(cache, "x-media-upload", "sessions"),
    sessions: [
      {
        source: file,
        mediaId,
        phase: "appending",
        segments: 21,
        size: video.length,
      },
    ],
  });
  const sent = json.sessions[0].segmentsSent as number;
  expect(sent).toBeGreaterThanOrEqual(6 - 2); // the 2 in flight at the stop may be lost

  const resumed = await runInProcess(
    [
      "upload",
      file,
      "--segment-size",
      String(SEGMENT),
      "--concurrency",
      "2",
      "--resume",
      "--json",
    ],
    { env: env() },
  );
  expect(resumed.code).toBe(0);
  const out = JSON.parse(resumed.stdout);
  expect(out).toMatchObject({
    ok: true,
    mediaId,
    resumed: { mediaId, skippedSegments: sent },
  });
  expect(count("initializeMediaUpload")).toBe(1);
  expect(count("appendMediaUpload")).toBeLessThanOrEqual(21 + 2);
  expect(server.upload(mediaId ?? "")?.sha256).toBe(sha256(video));
  const after = await runInProcess(["sessions"], { env: env() });
  expect(after.stderr).toContain("No saved sessions in");
});

test("re-running without --resume continues too (the default for files); the note says so", async () => {
  await interrupted(4);
  const again = await runInProcess(["upload", file], { env: env() });
  expect(again.code).toBe(0);
  expect(again.stderr).toMatch(
    /continuing media \d+ of .*clip\.mp4: \d+ of 21 segments/,
  );
  expect(count("initializeMediaUpload")).toBe(1);
});

test("--no-resume neither saves nor continues; sessions --clear removes what is saved", async () => {
  await interrupted(4, ["--no-resume"]);
  expect(
    (await runInProcess(["sessions", "--json"], { env: env() })).stdout,
  ).toContain('"sessions":[]');
  await interrupted(4);
  const cleared = await runInProcess(["sessions", "--clear"], { env: env() });
  expect(cleared.stderr).toBe(
    `Removed 1 saved session from ${join(cache, "x-media-upload", "sessions")}.\n`,
  );
  const fresh = await runInProcess(["upload", file], { env: env() });
  expect(fresh.code).toBe(0);
  expect(count("initializeMediaUpload")).toBe(3);
});

test("usage errors: --resume with --no-resume, --resume with stdin", async () => {
  const both = await runInProcess(["upload", file, "--resume", "--no-resume"], {
    env: env(),
  });
  expect(both.code).toBe(2);
  expect(both.stderr).toContain("Give --resume or --no-resume, not both.");
  const pipe = await runInProcess(["upload", "-", "--resume"], { env: env() });
  expect(pipe.code).toBe(2);
  expect(pipe.stderr).toContain("`upload -` cannot resume");
});

test("resumeCommand keeps flags, drops finished files, quotes for the shell", () => {
  expect(
    resumeCommand(
      ["a.mp4", "b c.mp4", "--concurrency", "4", "--resume"],
      ["a.mp4", "b c.mp4"],
      ["b c.mp4"],
    ),
  ).toBe("x-media-upload upload 'b c.mp4' --concurrency 4 --resume");
  expect(
    resumeCommand(
      ["a.mp4", "b.mp4", "--alt-text", "it's", "--alt-text", "x"],
      ["a.mp4", "b.mp4"],
      ["b.mp4"],
    ),
  ).toBe(
    `x-media-upload upload a.mp4 b.mp4 --alt-text 'it'\\''s' --alt-text x --resume`,
  );
});

test("several files stopped by Ctrl+C: the command lists the unfinished ones only", async () => {
  const small = join(dir, "small.mp4");
  await writeFile(small, sample("video/mp4", 1000));
  const stop = new AbortController();
  const timer = setInterval(() => {
    const bigAppends = server.requests.filter(
      (r) =>
        r.operation === "appendMediaUpload" &&
        r.status === 200 &&
        server.upload(r.mediaId ?? "")?.totalBytes === video.length,
    ).length;
    const smallDone = [...server.uploads.values()].some(
      (u) => u.totalBytes === 1000 && u.state === "finalized",
    );
    if (bigAppends >= 4 && smallDone) stop.abort(new Error("Received SIGINT"));
  }, 2);
  try {
    const run = await runInProcess(
      [
        "upload",
        small,
        file,
        "--segment-size",
        String(SEGMENT),
        "--concurrency",
        "2",
      ],
      { env: env(), signal: stop.signal },
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain(
      `1 upload(s) saved; continue with:\n  x-media-upload upload ${file} --segment-size ${SEGMENT} --concurrency 2 --resume\n`,
    );
  } finally {
    clearInterval(timer);
  }
});
