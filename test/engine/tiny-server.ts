// A scripted node:http server on port 0 for server behaviour the fake X server does not have.
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { requestContext } from "../../src/api/context.js";
import { createRateState } from "../../src/api/rate-state.js";
import { createXClient } from "../../src/api/x-client.js";

/** One request as the tiny server saw it. */
export interface TinyRequest {
  method: string;
  path: string;
  at: number;
}

/** A running tiny server. */
export interface TinyServer {
  url: string;
  requests: TinyRequest[];
  close(): Promise<void>;
}

/** Answers each request with `handle` (after reading its body); logs every request. */
export async function startTinyServer(
  handle: (
    request: TinyRequest,
    res: ServerResponse,
    req: IncomingMessage,
  ) => void,
): Promise<TinyServer> {
  const requests: TinyRequest[] = [];
  const server = createServer((req, res) => {
    const request = {
      method: req.method ?? "",
      path: req.url ?? "",
      at: Date.now(),
    };
    requests.push(request);
    req.resume();
    req.on("end", () => handle(request, res, req));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Sends `body` as JSON with `status` and extra `headers`. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** X's answers for a media upload that goes well, by path. */
export function happyUpload(
  request: TinyRequest,
  res: ServerResponse,
  overrides: { finalize?: unknown; status?: unknown; init?: unknown } = {},
): void {
  const id = "1880000000000000001";
  if (request.path.endsWith("/initialize"))
    return json(
      res,
      200,
      overrides.init ?? { data: { id, media_key: `3_${id}` } },
    );
  if (request.path.endsWith("/append")) return void res.writeHead(204).end();
  if (request.path.endsWith("/finalize"))
    return json(res, 200, overrides.finalize ?? { data: { id } });
  if (request.path.includes("command=STATUS"))
    return json(res, 200, overrides.status ?? { data: { id } });
  json(res, 404, { title: "Not Found" });
}

/** A request context for `url`: OAuth 2, no retries, 5 s timeouts, at most 1 s of rate-limit wait. */
export function tinyContext(url: string, signal?: AbortSignal) {
  return requestContext(
    {
      client: createXClient({
        auth: { type: "oauth2", accessToken: "test-token-0123456789" },
        baseUrl: url,
      }),
      baseUrl: url,
      secrets: [],
      rate: createRateState(),
    },
    {
      requestTimeoutMs: 5000,
      stallTimeoutMs: 5000,
      retry: {
        retries: 0,
        minDelayMs: 1,
        maxDelayMs: 1,
        maxRateLimitWaitMs: 1000,
      },
    },
    signal,
  );
}
