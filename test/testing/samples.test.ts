// samplePaths: the bundled samples resolve to real files of the types they name, and upload.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import { createMediaClient } from "../../src/index.js";
import { sniffMediaType } from "../../src/media/sniff.js";
import {
  samplePaths,
  startFakeXServer,
  type FakeXServer,
} from "../../src/testing/index.js";

let server: FakeXServer;
beforeAll(async () => {
  server = await startFakeXServer({
    processing: { pendingMs: 10, inProgressMs: 10, checkAfterSecs: 0 },
  });
});
afterAll(() => server.close());

test.each([
  ["png", "image/png"],
  ["gif", "image/gif"],
  ["mp4", "video/mp4"],
] as const)("samplePaths.%s is an absolute path to a %s", (name, type) => {
  const path = samplePaths[name];
  expect(isAbsolute(path)).toBe(true);
  expect(path.endsWith(`fixtures/sample.${name}`)).toBe(true);
  expect(sniffMediaType(readFileSync(path).subarray(0, 4096))).toBe(type);
});

test("samplePaths is read-only", () => {
  expect(Object.isFrozen(samplePaths)).toBe(true);
  expect(Object.keys(samplePaths).sort()).toEqual(["gif", "mp4", "png"]);
});

test("the MP4 sample passes the fake's media validation and processing", async () => {
  const client = createMediaClient({
    auth: { type: "oauth2", accessToken: "samples" },
    baseUrl: server.url,
  });
  const { id, processing } = await client.upload(samplePaths.mp4);
  expect(processing?.state).toBe("succeeded");
  expect(server.upload(id)?.sha256).toBe(
    createHash("sha256").update(readFileSync(samplePaths.mp4)).digest("hex"),
  );
});
