import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { oauth1AuthorizationHeader } from "../../src/auth/oauth1.js";
import { startFakeXServer, type FakeXServer } from "../../src/testing/index.js";

const CREDENTIALS = {
  consumerKey: "ck",
  consumerSecret: "cs",
  accessToken: "at",
  accessTokenSecret: "ats",
};
const INIT_BODY = JSON.stringify({ media_type: "image/png", total_bytes: 10 });

async function send(
  server: FakeXServer,
  path: string,
  authorization?: string,
  method = "POST",
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(authorization ? { authorization } : {}),
    },
    ...(method === "POST" ? { body: INIT_BODY } : {}),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

function signed(
  server: FakeXServer,
  path: string,
  method = "POST",
  credentials = CREDENTIALS,
  nonce?: string,
): string {
  return oauth1AuthorizationHeader({
    method,
    url: `${server.url}${path}`,
    credentials,
    ...(nonce ? { nonce } : {}),
  });
}

describe("authentication, configured", () => {
  let server: FakeXServer;
  beforeAll(async () => {
    server = await startFakeXServer({
      auth: {
        bearerTokens: {
          good: ["tweet.read", "media.write"],
          readonly: ["tweet.read"],
        },
        oauth1: [CREDENTIALS],
      },
    });
  });
  afterAll(() => server.close());

  const INIT = "/2/media/upload/initialize";
  const UNAUTHORIZED = {
    title: "Unauthorized",
    type: "about:blank",
    status: 401,
    detail: "Unauthorized",
  };

  it("answers 401 without an Authorization header", async () => {
    const reply = await send(server, INIT);
    expect(reply.status).toBe(401);
    expect(reply.headers.get("content-type")).toBe("application/problem+json");
    expect(reply.body).toEqual(UNAUTHORIZED);
    expect(server.requests.at(-1)).toMatchObject({
      auth: "none",
      detail: "no Authorization header",
    });
  });

  it("checks bearer tokens and the media.write scope", async () => {
    expect((await send(server, INIT, "Bearer good")).status).toBe(200);
    expect((await send(server, INIT, "Bearer nope")).body).toEqual(
      UNAUTHORIZED,
    );
    const forbidden = await send(server, INIT, "Bearer readonly");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ title: "Forbidden", status: 403 });
  });

  it("verifies OAuth 1.0a signatures over the URL the client signed, query included", async () => {
    expect((await send(server, INIT, signed(server, INIT))).status).toBe(200);
    expect(server.requests.at(-1)?.auth).toBe("oauth1");
    const path = "/2/media/upload?command=STATUS&media_id=5";
    // Authenticated (404: no such media), so the query was part of the verified signature.
    expect(
      (await send(server, path, signed(server, path, "GET"), "GET")).status,
    ).toBe(404);
    const wrongQuery = signed(
      server,
      "/2/media/upload?command=STATUS&media_id=6",
      "GET",
    );
    expect((await send(server, path, wrongQuery, "GET")).status).toBe(401);
  });

  it("rejects a bad signature, unknown credentials and a reused nonce", async () => {
    const badSecret = signed(server, INIT, "POST", {
      ...CREDENTIALS,
      consumerSecret: "wrong",
    });
    expect((await send(server, INIT, badSecret)).status).toBe(401);
    expect(server.requests.at(-1)?.detail).toBe(
      "OAuth 1.0a signature does not match",
    );
    const unknown = signed(server, INIT, "POST", {
      ...CREDENTIALS,
      accessToken: "other",
    });
    expect((await send(server, INIT, unknown)).status).toBe(401);
    const header = signed(server, INIT, "POST", CREDENTIALS, "same-nonce");
    expect((await send(server, INIT, header)).status).toBe(200);
    expect((await send(server, INIT, header)).status).toBe(401);
    expect(server.requests.at(-1)?.detail).toBe("oauth_nonce reused");
  });

  it("rejects a stale timestamp and a malformed header", async () => {
    const stale = oauth1AuthorizationHeader({
      method: "POST",
      url: `${server.url}${INIT}`,
      credentials: CREDENTIALS,
      timestamp: 1_000_000,
    });
    expect((await send(server, INIT, stale)).status).toBe(401);
    expect(
      (await send(server, INIT, 'OAuth oauth_consumer_key="ck"')).status,
    ).toBe(401);
    expect((await send(server, INIT, "Basic abc")).status).toBe(401);
  });
});

describe("authentication, unconfigured", () => {
  let server: FakeXServer;
  beforeAll(async () => {
    server = await startFakeXServer();
  });
  afterAll(() => server.close());

  it("accepts any bearer token and any well-formed OAuth 1.0a header", async () => {
    expect(
      (await send(server, "/2/media/upload/initialize", "Bearer anything"))
        .status,
    ).toBe(200);
    const header = signed(server, "/2/media/upload/initialize", "POST", {
      ...CREDENTIALS,
      consumerSecret: "whatever",
    });
    expect(
      (await send(server, "/2/media/upload/initialize", header)).status,
    ).toBe(200);
    expect((await send(server, "/2/media/upload/initialize")).status).toBe(401);
    expect(
      (
        await send(
          server,
          "/2/media/upload/initialize",
          'OAuth oauth_token="x"',
        )
      ).status,
    ).toBe(401);
  });
});

describe("rate limits", () => {
  it("counts per user and operation, answers 429 when exhausted, resets after the window", async () => {
    const server = await startFakeXServer({
      rateLimits: { windowMs: 1000, limits: { initializeMediaUpload: 2 } },
    });
    try {
      const first = await send(
        server,
        "/2/media/upload/initialize",
        "Bearer a",
      );
      expect(first.headers.get("x-rate-limit-limit")).toBe("2");
      expect(first.headers.get("x-rate-limit-remaining")).toBe("1");
      const reset = Number(first.headers.get("x-rate-limit-reset"));
      expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
      expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 1);
      expect(
        (await send(server, "/2/media/upload/initialize", "Bearer a")).status,
      ).toBe(200);
      const limited = await send(
        server,
        "/2/media/upload/initialize",
        "Bearer a",
      );
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({
        title: "Too Many Requests",
        type: "about:blank",
        status: 429,
      });
      expect(limited.headers.get("x-rate-limit-remaining")).toBe("0");
      expect(
        (await send(server, "/2/media/upload/initialize", "Bearer b")).status,
      ).toBe(200);
      const status = await send(
        server,
        "/2/media/upload?command=STATUS&media_id=1",
        "Bearer a",
        "GET",
      );
      expect(status.headers.get("x-rate-limit-limit")).toBe("1000");
      await new Promise((r) => setTimeout(r, 1020));
      expect(
        (await send(server, "/2/media/upload/initialize", "Bearer a")).status,
      ).toBe(200);
    } finally {
      await server.close();
    }
  });
});
