// The thin typed calls: one request each, through the same retry and error mapping; raw; OAuth 1.0a.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { XApiError, uploadMedia } from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import {
  headerParams,
  expectedSignature,
  type SignedRequest,
} from "../auth/oauth1-verifier.js";
import { sample, sha256 } from "../engine/fixtures.js";
import { clientFor, startServer } from "../engine/harness.js";

let server: FakeXServer;
beforeAll(async () => {
  server = await startServer({
    auth: {
      bearerTokens: {
        "test-token-0123456789": ["media.write"],
        "read-only-token-0123": ["tweet.read"],
      },
    },
  });
});
afterAll(() => server.close());

describe("step by step", () => {
  test("initialize, append, finalize, status, setAltText", async () => {
    const client = clientFor(server);
    const bytes = sample("image/png", 3000);
    const init = await client.initialize({
      media_type: "image/png",
      total_bytes: 3000,
      media_category: "tweet_image",
    });
    // Spec 2.159 makes data.id optional: the types make callers handle its absence.
    const id = init.data?.id;
    if (id === undefined) throw new Error("INIT answered without data.id");
    await client.append({
      id,
      segmentIndex: 0,
      media: bytes.subarray(0, 2000),
    });
    const appended = await client.append({
      id,
      segmentIndex: 1,
      media: new Blob([new Uint8Array(bytes.subarray(2000))]),
    });
    expect(appended.data?.expires_at).toBeGreaterThan(Date.now() / 1000);
    const fin = await client.finalize(id);
    expect(fin.data?.id).toBe(id);
    expect(server.upload(id)?.sha256).toBe(sha256(bytes));
    const status = await client.status(id);
    expect(status.data?.id).toBe(id);
    await client.setAltText(id, "A pixel");
    expect(server.upload(id)?.metadata).toEqual({
      alt_text: { text: "A pixel" },
    });
    // raw is the generated client for anything else.
    const { response } = await client.raw.GET("/2/media/upload", {
      params: { query: { media_id: id, command: "STATUS" } },
    });
    expect(response.status).toBe(200);
  });

  test("thin calls retry like upload() does", async () => {
    server.faults.add({
      operation: "getMediaUploadStatus",
      fault: { kind: "status", status: 503 },
    });
    const client = clientFor(server);
    const { id } = await client.upload(sample("image/png", 100));
    const before = server.counters.byOperation.getMediaUploadStatus;
    await client.status(id);
    expect(server.counters.byOperation.getMediaUploadStatus).toBe(before + 2);
  });

  test("an unknown media id is a 404 XApiError naming the fix", async () => {
    const error = await clientFor(server)
      .finalize("1234567890")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as XApiError).status).toBe(404);
    expect((error as Error).message).toMatch(
      /POST http:.*\/2\/media\/upload\/1234567890\/finalize \(finalize\) failed with 404: .*start a new upload/,
    );
  });
});

describe("auth", () => {
  test("a token without media.write: 403 naming the scope; the token is not in the message", async () => {
    const error = await uploadMedia(sample("image/png", 100), {
      auth: { type: "oauth2", accessToken: "read-only-token-0123" },
      baseUrl: server.url,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "XApiError", status: 403 });
    expect((error as Error).message).toMatch(/media\.write scope/);
    expect(
      JSON.stringify({
        ...(error as object),
        message: (error as Error).message,
      }),
    ).not.toContain("read-only-token-0123");
  });

  test("an unknown token: 401 naming the keys", async () => {
    const error = await uploadMedia(sample("image/png", 100), {
      auth: { type: "oauth2", accessToken: "wrong-token-abcdefgh" },
      baseUrl: server.url,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect((error as Error).message).toMatch(
      /Check the token \/ OAuth 1\.0a keys/,
    );
  });

  test("OAuth 1.0a signs multipart APPENDs (body not part of the signature)", async () => {
    const creds = {
      consumerKey: "ck-0123456789",
      consumerSecret: "cs-0123456789",
      accessToken: "at-0123456789",
      accessTokenSecret: "ats-0123456789",
    };
    const signed = await startServer({ auth: { oauth1: [creds] } });
    try {
      const bytes = sample("video/mp4", 5000);
      // Every request as sent, checked below by a verifier that shares no code with the signer.
      const sent: SignedRequest[] = [];
      const recording: typeof fetch = async (input, init) => {
        const request = new Request(input, init);
        sent.push({
          method: request.method,
          url: request.url,
          authorization: request.headers.get("authorization") ?? "",
        });
        return fetch(request);
      };
      const result = await uploadMedia(bytes, {
        auth: { type: "oauth1", ...creds },
        baseUrl: signed.url,
        segmentBytes: 2048,
        fetch: recording,
      });
      expect(signed.upload(result.id)?.sha256).toBe(sha256(bytes));
      expect(signed.requests.every((r) => r.auth === "oauth1")).toBe(true);
      expect(sent.map((r) => r.method)).toEqual([
        "POST",
        "POST",
        "POST",
        "POST",
        "POST",
        ...sent.slice(5).map(() => "GET"),
      ]);
      for (const request of sent) {
        const params = headerParams(request.authorization);
        expect(params.get("oauth_consumer_key")).toBe(creds.consumerKey);
        expect(params.get("oauth_token")).toBe(creds.accessToken);
        expect(params.get("oauth_signature")).toBe(
          expectedSignature(
            request,
            creds.consumerSecret,
            creds.accessTokenSecret,
          ),
        );
      }
    } finally {
      await signed.close();
    }
  });
});
