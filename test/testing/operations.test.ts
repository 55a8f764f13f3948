import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";
import { call, fakeMp4, PNG, postJson, uploadAll } from "./helpers.js";

const SRT = Buffer.from("1\n00:00:01,000 --> 00:00:02,500\nHello\n");

describe("metadata, subtitles and one-shot upload", () => {
  let server: FakeXServer;
  beforeAll(async () => {
    server = await startFakeXServer({
      processing: { pendingMs: 0, inProgressMs: 0 },
    });
  });
  afterAll(() => server.close());

  it("sets alt text (≤ 1000 characters) on a finalized media id", async () => {
    const id = await uploadAll(server, "image/png", "tweet_image", [PNG]);
    const reply = await postJson(server, "/2/media/metadata", {
      id,
      metadata: { alt_text: { text: "A dancing cat" } },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      data: {
        id,
        associated_metadata: { alt_text: { text: "A dancing cat" } },
      },
    });
    expect(server.upload(id)?.metadata).toEqual({
      alt_text: { text: "A dancing cat" },
    });
    const emoji = "😀".repeat(1000);
    expect(
      (
        await postJson(server, "/2/media/metadata", {
          id,
          metadata: { alt_text: { text: emoji } },
        })
      ).status,
    ).toBe(200);
    const long = await postJson(server, "/2/media/metadata", {
      id,
      metadata: { alt_text: { text: "a".repeat(1001) } },
    });
    expect(long.status).toBe(400);
    expect(long.json.errors[0].message).toBe(
      "Alt text must be at most 1000 characters, got 1001.",
    );
    expect(
      (
        await postJson(server, "/2/media/metadata", {
          id,
          metadata: { colour: {} },
        })
      ).status,
    ).toBe(400);
    expect(
      (await postJson(server, "/2/media/metadata", { metadata: {} })).status,
    ).toBe(400);
    expect(
      (await postJson(server, "/2/media/metadata", { id: "77", metadata: {} }))
        .status,
    ).toBe(404);
  });

  it("attaches and deletes subtitles on a video", async () => {
    const video = await uploadAll(server, "video/mp4", "tweet_video", [
      fakeMp4(2000),
    ]);
    const subtitles = await uploadAll(server, "text/srt", "subtitles", [SRT]);
    const body = {
      id: video,
      media_category: "TweetVideo",
      subtitles: {
        id: subtitles,
        language_code: "EN",
        display_name: "English",
      },
    };
    const created = await postJson(server, "/2/media/subtitles", body);
    expect(created.status).toBe(200);
    expect(created.json).toEqual({
      data: {
        id: video,
        media_category: "TweetVideo",
        associated_subtitles: [
          { id: subtitles, language_code: "EN", display_name: "English" },
        ],
      },
    });
    expect(server.upload(video)?.subtitles).toEqual([
      { id: subtitles, languageCode: "EN", displayName: "English" },
    ]);
    expect(
      (
        await postJson(server, "/2/media/subtitles", {
          ...body,
          subtitles: { id: subtitles, language_code: "en" },
        })
      ).status,
    ).toBe(400);
    expect(
      (await postJson(server, "/2/media/subtitles", { ...body, id: subtitles }))
        .status,
    ).toBe(400);
    expect(
      (
        await postJson(server, "/2/media/subtitles", {
          ...body,
          subtitles: { id: video, language_code: "EN" },
        })
      ).status,
    ).toBe(400);

    const remove = (language: string) =>
      call(server, "/2/media/subtitles", {
        method: "DELETE",
        body: JSON.stringify({
          id: video,
          language_code: language,
          media_category: "TweetVideo",
        }),
        headers: { "content-type": "application/json" },
      });
    expect((await remove("EN")).json).toEqual({ data: { deleted: true } });
    expect((await remove("EN")).json).toEqual({ data: { deleted: false } });
    expect(server.upload(video)?.subtitles).toEqual([]);
  });

  it("uploads an image in one request, multipart or JSON", async () => {
    const png = await readFile(
      new URL("../../fixtures/sample.png", import.meta.url),
    );
    const form = new FormData();
    form.append("media_category", "tweet_image");
    form.append("media", new Blob([new Uint8Array(png)]), "sample.png");
    const multipart = await call(server, "/2/media/upload", {
      method: "POST",
      body: form,
    });
    expect(multipart.status).toBe(200);
    const { id, media_key, size } = multipart.json.data;
    expect(media_key).toBe(`3_${id}`);
    expect(size).toBe(png.length);
    expect(multipart.json.data.processing_info).toBeUndefined();
    expect(server.upload(id)).toMatchObject({
      state: "finalized",
      mediaType: "image/png",
      sha256: createHash("sha256").update(png).digest("hex"),
    });

    const json = await postJson(server, "/2/media/upload", {
      media: PNG.toString("base64"),
      media_category: "dm_image",
      media_type: "image/png",
      shared: true,
    });
    expect(json.status).toBe(200);
    expect(server.upload(json.json.data.id)).toMatchObject({
      mediaCategory: "dm_image",
      shared: true,
      totalBytes: PNG.length,
    });
  });

  it("refuses one-shot uploads of videos, oversize images and unknown bytes", async () => {
    expect(
      (
        await postJson(server, "/2/media/upload", {
          media: PNG.toString("base64"),
          media_category: "tweet_video",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await postJson(server, "/2/media/upload", {
          media: "aGVsbG8=",
          media_category: "tweet_image",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await postJson(server, "/2/media/upload", {
          media_category: "tweet_image",
        })
      ).status,
    ).toBe(400);
    const small = await startFakeXServer({ sizeLimits: { image: 50 } });
    try {
      const reply = await postJson(small, "/2/media/upload", {
        media: PNG.toString("base64"),
        media_category: "tweet_image",
      });
      expect(reply.status).toBe(400);
      expect(reply.json.errors[0].message).toBe("File size exceeds 50 bytes.");
      expect(small.uploads.size).toBe(0);
    } finally {
      await small.close();
    }
  });
});
