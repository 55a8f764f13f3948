// startFakeXServer: a real node:http server on loopback that behaves like X's media upload API.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { allowManyListeners } from "../runtime.js";
import { Authenticator } from "./auth.js";
import type { ServerState } from "./context.js";
import { FaultBook } from "./faults.js";
import { HANDLERS } from "./handlers/index.js";
import { snapshot } from "./inspect.js";
import type { FakeXServerOptions } from "./options.js";
import { resolveOptions } from "./resolve-options.js";
import { createPipeline } from "./pipeline.js";
import { RateLimiter } from "./rate-limit.js";
import { RequestLog } from "./request-log.js";
import { SessionStore } from "./store.js";
import type { FakeXServer } from "./fake-x-server.js";
import type { ProcessingFailure } from "./types.js";

export type { FakeXServer } from "./fake-x-server.js";

const DEFAULT_FAILURE: ProcessingFailure = {
  code: 1,
  name: "InvalidMedia",
  message: "Unsupported video format",
};

/** Starts a fake X media server on `options.host`:`options.port` (default 127.0.0.1, a free port). */
export async function startFakeXServer(
  options?: FakeXServerOptions,
): Promise<FakeXServer> {
  const resolved = resolveOptions(options);
  // Fault rules are checked here, before anything exists that would need cleaning up.
  const faults = new FaultBook(resolved.faults, resolved.randomFaults);
  const store = await SessionStore.create(resolved.tempDir);
  const state: ServerState = {
    options: resolved,
    store,
    globalFailure: undefined,
  };
  const auth = new Authenticator(resolved.auth);
  const limiter = new RateLimiter(
    resolved.rateLimits.windowMs,
    resolved.rateLimits.limits,
    resolved.rateLimits.announceGraceMs,
  );
  const log = new RequestLog(resolved.onRequest, resolved.log);
  const closing = new AbortController();
  // Every in-flight request (latency waits, stalls) listens on this one signal; there is no leak to warn about.
  allowManyListeners(closing.signal);
  const listener = createPipeline({
    state,
    auth,
    limiter,
    faults,
    log,
    handlers: HANDLERS,
    signal: closing.signal,
  });
  // requestTimeout 0: throttled and stalled requests are faults under test, not something to cut short.
  const server = createServer(
    { requestTimeout: 0 },
    (req, res) => void listener(req, res),
  );
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  try {
    await listen(server, resolved.port, resolved.host);
  } catch (error) {
    await store.dispose();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(resolved.host)}:${port}`;
  let closed: Promise<void> | undefined;

  const session = (mediaId: string) => {
    const found = store.sessions.get(mediaId);
    if (!found)
      throw new TypeError(
        `No upload with media id ${JSON.stringify(mediaId)} on the fake server.`,
      );
    return found;
  };

  return {
    url,
    port,
    get uploads() {
      return new Map(
        [...store.sessions].map(([id, s]) => [id, snapshot(s, state)]),
      );
    },
    get requests() {
      return log.records;
    },
    get counters() {
      return log.counters;
    },
    faults,
    upload: (mediaId) => {
      const found = store.sessions.get(mediaId);
      return found && snapshot(found, state);
    },
    async readMedia(mediaId) {
      const chunks: Buffer[] = [];
      for await (const chunk of store.assembled(session(mediaId)))
        chunks.push(chunk);
      return Buffer.concat(chunks);
    },
    setProcessingFailure(failure = DEFAULT_FAILURE, mediaId) {
      if (mediaId === undefined) state.globalFailure = failure ?? undefined;
      else session(mediaId).forcedFailure = failure;
    },
    async reset() {
      faults.reset();
      auth.clear();
      limiter.clear();
      log.clear();
      state.globalFailure = undefined;
      await store.clear();
    },
    close() {
      closed ??= (async () => {
        closing.abort();
        const stopped = new Promise<void>((resolve) =>
          server.close(() => resolve()),
        );
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        await stopped;
        await store.dispose();
      })();
      return closed;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
