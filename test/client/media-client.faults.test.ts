// upload() through the faults X really produces, over real HTTP against the fake server.
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  test,
} from "@jest/globals";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AbortError,
  InvalidInputError,
  ProcessingError,
  RateLimitError,
  TimeoutError,
  XApiError,
  isAbortError,
  type UploadProgress,
} from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import { sample, sha256 } from "../engine/fixtures.js";
import { appendLog, clientFor, startServer } from "../engine/harness.js";

let server: FakeXServer;

beforeAll(async () => {
  server = await startServer();
});
afterEach(() => server.faults.clear());
afterAll(() => server.close());

const video = sample("video/mp4", 8 * 1024);
const small = { segmentBytes: 1024 };

/** Waits (up to 1 s) for the server to notice closed sockets. */
async function settled(s: FakeXServer): Promise<void> {
  for (let i = 0; i < 100 && s.counters.inFlight > 0; i++)
    await new Promise((r) => setTimeout(r, 10));
}

const attemptsOf = (id: string) =>
  Object.fromEntries(
    [...(server.upload(id)?.segments.values() ?? [])].map((s) => [
      s.index,
      s.attempts,
    ]),
  );

describe("per-segment retry", () => {
  test("a 503 on one segment re-sends only that segment", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 5,
      fault: { kind: "status", status: 503 },
    });
    const result = await clientFor(server).upload(video, small);
    expect(server.upload(result.id)?.sha256).toBe(sha256(video));
    expect(attemptsOf(result.id)).toEqual({
      0: 1,
      1: 1,
      2: 1,
      3: 1,
      4: 1,
      5: 2,
      6: 1,
      7: 1,
    });
  });

  test("a connection reset mid-body re-sends that segment", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 2,
      fault: { kind: "reset", afterBytes: 300 },
    });
    const result = await clientFor(server).upload(video, small);
    expect(server.upload(result.id)?.sha256).toBe(sha256(video));
    expect(attemptsOf(result.id)[2]).toBe(2);
  });

  test("an APPEND body that stops moving is aborted after stallTimeoutMs and retried", async () => {
    // The fake reads segment 0 at 1 KB/s: once the socket buffers are full, no byte moves.
    // Segments bigger than the socket buffers, so undici has to wait for the reader.
    const roomy = await startServer();
    try {
      const big = sample("video/mp4", 12 * 1024 * 1024);
      roomy.faults.add({
        operation: "appendMediaUpload",
        segmentIndex: 0,
        fault: { kind: "bandwidth", bytesPerSecond: 1000 },
      });
      const result = await clientFor(roomy).upload(big, {
        // 8 MiB, X's largest segment: still far more than loopback's socket buffers hold.
        segmentBytes: 8 * 1024 * 1024,
        stallTimeoutMs: 1000,
      });
      const segment0 = roomy.upload(result.id)?.segments.get(0);
      expect(segment0?.attempts).toBeGreaterThanOrEqual(2);
      expect(roomy.upload(result.id)?.sha256).toBe(sha256(big));
    } finally {
      await roomy.close();
    }
  });

  test("X's think time is not a stall: answers slower than stallTimeoutMs are awaited, not re-sent", async () => {
    server.faults.add(
      ...(
        [
          "initializeMediaUpload",
          "appendMediaUpload",
          "finalizeMediaUpload",
          "getMediaUploadStatus",
          "createMediaMetadata",
        ] as const
      ).map((operation) => ({
        operation,
        fault: { kind: "latency", ms: 500 } as const,
      })),
    );
    const from = server.requests.length;
    const result = await clientFor(server).upload(video, {
      ...small,
      stallTimeoutMs: 200,
      altText: "a video",
    });
    const requests = server.requests.slice(from);
    expect(requests.filter((r) => r.faults.length > 0)).toHaveLength(5);
    expect(requests.filter((r) => r.outcome !== "answered")).toEqual([]);
    expect(Object.values(attemptsOf(result.id))).toEqual(Array(8).fill(1));
  });

  test("a request X never answers is aborted after requestTimeoutMs and retried", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 1,
      fault: { kind: "stall" },
    });
    const started = Date.now();
    const result = await clientFor(server).upload(video, {
      ...small,
      requestTimeoutMs: 300,
      stallTimeoutMs: 100,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(attemptsOf(result.id)[1]).toBe(2);
    expect(server.upload(result.id)?.sha256).toBe(sha256(video));
  });

  test("a request over requestTimeoutMs is a TimeoutError once retries run out", async () => {
    server.faults.add({
      operation: "initializeMediaUpload",
      times: 10,
      fault: { kind: "latency", ms: 500 },
    });
    const error = await clientFor(server, {
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 },
    })
      .upload(video, { requestTimeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: "request", timeoutMs: 100 });
    expect((error as Error).message).toMatch(
      /POST http:\/\/127\.0\.0\.1:\d+\/2\/media\/upload\/initialize \(initialize\).*requestTimeoutMs/,
    );
  });

  test("a segment failing for good cancels the other workers and rejects once", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 0,
      times: 10,
      fault: { kind: "status", status: 500 },
    });
    const error = await clientFor(server, {
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    })
      .upload(sample("video/mp4", 64 * 1024), small)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect(error).toMatchObject({
      status: 500,
      errors: [{ code: 131, message: "Internal error" }],
    });
    expect((error as Error).message).toMatch(
      /append, segment 0\) failed with 500: Internal error/,
    );
    // 3 attempts of segment 0; the pool stopped handing out segments long before 64.
    const id = (error as XApiError).target?.mediaId;
    const log = appendLog(server, id);
    expect(log.filter((l) => l.startsWith("0:"))).toEqual([
      "0:500",
      "0:500",
      "0:500",
    ]);
    expect(log.length).toBeLessThan(64);
    // The other workers' requests were aborted: the server sees their sockets close.
    await settled(server);
    expect(server.counters.inFlight).toBe(0);
  });
});

