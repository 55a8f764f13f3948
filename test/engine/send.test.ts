// send(): the exact INIT body, the metadata request, and which answer's media_key/expiry ends up in the result.
import { describe, expect, test } from "@jest/globals";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createMediaClient, XApiError } from "../../src/index.js";
import { sample } from "./fixtures.js";

const auth = { type: "oauth2", accessToken: "test-token-0123456789" } as const;
const ID = "1880000000000000001";

interface Seen {
  method: string;
  path: string;
  body: string;
}

type Answer = { status?: number; body?: unknown };
type Script = Partial<
  Record<"init" | "append" | "finalize" | "metadata", Answer>
> & { status?: Answer[] };

/** A server answering X's upload requests from `script`; logs each request with its body. */
async function scripted(script: Script) {
  const seen: Seen[] = [];
  let statusCalls = 0;
  const send = (
    res: ServerResponse,
    answer: Answer | undefined,
    def: unknown,
  ) => {
    const status = answer?.status ?? 200;
    if (status === 204) return void res.writeHead(204).end();
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(answer?.body ?? def));
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      const body = path.endsWith("/append")
        ? ""
        : Buffer.concat(chunks).toString();
      seen.push({ method: req.method ?? "", path, body });
      if (path.endsWith("/initialize"))
        return send(res, script.init, {
          data: { id: ID, media_key: `3_${ID}` },
        });
      if (path.endsWith("/append"))
        return send(res, script.append ?? { status: 204 }, {});
      if (path.endsWith("/finalize"))
        return send(res, script.finalize, { data: { id: ID } });
      if (path.includes("command=STATUS")) {
        const answer =
          script.status?.[
            Math.min(statusCalls, (script.status?.length ?? 1) - 1)
          ];
        statusCalls += 1;
        return send(res, answer, { data: { id: ID } });
      }
      if (path === "/2/media/metadata")
        return send(res, script.metadata, {
          data: { associated_metadata: true },
        });
      send(res, { status: 404 }, { title: "Not Found" });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    ops: () =>
      seen.map((s) =>
        s.path.includes("command=STATUS")
          ? "STATUS"
          : s.path.split("/").pop()!.toUpperCase(),
      ),
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

const image = sample("image/png", 2048);

async function run(
  script: Script,
  options: Parameters<ReturnType<typeof createMediaClient>["upload"]>[1] = {},
  input: Buffer = image,
) {
  const s = await scripted(script);
  try {
    const client = createMediaClient({
      auth,
      baseUrl: s.url,
      retry: { retries: 0, minDelayMs: 1, maxDelayMs: 1 },
    });
    const before = Date.now();
    const outcome = await client
      .upload(input, options)
      .then((result) => ({ result, error: undefined }))
      .catch((error: unknown) => ({ result: undefined, error }));
    const after = Date.now();
    return { ...outcome, seen: s.seen, ops: s.ops(), before, after };
  } finally {
    await s.close();
  }
}

describe("the INIT body", () => {
  test("without owners or shared: media_type, total_bytes and the category only", async () => {
    const { seen } = await run({}, { mediaCategory: undefined });
    const init = JSON.parse(seen[0]!.body) as Record<string, unknown>;
    expect(Object.keys(init).sort()).toEqual(
      ["media_category", "media_type", "total_bytes"].sort(),
    );
    expect(init).toEqual({
      media_type: "image/png",
      total_bytes: 2048,
      media_category: "tweet_image",
    });
  });

  test("owners and shared are sent as given", async () => {
    const { seen } = await run(
      {},
      { additionalOwners: ["12345", "67890"], shared: false },
    );
    expect(JSON.parse(seen[0]!.body)).toEqual({
      media_type: "image/png",
      total_bytes: 2048,
      media_category: "tweet_image",
      additional_owners: ["12345", "67890"],
      shared: false,
    });
  });

  test("shared: true is sent", async () => {
    const { seen } = await run({}, { shared: true });
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ shared: true });
  });
});

