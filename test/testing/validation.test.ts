import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import {
  append,
  call,
  fakeMp4,
  finalize,
  init,
  PNG,
  postJson,
  status,
} from "./helpers.js";

const PROBLEM = "https://api.twitter.com/2/problems/invalid-request";

describe("request validation", () => {
  let server: FakeXServer;
  beforeAll(async () => {
    server = await startFakeXServer({
      maxSegmentBytes: 100_000,
      processing: { pendingMs: 0, inProgressMs: 0 },
    });
  });
  afterAll(() => server.close());

  async function video(total: number): Promise<string> {
    return (await init(server, { media_type: "video/mp4", total_bytes: total }))
      .json.data.id;
  }

  it.each([
    [{ total_bytes: 10 }, "media_type"],
    [{ media_type: "video/avi", total_bytes: 10 }, "media_type"],
    [{ media_type: "video/mp4", total_bytes: 1.5 }, "total_bytes"],
    [{ media_type: "video/mp4" }, "total_bytes"],
    [{ media_type: "video/mp4", total_bytes: 10, colour: "red" }, "colour"],
    [
      {
        media_type: "video/mp4",
        total_bytes: 10,
        media_category: "tweet_image",
      },
      "media_category",
    ],
    [
      { media_type: "video/mp4", total_bytes: 10, media_category: "dm_film" },
      "media_category",
    ],
    [
      { media_type: "image/png", total_bytes: 5 * 1024 * 1024 + 1 },
      "total_bytes",
    ],
    [
      { media_type: "image/gif", total_bytes: 15 * 1024 * 1024 + 1 },
      "total_bytes",
    ],
    [
      {
        media_type: "video/mp4",
        media_category: "dm_video",
        total_bytes: 512 * 1024 * 1024 + 1,
      },
      "total_bytes",
    ],
    [
      { media_type: "video/mp4", total_bytes: 8 * 1024 ** 3 + 1 },
      "total_bytes",
    ],
    [{ media_type: "text/srt", total_bytes: 1024 * 1024 + 1 }, "total_bytes"],
    [
      { media_type: "video/mp4", total_bytes: 10, additional_owners: ["x"] },
      "additional_owners",
    ],
  ])("rejects INITIALIZE %j naming %s", async (body, parameter) => {
    const reply = await init(server, body);
    expect(reply.status).toBe(400);
    expect(reply.headers.get("content-type")).toBe("application/problem+json");
    expect(reply.json).toMatchObject({
      type: PROBLEM,
      title: "Invalid Request",
      status: 400,
    });
    expect(Object.keys(reply.json.errors[0].parameters)).toEqual([parameter]);
    expect(reply.json.errors[0].message).toEqual(expect.any(String));
  });

  it("says which limit a too-large file exceeds", async () => {
    const reply = await init(server, {
      media_type: "image/png",
      total_bytes: 6_000_000,
    });
    expect(reply.json.errors[0].message).toBe(
      "File size exceeds 5242880 bytes.",
    );
  });

  it("applies a standard account's limits by default, X Premium's with accountTier premium, and none to 3D models", async () => {
    const MiB = 1024 * 1024;
    const accepts = async (
      target: FakeXServer,
      body: Record<string, unknown>,
    ) => (await init(target, body)).status;
    const dm = (total: number) => ({
      media_type: "video/mp4",
      media_category: "dm_video",
      total_bytes: total,
    });
    expect(await accepts(server, dm(512 * MiB))).toBe(200);
    expect(await accepts(server, dm(600 * MiB))).toBe(400);
    // A tweet_video of 600 MiB was refused before 2026's 8 GB limit.
    const tweetVideo = { media_type: "video/mp4", total_bytes: 600 * MiB };
    expect(await accepts(server, tweetVideo)).toBe(200);
    const glb = { media_type: "model/gltf-binary", total_bytes: 600 * MiB };
    expect(await accepts(server, glb)).toBe(200);
    const premium = await startFakeXServer({ accountTier: "premium" });
    try {
      expect(await accepts(premium, dm(1024 * MiB))).toBe(200);
      const over = await init(premium, dm(1024 * MiB + 1));
      expect(over.json.errors[0].message).toBe(
        "File size exceeds 1073741824 bytes.",
      );
      expect(
        await accepts(premium, {
          media_type: "video/mp4",
          total_bytes: 16 * 1024 * MiB,
        }),
      ).toBe(200);
    } finally {
      await premium.close();
    }
  });

  it("refuses an unknown accountTier", async () => {
    await expect(
      startFakeXServer({ accountTier: "gold" as "premium" }),
    ).rejects.toThrow(
      'Expected `accountTier` to be one of standard, premium, got "gold".',
    );
  });

  it("rejects a non-JSON INITIALIZE body", async () => {
    const reply = await call(server, "/2/media/upload/initialize", {
      method: "POST",
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(reply.status).toBe(400);
    const plain = await call(server, "/2/media/upload/initialize", {
      method: "POST",
      body: "a=b",
      headers: { "content-type": "text/plain" },
    });
    expect(plain.status).toBe(400);
  });

  it("answers unknown and malformed media ids", async () => {
    const unknown = await append(server, "123", 0, PNG);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({
      type: "https://api.twitter.com/2/problems/resource-not-found",
      resource_type: "media",
      resource_id: "123",
      parameter: "id",
      value: "123",
      status: 404,
    });
    expect((await append(server, "12a", 0, PNG)).status).toBe(400);
    expect((await finalize(server, "99999999999999999999")).status).toBe(400);
    expect((await status(server, "42")).status).toBe(404);
  });

  it("answers unknown routes like X (legacy code 34)", async () => {
    const reply = await call(server, "/2/media/nothing");
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      errors: [{ message: "Sorry, that page does not exist", code: 34 }],
    });
  });

  it("checks segment_index and the media part", async () => {
    const id = await video(10);
    const tooHigh = await append(server, id, 1000, PNG);
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.json.errors[0].parameters).toHaveProperty("segment_index");
    const form = new FormData();
    form.append("segment_index", "0");
    const noMedia = await call(server, `/2/media/upload/${id}/append`, {
      method: "POST",
      body: form,
    });
    expect(noMedia.status).toBe(400);
    expect(noMedia.json.errors[0].parameters).toHaveProperty("media");
  });

  it("answers 413 for a segment over maxSegmentBytes and stores nothing", async () => {
    const id = await video(100_001);
    const reply = await append(server, id, 0, Buffer.alloc(100_001));
    expect(reply.status).toBe(413);
    expect(reply.json).toMatchObject({
      type: "about:blank",
      title: "Payload Too Large",
      status: 413,
    });
    expect(server.upload(id)?.segments.get(0)?.bytes).toBe(0);
    expect((await append(server, id, 0, Buffer.alloc(100_000))).status).toBe(
      200,
    );
  });

  it("caps segments at 8 MiB by default, X's server maximum", async () => {
    const fresh = await startFakeXServer();
    try {
      const MiB = 1024 * 1024;
      const { json } = await init(fresh, {
        media_type: "video/mp4",
        total_bytes: 16 * MiB,
      });
      const id = json.data.id as string;
      expect(
        (await append(fresh, id, 0, Buffer.alloc(8 * MiB + 1))).status,
      ).toBe(413);
      expect((await append(fresh, id, 0, Buffer.alloc(8 * MiB))).status).toBe(
        200,
      );
    } finally {
      await fresh.close();
    }
  });

  it("accepts JSON base64 APPENDs, segment_index as number or string, and replaces re-sent segments", async () => {
    const media = fakeMp4(3000);
    const id = await video(media.length);
    const json = (index: number | string, bytes: Buffer) =>
      postJson(server, `/2/media/upload/${id}/append`, {
        segment_index: index,
        media: bytes.toString("base64"),
      });
    expect((await json(0, Buffer.alloc(1000))).status).toBe(200);
    expect((await json("1", media.subarray(1000, 2000))).status).toBe(200);
    expect((await json(0, media.subarray(0, 1000))).status).toBe(200);
    expect((await append(server, id, 2, media.subarray(2000))).status).toBe(
      200,
    );
    expect((await finalize(server, id)).status).toBe(200);
    const upload = server.upload(id)!;
    expect(upload.segments.get(0)).toEqual({
      index: 0,
      bytes: 1000,
      attempts: 2,
    });
    expect(upload.sha256).toBe(
      createHash("sha256").update(media).digest("hex"),
    );
    expect((await json("x", media)).status).toBe(400);
  });

  it("reads segment_index after the media part too", async () => {
    const id = await video(PNG.length);
    const form = new FormData();
    form.append("media", new Blob([new Uint8Array(PNG)]));
    form.append("segment_index", "0");
    expect(
      (
        await call(server, `/2/media/upload/${id}/append`, {
          method: "POST",
          body: form,
        })
      ).status,
    ).toBe(200);
    expect(server.upload(id)?.segments.get(0)?.bytes).toBe(PNG.length);
  });

  it("keeps the last of concurrent APPENDs of one index", async () => {
    const id = await video(1000);
    const replies = await Promise.all(
      [1, 2, 3, 4].map((n) => append(server, id, 0, Buffer.alloc(1000, n))),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const segment = server.upload(id)?.segments.get(0);
    expect(segment).toMatchObject({ bytes: 1000, attempts: 4 });
    const media = await server.readMedia(id);
    expect(media.length).toBe(1000);
    expect(new Set(media).size).toBe(1);
  });

  it("refuses FINALIZE with missing segments or the wrong total", async () => {
    const media = fakeMp4(3000);
    const id = await video(media.length);
    await append(server, id, 0, media.subarray(0, 1000));
    await append(server, id, 2, media.subarray(2000));
    const missing = await finalize(server, id);
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0].message).toBe(
      "Segments do not add up to provided total file size. Missing segment_index 1.",
    );
    await append(server, id, 1, media.subarray(1000, 1999));
    const short = await finalize(server, id);
    expect(short.status).toBe(400);
    expect(short.json.errors[0].message).toContain(
      "Received 2999 bytes, total_bytes is 3000",
    );
    await append(server, id, 1, media.subarray(1000, 2000));
    expect((await finalize(server, id)).status).toBe(200);
  });

  it("refuses APPEND after FINALIZE, answers a repeated FINALIZE again, STATUS only after FINALIZE", async () => {
    const media = fakeMp4(1000);
    const id = await video(media.length);
    await append(server, id, 0, media);
    expect((await status(server, id)).status).toBe(400);
    const first = await finalize(server, id);
    const again = await finalize(server, id);
    expect(again.status).toBe(200);
    expect(again.json.data.id).toBe(first.json.data.id);
    const late = await append(server, id, 1, media);
    expect(late.status).toBe(400);
    expect(late.json.errors[0].message).toContain("already finalized");
    expect(
      (await call(server, `/2/media/upload?command=INIT&media_id=${id}`))
        .status,
    ).toBe(400);
    expect((await call(server, `/2/media/upload?media_id=${id}`)).status).toBe(
      200,
    );
  });
});

