// Which request failures are network failures, which of those are worth another attempt, and the exact
// words: real fetch failures against a node:http server, and undici's error shapes for what loopback cannot produce.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  NetworkError,
  XMediaError,
  type RequestTarget,
} from "../../src/errors/index.js";
import { transportError } from "../../src/http/transport.js";

const target: RequestTarget = {
  operation: "append",
  method: "POST",
  url: "http://127.0.0.1/2/media/upload/1/append",
  segmentIndex: 2,
};
const prefix =
  "POST http://127.0.0.1/2/media/upload/1/append (append, segment 2)";

/** undici's shape: TypeError("fetch failed") around the system error. */
const fetchFailed = (cause: unknown) =>
  new TypeError("fetch failed", { cause });
const systemError = (message: string, code: string) =>
  Object.assign(new Error(message), { code });

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/reset") return void req.socket.destroy();
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const failureOf = async (run: () => Promise<unknown>): Promise<unknown> => {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
};

describe("real fetch failures", () => {
  test("TLS to a plain HTTP server: not retried, with the TLS hint", async () => {
    const cause = await failureOf(() => fetch(`https://127.0.0.1:${port}/`));
    const error = transportError(target, cause, []);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      code: "ERR_SSL_WRONG_VERSION_NUMBER",
      retryable: false,
    });
    expect(error.message).toBe(
      `${prefix} failed: network error (ERR_SSL_WRONG_VERSION_NUMBER). The TLS handshake failed (certificate or protocol): check \`baseUrl\` and the system's certificates. Not retried.`,
    );
  });

  test("a dropped connection: retried, the undici code as the reason", async () => {
    const cause = await failureOf(() =>
      fetch(`http://127.0.0.1:${port}/reset`),
    );
    const error = transportError(target, cause, []);
    expect(error).toMatchObject({ code: "UND_ERR_SOCKET", retryable: true });
    expect(error.message).toBe(
      `${prefix} failed: network error (UND_ERR_SOCKET). Check connectivity and \`baseUrl\`; the request was retried before giving up.`,
    );
    expect(error.cause).toBe(cause);
  });

  test("a refused connection: the code, not the message, is the reason", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) =>
      closed.listen(0, "127.0.0.1", resolve),
    );
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const cause = await failureOf(() =>
      fetch(`http://127.0.0.1:${closedPort}/`),
    );
    expect(transportError(target, cause, []).message).toBe(
      `${prefix} failed: network error (ECONNREFUSED). Nothing accepted the connection: check the host and port of \`baseUrl\` (is the server running?). Not retried.`,
    );
  });
});

describe("undici's shapes", () => {
  test("an unknown host: not retried, asks to check baseUrl for a typo", () => {
    const error = transportError(
      target,
      fetchFailed(systemError("getaddrinfo ENOTFOUND api.x.con", "ENOTFOUND")),
      [],
    );
    expect(error).toMatchObject({ code: "ENOTFOUND", retryable: false });
    expect(error.message).toBe(
      `${prefix} failed: network error (ENOTFOUND). The host name does not resolve: check \`baseUrl\` for a typo. Not retried.`,
    );
  });

  test("a fetch failure without a code is retried; the message, redacted and without trailing dots, is the reason", () => {
    const error = transportError(
      target,
      fetchFailed(new Error("other side closed by tok-0123456789.. \n")),
      ["tok-0123456789"],
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: undefined, retryable: true });
    expect(error.message).toBe(
      `${prefix} failed: network error (other side closed by [REDACTED]). Check connectivity and \`baseUrl\`; the request was retried before giving up.`,
    );
  });

  test('a custom fetch\'s bare system error (no "fetch failed" wrapper) is a network failure too', () => {
    const error = transportError(
      target,
      systemError("read ECONNRESET", "ECONNRESET"),
      [],
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "ECONNRESET", retryable: true });
  });

  test("a fetch failure whose cause is null is retried", () => {
    expect(transportError(target, fetchFailed(null), [])).toMatchObject({
      name: "NetworkError",
      retryable: true,
    });
  });

  test("Node's argument errors (ERR_*) are a bug in the request, not the network", () => {
    const cause = Object.assign(new TypeError("The argument is invalid"), {
      code: "ERR_INVALID_ARG_TYPE",
    });
    const error = transportError(target, cause, []);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect(error).toBeInstanceOf(XMediaError);
    expect(error.cause).toBe(cause);
    expect(error.target).toBe(target);
    expect(error.message).toBe(
      `${prefix} could not be sent: TypeError: The argument is invalid. This is not a network failure (check the request's options, \`baseUrl\` and any custom \`fetch\`), so it was not retried.`,
    );
  });

  test("a TypeError that is not fetch's own failure is not a network failure", () => {
    expect(
      transportError(target, new TypeError("fetch failed!"), []),
    ).not.toBeInstanceOf(NetworkError);
    expect(
      transportError(
        target,
        Object.assign(new Error("fetch failed"), { name: "RangeError" }),
        [],
      ),
    ).not.toBeInstanceOf(NetworkError);
  });

  test("a thrown non-error is named by its type", () => {
    expect(transportError(target, "boom", []).message).toBe(
      `${prefix} could not be sent: string: boom. This is not a network failure (check the request's options, \`baseUrl\` and any custom \`fetch\`), so it was not retried.`,
    );
  });

  test("a TLS code is looked for through five causes, and a cyclic chain ends", () => {
    const nest = (depth: number) => {
      let error: unknown = { code: "CERT_HAS_EXPIRED" };
      for (let i = 0; i < depth; i++) error = { cause: error };
      return fetchFailed(error);
    };
    // fetchFailed adds one level: the code sits at depth 4 (the fifth error), then at depth 5.
    expect(transportError(target, nest(3), [])).toMatchObject({
      retryable: false,
    });
    expect(transportError(target, nest(4), [])).toMatchObject({
      retryable: true,
    });
    const cyclic: { message: string; cause?: unknown } = {
      message: "loop",
    };
    cyclic.cause = cyclic;
    expect(transportError(target, fetchFailed(cyclic), [])).toMatchObject({
      name: "NetworkError",
      retryable: true,
    });
  });
});
