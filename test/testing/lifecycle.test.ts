import { describe, expect, it } from "@jest/globals";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  startFakeXServer,
  type FakeRequestRecord,
} from "../../src/testing/index.js";
import { append, fakeMp4, init } from "./helpers.js";

describe("startFakeXServer lifecycle", () => {
  it("listens on 127.0.0.1 with a URL without trailing slash", async () => {
    const server = await startFakeXServer();
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(server.port).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it("spills segments under tempDir and removes them on close", async () => {
    const parent = await mkdtemp(join(tmpdir(), "fake-parent-"));
    const server = await startFakeXServer({ tempDir: parent });
    try {
      const id = (
        await init(server, { media_type: "video/mp4", total_bytes: 2000 })
      ).json.data.id;
      await append(server, id, 0, fakeMp4(1000));
      const [dir] = await readdir(parent);
      expect(dir).toMatch(/^x-fake-server-/);
      expect(await readdir(join(parent, dir!, id))).toHaveLength(1);
      await server.close();
      expect(await readdir(parent)).toEqual([]);
      await expect(server.close()).resolves.toBeUndefined();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it("reset() forgets uploads, requests, counters and faults", async () => {
    const server = await startFakeXServer({
      faults: [
        {
          operation: "finalizeMediaUpload",
          fault: { kind: "status", status: 500 },
        },
      ],
    });
    try {
      const id = (
        await init(server, { media_type: "video/mp4", total_bytes: 1000 })
      ).json.data.id;
      await append(server, id, 0, fakeMp4(1000));
      expect(server.uploads.size).toBe(1);
      expect(server.counters.requests).toBe(2);
      await server.reset();
      expect(server.uploads.size).toBe(0);
      expect(server.requests).toEqual([]);
      expect(server.counters).toMatchObject({
        requests: 0,
        bytesReceived: 0,
        maxConcurrentAppends: 0,
      });
      expect(server.faults.pending).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("reports each request to onRequest and log, and counts APPEND concurrency", async () => {
    const records: FakeRequestRecord[] = [];
    const lines: string[] = [];
    const server = await startFakeXServer({
      onRequest: (r) => records.push(r),
      log: (l) => lines.push(l),
    });
    try {
      const id = (
        await init(server, { media_type: "video/mp4", total_bytes: 4000 })
      ).json.data.id;
      server.faults.add({
        operation: "appendMediaUpload",
        times: 4,
        fault: { kind: "latency", ms: 50 },
      });
      await Promise.all(
        [0, 1, 2, 3].map((i) => append(server, id, i, fakeMp4(1000))),
      );
      expect(records).toHaveLength(5);
      expect(records[0]).toMatchObject({
        seq: 1,
        operation: "initializeMediaUpload",
        status: 200,
        outcome: "answered",
      });
      expect(lines[0]).toMatch(
        /^#1 POST \/2\/media\/upload\/initialize initializeMediaUpload → 200 \d+ms \d+B$/,
      );
      expect(lines.slice(1).every((l) => l.includes("faults=latency"))).toBe(
        true,
      );
      expect(server.counters.maxConcurrentAppends).toBe(4);
      expect(server.counters.faultsApplied).toBe(4);
      expect(server.counters.inFlight).toBe(0);
    } finally {
      await server.close();
    }
  });

  it.each([
    [{ port: -1 }, "Expected `port` to be an integer from 0 to 65535, got -1."],
    [
      { maxSegmentBytes: 0 },
      "Expected `maxSegmentBytes` to be an integer >= 1, got 0.",
    ],
    [
      { expiresAfterSecs: Number.NaN },
      "Expected `expiresAfterSecs` to be a number >= 0, got NaN.",
    ],
    [
      { sizeLimits: { video: -5 } },
      "Expected `sizeLimits.video` to be a number >= 0, got -5.",
    ],
    [
      { processing: { checkAfterSecs: 0.5 } },
      "Expected `processing.checkAfterSecs` to be an integer >= 0, got 0.5.",
    ],
    [
      { faults: [{ attempt: 0, fault: { kind: "stall" as const } }] },
      "Expected fault rule `attempt` to be an integer >= 1 (1-based), got 0.",
    ],
    [
      {
        randomFaults: {
          seed: 1,
          faults: [{ rate: 2, fault: { kind: "stall" as const } }],
        },
      },
      "Expected `randomFaults.faults[].rate` to be a number from 0 to 1, got 2.",
    ],
  ])(
    "rejects bad options %j, leaving no temp dir",
    async (options, message) => {
      const parent = await mkdtemp(join(tmpdir(), "fake-parent-"));
      try {
        await expect(
          startFakeXServer({ ...options, tempDir: parent }),
        ).rejects.toThrow(new TypeError(message));
        expect(await readdir(parent)).toEqual([]);
      } finally {
        await rm(parent, { recursive: true, force: true });
      }
    },
  );

  it("leaves no temp dir behind when the port is taken", async () => {
    const parent = await mkdtemp(join(tmpdir(), "fake-parent-"));
    const server = await startFakeXServer();
    try {
      await expect(
        startFakeXServer({ port: server.port, tempDir: parent }),
      ).rejects.toThrow(/EADDRINUSE/);
      expect(await readdir(parent)).toEqual([]);
    } finally {
      await server.close();
      await rm(parent, { recursive: true, force: true });
    }
  });
});
