// Files on disk as sources: the lazy Blob path (Node) and the positioned-read fallback (Deno) read the same bytes.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtemp, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  fileSource,
  rangeSource,
} from "../../src/engine/source/file-source.js";
import { InvalidInputError } from "../../src/errors/index.js";
import { lazyFileBlob } from "../../src/runtime.js";

const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) & 0xff);
const read = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "file-source-test-"));
  file = join(dir, "media.bin");
  await writeFile(file, bytes);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each([
  ["fileSource (fs.openAsBlob on Node)", fileSource],
  [
    "rangeSource (the fallback)",
    (path: string, name?: string, onClose?: () => Promise<void>) =>
      rangeSource(path, bytes.length, name, onClose),
  ],
])("%s", (_, open) => {
  test("size, head and any range, in any order", async () => {
    const source = await open(file, "media.bin");
    expect(source.size).toBe(bytes.length);
    expect(source.sequential).toBe(false);
    expect(source.fileName).toBe("media.bin");
    expect(await source.head(16)).toEqual(bytes.subarray(0, 16));
    expect(await read(await source.read(8000, 10_000))).toEqual(
      bytes.subarray(8000),
    );
    expect(await read(await source.read(3, 4097))).toEqual(
      bytes.subarray(3, 4097),
    );
    await source.close();
  });

  test("close runs onClose once", async () => {
    let closes = 0;
    const source = await open(file, undefined, async () => {
      closes += 1;
    });
    await source.close();
    await source.close();
    expect(closes).toBe(1);
  });
});

test("on Node, a file under 4 GiB is a lazy fs.openAsBlob Blob (the range reads are for Deno)", async () => {
  const blob = await lazyFileBlob(file, bytes.length);
  expect(blob?.size).toBe(bytes.length);
  expect(await lazyFileBlob(file, bytes.length + 1)).toBeUndefined();
});

describe("rangeSource", () => {
  test("refuses to read a file changed since it was opened", async () => {
    const changing = join(dir, "changing.bin");
    await writeFile(changing, bytes);
    const source = await rangeSource(changing, bytes.length, undefined);
    const { mtime } = await stat(changing);
    await utimes(changing, mtime, new Date(mtime.getTime() + 5000));
    const error = await source.read(0, 100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe(
      `The input file ${JSON.stringify(changing)} changed during the upload. Upload it again once it is stable.`,
    );
    await source.close();
  });

  test("reads past the end give the bytes that exist", async () => {
    const source = await rangeSource(file, bytes.length, undefined);
    expect(await source.head(20_000)).toEqual(bytes);
    await source.close();
  });

  test("a file shorter than the size given: each read stops at its end, from any start", async () => {
    const source = await rangeSource(file, 20_000, undefined);
    expect(source.size).toBe(20_000);
    expect(await read(await source.read(5000, 20_000))).toEqual(
      bytes.subarray(5000),
    );
    expect(await read(await source.read(9999, 15_000))).toEqual(
      bytes.subarray(9999),
    );
    expect((await source.read(10_000, 20_000)).size).toBe(0);
    await source.close();
  });

  test("a range past the size given is cut at it; an empty range reads nothing", async () => {
    const source = await rangeSource(file, 100, undefined);
    expect(await read(await source.read(90, 200))).toEqual(
      bytes.subarray(90, 100),
    );
    expect((await source.read(150, 200)).size).toBe(0);
    expect((await source.read(40, 40)).size).toBe(0);
    expect(await source.head(3)).toEqual(bytes.subarray(0, 3));
    await source.close();
  });
});
