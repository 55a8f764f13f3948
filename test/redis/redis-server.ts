// A real redis-server for the tests: started on a free loopback port with persistence off, stopped after.
// `.ci/run` installs it (`apt-get install -y redis-server`) when missing.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createConnection, createServer } from "node:net";
import { afterAll, beforeAll } from "@jest/globals";
import { Redis } from "ioredis";

/** A running redis-server. */
export interface RedisServer {
  port: number;
  /** A connection with the options docs/api.md recommends; the caller disconnects it. */
  connect(options?: { onError?: (error: Error) => void }): Redis;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Stops it (SIGTERM) and waits for its exit. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.setTimeout(500);
    let reply = "";
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (d) => {
      reply += d.toString();
      if (reply.includes("\r\n")) {
        socket.destroy();
        resolve(reply.startsWith("+PONG"));
      }
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A connection to `port` with the options docs/api.md recommends (also to a server not started yet). */
export function connectTo(
  port: number,
  { onError }: { onError?: (error: Error) => void } = {},
): Redis {
  // A disconnect() that races a dead server's close event may leave ioredis reconnecting (and jest running).
  let closing = false;
  const redis = new Redis({
    host: "127.0.0.1",
    port,
    // Fail fast rather than queue: a dead Redis must not stall an upload.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 500,
    commandTimeout: 500,
    retryStrategy: (times) => (closing ? null : Math.min(times * 50, 500)),
  });
  redis.on("error", onError ?? (() => {}));
  const disconnect = redis.disconnect.bind(redis);
  redis.disconnect = (reconnect?: boolean) => {
    closing = !reconnect;
    disconnect(reconnect);
  };
  return redis;
}

/** `work`, or a "hung" error after `ms`: turns a hang into a clear failure (never a timing assertion). */
export async function watchdog<T>(
  ms: number,
  work: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`hung for ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Disconnects `redis` and waits (1 s at most) until ioredis has ended the connection. */
export async function disconnect(redis: Redis | undefined): Promise<void> {
  if (!redis) return;
  redis.disconnect();
  if (redis.status === "end") return;
  await Promise.race([
    once(redis, "end"),
    new Promise((r) => setTimeout(r, 1000).unref()),
  ]);
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await once(child, "exit");
}

/** Starts redis-server (on `port`, else a free one) and waits until it answers PING (10 s at most). */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  port ??= await freePort();
  const child = spawn(
    "redis-server",
    [
      "--save",
      "",
      "--appendonly",
      "no",
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const spawnError = once(child, "error").then(([e]) => e as Error);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const failed = await Promise.race([
      spawnError,
      new Promise((r) => setTimeout(r, 50, undefined)),
    ]);
    if (failed instanceof Error) {
      throw new Error(
        `redis-server did not start (${failed.message}); install it with \`apt-get install -y redis-server\``,
      );
    }
    if (child.exitCode !== null)
      throw new Error(`redis-server exited:\n${output}`);
    if (await ping(port)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not answer PING in 10 s:\n${output}`);
    }
  }
  return {
    port,
    connect: (options) => connectTo(port, options),
    kill: async () => {
      child.kill("SIGKILL");
      await exited(child);
    },
    stop: async () => {
      child.kill("SIGTERM");
      await exited(child);
    },
  };
}

/** One redis-server and one connection for a test file: started before its tests, stopped after them. */
export function useRedisServer(): { server: RedisServer; redis: Redis } {
  const db = {} as { server: RedisServer; redis: Redis };
  beforeAll(async () => {
    db.server = await startRedisServer();
    db.redis = db.server.connect();
  });
  afterAll(async () => {
    await disconnect(db.redis);
    await db.server?.stop();
  });
  return db;
}
