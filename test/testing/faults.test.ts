import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
} from "@jest/globals";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { append, call, fakeMp4, finalize, init } from "./helpers.js";

const SEGMENT = fakeMp4(64 * 1024);

async function newVideo(server: FakeXServer, segments = 2): Promise<string> {
  const started = await init(server, {
    media_type: "video/mp4",
    media_category: "tweet_video",
    total_bytes: SEGMENT.length * segments,
  });
  return started.json.data.id as string;
}

describe("scripted faults", () => {
  let server: FakeXServer;
  beforeAll(async () => {
    server = await startFakeXServer({
      processing: { pendingMs: 0, inProgressMs: 0 },
    });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it("answers 503 to the first attempt of one segment only, with X's legacy body, without storing it", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 1,
      attempt: 1,
      fault: { kind: "status", status: 503 },
    });
    const id = await newVideo(server);
    expect((await append(server, id, 0, SEGMENT)).status).toBe(200);
    const failed = await append(server, id, 1, SEGMENT);
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({
      errors: [{ message: "Over capacity", code: 130 }],
    });
    expect(server.upload(id)?.segments.get(1)).toEqual({
      index: 1,
      bytes: 0,
      attempts: 1,
    });
    expect((await append(server, id, 1, SEGMENT)).status).toBe(200);
    expect(server.upload(id)?.segments.get(1)).toEqual({
      index: 1,
      bytes: SEGMENT.length,
      attempts: 2,
    });
    expect((await finalize(server, id)).status).toBe(200);
    const faulted = server.requests.filter((r) => r.faults.length > 0);
    expect(faulted).toHaveLength(1);
    expect(faulted[0]).toMatchObject({
      segmentIndex: 1,
      status: 503,
      faults: [{ kind: "status", status: 503 }],
    });
    expect(server.faults.pending).toEqual([]);
  });

  it("answers 429 with reset and retry-after headers", async () => {
    server.faults.add({
      operation: "initializeMediaUpload",
      fault: { kind: "status", status: 429, retryAfterSecs: 3 },
    });
    const reply = await init(server, {
      media_type: "image/png",
      total_bytes: 10,
    });
    expect(reply.status).toBe(429);
    expect(reply.json).toMatchObject({
      title: "Too Many Requests",
      status: 429,
    });
    expect(reply.headers.get("retry-after")).toBe("3");
    expect(reply.headers.get("x-rate-limit-remaining")).toBe("0");
    const reset = Number(reply.headers.get("x-rate-limit-reset"));
    expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 2);
  });

  it("applies a status fault after the request when asked (the segment is stored, the answer lost)", async () => {
    server.faults.add({
      operation: "appendMediaUpload",
      fault: { kind: "status", status: 500, when: "after" },
    });
    const id = await newVideo(server, 1);
    const reply = await append(server, id, 0, SEGMENT);
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({
      errors: [{ message: "Internal error", code: 131 }],
    });
    expect(server.upload(id)?.segments.get(0)?.bytes).toBe(SEGMENT.length);
  });

  it("resets the connection in the middle of a request body", async () => {
    const big = fakeMp4(4 * 1024 * 1024);
    const started = await init(server, {
      media_type: "video/mp4",
      total_bytes: big.length,
    });
    const id = started.json.data.id as string;
    server.faults.add({
      operation: "appendMediaUpload",
      segmentIndex: 0,
      fault: { kind: "reset", afterBytes: 100_000 },
    });
    await expect(append(server, id, 0, big)).rejects.toThrow();
    await waitFor(() => server.requests.some((r) => r.outcome === "reset"));
    const record = server.requests.find((r) => r.outcome === "reset");
    expect(record).toMatchObject({ status: undefined, segmentIndex: 0 });
    // Read in socket-sized chunks: at least afterBytes, far less than the body.
    expect(record!.bytesReceived).toBeGreaterThanOrEqual(100_000);
    expect(record!.bytesReceived).toBeLessThan(big.length / 2);
    expect(server.upload(id)?.segments.get(0)).toEqual({
      index: 0,
      bytes: 0,
      attempts: 1,
    });
    expect((await append(server, id, 0, big)).status).toBe(200);
  });

  it("stalls a request until the client gives up, and logs it", async () => {
    server.faults.add({
      operation: "finalizeMediaUpload",
      fault: { kind: "stall" },
    });
    const id = await newVideo(server, 1);
    await append(server, id, 0, SEGMENT);
    await expect(
      call(server, `/2/media/upload/${id}/finalize`, {
        method: "POST",
        signal: AbortSignal.timeout(150),
      }),
    ).rejects.toThrow();
    expect(server.requests.at(-1)).toMatchObject({
      operation: "finalizeMediaUpload",
      outcome: "stalled",
      status: undefined,
    });
    expect(server.upload(id)?.state).toBe("uploading");
  });

  it("adds latency and caps bandwidth", async () => {
    const id = await newVideo(server, 1);
    server.faults.add(
      { operation: "appendMediaUpload", fault: { kind: "latency", ms: 120 } },
      {
        operation: "appendMediaUpload",
        fault: { kind: "bandwidth", bytesPerSecond: 256 * 1024 },
      },
    );
    const started = Date.now();
    expect((await append(server, id, 0, SEGMENT)).status).toBe(200);
    // 64 KiB at 256 KiB/s is ~250 ms, plus 120 ms latency.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(server.requests.at(-1)?.faults.map((f) => f.kind)).toEqual([
      "latency",
      "bandwidth",
    ]);
  });

  it("answers 200 carrying errors[], an HTML 502, FINALIZE 201 and an empty 204", async () => {
    const id = await newVideo(server, 1);
    server.faults.add(
      {
        operation: "appendMediaUpload",
        attempt: 1,
        fault: { kind: "errors200" },
      },
      {
        operation: "appendMediaUpload",
        attempt: 2,
        fault: { kind: "html502" },
      },
      {
        operation: "appendMediaUpload",
        attempt: 3,
        fault: { kind: "empty204" },
      },
      {
        operation: "finalizeMediaUpload",
        fault: { kind: "successStatus", status: 201 },
      },
    );
    const first = await append(server, id, 0, SEGMENT);
    expect(first.status).toBe(200);
    expect(first.json.data).toBeUndefined();
    expect(first.json.errors).toHaveLength(1);
    const second = await append(server, id, 0, SEGMENT);
    expect(second.status).toBe(502);
    expect(second.headers.get("content-type")).toBe("text/html");
    expect(String(second.body)).toContain("502 Bad Gateway");
    const third = await append(server, id, 0, SEGMENT);
    expect(third.status).toBe(204);
    expect(third.body).toBeUndefined();
    expect(server.upload(id)?.segments.get(0)).toEqual({
      index: 0,
      bytes: SEGMENT.length,
      attempts: 3,
    });
    const done = await finalize(server, id);
    expect(done.status).toBe(201);
    expect(done.json.data.id).toBe(id);
  });

  it("repeats seeded random faults whatever the arrival order", async () => {
    const run = async (order: number[]) => {
      server.faults.setRandom({
        seed: 42,
        faults: [
          {
            rate: 0.3,
            fault: { kind: "status", status: 503 },
            operation: "appendMediaUpload",
          },
        ],
      });
      const id = await newVideo(server, 20);
      const results = new Map<number, number>();
      await Promise.all(
        order.map(async (i) =>
          results.set(i, (await append(server, id, i, SEGMENT)).status),
        ),
      );
      await server.reset();
      return [...results.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
    };
    const forward = await run([...Array(20).keys()]);
    const backward = await run([...Array(20).keys()].reverse());
    expect(forward).toEqual(backward);
    expect(forward.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(forward.filter((s) => s === 200).length).toBeGreaterThan(0);
  });
});

describe("close()", () => {
  it("ends stalled requests and is idempotent", async () => {
    const server = await startFakeXServer({
      faults: [{ fault: { kind: "stall" }, times: Infinity }],
    });
    const pending = init(server, {
      media_type: "image/png",
      total_bytes: 10,
    }).then(
      () => "answered",
      () => "failed",
    );
    await waitFor(() => server.requests.some((r) => r.outcome === "stalled"));
    // A close that waited for the stalled request would never resolve (the stall has no end).
    await Promise.all([server.close(), server.close()]);
    expect(await pending).toBe("failed");
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++)
    await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}
