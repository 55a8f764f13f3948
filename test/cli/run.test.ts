// The CLI in-process: help, usage errors, credentials, --json, uploads against the fake server.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Readable } from "node:stream";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { HELP } from "../../src/cli/help.js";
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

describe("help and usage", () => {
  test("--help prints the overview on stdout", async () => {
    const { code, stdout } = await runInProcess(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("x-media-upload upload <file>");
    expect(stdout).toContain("X_OAUTH2_TOKEN");
  });
  test.each(["upload", "status", "serve-fake", "demo"])(
    "%s --help",
    async (command) => {
      const { code, stdout } = await runInProcess([command, "--help"]);
      expect(code).toBe(0);
      expect(stdout).toBe(`${HELP[command]}\n`);
    },
  );
  test("upload --help states the real default concurrency", async () => {
    const { stdout } = await runInProcess(["upload", "--help"]);
    expect(stdout).toContain("APPENDs in flight, 1 to 32 (default 8)");
  });
  test("no command is a usage error", async () => {
    const { code, stderr } = await runInProcess([]);
    expect(code).toBe(2);
    expect(stderr).toContain("Missing command.");
  });
  test("unknown command and unknown flag exit 2 with a --help hint", async () => {
    const unknown = await runInProcess(["uplaod", "a.png"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'Unknown command "uplaod". Did you mean `upload`? Commands: upload, status, serve-fake, demo, inspect, sessions.',
    );
    const flag = await runInProcess([
      "upload",
      "a.png",
      "--access-token",
      "secret",
    ]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown flag --access-token for `upload`.");
    expect(flag.stderr).toContain(
      "Run `x-media-upload upload --help` for usage.",
    );
  });
  test("--version prints package.json's version", async () => {
    const { stdout } = await runInProcess(["--version"]);
    const pkg = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ) as { version: string };
    expect(stdout).toBe(`${pkg.version}\n`);
  });
});

describe("upload", () => {
  test("missing credentials: exit 4, the message names the variables", async () => {
    const { code, stderr, stdout } = await runInProcess(
      ["upload", fixture("sample.png")],
      {
        env: { X_API_BASE_URL: server.url },
      },
    );
    expect(code).toBe(4);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/No X credentials.*X_OAUTH2_TOKEN.*X_API_KEY/);
  });
  test("a missing file is bad input (exit 3), checked before credentials", async () => {
    const { code, stderr } = await runInProcess(["upload", "no/such/file.png"]);
    expect(code).toBe(3);
    expect(stderr).toContain("File not found: no/such/file.png.");
  });
  test("bad flag values are usage errors", async () => {
    const { code, stderr } = await runInProcess(
      ["upload", fixture("sample.png"), "--concurrency", "0"],
      { env },
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      "Expected --concurrency to be an integer from 1 to 32",
    );
    const type = await runInProcess(
      ["upload", fixture("sample.png"), "--type", "image/svg"],
      { env },
    );
    expect(type.code).toBe(2);
  });
  test("`upload -` reads a pipe: spooled, sniffed, uploaded byte for byte", async () => {
    const bytes = readFileSync(fixture("sample.mp4"));
    // A pipe hands over odd-sized chunks; the size is unknown until it ends.
    const chunks = [bytes.subarray(0, 1000), bytes.subarray(1000)];
    const { code, stdout, stderr } = await runInProcess(
      ["upload", "-", "--segment-size", "4KiB"],
      { env, stdin: Readable.from(chunks) },
    );
    expect(code).toBe(0);
    const upload = server.upload(stdout.trim());
    expect(upload?.mediaType).toBe("video/mp4");
    expect(upload?.sha256).toBe(
      createHash("sha256").update(bytes).digest("hex"),
    );
    expect(stderr).toContain("Uploaded stdin (");
    const tty = Object.assign(Readable.from([]), { isTTY: true });
    const refused = await runInProcess(["upload", "-"], { env, stdin: tty });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("reads the media from a pipe");
  });
  test("a --type the bytes contradict is bad input unless --force-type", async () => {
    const refused = await runInProcess(
      ["upload", fixture("sample.png"), "--type", "image/jpeg", "--quiet"],
      { env },
    );
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("look like image/png");
    const forced = await runInProcess(
      [
        "upload",
        fixture("sample.png"),
        "--type",
        "image/jpeg",
        "--force-type",
        "--quiet",
      ],
      { env },
    );
    expect(forced.code).toBe(0);
    expect(server.upload(forced.stdout.trim())?.mediaType).toBe("image/jpeg");
    const alone = await runInProcess(
      ["upload", fixture("sample.png"), "--force-type"],
      { env },
    );
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--force-type needs --type");
  });
  test("uploads a fixture: media id on stdout, plain progress and a summary on stderr", async () => {
    const { code, stdout, stderr } = await runInProcess(
      ["upload", fixture("sample.mp4"), "--segment-size", "4KiB"],
      { env },
    );
    expect(code).toBe(0);
    const id = stdout.trim();
    expect(id).toMatch(/^\d+$/);
    const upload = server.upload(id);
    expect(upload?.totalBytes).toBe(readFileSync(fixture("sample.mp4")).length);
    expect(upload?.segments.size).toBe(3);
    expect(stderr).toContain("sample.mp4: uploading");
    expect(stderr).toContain("sample.mp4: done");
    expect(stderr).toContain(`media id ${id}`);
  });
  test("--json: exactly one JSON object on stdout, no progress", async () => {
    const { code, stdout, stderr } = await runInProcess(
      ["upload", fixture("sample.png"), "--json", "--alt-text", "A test card"],
      {
        env,
      },
    );
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      ok: true,
      mediaType: "image/png",
      mediaCategory: "tweet_image",
      size: 1145,
    });
    expect(server.upload(result.mediaId as string)?.metadata).toMatchObject({
      alt_text: { text: "A test card" },
    });
    expect(stderr).toBe("");
  });
  test("--json error object on stdout", async () => {
    const { code, stdout } = await runInProcess(
      ["upload", fixture("sample.png"), "--json"],
      { env: { X_API_BASE_URL: server.url } },
    );
    expect(code).toBe(4);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      error: {
        name: "CredentialsError",
        message: expect.stringContaining("X_OAUTH2_TOKEN"),
        exitCode: 4,
      },
    });
  });
  test("--no-wait returns before processing ends", async () => {
    const slow = await startFakeXServer({ processing: { pendingMs: 60_000 } });
    try {
      const { code, stdout } = await runInProcess(
        ["upload", fixture("sample.gif"), "--no-wait", "--json"],
        {
          env: { X_OAUTH2_TOKEN: "t", X_API_BASE_URL: slow.url },
        },
      );
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({
        ok: true,
        mediaCategory: "tweet_gif",
        processingState: "pending",
      });
    } finally {
      await slow.close();
    }
  });
  test("a TTY gets a live bar redrawn in place", async () => {
    const { code, stderr } = await runInProcess(
      ["upload", fixture("sample.mp4"), "--segment-size", "2KiB"],
      { env, tty: true },
    );
    expect(code).toBe(0);
    expect(stderr).toContain("\r\x1b[2K");
    expect(stderr).toMatch(/sample\.mp4 +done +█+ 100%/);
  });
});
