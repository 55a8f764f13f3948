// Inputs as sources: exact reads from odd chunks, size mismatches, spool files removed.
import { describe, expect, test } from "@jest/globals";
import {
  access,
  mkdtemp,
  open,
  readdir,
  rm,
  stat,
  truncate,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { Readable } from "node:stream";
import { ChunkReader } from "../../src/engine/source/chunk-reader.js";
import { openSource } from "../../src/engine/source/open-source.js";
import { InvalidInputError } from "../../src/errors/index.js";

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff);
const chunked = () =>
  Readable.from([
    bytes.subarray(0, 1),
    bytes.subarray(1, 333),
    bytes.subarray(333),
  ]);
const join = async (parts: Uint8Array[]) =>
  new Uint8Array(
    await new Blob(parts as Uint8Array<ArrayBuffer>[]).arrayBuffer(),
  );

describe("ChunkReader", () => {
  test("peek does not consume; read returns exact counts across chunk edges", async () => {
    const reader = new ChunkReader(chunked());
    expect(await reader.peek(10)).toEqual(bytes.subarray(0, 10));
    expect(await join(await reader.read(400))).toEqual(bytes.subarray(0, 400));
    expect(await join(await reader.read(1000))).toEqual(bytes.subarray(400));
    expect(await reader.atEnd()).toBe(true);
  });

  test("works on web streams and rejects text chunks", async () => {
    const reader = new ChunkReader(new Blob([bytes]).stream());
    expect(await join(await reader.read(1000))).toEqual(bytes);
    const text = new ChunkReader(Readable.from(["not bytes"]));
    await expect(text.read(1)).rejects.toThrow(InvalidInputError);
  });
});

describe("openSource", () => {
  test("a file of 4 GiB and more keeps its real size and bytes (openAsBlob wraps them at 2^32 on Node 20)", async () => {
    const dir = await mkdtemp(joinPath(tmpdir(), "x-media-upload-big-"));
    try {
      const path = joinPath(dir, "big.mp4");
      const size = 5 * 1024 ** 3 + 7;
      const marker = Buffer.from("past four gibibytes");
      await writeFile(path, Buffer.from("head"));
      await truncate(path, size);
      const handle = await open(path, "r+");
      await handle.write(marker, 0, marker.length, size - marker.length);
      await handle.close();
      const source = await openSource(path);
      expect(source.size).toBe(size);
      expect(Buffer.from(await source.head(4)).toString()).toBe("head");
      const tail = await source.read(size - marker.length, size);
      expect(tail.size).toBe(marker.length);
      expect(Buffer.from(await tail.arrayBuffer())).toEqual(marker);
      await source.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a sized stream reads segments in order and checks its size", async () => {
    const source = await openSource(chunked(), { size: 1000 });
    expect(source.sequential).toBe(true);
    expect(await source.head(4)).toEqual(bytes.subarray(0, 4));
    const a = await source.read(0, 600);
    const b = await source.read(600, 1000);
    expect(new Uint8Array(await new Blob([a, b]).arrayBuffer())).toEqual(bytes);
    await expect(source.finish()).resolves.toBeUndefined();
    await source.close();
  });

  test("an unsized stream is spooled to a temp dir; close deletes it", async () => {
    const spools = async () =>
      new Set(
        (await readdir(tmpdir())).filter((n) =>
          n.startsWith("x-media-upload-"),
        ),
      );
    const before = await spools();
    const source = await openSource(chunked());
    const created = [...(await spools())].filter((n) => !before.has(n));
    // Other test files may spool at the same time: ours is the one holding 1000 bytes.
    const ours = [];
    for (const name of created) {
      const info = await stat(joinPath(tmpdir(), name, "spool")).catch(
        () => undefined,
      );
      if (info?.size === 1000) ours.push(joinPath(tmpdir(), name));
    }
    expect(ours).toHaveLength(1);
    expect(source.size).toBe(1000);
    expect(source.sequential).toBe(false);
    expect(
      new Uint8Array(await (await source.read(10, 20)).arrayBuffer()),
    ).toEqual(bytes.subarray(10, 20));
    await source.close();
    await expect(access(ours[0]!)).rejects.toThrow(/ENOENT/);
  });

  test("an abort while spooling is an AbortError", async () => {
    const never = new Readable({ read() {} });
    const error = await openSource(never, {
      signal: AbortSignal.timeout(30),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
  });

  test("a directory and a non-file URL are InvalidInputErrors", async () => {
    await expect(openSource(process.cwd())).rejects.toThrow(
      /not a regular file/,
    );
    await expect(
      openSource(new URL("https://example.com/a.png")),
    ).rejects.toThrow(/file: protocol/);
  });
});
