// One attempt under a whole-request timeout, a stall watchdog and the caller's signal, against a real server.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  AbortError,
  NetworkError,
  TimeoutError,
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
  // /slow trickles a byte every 50 ms for a second; /hang never answers; /ok answers.
  server = createServer((req, res) => {
    if (req.url === "/hang") return;
    if (req.url === "/ok") return void res.end("ok");
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

describe("attempt", () => {
  test("returns what the request returns", async () => {
    const text = await attempt(target, limits, undefined, async ({ signal }) =>
      (await fetch(`${url}/ok`, { signal })).text(),
    );
    expect(text).toBe("ok");
  });

  test("no bytes for stallTimeoutMs: TimeoutError kind stall", async () => {
    const error = await attempt(
      target,
      { ...limits, stallTimeoutMs: 100 },
      undefined,
      ({ signal }) => fetch(`${url}/hang`, { signal }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    // kind "stall", not the 5 s "request" timeout: the stall timer ended it.
    expect(error).toMatchObject({ kind: "stall", timeoutMs: 100 });
  });

  test("touch() keeps a slow but moving request alive; requestTimeoutMs still bounds it", async () => {
    const read = (stall: number, total: number) =>
      attempt(
        target,
        { requestTimeoutMs: total, stallTimeoutMs: stall },
        undefined,
        async ({ signal, touch }) => {
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
    const error = await attempt(
      target,
      limits,
      controller.signal,
      ({ signal }) => fetch(`${url}/hang`, { signal }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toBe(reason);
  });

  test("a refused connection is a NetworkError with the system code", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) =>
      closed.listen(0, "127.0.0.1", resolve),
    );
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await attempt(target, limits, undefined, ({ signal }) =>
      fetch(`http://127.0.0.1:${port}/`, { signal }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe("ECONNREFUSED");
  });
});