describe("streams", () => {
  test("a sized stream keeps each segment until acknowledged, so a 503 re-sends it", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 1,
      fault: { kind: "status", status: 503 },
    });
    const stream = new Blob([new Uint8Array(video)]).stream();
    const result = await clientFor(server).upload(stream, {
      ...small,
      size: video.length,
    });
    expect(server.upload(result.id)?.sha256).toBe(sha256(video));
    expect(attemptsOf(result.id)[1]).toBe(2);
  });

  test("a file modified during the upload is an InvalidInputError, not retried", async () => {
    const dir = await mkdtemp(join(tmpdir(), "x-media-upload-test-"));
    const path = join(dir, "clip.mp4");
    await writeFile(path, sample("video/mp4", 64 * 1024));
    server.faults.add({
      operation: "appendMediaUpload",
      times: 100,
      fault: { kind: "bandwidth", bytesPerSecond: 16 * 1024 },
    });
    let rewritten: Promise<void> | undefined;
    try {
      const error = await clientFor(server)
        .upload(path, {
          segmentBytes: 16 * 1024,
          concurrency: 1,
          onProgress: (p) => {
            if (p.phase === "append" && p.bytesSent > 0)
              rewritten ??= writeFile(path, sample("video/mp4", 70 * 1024));
          },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message).toMatch(/unreadable during the upload/);
    } finally {
      await rewritten;
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a throwing onProgress fails the upload with its own error", async () => {
    const bug = new Error("progress bar broke");
    const error = await clientFor(server)
      .upload(video, {
        ...small,
        onProgress: (p) => {
          if (p.phase === "append") throw bug;
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBe(bug);
  });
});

describe("rate limits", () => {
  test("a 429 pauses every worker until the reset, then the upload completes", async () => {
    server.faults.add(
      {
        operation: "appendMediaUpload",
        segmentIndex: 0,
        fault: { kind: "status", status: 429, retryAfterSecs: 1 },
      },
      {
        operation: "appendMediaUpload",
        times: 100,
        fault: { kind: "latency", ms: 40 },
      },
    );
    // 4 workers for 8 segments: segments 4–7 go to workers that saw no 429 themselves.
    const result = await clientFor(server).upload(video, {
      ...small,
      concurrency: 4,
    });
    expect(server.upload(result.id)?.sha256).toBe(sha256(video));
    const appends = server.requests.filter(
      (r) => r.operation === "appendMediaUpload" && r.mediaId === result.id,
    );
    const limited = appends.find((r) => r.status === 429)!;
    const answeredAt = limited.startedAt + (limited.durationMs ?? 0);
    // x-rate-limit-reset = ceil(now / 1000 + 1): at least a second after the 429 was answered.
    const after = appends.filter((r) => r.startedAt > answeredAt);
    expect(after.length).toBeGreaterThanOrEqual(5);
    for (const r of after)
      expect(r.startedAt).toBeGreaterThanOrEqual(answeredAt + 1000);
  });

  test("a reset beyond maxRateLimitWaitMs is a RateLimitError carrying the reset time", async () => {
    server.faults.add({
      operation: "initializeMediaUpload",
      fault: { kind: "status", status: 429, retryAfterSecs: 60 },
    });
    const before = server.counters.byOperation.initializeMediaUpload;
    // A client that waited for the reset would meet this watchdog: AbortError instead of RateLimitError.
    const error = await clientFor(server, {
      retry: { maxRateLimitWaitMs: 5000, minDelayMs: 1, maxDelayMs: 1 },
    })
      .upload(video, { signal: AbortSignal.timeout(15_000) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(XApiError);
    const resetAt = (error as RateLimitError).resetAt!.getTime();
    expect(resetAt).toBeGreaterThan(Date.now() + 55_000);
    expect((error as Error).message).toMatch(/maxRateLimitWaitMs/);
    // The 429 was not retried: waiting was what the caller declined.
    expect(server.counters.byOperation.initializeMediaUpload).toBe(before + 1);
  });
});

describe("answers that are not what the spec promises", () => {
  test("200 with errors[] (a 503 inside) is retried; persistent, it is an XApiError", async () => {
    server.faults.add({
      operation: "initializeMediaUpload",
      fault: { kind: "errors200" },
    });
    const ok = await clientFor(server).upload(video, small);
    expect(server.upload(ok.id)?.sha256).toBe(sha256(video));

    server.faults.add({
      operation: "finalizeMediaUpload",
      times: 10,
      fault: { kind: "errors200" },
    });
    const error = await clientFor(server)
      .upload(video, small)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect(error).toMatchObject({
      status: 200,
      errors: [{ title: "Service Unavailable" }],
    });
    expect((error as Error).message).toMatch(
      /X reported errors in a 200 answer: Injected fault/,
    );
  });

  test("an HTML 502 is retried; persistent, it is an XApiError with an excerpt", async () => {
    server.faults.add({
      operation: "finalizeMediaUpload",
      fault: { kind: "html502" },
    });
    const ok = await clientFor(server).upload(video, small);
    expect(ok.processing?.state).toBe("succeeded");

    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 3,
      times: 10,
      fault: { kind: "html502" },
    });
    const error = await clientFor(server, {
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 },
    })
      .upload(video, small)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "XApiError",
      status: 502,
      excerpt: "502 Bad Gateway",
      retryable: true,
    });
    expect((error as Error).message).toMatch(
      /body is not JSON: "502 Bad Gateway"/,
    );
  });

  test("FINALIZE answering 201 is a success", async () => {
    server.faults.add({
      operation: "finalizeMediaUpload",
      fault: { kind: "successStatus", status: 201 },
    });
    const result = await clientFor(server).upload(video, small);
    expect(result.processing?.state).toBe("succeeded");
  });

  test("FINALIZE answering an empty 204 falls back to STATUS", async () => {
    server.faults.add({
      operation: "finalizeMediaUpload",
      fault: { kind: "empty204" },
    });
    const before = server.counters.byOperation.getMediaUploadStatus;
    const result = await clientFor(server).upload(video, {
      ...small,
      waitForProcessing: false,
    });
    expect(result.processing?.state).toMatch(/pending|in_progress/);
    expect(server.counters.byOperation.getMediaUploadStatus).toBe(before + 1);
  });

  test("an expired session is an XApiError telling to start again, not retried", async () => {
    const short = await startServer({ expiresAfterSecs: 0.2 });
    try {
      short.faults.add({
        operation: "appendMediaUpload",
        segmentIndex: 0,
        fault: { kind: "latency", ms: 300 },
      });
      const error = await clientFor(short)
        .upload(video, { ...small, concurrency: 1 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(XApiError);
      expect((error as Error).message).toMatch(/expired.*start a new upload/);
      expect(short.requests.filter((r) => r.status === 400)).toHaveLength(1);
    } finally {
      await short.close();
    }
  });
});

describe("processing", () => {
  test("failed processing is a ProcessingError with X's code, name and message", async () => {
    const failing = await startServer();
    try {
      failing.setProcessingFailure({
        code: 3,
        name: "InvalidMedia",
        message: "Unsupported video codec",
      });
      const error = await clientFor(failing)
        .upload(video)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProcessingError);
      expect(error).toMatchObject({ code: 3, errorName: "InvalidMedia" });
      expect((error as Error).message).toMatch(
        /InvalidMedia \(code 3\): Unsupported video codec/,
      );
    } finally {
      await failing.close();
    }
  });

  test("processing over processingTimeoutMs is a TimeoutError with the id; waitForProcessing resumes", async () => {
    const slow = await startServer({
      processing: { pendingMs: 400, inProgressMs: 200, checkAfterSecs: 0 },
    });
    try {
      const client = clientFor(slow);
      const error = await client
        .upload(video, { processingTimeoutMs: 150 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      const { mediaId, kind } = error as TimeoutError;
      expect(kind).toBe("processing");
      expect((error as Error).message).toContain(
        `client.waitForProcessing("${mediaId}")`,
      );
      const seen: (string | undefined)[] = [];
      const info = await client.waitForProcessing(mediaId!, {
        onProcessing: (i) => seen.push(i.state),
      });
      expect(info?.state).toBe("succeeded");
      expect(seen.at(-1)).toBe("succeeded");
      expect(seen.length).toBeGreaterThanOrEqual(2);
    } finally {
      await slow.close();
    }
  });

  test("a missing check_after_secs falls back to a backoff", async () => {
    const slow = await startServer({
      processing: { pendingMs: 200, inProgressMs: 200, checkAfterSecs: null },
    });
    try {
      const started = Date.now();
      const result = await clientFor(slow).upload(video);
      expect(result.processing?.state).toBe("succeeded");
      // Polling at the 100 ms floor would take 4 or more polls; the 1 s backoff means 1 or 2.
      expect(
        slow.counters.byOperation.getMediaUploadStatus,
      ).toBeLessThanOrEqual(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    } finally {
      await slow.close();
    }
  });
});

describe("abort", () => {
  test("mid-upload: in-flight requests stop at once, AbortError with the signal's reason", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      times: 100,
      fault: { kind: "bandwidth", bytesPerSecond: 4096 },
    });
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    let mediaId: string | undefined;
    const promise = clientFor(server).upload(sample("video/mp4", 64 * 1024), {
      ...small,
      signal: controller.signal,
      onProgress: (p: UploadProgress) => {
        if (p.phase === "append" && p.bytesSent > 0) {
          mediaId = p.mediaId;
          controller.abort(reason);
        }
      },
    });
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).cause).toBe(reason);
    await settled(server);
    expect(server.counters.inFlight).toBe(0);
    // The upload stopped where it was: not every segment went out, and nothing was finalized.
    const ofUpload = server.requests.filter((r) => r.mediaId === mediaId);
    const appended = ofUpload.filter(
      (r) => r.operation === "appendMediaUpload" && r.status === 200,
    );
    expect(appended.length).toBeLessThan(64);
    expect(ofUpload.map((r) => r.operation)).not.toContain(
      "finalizeMediaUpload",
    );
  });

  test("mid-polling: the wait stops at once", async () => {
    const slow = await startServer({
      processing: { pendingMs: 5000, inProgressMs: 100, checkAfterSecs: 5 },
    });
    try {
      const controller = new AbortController();
      let pollsAtAbort = -1;
      const promise = clientFor(slow).upload(video, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === "processing")
            setTimeout(() => {
              pollsAtAbort = slow.counters.byOperation.getMediaUploadStatus;
              controller.abort();
            }, 50);
        },
      });
      const error = await promise.catch((e: unknown) => e);
      // Not the 5 s check_after_secs wait ending in success: the abort ended it, and no poll followed.
      expect(error).toMatchObject({ name: "AbortError" });
      expect(slow.counters.byOperation.getMediaUploadStatus).toBe(pollsAtAbort);
      expect(((error as Error).cause as Error).name).toBe("AbortError");
    } finally {
      await slow.close();
    }
  });

  test("an already aborted signal sends nothing", async () => {
    const before = server.counters.requests;
    await expect(
      clientFor(server).upload(video, { signal: AbortSignal.abort() }),
    ).rejects.toThrow(AbortError);
    expect(server.counters.requests).toBe(before);
  });
});