describe("requests in order", () => {
  test("alt text: one metadata request after FINALIZE with the text", async () => {
    const { ops, seen, error } = await run({}, { altText: "A red square" });
    expect(error).toBeUndefined();
    expect(ops).toEqual(["INITIALIZE", "APPEND", "FINALIZE", "METADATA"]);
    expect(JSON.parse(seen[3]!.body)).toEqual({
      id: ID,
      metadata: { alt_text: { text: "A red square" } },
    });
  });

  test("no alt text: no metadata request", async () => {
    const { ops } = await run({});
    expect(ops).toEqual(["INITIALIZE", "APPEND", "FINALIZE"]);
  });

  test("an INIT answer without data.id fails before any APPEND, naming the field", async () => {
    const { ops, error } = await run({
      init: { body: { data: { media_key: "3_1" } } },
    });
    expect(ops).toEqual(["INITIALIZE"]);
    expect(error).toBeInstanceOf(XApiError);
    expect((error as Error).message).toContain(
      "X answered initialize without data.id",
    );
  });
});

describe("media key and expiry", () => {
  test("FINALIZE's media_key wins over INIT's", async () => {
    const { result } = await run({
      finalize: { body: { data: { id: ID, media_key: "7_999" } } },
    });
    expect(result?.mediaKey).toBe("7_999");
  });

  test("FINALIZE without media_key keeps INIT's", async () => {
    const { result } = await run({});
    expect(result?.mediaKey).toBe(`3_${ID}`);
  });

  test("FINALIZE's expires_after_secs wins over INIT's", async () => {
    const { result, before, after } = await run({
      init: { body: { data: { id: ID, expires_after_secs: 100 } } },
      finalize: { body: { data: { id: ID, expires_after_secs: 86400 } } },
    });
    const at = result!.expiresAt!.getTime();
    expect(at).toBeGreaterThanOrEqual(before + 86_400_000);
    expect(at).toBeLessThanOrEqual(after + 86_400_000);
  });

  test("APPEND's expires_at (epoch seconds) is kept when FINALIZE gives none", async () => {
    const { result } = await run({
      init: { body: { data: { id: ID, expires_after_secs: 100 } } },
      append: { body: { data: { expires_at: 2000000000 } } },
    });
    expect(result?.expiresAt?.getTime()).toBe(2_000_000_000_000);
  });

  test("no expiry anywhere: expiresAt undefined", async () => {
    const { result } = await run({});
    expect(result?.expiresAt).toBeUndefined();
  });
});

describe("processing", () => {
  const pending = {
    data: {
      id: ID,
      expires_after_secs: 100,
      processing_info: { state: "pending", check_after_secs: 0 },
    },
  };

  test("STATUS after processing: its expiry, its image, its percent in progress events", async () => {
    const percents: (number | undefined)[] = [];
    const { result, ops, before, after } = await run(
      {
        finalize: { body: pending },
        status: [
          {
            body: {
              data: {
                id: ID,
                processing_info: {
                  state: "in_progress",
                  check_after_secs: 0,
                  progress_percent: 42,
                },
              },
            },
          },
          {
            body: {
              data: {
                id: ID,
                expires_after_secs: 5000,
                image: { w: 3, h: 4, image_type: "image/png" },
                processing_info: { state: "succeeded", progress_percent: 100 },
              },
            },
          },
        ],
      },
      {
        onProgress: (p) => {
          if (p.phase === "processing") percents.push(p.processingPercent);
        },
      },
    );
    expect(ops).toEqual([
      "INITIALIZE",
      "APPEND",
      "FINALIZE",
      "STATUS",
      "STATUS",
    ]);
    expect(result?.image).toEqual({
      width: 3,
      height: 4,
      imageType: "image/png",
    });
    expect(percents).toContain(42);
    const at = result!.expiresAt!.getTime();
    expect(at).toBeGreaterThanOrEqual(before + 5_000_000);
    expect(at).toBeLessThanOrEqual(after + 5_000_000);
  });

  test("STATUS after processing without expiry keeps FINALIZE's", async () => {
    const { result, before, after } = await run({
      finalize: { body: pending },
      status: [
        { body: { data: { id: ID, processing_info: { state: "succeeded" } } } },
      ],
    });
    const at = result!.expiresAt!.getTime();
    expect(at).toBeGreaterThanOrEqual(before + 100_000);
    expect(at).toBeLessThanOrEqual(after + 100_000);
    expect(result?.image).toBeUndefined();
  });
});
