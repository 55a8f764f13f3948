// `inspect` (table and --json, nothing sent) and preflight in `upload` (warnings printed, --preflight honoured).
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { media } from "../media/inspect/fixtures.js";
import { runInProcess } from "./helpers.js";

let server: FakeXServer;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startFakeXServer({
    processing: { pendingMs: 0, inProgressMs: 0 },
  });
  env = { X_OAUTH2_TOKEN: "test-token", X_API_BASE_URL: server.url };
});
afterAll(() => server.close());

describe("inspect", () => {
  test("a table row per file, then each finding with X's limit and the fix", async () => {
    const { code, stdout, stderr } = await runInProcess([
      "inspect",
      media("conforming.mp4"),
      media("fps-61.mp4"),
      media("frames-351.gif"),
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(
      /^ {2}file +type +size +duration +frame +fps +video +audio +bitrate +fast start +X's rules$/,
    );
    expect(lines[1]).toMatch(
      /conforming\.mp4 +video\/mp4 +3\.7 KiB +1 s +256×144 +30 +h264 High yuv420p +aac LC 2 ch +30 kb\/s +yes +ok$/,
    );
    expect(lines[2]).toMatch(/fps-61\.mp4 .* 61 .* 1 error$/);
    expect(lines[3]).toMatch(
      /frames-351\.gif +image\/gif .* 16×16 .* 351 frames .* 1 warning$/,
    );
    expect(stdout).toContain(
      "fps-61.mp4 (tweet_video): error: The frame rate is 61 fps; X allows at most 60 fps",
    );
    expect(stdout).toContain(
      "frames-351.gif (tweet_gif): warning: The frame count is 351 frames",
    );
  });

  test("--json: one object with every inspection and its issues; --category changes the rules", async () => {
    const { code, stdout } = await runInProcess([
      "inspect",
      "--json",
      "--category",
      "dm_video",
      media("duration-150s.mp4"),
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      ok: boolean;
      files: Record<string, unknown>[];
    };
    expect(out.ok).toBe(true);
    expect(out.files).toHaveLength(1);
    expect(out.files[0]).toMatchObject({
      file: media("duration-150s.mp4"),
      kind: "video",
      durationSeconds: 150,
      mediaCategory: "dm_video",
      issues: [{ rule: "video.duration", severity: "warning" }],
    });
  });

  test("no file is a usage error; a missing file is bad input (exit 3); nothing is sent", async () => {
    const before = server.requests.length;
    expect((await runInProcess(["inspect"])).code).toBe(2);
    const missing = await runInProcess(["inspect", "/nonexistent/x.mp4"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("File not found: /nonexistent/x.mp4");
    expect(server.requests.length).toBe(before);
  });
});

describe("upload preflight", () => {
  test("strict by default: a hard violation exits 3 with the rule, and nothing reaches X", async () => {
    const before = server.requests.length;
    const { code, stderr } = await runInProcess(
      ["upload", media("he-aac.mp4")],
      { env },
    );
    expect(code).toBe(3);
    expect(stderr).toContain(
      "The audio profile is HE-AAC; X allows only AAC LC",
    );
    expect(stderr).toContain(
      "Nothing was sent. Fix the file, or pass --preflight warn to upload it anyway.",
    );
    expect(server.requests.length).toBe(before);
  });

  test("--preflight warn uploads and prints the finding as a warning; --json lists it", async () => {
    const { code, stdout, stderr } = await runInProcess(
      ["upload", media("he-aac.mp4"), "--preflight", "warn", "--json"],
      { env },
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/^warning: The audio profile is HE-AAC/);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      warnings: [{ rule: "audio.profile", severity: "error" }],
    });
  });

  test("--quiet hides warnings; --preflight off skips inspection; a bad mode is a usage error", async () => {
    const quiet = await runInProcess(
      ["upload", media("frames-351.gif"), "--quiet"],
      { env },
    );
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    const off = await runInProcess(
      ["upload", media("fps-61.mp4"), "--preflight", "off", "--json"],
      { env },
    );
    expect(JSON.parse(off.stdout)).toMatchObject({ ok: true, warnings: [] });
    expect(
      (
        await runInProcess(
          ["upload", media("fps-61.mp4"), "--preflight", "lax"],
          { env },
        )
      ).code,
    ).toBe(2);
  });
});
