// Spooling with the chunked-upload ceiling lowered to 10 bytes (media/segments mocked) and mkdtemp replaceable:
// the byte count at which spooling stops (10 passes, 11 does not), the temp dir gone whatever the outcome, and the
// words of a temp-dir failure with and without a system code.
import {
  afterEach,
  beforeEach,
  describe,
  expect,
  jest,
  test,
} from "@jest/globals";
import * as fsp from "node:fs/promises";
import * as os from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";

const actualSegments = await import("../../src/media/segments.js");
jest.unstable_mockModule("../../src/media/segments.js", () => ({
  ...actualSegments,
  MAX_CHUNKED_BYTES: 10,
}));
let failMkdtemp: Error | undefined;
jest.unstable_mockModule("node:fs/promises", () => ({
  ...fsp,
  mkdtemp: (prefix: string) =>
    failMkdtemp ? Promise.reject(failMkdtemp) : fsp.mkdtemp(prefix),
}));
// The temp root, as TMPDIR would set it (jest's process.env is not the one node:os reads).
let tmpRoot = os.tmpdir();
jest.unstable_mockModule("node:os", () => ({ ...os, tmpdir: () => tmpRoot }));
const { spoolSource } = await import("../../src/engine/source/spool.js");
const { InvalidInputError, XMediaError } =
  await import("../../src/errors/index.js");

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as Error,
  );
const chunks = (...sizes: number[]) =>
  Readable.from(
    sizes.map((n, k) => Uint8Array.from({ length: n }, (_, i) => k * 16 + i)),
  );

const systemTmp = os.tmpdir();
let home: string;
beforeEach(async () => {
  failMkdtemp = undefined;
  home = await fsp.mkdtemp(join(systemTmp, "spool-limits-"));
  tmpRoot = home;
});
afterEach(() => fsp.rm(home, { recursive: true, force: true }));

describe("spoolSource under a 10-byte ceiling", () => {
  test("exactly 10 bytes in three chunks spool; the temp dir holds them and is gone on close", async () => {
    const source = await spoolSource(chunks(4, 4, 2), "s.bin", undefined);
    expect(source.size).toBe(10);
    expect(await source.head(10)).toEqual(
      Uint8Array.from([0, 1, 2, 3, 16, 17, 18, 19, 32, 33]),
    );
    const dirs = await fsp.readdir(home);
    expect(dirs).toHaveLength(1);
    expect(dirs[0]).toMatch(/^x-media-upload-.{6}$/);
    expect(await fsp.readdir(join(home, dirs[0] as string))).toEqual(["spool"]);
    await source.close();
    expect(await fsp.readdir(home)).toEqual([]);
  });

  test("11 bytes stop the spooling with the ceiling's words, and leave no temp dir", async () => {
    const stream = chunks(4, 4, 3, 5);
    const error = await failure(spoolSource(stream, undefined, undefined));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe(
      "The input stream is larger than a chunked upload can carry (1000 segments of at most 8 MiB, 10 bytes); nothing was sent.",
    );
    expect(stream.destroyed).toBe(true);
    expect(await fsp.readdir(home)).toEqual([]);
  });

  // Open descriptors are counted in /proc/self/fd, which only Linux has.
  (process.platform === "linux" ? test : test.skip)(
    "the spool file is closed whether spooling ends or is refused",
    async () => {
      const openFds = async () => (await fsp.readdir("/proc/self/fd")).length;
      const before = await openFds();
      await failure(spoolSource(chunks(6, 6), undefined, undefined));
      expect(await openFds()).toBe(before);
      const source = await spoolSource(chunks(6), undefined, undefined);
      await source.close();
      expect(await openFds()).toBe(before);
    },
  );

  test("one chunk of 11 bytes is refused too", async () => {
    const error = await failure(spoolSource(chunks(11), undefined, undefined));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(await fsp.readdir(home)).toEqual([]);
  });
});

describe("a temp dir that cannot be made", () => {
  test("names the temp dir and the system code, keeps the cause, and releases the stream", async () => {
    const missing = join(home, "missing");
    tmpRoot = missing;
    const stream = chunks(3);
    const error = await failure(spoolSource(stream, undefined, undefined));
    expect(error.constructor).toBe(XMediaError);
    expect(error.message).toBe(
      `Could not spool the input stream to a temp file under ${missing} (ENOENT). Free disk space or set TMPDIR, or pass \`size\` to stream without a temp file.`,
    );
    expect((error.cause as { code?: string }).code).toBe("ENOENT");
    expect(stream.destroyed).toBe(true);
  });

  test("without a system code, no code in parentheses", async () => {
    const cause = new Error("no room");
    failMkdtemp = cause;
    const error = await failure(spoolSource(chunks(3), undefined, undefined));
    expect(error.message).toBe(
      `Could not spool the input stream to a temp file under ${home}. Free disk space or set TMPDIR, or pass \`size\` to stream without a temp file.`,
    );
    expect(error.cause).toBe(cause);
  });
});
