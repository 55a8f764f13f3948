// Errors a CLI user can act on: flags not library options, "did you mean", retries shown as they happen.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { HELP } from "../../src/cli/help.js";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { fixture, runInProcess } from "./helpers.js";

let server: FakeXServer;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startFakeXServer({
    processing: { pendingMs: 0, inProgressMs: 0 },
  });
  env = { X_OAUTH2_TOKEN: "test-token", X_API_BASE_URL: server.url };
});
afterAll(() => server.close());

const LIBRARY_NAMES =
  /\b(mediaType|forceMediaType|mediaCategory|altText|baseUrl|segmentBytes)\b/;

describe("messages name CLI flags, not library options", () => {
  test.each([
    [
      ["--type", "image/jpeg"],
      "sample.png",
      3,
      "pass the right --type or --force-type",
    ],
    [
      ["--category", "tweet_image"],
      "sample.mp4",
      3,
      "pass a matching --category or --type",
    ],
    [["--alt-text", ""], "sample.png", 2, "Expected --alt-text to be"],
  ])("%j on %s", async (flags, file, code, words) => {
    const out = await runInProcess(["upload", fixture(file), ...flags], {
      env,
    });
    expect(out.code).toBe(code);
    expect(out.stderr).toContain(words);
    expect(out.stderr).not.toMatch(LIBRARY_NAMES);
  });

  test("a bad or wrong API origin names --base-url and X_API_BASE_URL", async () => {
    const bad = await runInProcess(["upload", fixture("sample.png")], {
      env: { ...env, X_API_BASE_URL: "not a url" },
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'Expected --base-url (or X_API_BASE_URL) to be an absolute URL, got "not a url".',
    );
    const wrong = await runInProcess(
      ["upload", fixture("sample.png"), "--json"],
      { env: { ...env, X_API_BASE_URL: `${server.url}/nope` } },
    );
    const json = JSON.parse(wrong.stdout) as { error: { message: string } };
    expect(json.error.message).toMatch(
      /Check --base-url \(or X_API_BASE_URL\): this endpoint does not exist there\.$/,
    );
    expect(json.error.message).not.toMatch(LIBRARY_NAMES);
  });
});

test("X's own sentences are not followed by a second period", async () => {
  const out = await runInProcess(["status", "123"], { env });
  expect(out.code).toBe(5);
  expect(out.stderr).toContain(
    "failed with 404: Could not find media with media_id: [123]. The media id is unknown",
  );
  expect(out.stderr).not.toContain("..");
});

describe("usage errors help the user fix the command line", () => {
  test.each([
    ["--alt-txt", "--alt-text"],
    ["--media-type", "--type"],
    ["--catgory", "--category"],
    ["--segment_size", "--segment-size"],
    ["--jsno", "--json"],
  ])("a misspelt flag %s: did you mean %s?", async (typo, flag) => {
    const out = await runInProcess(
      ["upload", fixture("sample.png"), typo, "x"],
      { env },
    );
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(
      `Unknown flag ${typo} for \`upload\`. Did you mean ${flag}?`,
    );
  });

  test("a flag nothing resembles gets no guess", async () => {
    const out = await runInProcess(
      ["upload", fixture("sample.png"), "--access-token", "secret"],
      { env },
    );
    expect(out.stderr).toContain("Unknown flag --access-token for `upload`.\n");
  });

  test("a misspelt command: did you mean", async () => {
    const out = await runInProcess(["uplaod", "a.png"]);
    expect(out.stderr).toContain(
      'Unknown command "uplaod". Did you mean `upload`?',
    );
  });

  test.each([
    [["--concurrency", "0"]],
    [["--segment-size", "lots"]],
    [["--segment-size", "9MiB"]],
    [["--category", "tweet_film"]],
    [["--account-tier", "gold"]],
    [["--alt-text", ""]],
  ])("a bad value %j points to `upload --help`", async (flags) => {
    const out = await runInProcess(
      ["upload", fixture("sample.png"), ...flags],
      { env },
    );
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(
      "Run `x-media-upload upload --help` for usage.",
    );
  });
});

describe("alt text on video", () => {
  test("--help says video takes alt text, and it does", async () => {
    expect(HELP.upload).toMatch(
      /--alt-text <text> +alt text for the image, GIF or video/,
    );
    const out = await runInProcess(
      ["upload", fixture("sample.mp4"), "--alt-text", "A rocket", "--quiet"],
      { env },
    );
    expect(out.code).toBe(0);
    expect(server.upload(out.stdout.trim())?.metadata).toEqual({
      alt_text: { text: "A rocket" },
    });
  });
});

describe("retries and rate-limit waits are shown as they happen", () => {
  test("one stderr line each, counted in --json", async () => {
    server.faults.add(
      {
        operation: "appendMediaUpload",
        segmentIndex: 0,
        fault: { kind: "status", status: 503 },
      },
      {
        operation: "finalizeMediaUpload",
        fault: { kind: "status", status: 429, retryAfterSecs: 1 },
      },
    );
    const out = await runInProcess(
      ["upload", fixture("sample.mp4"), "--json"],
      { env },
    );
    expect(out.code).toBe(0);
    const lines = out.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^retrying append segment 0 in \d+ ms \(retry 1 of 5\): X answered 503 Over capacity$/,
    );
    expect(lines[1]).toMatch(
      /^rate limited by X \(429\) on finalize: every request waits [\d.]+s, until \d{4}-.*Z \(retry 1 of 5\)$/,
    );
    expect(JSON.parse(out.stdout)).toMatchObject({
      ok: true,
      retries: 1,
      rateLimitWaits: 1,
    });
  });

  test("--quiet hides them", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 0,
      fault: { kind: "status", status: 503 },
    });
    const out = await runInProcess(
      ["upload", fixture("sample.mp4"), "--quiet"],
      { env },
    );
    expect(out.code).toBe(0);
    expect(out.stderr).toBe("");
  });

  test("an error's --json carries the media id and the counts", async () => {
    server.faults.add(
      {
        operation: "appendMediaUpload",
        segmentIndex: 0,
        fault: { kind: "status", status: 500 },
      },
      {
        operation: "finalizeMediaUpload",
        fault: { kind: "status", status: 400 },
      },
    );
    const out = await runInProcess(
      ["upload", fixture("sample.mp4"), "--json"],
      { env },
    );
    expect(out.code).toBe(5);
    const json = JSON.parse(out.stdout) as {
      error: { mediaId?: string; status: number };
      retries: number;
    };
    expect(json.error.status).toBe(400);
    expect(server.upload(json.error.mediaId ?? "")?.state).toBe("uploading");
    expect(json.retries).toBe(1);
  });
});

describe("status", () => {
  test("shows STATUS retries on stderr and counts them in --json", async () => {
    const up = await runInProcess(
      ["upload", fixture("sample.png"), "--quiet"],
      { env },
    );
    server.faults.add({
      operation: "getMediaUploadStatus",
      fault: { kind: "status", status: 503 },
    });
    const out = await runInProcess(["status", up.stdout.trim(), "--json"], {
      env,
    });
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/^retrying status in \d+ ms \(retry 1 of 5\)/);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, retries: 1 });
  });

  test("in_progress with an error is a processing failure (exit 6) at once", async () => {
    const up = await runInProcess(
      ["upload", fixture("sample.mp4"), "--quiet", "--no-wait"],
      { env },
    );
    const id = up.stdout.trim();
    server.setProcessingFailure(
      {
        code: 3,
        name: "UnsupportedMedia",
        message: "Too long.",
        state: "in_progress",
      },
      id,
    );
    const out = await runInProcess(["status", id, "--wait", "--json"], { env });
    expect(out.code).toBe(6);
    expect(JSON.parse(out.stdout)).toMatchObject({
      ok: false,
      error: {
        name: "ProcessingError",
        errorName: "UnsupportedMedia",
        mediaId: id,
      },
    });
  });
});
