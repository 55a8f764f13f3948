// One attempt under a whole-request timeout, a stall watchdog and the caller's signal, against a real server.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { getEventListeners } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  AbortError,
  NetworkError,
  TimeoutError,
  isNetworkError,
  isXMediaError,
  type RequestTarget,
} from "../../src/errors/index.js";
import { attempt } from "../../src/http/attempt.js";

let server: Server;
let url: string;
const target: RequestTarget = {
  operation: "status",
  method: "GET",
  url: "http://127.0.0.1/x",
};

beforeAll(async () => {
  // /slow trickles a byte every 50 ms for a second; /hang never answers; /ok answers;
  // /think reads the body, then answers after 300 ms; /reset drops the connection.
  server = createServer((req, res) => {
    if (req.url === "/hang") return;
    if (req.url === "/ok") return void res.end("ok");
    if (req.url === "/reset") return void req.socket.destroy();
    if (req.url === "/think") {
      req.resume();
      req.on("end", () => setTimeout(() => res.end("thought"), 300));
      return;
    }
    res.writeHead(200);
    let n = 0;
    const timer = setInterval(() => {
      res.write("x");
      if (++n === 20) {
        clearInterval(timer);
        res.end();
      }
    }, 50);
    res.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const limits = { requestTimeoutMs: 5000, stallTimeoutMs: 5000 };
const scope = { limits };

/** A fetch of `path` on the test server. */
const get =
  (path: string) =>
  ({ signal }: { signal: AbortSignal }) =>
    fetch(`${url}${path}`, { signal });

/** Sends one body chunk (touching), then nothing more: a stalled upload body. */
function stalledBody(touch: () => void): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (sent) return new Promise(() => {});
      sent = true;
      touch();
      controller.enqueue(new Uint8Array(10));
    },
  });
}

const failure = (p: Promise<unknown>) => p.catch((e: unknown) => e);

describe("attempt", () => {
  test("returns what the request returns", async () => {
    const text = await attempt(target, scope, async ({ signal }) =>
      (await fetch(`${url}/ok`, { signal })).text(),
    );
    expect(text).toBe("ok");
  });

  test("a body that stops moving for stallTimeoutMs: TimeoutError kind stall", async () => {
    const error = await failure(
      attempt(
        target,
        { limits: { ...limits, stallTimeoutMs: 100 } },
        ({ signal, touch }) => {
          touch();
          return fetch(`${url}/hang`, {
            method: "POST",
            body: stalledBody(touch),
            duplex: "half",
            signal,
          } as RequestInit);
        },
      ),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    // kind "stall", not the 5 s "request" timeout: the stall timer ended it.
    expect(error).toMatchObject({ kind: "stall", timeoutMs: 100 });
    expect((error as Error).message).toBe(
      "GET http://127.0.0.1/x (status) sent no body bytes for stallTimeoutMs (100 ms); it was retried before giving up. To fix: check the connection, or raise `stallTimeoutMs`.",
    );
  });

  test("X's think time after the body is sent is not a stall: only requestTimeoutMs bounds it", async () => {
    const think = (requestTimeoutMs: number) =>
      attempt(
        target,
        { limits: { requestTimeoutMs, stallTimeoutMs: 100 } },
        async ({ signal, touch, sent }) => {
          touch();
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new Uint8Array(10));
              controller.close();
              sent();
            },
          });
          const response = await fetch(`${url}/think`, {
            method: "POST",
            body,
            duplex: "half",
            signal,
          } as RequestInit);
          return response.text();
        },
      );
    expect(await think(5000)).toBe("thought");
    const error = await failure(think(150));
    expect(error).toMatchObject({ kind: "request", timeoutMs: 150 });
    expect((error as Error).message).toBe(
      "GET http://127.0.0.1/x (status) did not complete within requestTimeoutMs (150 ms); it was retried before giving up. To fix: raise `requestTimeoutMs` or lower `segmentBytes` on slow links.",
    );
  });

  test("a request that never touches is not a stall either (INIT, STATUS: small bodies sent at once)", async () => {
    const text = await attempt(
      target,
      { limits: { requestTimeoutMs: 5000, stallTimeoutMs: 100 } },
      async ({ signal }) =>
        (
          await fetch(`${url}/think`, { method: "POST", body: "{}", signal })
        ).text(),
    );
    expect(text).toBe("thought");
  });

  test("touch() keeps a slow but moving request alive; requestTimeoutMs still bounds it", async () => {
    const read = (stall: number, total: number) =>
      attempt(
        target,
        { limits: { requestTimeoutMs: total, stallTimeoutMs: stall } },
        async ({ signal, touch }) => {
          touch();
          const response = await fetch(`${url}/slow`, { signal });
          const reader = response.body!.getReader();
          let n = 0;
          for (let r = await reader.read(); !r.done; r = await reader.read()) {
            touch();
            n += r.value.byteLength;
          }
          return n;
        },
      );
    expect(await read(200, 5000)).toBe(20);
    await expect(read(200, 300)).rejects.toMatchObject({
      name: "TimeoutError",
      kind: "request",
    });
  });

  test("the caller's abort is an AbortError whose cause is the reason", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    setTimeout(() => controller.abort(reason), 50);
    const error = await failure(
      attempt(target, { limits, signal: controller.signal }, get("/hang")),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toBe(reason);
  });
});

