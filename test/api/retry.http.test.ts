// The retry policy over real HTTP: rate-limit waits, cancellation in a backoff, and what is never retried.
import { afterEach, describe, expect, test } from "@jest/globals";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createXClient } from "../../src/api/x-client.js";
import type { RequestContext } from "../../src/api/context.js";
import { createRateState } from "../../src/api/rate-state.js";
import { status } from "../../src/api/requests.js";
import {
  AbortError,
  NetworkError,
  createMediaClient,
  isNetworkError,
  isXMediaError,
} from "../../src/index.js";
import { sample } from "../engine/fixtures.js";
import {
  happyUpload,
  json,
  startTinyServer,
  type TinyServer,
} from "../engine/tiny-server.js";

const auth = { type: "oauth2", accessToken: "test-token-0123456789" } as const;
const png = sample("image/png", 2000);
let tiny: TinyServer | undefined;
afterEach(async () => {
  await tiny?.close();
  tiny = undefined;
});

const gaps = (s: TinyServer, path: string) => {
  const at = s.requests.filter((r) => r.path.endsWith(path)).map((r) => r.at);
  return at.slice(1).map((t, i) => t - (at[i] as number));
};

describe("429", () => {
  test("a reset already past (client clock ahead of X's) waits at least the backoff, not a burst", async () => {
    let n = 0;
    tiny = await startTinyServer((request, res) => {
      if (request.path.endsWith("/initialize") && ++n <= 3) {
        const past = Math.floor(Date.now() / 1000) - 60;
        return json(
          res,
          429,
          { title: "Too Many Requests" },
          {
            "x-rate-limit-reset": String(past),
          },
        );
      }
      happyUpload(request, res);
    });
    const client = createMediaClient({
      auth,
      baseUrl: tiny.url,
      // A regression that waited on the 429 fails in seconds, not after X's 15 minutes.
      retry: {
        retries: 3,
        minDelayMs: 100,
        maxDelayMs: 100,
        maxRateLimitWaitMs: 5000,
      },
    });
    await client.upload(png);
    const between = gaps(tiny, "/initialize");
    expect(between).toHaveLength(3);
    for (const gap of between) expect(gap).toBeGreaterThanOrEqual(95);
  });

  test("Retry-After (relative) wins over x-rate-limit-reset", async () => {
    let n = 0;
    tiny = await startTinyServer((request, res) => {
      if (request.path.endsWith("/initialize") && ++n === 1) {
        const inAnHour = Math.floor(Date.now() / 1000) + 3600;
        return json(
          res,
          429,
          { title: "Too Many Requests" },
          {
            "x-rate-limit-reset": String(inAnHour),
            "retry-after": "1",
          },
        );
      }
      happyUpload(request, res);
    });
    const client = createMediaClient({
      auth,
      baseUrl: tiny.url,
      // An hour's wait would be refused at once; Retry-After's second is fine.
      retry: {
        retries: 1,
        minDelayMs: 1,
        maxDelayMs: 1,
        maxRateLimitWaitMs: 5000,
      },
    });
    await client.upload(png);
    expect(gaps(tiny, "/initialize")[0]).toBeGreaterThanOrEqual(950);
  });
});

describe("cancelling", () => {
  test("an abort during a backoff stops at once: onRetry fires once, not for every remaining retry", async () => {
    tiny = await startTinyServer((_request, res) =>
      json(res, 503, { title: "Service Unavailable" }),
    );
    const controller = new AbortController();
    const retries: number[] = [];
    const ctx: RequestContext = {
      client: createXClient({ auth, baseUrl: tiny.url }),
      baseUrl: tiny.url,
      secrets: [],
      limits: { requestTimeoutMs: 5000, stallTimeoutMs: 5000 },
      signal: controller.signal,
      retry: {
        policy: {
          retries: 5,
          minDelayMs: 2000,
          maxDelayMs: 2000,
          maxRateLimitWaitMs: 0,
        },
        rate: createRateState(),
        signal: controller.signal,
        random: () => 1,
        onRetry: (_error, retry) => {
          retries.push(retry);
          setTimeout(() => controller.abort(new Error("stop")), 50);
        },
      },
    };
    const error = await status(ctx, "1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(retries).toEqual([1]);
    expect(tiny.requests).toHaveLength(1);
  });
});

describe("failures that are never retried", () => {
  /** A fetch that counts its calls. */
  const counting = () => {
    const f = (input: RequestInfo | URL, init?: RequestInit) => {
      f.calls += 1;
      return fetch(input, init);
    };
    f.calls = 0;
    return f;
  };

  test("a refused port fails at once with the code and the fix, not after ~12 s of retries", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) =>
      closed.listen(0, "127.0.0.1", resolve),
    );
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const f = counting();
    const error = await createMediaClient({
      auth,
      baseUrl: `http://127.0.0.1:${port}`,
      fetch: f,
    })
      .upload(png)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", retryable: false });
    expect((error as Error).message).toMatch(
      /check the host and port of `baseUrl`/,
    );
    // One call: a refused connection is not retried.
    expect(f.calls).toBe(1);
  });

  test("fetch's bad port fails at once", async () => {
    const f = counting();
    const error = await createMediaClient({
      auth,
      baseUrl: "http://127.0.0.1:6000",
      fetch: f,
    })
      .upload(png)
      .catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    expect((error as Error).message).toMatch(/bad port/);
    expect(f.calls).toBe(1);
  });

  test("a buggy custom fetch fails at once with a typed error whose message is redacted", async () => {
    tiny = await startTinyServer((request, res) => happyUpload(request, res));
    let calls = 0;
    const buggy = (input: RequestInfo | URL): Promise<Response> => {
      calls += 1;
      // Echoes the request's Authorization header, as a careless logger would.
      throw new Error(
        `tracing failed for ${(input as Request).headers.get("authorization")} (test-token-0123456789)`,
      );
    };
    const error = await createMediaClient({
      auth,
      baseUrl: tiny.url,
      fetch: buggy,
    })
      .upload(png)
      .catch((e: unknown) => e);
    expect(isXMediaError(error)).toBe(true);
    expect(isNetworkError(error)).toBe(false);
    expect((error as Error).message).toMatch(
      /initialize\) could not be sent: Error: tracing failed .*not retried/,
    );
    expect((error as Error).message).not.toMatch(/test-token/);
    expect(calls).toBe(1);
    expect(tiny.requests).toHaveLength(0);
  });

  test("a baseUrl with credentials is a TypeError up front that does not show the password", () => {
    let error: unknown;
    try {
      createMediaClient({ auth, baseUrl: "https://user:hunter2@api.x.com" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/without credentials/);
    expect((error as Error).message).not.toMatch(/hunter2/);
  });
});
