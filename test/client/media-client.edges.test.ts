// What createMediaClient and uploadMedia add on top of the engine: uploadMany's own checks and default,
// the media id on an abort between STATUS polls, uploadMedia passing the connection settings on.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  AbortError,
  InvalidInputError,
  createMediaClient,
  uploadMedia,
} from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import { sample } from "../engine/fixtures.js";
import { TEST_RETRY, clientFor, startServer } from "../engine/harness.js";

let server: FakeXServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const png = sample("image/png", 3000);

/** The rejection of `run`, whether it throws at once or returns a rejected promise. */
const rejection = (run: () => unknown) =>
  Promise.resolve()
    .then(run)
    .then(
      () => {
        throw new Error("expected a rejection");
      },
      (error: unknown) => error,
    );

describe("uploadMany", () => {
  test("items that are not an array, a bad failFast or onProgress: TypeErrors naming them", async () => {
    const client = clientFor(server);
    expect(await rejection(() => client.uploadMany(png as never))).toEqual(
      new TypeError("Expected `items` to be an array of inputs, got object."),
    );
    expect(
      await rejection(() => client.uploadMany([png], { failFast: 1 as never })),
    ).toEqual(new TypeError("Expected `failFast` to be a boolean, got 1."));
    expect(
      await rejection(() =>
        client.uploadMany([png], { onProgress: "log" as never }),
      ),
    ).toEqual(
      new TypeError('Expected `onProgress` to be a function, got "log".'),
    );
  });

  test("failFast defaults to false: a file after a failed one is still uploaded", async () => {
    const outcomes = await clientFor(server).uploadMany(
      [new Uint8Array(0), png],
      { maxConcurrentUploads: 1 },
    );
    expect(outcomes[0]).toMatchObject({ status: "rejected" });
    expect(
      outcomes[0]?.status === "rejected" && outcomes[0].reason,
    ).toBeInstanceOf(InvalidInputError);
    expect(outcomes[1]).toMatchObject({ status: "fulfilled" });
  });
});

describe("waitForProcessing", () => {
  test("an abort while waiting between polls names the media id", async () => {
    const id = "1880028106020515840";
    // X says "in progress, ask again in 60 s": the wait is in the sleep when the caller aborts.
    const x = createServer((req, res) => {
      req.resume();
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          data: {
            id,
            processing_info: { state: "in_progress", check_after_secs: 60 },
          },
        }),
      );
    });
    await new Promise<void>((resolve) => x.listen(0, "127.0.0.1", resolve));
    try {
      const controller = new AbortController();
      const client = createMediaClient({
        auth: { type: "oauth2", accessToken: "test-token-0123456789" },
        baseUrl: `http://127.0.0.1:${(x.address() as AddressInfo).port}`,
        retry: TEST_RETRY,
      });
      const error = await rejection(() =>
        client.waitForProcessing(id, {
          signal: controller.signal,
          onProcessing: () => controller.abort(new Error("enough")),
        }),
      );
      expect(error).toBeInstanceOf(AbortError);
      expect(error).toMatchObject({ mediaId: id });
    } finally {
      x.closeAllConnections();
      await new Promise((resolve) => x.close(resolve));
    }
  });
});

describe("uploadMedia", () => {
  test("sends the given userAgent on every request", async () => {
    const agents = new Set<string | null>();
    const spy: typeof fetch = (input, init) => {
      agents.add(
        input instanceof Request
          ? input.headers.get("user-agent")
          : new Headers(init?.headers).get("user-agent"),
      );
      return fetch(input, init);
    };
    const result = await uploadMedia(png, {
      auth: { type: "oauth2", accessToken: "test-token-0123456789" },
      baseUrl: server.url,
      fetch: spy,
      userAgent: "my-app/1.2",
      retry: TEST_RETRY,
    });
    expect(result.id).toMatch(/^\d+$/);
    expect([...agents]).toEqual(["my-app/1.2"]);
  });
});
