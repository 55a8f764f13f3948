// The per-operation calls against a node:http server: the URL each error names, APPEND's byte hooks,
// a source read failure surfacing as itself, and every answer's rate-limit headers reaching the rate state.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { openAsBlob } from "node:fs";
import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requestContext, type ApiRuntime } from "../../src/api/context.js";
import { createRateState } from "../../src/api/rate-state.js";
import * as requests from "../../src/api/requests.js";
import { createXClient } from "../../src/api/x-client.js";
import {
  InvalidInputError,
  RateLimitError,
  type XApiError,
} from "../../src/errors/index.js";
import {
  happyUpload,
  json,
  startTinyServer,
  type TinyServer,
} from "../engine/tiny-server.js";

const auth = { type: "oauth2", accessToken: "test-token-0123456789" } as const;
const ID = "1880000000000000001";
const resetIn60s = () => String(Math.floor(Date.now() / 1000) + 60);

let tiny: TinyServer;
beforeAll(async () => {
  // /fail/... answers 400 to everything; otherwise a happy upload whose answers say no request is left.
  tiny = await startTinyServer((request, res) => {
    if (request.path.startsWith("/fail/"))
      return json(res, 400, { title: "Invalid Request", detail: "No." });
    if (request.path.endsWith("/append")) {
      res.writeHead(204, {
        "x-rate-limit-remaining": "0",
        "x-rate-limit-reset": resetIn60s(),
      });
      return void res.end();
    }
    happyUpload(request, res);
  });
});
afterAll(() => tiny.close());

function ctx(baseUrl: string) {
  const runtime: ApiRuntime = {
    client: createXClient({ auth, baseUrl }),
    baseUrl,
    secrets: [],
    rate: createRateState(),
  };
  return requestContext(
    runtime,
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
    undefined,
  );
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error as XApiError,
  );

describe("each operation's URL in its errors", () => {
  test("initialize, append, finalize, status, metadata", async () => {
    const base = `${tiny.url}/fail`;
    const c = ctx(base);
    const urls = await Promise.all([
      failure(requests.initialize(c, { total_bytes: 1 } as never)),
      failure(requests.append(c, ID, 3, new Blob(["x"]))),
      failure(requests.finalize(c, ID)),
      failure(requests.status(c, ID)),
      failure(
        requests.metadata(c, { id: ID, metadata: { alt_text: { text: "a" } } }),
      ),
    ]).then((errors) => errors.map((e) => e.target?.url));
    expect(urls).toEqual([
      `${base}/2/media/upload/initialize`,
      `${base}/2/media/upload/${ID}/append`,
      `${base}/2/media/upload/${ID}/finalize`,
      `${base}/2/media/upload?command=STATUS&media_id=${ID}`,
      `${base}/2/media/metadata`,
    ]);
  });
});

describe("append", () => {
  test("reports every media byte through onBytes, and one attempt", async () => {
    const bytes: number[] = [];
    let attempts = 0;
    await requests.append(
      ctx(tiny.url),
      ID,
      0,
      new Blob([new Uint8Array(100_000)]),
      {
        onAttempt: () => attempts++,
        onBytes: (n) => bytes.push(n),
      },
    );
    expect(bytes.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(attempts).toBe(1);
  });

  test("a file changed on disk fails with the source's InvalidInputError, not a network error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "xmu-requests-"));
    try {
      const path = join(dir, "media.bin");
      await writeFile(path, new Uint8Array(1000));
      const media = await openAsBlob(path);
      await appendFile(path, "changed");
      const error = await failure(requests.append(ctx(tiny.url), ID, 0, media));
      expect(error).toBeInstanceOf(InvalidInputError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("an answer saying no request is left closes the endpoint in the rate state", async () => {
    const c = ctx(tiny.url);
    await requests.append(c, ID, 0, new Blob(["x"]));
    const error = await failure(
      c.retry.rate.acquire(
        { operation: "append", method: "POST", url: tiny.url },
        undefined,
        1000,
      ),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toMatch(/X's last answer said no request is left/);
  });
});
