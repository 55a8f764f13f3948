// runUpload's edges over real HTTP: what the result, the errors and the progress events report.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import {
  AbortError,
  XApiError,
  createMediaClient,
  type UploadProgress,
} from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import { sample, sha256 } from "./fixtures.js";
import { clientFor, startServer } from "./harness.js";
import { happyUpload, startTinyServer } from "./tiny-server.js";

const auth = { type: "oauth2", accessToken: "test-token-0123456789" } as const;
const video = sample("video/mp4", 8 * 1024);
const small = { segmentBytes: 1024 };
let server: FakeXServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("the result", () => {
  test("STATUS without processing_info after FINALIZE said pending: the result is not left pending", async () => {
    const tiny = await startTinyServer((request, res) =>
      happyUpload(request, res, {
        finalize: {
          data: {
            id: "1880000000000000001",
            processing_info: { state: "pending", check_after_secs: 0 },
          },
        },
      }),
    );
    try {
      const result = await createMediaClient({
        auth,
        baseUrl: tiny.url,
      }).upload(video);
      expect(tiny.requests.some((r) => r.path.includes("command=STATUS"))).toBe(
        true,
      );
      expect(result.processing).toBeUndefined();
    } finally {
      await tiny.close();
    }
  });
});

describe("errors carry the media id", () => {
  test("a 2xx INIT carrying both data and errors[] fails, keeping INIT's media id", async () => {
    const tiny = await startTinyServer((request, res) =>
      happyUpload(request, res, {
        init: {
          data: { id: "1880000000000000007" },
          errors: [{ message: "Something is off", code: 131 }],
        },
      }),
    );
    try {
      const error = await createMediaClient({ auth, baseUrl: tiny.url })
        .upload(video)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(XApiError);
      expect(error).toMatchObject({
        status: 200,
        mediaId: "1880000000000000007",
      });
      expect((error as Error).message).toMatch(/Something is off/);
    } finally {
      await tiny.close();
    }
  });

  test("an abort while processing is an AbortError with the media id", async () => {
    const slow = await startServer({
      processing: { pendingMs: 5000, inProgressMs: 5000, checkAfterSecs: 0 },
    });
    try {
      const controller = new AbortController();
      let id: string | undefined;
      const error = await clientFor(slow)
        .upload(video, {
          signal: controller.signal,
          onProgress: (p) => {
            if (p.phase !== "processing") return;
            id = p.mediaId;
            controller.abort(new Error("enough"));
          },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortError);
      expect(id).toMatch(/^\d+$/);
      expect((error as AbortError).mediaId).toBe(id);
    } finally {
      await slow.close();
    }
  });

  test("client.waitForProcessing aborted between polls: AbortError with the media id", async () => {
    const slow = await startServer({
      processing: { pendingMs: 5000, inProgressMs: 5000, checkAfterSecs: 1 },
    });
    try {
      const client = clientFor(slow);
      const { id } = await client.upload(video, { waitForProcessing: false });
      const error = await client
        .waitForProcessing(id, { signal: AbortSignal.timeout(100) })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortError);
      expect((error as AbortError).mediaId).toBe(id);
    } finally {
      await slow.close();
    }
  });

  test("an APPEND failing for good names the media id", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 2,
      times: 10,
      fault: { kind: "status", status: 400 },
    });
    try {
      const error = await clientFor(server)
        .upload(video, small)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(XApiError);
      expect((error as XApiError).mediaId).toMatch(/^\d+$/);
    } finally {
      server.faults.clear();
    }
  });
});

describe("progress", () => {
  test("an onProgress that throws on the final event rejects the upload", async () => {
    const boom = new Error("listener failed");
    const phases: string[] = [];
    const error = await clientFor(server)
      .upload(video, {
        ...small,
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === "done") throw boom;
        },
      })
      .catch((e: unknown) => e);
    expect(phases.at(-1)).toBe("done");
    expect(error).toBe(boom);
  });

  test("bytesSent never goes backwards when a segment is re-sent", async () => {
    // Segments bigger than the socket buffers, re-sent slowly, so events fall inside the retry.
    const roomy = await startServer();
    try {
      // One 8 MiB segment, X's largest.
      const big = sample("video/mp4", 8 * 1024 * 1024);
      roomy.faults.add(
        {
          operation: "appendMediaUpload",
          segmentIndex: 0,
          attempt: 1,
          fault: { kind: "reset", afterBytes: 6 * 1024 * 1024 },
        },
        {
          operation: "appendMediaUpload",
          segmentIndex: 0,
          attempt: 2,
          fault: { kind: "bandwidth", bytesPerSecond: 16 * 1024 * 1024 },
        },
      );
      const sent: number[] = [];
      const result = await clientFor(roomy).upload(big, {
        segmentBytes: 8 * 1024 * 1024,
        onProgress: (p: UploadProgress) => sent.push(p.bytesSent),
      });
      expect(roomy.upload(result.id)?.segments.get(0)?.attempts).toBe(2);
      expect(roomy.upload(result.id)?.sha256).toBe(sha256(big));
      for (let i = 1; i < sent.length; i++)
        expect(sent[i]).toBeGreaterThanOrEqual(sent[i - 1] as number);
      expect(sent.at(-1)).toBe(big.byteLength);
    } finally {
      await roomy.close();
    }
  });
});

describe("options set to undefined mean the default", () => {
  /** The most APPENDs the fake saw at once for `mediaId`. */
  function peakAppends(s: FakeXServer, mediaId: string): number {
    const spans = s.requests
      .filter(
        (r) => r.operation === "appendMediaUpload" && r.mediaId === mediaId,
      )
      .map((r) => [r.startedAt, r.startedAt + (r.durationMs ?? 0)] as const);
    return Math.max(
      ...spans.map(
        ([start]) => spans.filter(([a, b]) => a <= start && start < b).length,
      ),
    );
  }

  test("{ concurrency: undefined } keeps the client's default", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      times: 8,
      fault: { kind: "latency", ms: 100 },
    });
    try {
      const result = await clientFor(server, { concurrency: 2 }).upload(video, {
        ...small,
        concurrency: undefined,
      });
      expect(peakAppends(server, result.id)).toBe(2);
    } finally {
      server.faults.clear();
    }
  });

  test("{ retry: { retries: undefined } } keeps the client's default instead of throwing", async () => {
    server.faults.add({
      operation: "initializeMediaUpload",
      times: 10,
      fault: { kind: "status", status: 503 },
    });
    try {
      const error = await clientFor(server, {
        retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 },
      })
        .upload(video, { retry: { retries: undefined } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(XApiError);
      expect(error).toMatchObject({ status: 503 });
      // The client's one retry: two attempts, not DEFAULTS' six.
      expect(server.faults.pending[0]?.remaining).toBe(8);
    } finally {
      server.faults.clear();
    }
  });
});
