// UploadResult carries what X reports about the media (spec 2.167 `image`, `video`), over real HTTP.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { FakeXServer } from "../../src/testing/index.js";
import { clientFor, startServer } from "./harness.js";

const sample = (name: string): Promise<Buffer> =>
  readFile(new URL(`../../fixtures/${name}`, import.meta.url));

let server: FakeXServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("upload() result: image and video details", () => {
  it("an image: width, height and type from FINALIZE, no video", async () => {
    const result = await clientFor(server).upload(await sample("sample.png"));
    expect(result.image).toEqual({
      width: 96,
      height: 64,
      imageType: "image/png",
    });
    expect(result.video).toBeUndefined();
  });

  it("a video: the processed type from the last STATUS, no image", async () => {
    const result = await clientFor(server).upload(await sample("sample.mp4"));
    expect(result.processing?.state).toBe("succeeded");
    expect(result.video).toEqual({ videoType: "video/mp4" });
    expect(result.image).toBeUndefined();
  });

  it("a video not waited for: no video details yet", async () => {
    const result = await clientFor(server).upload(await sample("sample.mp4"), {
      waitForProcessing: false,
    });
    expect(result.processing?.state).not.toBe("succeeded");
    expect(result.video).toBeUndefined();
  });
});
