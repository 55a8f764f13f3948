// runUpload's signal handling over the fake X server: the words of an abort, no listener left on the caller's
// signal, and a fatal error (a failed APPEND, a throwing onProgress) stopping the other requests.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { getEventListeners } from "node:events";
import { AbortError, XApiError } from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import { sample } from "./fixtures.js";
import { clientFor, startServer } from "./harness.js";

const video = sample("video/mp4", 8 * 1024);
const small = { segmentBytes: 1024 };
let server: FakeXServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const opsSince = (from: number) =>
  server.requests.slice(from).map((r) => r.operation);

describe("aborts", () => {
  test("a signal aborted before the start: no request, the abort names the start", async () => {
    const from = server.requests.length;
    const error = await clientFor(server)
      .upload(video, { signal: AbortSignal.abort(new Error("stop")) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toBe(
      "Upload aborted by the caller's signal during start.",
    );
    expect(server.requests.length).toBe(from);
  });

  test("aborted by the final event's listener, which then throws: an AbortError of the upload with the media id", async () => {
    const controller = new AbortController();
    let id: string | undefined;
    const error = await clientFor(server)
      .upload(video, {
        waitForProcessing: false,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase !== "done") return;
          id = p.mediaId;
          controller.abort(new Error("stop"));
          throw new Error("listener failed");
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toBe(
      "Upload aborted by the caller's signal during the upload.",
    );
    expect(id).toMatch(/^\d+$/);
    expect((error as AbortError).mediaId).toBe(id);
  });

  test("an upload that ends leaves no listener on the caller's signal", async () => {
    const controller = new AbortController();
    await clientFor(server).upload(video, {
      ...small,
      waitForProcessing: false,
      signal: controller.signal,
    });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("a failed upload leaves no listener on the caller's signal", async () => {
    server.faults.add({
      operation: "initializeMediaUpload",
      fault: { kind: "status", status: 400 },
    });
    try {
      const controller = new AbortController();
      const error = await clientFor(server)
        .upload(video, { signal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(XApiError);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    } finally {
      server.faults.clear();
    }
  });
});

describe("a fatal error stops the rest", () => {
  test("an onProgress that throws on entering the APPENDs: no APPEND, no FINALIZE", async () => {
    const boom = new Error("listener failed");
    const from = server.requests.length;
    const error = await clientFor(server)
      .upload(video, {
        ...small,
        concurrency: 1,
        onProgress: (p) => {
          if (p.phase === "append") throw boom;
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBe(boom);
    const ops = opsSince(from);
    expect(ops).toEqual(["initializeMediaUpload"]);
  });

  test("an APPEND failing for good aborts the APPEND still in flight", async () => {
    server.faults.add(
      {
        operation: "appendMediaUpload",
        segmentIndex: 0,
        fault: { kind: "status", status: 400 },
      },
      {
        operation: "appendMediaUpload",
        segmentIndex: 1,
        fault: { kind: "latency", ms: 3000 },
      },
    );
    try {
      const from = server.requests.length;
      const error = await clientFor(server)
        .upload(video, { ...small, concurrency: 2 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(XApiError);
      const second = server.requests
        .slice(from)
        .find(
          (r) => r.operation === "appendMediaUpload" && r.segmentIndex === 1,
        );
      expect(second?.status).toBeUndefined();
      expect(opsSince(from)).not.toContain("finalizeMediaUpload");
    } finally {
      server.faults.clear();
    }
  });
});
