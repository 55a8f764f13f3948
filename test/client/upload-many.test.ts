// client.uploadMany over real HTTP against the fake: settled outcomes in input order, per-file options,
// aggregate progress, failFast and one signal for all.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import {
  AbortError,
  InvalidInputError,
  type UploadManyProgress,
} from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import { sample, sha256 } from "../engine/fixtures.js";
import { clientFor, startServer } from "../engine/harness.js";

let server: FakeXServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const png = sample("image/png", 3000);
const gif = sample("image/gif", 5000);
const mp4 = sample("video/mp4", 9000);

describe("uploadMany", () => {
  test("resolves every file's outcome in input order; a bad file fails alone", async () => {
    const outcomes = await clientFor(server).uploadMany(
      [png, new Uint8Array(0), { input: gif, altText: "A looping cat" }, mp4],
      { segmentBytes: 1024, maxConcurrentUploads: 2 },
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
    ]);
    const [first, empty, second, third] = outcomes;
    expect(empty?.status === "rejected" && empty.reason).toBeInstanceOf(
      InvalidInputError,
    );
    const ids = [first, second, third].map((o) =>
      o?.status === "fulfilled" ? o.value.id : "",
    );
    expect(ids.map((id) => server.upload(id)?.sha256)).toEqual(
      [png, gif, mp4].map(sha256),
    );
    // Per-file options win: only the GIF got alt text.
    expect(server.upload(ids[1] ?? "")?.metadata).toEqual({
      alt_text: { text: "A looping cat" },
    });
    expect(server.upload(ids[0] ?? "")?.metadata).toEqual({});
  });

  test("runs at most maxConcurrentUploads files at once", async () => {
    let running = 0;
    let most = 0;
    await clientFor(server).uploadMany([png, gif, mp4, png, gif], {
      maxConcurrentUploads: 2,
      onProgress: (p) => {
        running = p.files.filter(
          (f) =>
            f.phase !== "queued" && f.phase !== "done" && f.phase !== "failed",
        ).length;
        most = Math.max(most, running);
      },
    });
    expect(most).toBe(2);
  });

  test("aggregate progress: every file's phase, bytes summed, the final event says all done", async () => {
    const events: UploadManyProgress[] = [];
    await clientFor(server).uploadMany([png, mp4], {
      segmentBytes: 1024,
      onProgress: (p) => events.push(p),
    });
    const last = events.at(-1);
    expect(last).toMatchObject({
      filesTotal: 2,
      filesDone: 2,
      filesFailed: 0,
      totalBytes: png.length + mp4.length,
      bytesAcknowledged: png.length + mp4.length,
    });
    expect(last?.files.map((f) => f.phase)).toEqual(["done", "done"]);
    expect(
      events[0]?.files.some(
        (f) => f.phase === "queued" || f.phase === "initialize",
      ),
    ).toBe(true);
  });

  test("failFast: the first failure stops the batch; files not started are not sent", async () => {
    const before = server.counters.byOperation.initializeMediaUpload;
    const outcomes = await clientFor(server).uploadMany(
      [new Uint8Array(0), png, gif],
      { failFast: true, maxConcurrentUploads: 1 },
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      "rejected",
      "rejected",
      "rejected",
    ]);
    const [, skipped] = outcomes;
    const reason = skipped?.status === "rejected" ? skipped.reason : undefined;
    expect(reason).toBeInstanceOf(AbortError);
    expect((reason as AbortError).cause).toBeInstanceOf(InvalidInputError);
    expect(server.counters.byOperation.initializeMediaUpload).toBe(before);
  });

  test("without failFast every file is tried", async () => {
    const outcomes = await clientFor(server).uploadMany(
      [new Uint8Array(0), png],
      { maxConcurrentUploads: 1 },
    );
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "fulfilled"]);
  });

  test("one signal aborts every file", async () => {
    const controller = new AbortController();
    const outcomes = await clientFor(server).uploadMany([mp4, png, gif], {
      segmentBytes: 1024,
      maxConcurrentUploads: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.files[0]?.phase === "append") controller.abort(new Error("stop"));
      },
    });
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    for (const o of outcomes)
      expect(o.status === "rejected" && o.reason).toBeInstanceOf(AbortError);
  });

  test("an onProgress that throws stops the batch and uploadMany rejects with its error", async () => {
    const boom = new Error("listener broke");
    await expect(
      clientFor(server).uploadMany([png, gif], {
        onProgress: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
  });

  test("bad batch options are TypeErrors before anything is sent", () => {
    const client = clientFor(server);
    expect(() => client.uploadMany([png], { maxConcurrentUploads: 0 })).toThrow(
      "Expected `maxConcurrentUploads` to be an integer from 1 to 64, got 0.",
    );
    expect(() =>
      client.uploadMany([png], { failFast: "yes" as unknown as boolean }),
    ).toThrow("Expected `failFast` to be a boolean");
    expect(() => client.uploadMany([png], { concurency: 2 } as never)).toThrow(
      TypeError,
    );
  });
});