describe("the signals", () => {
  test("the caller's abort reaches the request's signal at once, with the caller's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    let seen: unknown;
    const error = await failure(
      attempt(
        target,
        {
          limits: { requestTimeoutMs: 2000, stallTimeoutMs: 2000 },
          signal: controller.signal,
        },
        ({ signal }) => {
          const response = fetch(`${url}/hang`, { signal });
          signal.addEventListener("abort", () => (seen = signal.reason));
          controller.abort(reason);
          return response;
        },
      ),
    );
    expect(seen).toBe(reason);
    expect(error).toBeInstanceOf(AbortError);
  });

  test("no listener is left on the caller's signal, whether the attempt succeeds or fails", async () => {
    const controller = new AbortController();
    const own = { limits, signal: controller.signal };
    await attempt(target, own, get("/ok"));
    await failure(attempt(target, own, get("/reset")));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("a timeout wins over whatever the request throws once aborted", async () => {
    const error = await failure(
      attempt(
        target,
        { limits: { requestTimeoutMs: 50, stallTimeoutMs: 5000 } },
        ({ signal }) =>
          new Promise((_, reject) =>
            signal.addEventListener("abort", () =>
              reject(new Error("socket closed")),
            ),
          ),
      ),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: "request", timeoutMs: 50 });
  });
});

describe("transport failures", () => {
  test("a dropped connection is a retryable NetworkError", async () => {
    const error = await failure(attempt(target, scope, get("/reset")));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "UND_ERR_SOCKET", retryable: true });
  });

  test("a refused connection is a NetworkError with the system code, not retryable, naming baseUrl", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) =>
      closed.listen(0, "127.0.0.1", resolve),
    );
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(
      attempt(target, scope, ({ signal }) =>
        fetch(`http://127.0.0.1:${port}/`, { signal }),
      ),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", retryable: false });
    expect((error as Error).message).toMatch(/host and port of `baseUrl`/);
  });

  test("fetch's bad port is a NetworkError that is not retryable", async () => {
    const error = await failure(
      attempt(target, scope, ({ signal }) =>
        fetch("http://127.0.0.1:6000/", { signal }),
      ),
    );
    expect(isNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false });
    expect((error as Error).message).toMatch(/bad port.*another port/);
  });

  test("an invalid header value is not a network failure: a plain XMediaError naming it", async () => {
    const error = await failure(
      attempt(target, scope, ({ signal }) =>
        fetch(`${url}/ok`, { headers: { "X-A": "a\nb" }, signal }),
      ),
    );
    expect(isXMediaError(error)).toBe(true);
    expect(isNetworkError(error)).toBe(false);
    expect((error as Error).message).toMatch(
      /could not be sent: TypeError: [\s\S]*invalid header value\. This is not a network failure[\s\S]*not retried/,
    );
  });

  test("messages pass the redactor: URL credentials and known secrets never show", async () => {
    const error = await failure(
      attempt(
        target,
        { limits, secrets: ["secret-token-0123456789"] },
        ({ signal }) =>
          fetch(
            `http://user:hunter2-pass@127.0.0.1:1/?t=secret-token-0123456789`,
            {
              signal,
            },
          ),
      ),
    );
    const message = (error as Error).message;
    expect(message).toMatch(/includes credentials/);
    expect(message).not.toMatch(/hunter2|secret-token/);
  });
});
