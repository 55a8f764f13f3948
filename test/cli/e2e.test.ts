// The CLI as a child process (node --import tsx src/cli/main.ts): real exit codes, signals and streams.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import {
  collect,
  fixture,
  runCli,
  spawnCli,
  waitForOutput,
} from "./helpers.js";

let server: FakeXServer;
beforeAll(async () => {
  server = await startFakeXServer({
    processing: { pendingMs: 0, inProgressMs: 0 },
  });
});
afterAll(() => server.close());

test("upload a fixture: exit 0, media id on stdout", async () => {
  const { code, stdout, stderr } = await runCli(
    ["upload", fixture("sample.png")],
    {
      X_OAUTH2_TOKEN: "t",
      X_API_BASE_URL: server.url,
    },
  );
  expect(stderr).toContain("Uploaded sample.png");
  expect(code).toBe(0);
  expect(server.upload(stdout.trim())?.totalBytes).toBe(1145);
});

test("X rejecting the token exits 4 and names the fix", async () => {
  const strict = await startFakeXServer({
    auth: { bearerTokens: { good: ["media.write"] } },
  });
  try {
    const { code, stderr } = await runCli(["upload", fixture("sample.png")], {
      X_OAUTH2_TOKEN: "bad",
      X_API_BASE_URL: strict.url,
    });
    expect(code).toBe(4);
    expect(stderr).toContain("401");
    expect(stderr).not.toContain("Bearer bad");
  } finally {
    await strict.close();
  }
});

test("processing failure exits 6 with X's reason", async () => {
  server.setProcessingFailure({
    code: 3,
    name: "InvalidMedia",
    message: "Unsupported video format",
  });
  try {
    const { code, stdout } = await runCli(
      ["upload", fixture("sample.mp4"), "--json"],
      { X_OAUTH2_TOKEN: "t", X_API_BASE_URL: server.url },
    );
    expect(code).toBe(6);
    expect(JSON.parse(stdout).error).toMatchObject({
      name: "ProcessingError",
      code: 3,
      errorName: "InvalidMedia",
      exitCode: 6,
    });
  } finally {
    server.setProcessingFailure(null);
  }
});

test("SIGINT during an upload aborts it: exit 130", async () => {
  const stalling = await startFakeXServer({
    faults: [
      { operation: "appendMediaUpload", fault: { kind: "stall" }, times: 100 },
    ],
  });
  try {
    const child = spawnCli(["upload", fixture("sample.mp4")], {
      X_OAUTH2_TOKEN: "t",
      X_API_BASE_URL: stalling.url,
    });
    const done = collect(child);
    await waitForOutput(child, "stderr", /uploading/);
    child.kill("SIGINT");
    const { code, stderr } = await done;
    expect(code).toBe(130);
    expect(stderr).toContain("aborted");
  } finally {
    await stalling.close();
  }
});

test("serve-fake: prints its URL, serves uploads, stops cleanly on SIGTERM", async () => {
  const child = spawnCli(["serve-fake", "--json", "--processing-ms", "0"]);
  const done = collect(child);
  const [line] = await waitForOutput(child, "stdout", /\{.*\}\n/);
  const { url } = JSON.parse(line) as { url: string };
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const upload = await runCli(["upload", fixture("sample.gif"), "--json"], {
    X_OAUTH2_TOKEN: "t",
    X_API_BASE_URL: url,
  });
  expect(upload.code).toBe(0);
  expect(JSON.parse(upload.stdout)).toMatchObject({
    ok: true,
    mediaType: "image/gif",
  });
  child.kill("SIGTERM");
  const { code, stdout, stderr } = await done;
  expect(code).toBe(0);
  expect(stdout.trim().split("\n")).toHaveLength(1);
  expect(stderr).toContain("Fake X API stopped.");
});

test("demo: uploads every sample against the embedded fake", async () => {
  const { code, stdout } = await runCli(["demo", "--json"]);
  expect(code).toBe(0);
  const result = JSON.parse(stdout) as {
    ok: boolean;
    uploads: { file: string; mediaId: string }[];
    retried: number;
  };
  expect(result.uploads.map((u) => u.file)).toEqual([
    "sample.png",
    "sample.gif",
    "sample.mp4",
  ]);
  for (const u of result.uploads) expect(u.mediaId).toMatch(/^\d+$/);
  expect(result.retried).toBe(1);
});

test("demo without --json prints a table of media ids and timings", async () => {
  const { code, stdout, stderr } = await runCli(["demo"]);
  expect(code).toBe(0);
  expect(stdout).toMatch(/file +type +category +size +media id +time/);
  expect(stdout).toMatch(
    /sample\.mp4 +video\/mp4 +tweet_video +10\.7 KiB +\d+ +\d/,
  );
  expect(stderr).toContain("sample.gif: processing");
});
