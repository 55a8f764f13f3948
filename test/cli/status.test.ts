// `status` in-process against the fake server.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { describeProcessing } from "../../src/cli/commands/status.js";
import { fixture, runInProcess } from "./helpers.js";

let server: FakeXServer;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startFakeXServer({
    processing: { pendingMs: 300, inProgressMs: 300, checkAfterSecs: 1 },
  });
  env = { X_OAUTH2_TOKEN: "t", X_API_BASE_URL: server.url };
});
afterAll(() => server.close());

async function uploadNoWait(file: string): Promise<string> {
  const { code, stdout } = await runInProcess(
    ["upload", file, "--no-wait", "--quiet"],
    { env },
  );
  expect(code).toBe(0);
  return stdout.trim();
}

test("status shows the current state; --wait waits until it ends", async () => {
  const id = await uploadNoWait(fixture("sample.mp4"));
  const now = await runInProcess(["status", id], { env });
  expect(now.code).toBe(0);
  expect(now.stdout).toMatch(new RegExp(`^${id}: (pending|in_progress)`));
  const waited = await runInProcess(["status", id, "--wait", "--json"], {
    env,
  });
  expect(waited.code).toBe(0);
  expect(JSON.parse(waited.stdout)).toMatchObject({
    ok: true,
    mediaId: id,
    processing: { state: "succeeded" },
  });
});

test("status --wait reports each change of processing on stderr", async () => {
  const id = await uploadNoWait(fixture("sample.mp4"));
  const { code, stdout, stderr } = await runInProcess(
    ["status", id, "--wait"],
    {
      env,
    },
  );
  expect(code).toBe(0);
  expect(stdout.trim()).toBe(`${id}: succeeded 100%`);
  expect(stderr).toContain("waiting for processing to end");
  expect(stderr).toMatch(
    new RegExp(`Media ${id}: (in_progress \\d+%|succeeded)`),
  );
});

test("a job that fails while waited for exits 6 with X's reason", async () => {
  const id = await uploadNoWait(fixture("sample.gif"));
  server.setProcessingFailure(
    { code: 3, name: "InvalidMedia", message: "Bad GIF" },
    id,
  );
  const { code, stderr } = await runInProcess(["status", id, "--wait"], {
    env,
  });
  expect(code).toBe(6);
  expect(stderr).toContain("InvalidMedia (code 3): Bad GIF");
});

test("a media id that is not numeric is a usage error; an unknown one an API error", async () => {
  expect((await runInProcess(["status", "abc"], { env })).code).toBe(2);
  const unknown = await runInProcess(["status", "123", "--json"], { env });
  expect(unknown.code).toBe(5);
  expect(JSON.parse(unknown.stdout).error).toMatchObject({
    name: "XApiError",
    status: expect.any(Number),
  });
});

test("describeProcessing", () => {
  expect(describeProcessing(undefined)).toBe(
    "no processing (images are ready at once)",
  );
  expect(
    describeProcessing({
      state: "in_progress",
      progress_percent: 40,
      check_after_secs: 1,
    }),
  ).toBe("in_progress 40% (next check in 1s)");
  expect(
    describeProcessing({ state: "succeeded", progress_percent: 100 }),
  ).toBe("succeeded 100%");
});