describe("media checks and processing", () => {
  let server: FakeXServer;
  beforeAll(async () => {
    server = await startFakeXServer({
      processing: { pendingMs: 0, inProgressMs: 0 },
    });
  });
  afterAll(() => server.close());

  async function upload(
    mediaType: string,
    bytes: Buffer,
  ): Promise<{ id: string; finalized: Awaited<ReturnType<typeof finalize>> }> {
    const id = (
      await init(server, { media_type: mediaType, total_bytes: bytes.length })
    ).json.data.id;
    await append(server, id, 0, bytes);
    return { id, finalized: await finalize(server, id) };
  }

  it("fails processing of a video whose bytes are not video", async () => {
    const { id, finalized } = await upload("video/mp4", PNG);
    expect(finalized.status).toBe(200);
    const reply = await status(server, id);
    expect(reply.json.data.processing_info).toEqual({
      state: "failed",
      progress_percent: 100,
      error: {
        code: 1,
        name: "InvalidMedia",
        message: "Unsupported video format",
      },
    });
    const record = server.requests.find(
      (r) => r.operation === "finalizeMediaUpload" && r.mediaId === id,
    );
    expect(record?.detail).toContain("look like image/png");
  });

  it("refuses FINALIZE of an image whose bytes are not an image", async () => {
    const { finalized } = await upload(
      "image/png",
      Buffer.from("not a png at all"),
    );
    expect(finalized.status).toBe(400);
    expect(finalized.json.errors[0].message).toBe("Unsupported image format");
  });

  it("answers STATUS of an image as succeeded", async () => {
    const { id } = await upload("image/png", PNG);
    expect((await status(server, id)).json.data.processing_info).toEqual({
      state: "succeeded",
      progress_percent: 100,
    });
  });

  it("forces failures: per media id, for every later upload, and by options.processing.fail", async () => {
    const ok = await upload("video/mp4", fakeMp4(1000));
    expect((await status(server, ok.id)).json.data.processing_info.state).toBe(
      "succeeded",
    );
    server.setProcessingFailure(
      { code: 3, name: "TranscodeFailed", message: "boom" },
      ok.id,
    );
    expect(
      (await status(server, ok.id)).json.data.processing_info.error,
    ).toEqual({ code: 3, name: "TranscodeFailed", message: "boom" });
    server.setProcessingFailure(null, ok.id);
    expect((await status(server, ok.id)).json.data.processing_info.state).toBe(
      "succeeded",
    );

    server.setProcessingFailure();
    const failing = await upload("video/mp4", fakeMp4(1000));
    expect(
      (await status(server, failing.id)).json.data.processing_info.error.name,
    ).toBe("InvalidMedia");
    server.setProcessingFailure(null);
    const fine = await upload("video/mp4", fakeMp4(1000));
    expect(
      (await status(server, fine.id)).json.data.processing_info.state,
    ).toBe("succeeded");
    expect(() => server.setProcessingFailure(null, "1")).toThrow(TypeError);

    const custom = await startFakeXServer({
      processing: {
        pendingMs: 0,
        inProgressMs: 0,
        fail: (u) =>
          u.totalBytes > 500
            ? { code: 9, name: "TooLong", message: "too long" }
            : undefined,
      },
    });
    try {
      const id = (
        await init(custom, { media_type: "video/mp4", total_bytes: 1000 })
      ).json.data.id;
      await append(custom, id, 0, fakeMp4(1000));
      await finalize(custom, id);
      expect(
        (await status(custom, id)).json.data.processing_info.error.name,
      ).toBe("TooLong");
      expect(custom.upload(id)?.processing).toMatchObject({
        state: "failed",
        error: { code: 9 },
      });
    } finally {
      await custom.close();
    }
  });

  it("skips byte checks with validateMedia: false", async () => {
    const lax = await startFakeXServer({
      processing: { pendingMs: 0, inProgressMs: 0, validateMedia: false },
    });
    try {
      const id = (await init(lax, { media_type: "video/mp4", total_bytes: 3 }))
        .json.data.id;
      await append(lax, id, 0, Buffer.from("abc"));
      await finalize(lax, id);
      expect((await status(lax, id)).json.data.processing_info.state).toBe(
        "succeeded",
      );
    } finally {
      await lax.close();
    }
  });
});

describe("expiry", () => {
  it("expires sessions for real and deletes their files", async () => {
    const server = await startFakeXServer({ expiresAfterSecs: 0.4 });
    try {
      const started = await init(server, {
        media_type: "video/mp4",
        total_bytes: 2000,
      });
      expect(started.json.data.expires_after_secs).toBe(1);
      const id = started.json.data.id;
      expect((await append(server, id, 0, fakeMp4(1000))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 450));
      const late = await append(server, id, 1, fakeMp4(1000));
      expect(late.status).toBe(400);
      expect(late.json.errors[0].message).toContain("expired");
      expect(server.upload(id)).toMatchObject({
        state: "expired",
        receivedBytes: 0,
      });
      await expect(server.readMedia(id)).resolves.toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
