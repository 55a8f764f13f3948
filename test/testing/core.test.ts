import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { append, fakeMp4, finalize, init, PNG, status } from "./helpers.js";

describe("chunked upload happy path", () => {
  let server: FakeXServer;
  beforeAll(async () => {
    server = await startFakeXServer({
      processing: { pendingMs: 300, inProgressMs: 300, checkAfterSecs: 0 },
    });
  });
  afterAll(() => server.close());

  it("uploads a video in out-of-order segments and processes it", async () => {
    const media = fakeMp4(300_000);
    const parts = [
      media.subarray(0, 100_000),
      media.subarray(100_000, 200_000),
      media.subarray(200_000),
    ];
    const started = await init(server, {
      media_type: "video/mp4",
      media_category: "tweet_video",
      total_bytes: media.length,
    });
    expect(started.status).toBe(200);
    const { id, media_key, expires_after_secs } = started.json.data;
    expect(id).toMatch(/^[0-9]{1,19}$/);
    expect(media_key).toBe(`7_${id}`);
    expect(expires_after_secs).toBe(86400);
    expect(started.headers.get("x-rate-limit-limit")).toBe("1875");
    expect(started.headers.get("x-rate-limit-remaining")).toBe("1874");

    const answers = await Promise.all(
      [2, 0, 1].map((i) => append(server, id, i, parts[i]!)),
    );
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.json.data.expires_at).toBeGreaterThan(Date.now() / 1000);
    }
    const done = await finalize(server, id);
    expect(done.status).toBe(200);
    expect(done.json.data).toMatchObject({
      id,
      media_key,
      size: media.length,
      processing_info: { state: "pending", check_after_secs: 0 },
    });

    const states: string[] = [];
    for (let i = 0; i < 200; i++) {
      const s = await status(server, id);
      states.push(s.json.data.processing_info.state);
      if (s.json.data.processing_info.state === "succeeded") break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const upload = server.upload(id);
    expect(upload?.sha256).toBe(
      createHash("sha256").update(media).digest("hex"),
    );
    expect([...upload!.segments.values()]).toEqual([
      { index: 0, bytes: 100_000, attempts: 1 },
      { index: 1, bytes: 100_000, attempts: 1 },
      { index: 2, bytes: 100_000, attempts: 1 },
    ]);
    expect(await server.readMedia(id)).toEqual(media);

    expect(states[0]).toBe("pending");
    expect(states).toContain("in_progress");
    expect(states.at(-1)).toBe("succeeded");
    expect(server.upload(id)?.processing).toEqual({
      state: "succeeded",
      progressPercent: 100,
    });
  });

  it("finalizes an image at once, without processing_info", async () => {
    const started = await init(server, {
      media_type: "image/png",
      total_bytes: PNG.length,
    });
    const id = started.json.data.id;
    expect(started.json.data.media_key).toBe(`3_${id}`);
    expect((await append(server, id, 0, PNG)).status).toBe(200);
    const done = await finalize(server, id);
    expect(done.status).toBe(200);
    expect(done.json.data.processing_info).toBeUndefined();
    expect(server.upload(id)?.mediaCategory).toBe("tweet_image");
  });

  it("logs requests", () => {
    const log = server.requests;
    expect(log.length).toBeGreaterThan(5);
    const appendRecord = log.find(
      (r) => r.operation === "appendMediaUpload" && r.segmentIndex === 2,
    );
    expect(appendRecord).toMatchObject({
      method: "POST",
      status: 200,
      outcome: "answered",
      auth: "oauth2",
      faults: [],
    });
    expect(appendRecord!.bytesReceived).toBeGreaterThan(100_000);
    expect(server.counters.byOperation.appendMediaUpload).toBe(4);
  });
});
