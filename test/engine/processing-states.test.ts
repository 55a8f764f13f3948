// A processing state the spec does not list (2.167 made `state` a plain string) means "still
// processing": the client keeps polling, never reports success early. X here is a scripted
// node:http server on port 0, since the fake only speaks the four states X documents.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "@jest/globals";
import { createMediaClient, TimeoutError } from "../../src/index.js";

const ID = "1880028106020515840";

/** Answers each STATUS with the next of `states` (the last one repeats). */
async function scriptedStatus(
  states: string[],
): Promise<{ url: string; polls: () => number; server: Server }> {
  let polls = 0;
  const server = createServer((req, res) => {
    const state = states[Math.min(polls, states.length - 1)];
    polls++;
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        data: {
          id: ID,
          processing_info: {
            state,
            ...(state === "succeeded" ? {} : { check_after_secs: 0 }),
          },
        },
      }),
    );
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, polls: () => polls, server };
}

let running: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => running?.close(resolve));
  running = undefined;
});

const client = (baseUrl: string) =>
  createMediaClient({
    auth: { type: "oauth2", accessToken: "test-token-0123456789" },
    baseUrl,
    retry: { retries: 0 },
  });

describe("unknown processing states", () => {
  it("keep the client polling until X says succeeded", async () => {
    const x = await scriptedStatus(["queued", "transcoding", "succeeded"]);
    running = x.server;
    const seen: (string | undefined)[] = [];
    const info = await client(x.url).waitForProcessing(ID, {
      onProcessing: (i) => seen.push(i.state),
    });
    expect(info?.state).toBe("succeeded");
    expect(seen).toEqual(["queued", "transcoding", "succeeded"]);
    expect(x.polls()).toBe(3);
  });

  it("that never end are a processing timeout, not a success", async () => {
    const x = await scriptedStatus(["queued"]);
    running = x.server;
    const wait = client(x.url).waitForProcessing(ID, {
      processingTimeoutMs: 300,
    });
    await expect(wait).rejects.toBeInstanceOf(TimeoutError);
    await expect(wait).rejects.toThrow("still processing (state queued");
    expect(x.polls()).toBeGreaterThan(1);
  });
});
