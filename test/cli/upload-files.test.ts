// `x-media-upload upload a b c`: several files through one client, in-process against the fake.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { fixture, runInProcess } from "./helpers.js";

let server: FakeXServer;
let dir: string;
beforeAll(async () => {
  server = await startFakeXServer({
    processing: { pendingMs: 0, inProgressMs: 0, checkAfterSecs: 0 },
  });
  dir = await mkdtemp(join(tmpdir(), "x-media-upload-cli-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ X_OAUTH2_TOKEN: "t", X_API_BASE_URL: server.url });
const files = () => [
  fixture("sample.png"),
  fixture("sample.gif"),
  fixture("sample.mp4"),
];

test("media ids one per line on stdout, in input order; alt text per file, in order", async () => {
  const { code, stdout, stderr } = await runInProcess(
    [
      "upload",
      ...files(),
      "--alt-text",
      "A PNG",
      "--alt-text",
      "",
      "--alt-text",
      "A clip",
    ],
    { env: env() },
  );
  expect(stderr).toContain("Uploaded 3 of 3 files.");
  expect(code).toBe(0);
  const ids = stdout.trim().split("\n");
  expect(ids.map((id) => server.upload(id)?.mediaType)).toEqual([
    "image/png",
    "image/gif",
    "video/mp4",
  ]);
  expect(ids.map((id) => server.upload(id)?.metadata)).toEqual([
    { alt_text: { text: "A PNG" } },
    {},
    { alt_text: { text: "A clip" } },
  ]);
});

test("--json prints an array in input order; one failed file: its row says why, the exit code is its own", async () => {
  const empty = join(dir, "empty.png");
  await writeFile(empty, "");
  const { code, stdout } = await runInProcess(
    ["upload", fixture("sample.png"), empty, "--json"],
    { env: env() },
  );
  const rows = JSON.parse(stdout) as {
    ok: boolean;
    file: string;
    mediaId?: string;
    error?: { name: string; exitCode: number };
  }[];
  expect(rows.map((r) => [r.ok, r.file])).toEqual([
    [true, fixture("sample.png")],
    [false, empty],
  ]);
  expect(rows[1]?.error).toMatchObject({
    name: "InvalidInputError",
    exitCode: 3,
  });
  expect(code).toBe(3);
});

test("the worst exit code wins, and a failed file leaves its stdout line empty", async () => {
  const empty = join(dir, "empty2.png");
  await writeFile(empty, "");
  // Processing of every GIF and video fails (exit 6); the empty file is bad input (exit 3): 6 is the worst.
  server.setProcessingFailure();
  const { code, stdout, stderr } = await runInProcess(
    ["upload", fixture("sample.gif"), empty, fixture("sample.png"), "--quiet"],
    { env: env() },
  ).finally(() => server.setProcessingFailure(null));
  expect(code).toBe(6);
  const lines = stdout.split("\n");
  expect(lines.slice(0, 3).map((l) => l === "")).toEqual([true, true, false]);
  expect(stderr).toContain(`${empty}: `);
});

test("a terminal gets one live line per file and a total line", async () => {
  const { code, stderr } = await runInProcess(
    ["upload", fixture("sample.png"), fixture("sample.gif")],
    { env: env(), tty: true },
  );
  expect(code).toBe(0);
  expect(stderr).toMatch(/sample\.png\s+done/);
  expect(stderr).toMatch(/sample\.gif\s+done/);
  expect(stderr).toContain("total  2 of 2 done");
  // Redrawn in place: cursor up over the block.
  expect(stderr).toContain("\x1b[3A");
});

test("--alt-text once per file or not at all", async () => {
  const { code, stderr } = await runInProcess(
    ["upload", ...files(), "--alt-text", "only one"],
    { env: env() },
  );
  expect(code).toBe(2);
  expect(stderr).toContain(
    "--alt-text was given 1 time(s) for 3 files: give it once per file",
  );
});
