// Validates the fake's answers (every operation, success and error) and sample client requests against the upstream
// spec extract, with openapi-backend (Ajv). A validator error passes only if src/testing/deviations.ts explains it.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { OpenAPIBackend, ValidationContext } from "openapi-backend";
import type { JsonObject } from "../../scripts/lib/load.js";
import { applyPatches } from "../../scripts/patches.js";
import { DEVIATIONS } from "../../src/testing/deviations.js";
import {
  startFakeXServer,
  type FakeOperation,
  type FakeXServer,
} from "../../src/testing/index.js";
import { AUTH, fakeMp4, PNG, type Reply } from "./helpers.js";

type Json = Record<string, unknown>;
/** The part of an Ajv error the deviations match on. */
type ErrorObject = {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
};
type Sample = {
  method: string;
  path: string;
  json?: unknown;
  form?: Record<string, string | Buffer>;
  token?: string;
};

const SPEC_PATH = new URL(
  "../../openapi/x-media.openapi.json",
  import.meta.url,
);
const SRT = Buffer.from("1\n00:00:01,000 --> 00:00:02,500\nHello\n");

let api: OpenAPIBackend;
let definition: Json;
let extract: JsonObject;
let server: FakeXServer;
const usedDeviations = new Set<string>();
const checkedAnswers: string[] = [];

beforeAll(async () => {
  extract = JSON.parse(await readFile(SPEC_PATH, "utf8")) as JsonObject;
  const spec = refSiblingsDropped(extract) as Json;
  // allErrors: report every violation, not the first; logger: the spec's custom formats (long, integer) are ignored quietly.
  api = new OpenAPIBackend({
    definition: spec as never,
    quick: false,
    ajvOpts: { allErrors: true, logger: false },
  });
  await api.init();
  definition = api.definition as unknown as Json;
  server = await startFakeXServer({
    processing: { pendingMs: 500, inProgressMs: 0 },
    rateLimits: { limits: { createMediaMetadata: 10 } },
  });
});
afterAll(() => server.close());

/** OpenAPI 3.0 ignores a `$ref`'s siblings (X adds `description` beside some since 2.167); the validator rejects them. */
function refSiblingsDropped(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(refSiblingsDropped);
  if (typeof node !== "object" || node === null) return node;
  const object = node as Json;
  if (typeof object["$ref"] === "string") return { $ref: object["$ref"] };
  return Object.fromEntries(
    Object.entries(object).map(([k, v]) => [k, refSiblingsDropped(v)]),
  );
}

/** Sends a sample client request (after checking the spec accepts it) and checks the answer. */
async function exchange(
  operation: FakeOperation,
  sample: Sample,
  spec: "accepts" | "rejects" | "may reject" = "accepts",
): Promise<Reply> {
  const requestErrors = requestProblems(operation, sample);
  if (spec === "accepts") expect(requestErrors).toEqual([]);
  else if (spec === "rejects") expect(requestErrors.length).toBeGreaterThan(0);
  const reply = await send(sample);
  checkAnswer(operation, reply);
  return reply;
}

function requestProblems(operation: FakeOperation, sample: Sample): unknown[] {
  const url = new URL(sample.path, "http://x");
  const body = sample.form
    ? Object.fromEntries(
        // Multipart carries every field as text; an integer field (segment_index) is the text of one.
        Object.entries(sample.form).map(([k, v]) => [
          k,
          Buffer.isBuffer(v)
            ? v.toString("latin1")
            : /^[0-9]+$/.test(v)
              ? Number(v)
              : v,
        ]),
      )
    : sample.json;
  const result = api.validateRequest(
    {
      method: sample.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: {
        "content-type": sample.form
          ? "multipart/form-data"
          : "application/json",
      },
      ...(body === undefined ? {} : { body: body as Json }),
    },
    operation,
  );
  return result.errors ?? [];
}

async function send(sample: Sample): Promise<Reply> {
  let body: BodyInit | undefined;
  const headers: Record<string, string> = sample.token
    ? { authorization: `Bearer ${sample.token}` }
    : { ...AUTH };
  if (sample.form) {
    const form = new FormData();
    for (const [k, v] of Object.entries(sample.form))
      form.append(k, Buffer.isBuffer(v) ? new Blob([new Uint8Array(v)]) : v);
    body = form;
  } else if (sample.json !== undefined) {
    body = JSON.stringify(sample.json);
    headers["content-type"] = "application/json";
  }
  const response = await fetch(`${server.url}${sample.path}`, {
    method: sample.method,
    headers,
    ...(body ? { body } : {}),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Json) : {};
  return {
    status: response.status,
    headers: response.headers,
    body: parsed,
    json: parsed,
  };
}

/** Validates an answer against the spec; fails on any error no deviation explains. */
function checkAnswer(operation: FakeOperation, reply: Reply): void {
  const contentType = (reply.headers.get("content-type") ?? "").split(";")[0]!;
  const errors =
    contentType === "application/problem+json"
      ? problemErrors(operation, reply)
      : jsonErrors(operation, reply);
  const unexplained = errors.filter(
    (error) => !explained(operation, contentType, error),
  );
  expect({
    operation,
    status: reply.status,
    body: reply.body,
    unexplained,
  }).toEqual({
    operation,
    status: reply.status,
    body: reply.body,
    unexplained: [],
  });
  expect(reply.headers.get("x-rate-limit-limit")).toMatch(/^\d+$/);
  checkedAnswers.push(`${operation} ${reply.status}`);
}

function jsonErrors(operation: FakeOperation, reply: Reply): ErrorObject[] {
  return (api.validator.validateResponse(reply.body, operation, reply.status)
    .errors ?? []) as ErrorObject[];
}

// openapi-backend validates application/json only; problem+json uses the same Ajv setup on the spec's own schemas,
// first the operation's `Problem`, then the subtype its discriminator maps the answer's `type` to.
function problemErrors(operation: FakeOperation, reply: Reply): ErrorObject[] {
  const op = api.getOperation(operation) as unknown as {
    responses: Record<string, { content?: Record<string, { schema: Json }> }>;
  };
  const response =
    op.responses[String(reply.status)] ?? op.responses["default"];
  const schema = response?.content?.["application/problem+json"]?.schema;
  expect(schema).toBeDefined();
  const ajv = api.validator.getAjv(ValidationContext.Response);
  const mapping =
    (schema as { discriminator?: { mapping: Record<string, string> } })
      .discriminator?.mapping ?? {};
  const type = (reply.body as { type?: string }).type ?? "";
  // The discriminator picks the schema: an unmapped type is one violation (a deviation must explain it),
  // not the noise of every oneOf branch failing.
  if (!(type in mapping))
    return [
      { instancePath: "/type", keyword: "discriminator", params: { type } },
    ];
  const validate = ajv.compile(schema!);
  validate(reply.body);
  const errors = [...(validate.errors ?? [])];
  const name = mapping[type]!.split("/").at(-1)!;
  const schemas = (definition.components as { schemas: Record<string, Json> })
    .schemas;
  const subtype = ajv.compile(schemas[name]!);
  subtype(reply.body);
  return [...errors, ...(subtype.errors ?? [])];
}

function explained(
  operation: FakeOperation,
  contentType: string,
  error: ErrorObject,
): boolean {
  const deviation = DEVIATIONS.find(
    (d) =>
      d.kind === "response-violates-spec" &&
      d.contentType === contentType &&
      d.operations.includes(operation) &&
      d.matches.some(
        (m) =>
          m.instancePath === error.instancePath &&
          m.keyword === error.keyword &&
          (m.missingProperty === undefined ||
            m.missingProperty ===
              (error.params as { missingProperty?: string }).missingProperty),
      ),
  );
  if (deviation) usedDeviations.add(deviation.id);
  return deviation !== undefined;
}

const INIT = "/2/media/upload/initialize";
const appendPath = (id: string) => `/2/media/upload/${id}/append`;

async function uploaded(
  mediaType: string,
  category: string,
  bytes: Buffer,
): Promise<string> {
  const init = await exchange("initializeMediaUpload", {
    method: "POST",
    path: INIT,
    json: {
      media_type: mediaType,
      media_category: category,
      total_bytes: bytes.length,
    },
  });
  const id = init.json.data.id as string;
  await exchange("appendMediaUpload", {
    method: "POST",
    path: appendPath(id),
    form: { segment_index: "0", media: bytes },
  });
  await exchange("finalizeMediaUpload", {
    method: "POST",
    path: `/2/media/upload/${id}/finalize`,
  });
  return id;
}

/** Success answers of metadata, subtitles (create and delete) and the one-shot upload; their statuses in order. */
async function sideOperations(): Promise<number[]> {
  const statuses: number[] = [];
  const image = await uploaded("image/png", "tweet_image", PNG);
  statuses.push(
    await exchange("createMediaMetadata", {
      method: "POST",
      path: "/2/media/metadata",
      json: {
        id: image,
        metadata: {
          alt_text: { text: "A dancing cat" },
          sensitive_media_warning: { adult_content: false },
        },
      },
    }).then((r) => r.status),
  );
  const video = await uploaded("video/mp4", "amplify_video", fakeMp4(512));
  const subtitles = await uploaded("text/srt", "subtitles", SRT);
  statuses.push(
    await exchange("createMediaSubtitles", {
      method: "POST",
      path: "/2/media/subtitles",
      json: {
        id: video,
        media_category: "AmplifyVideo",
        subtitles: {
          id: subtitles,
          language_code: "EN",
          display_name: "English",
        },
      },
    }).then((r) => r.status),
  );
  statuses.push(
    await exchange("deleteMediaSubtitles", {
      method: "DELETE",
      path: "/2/media/subtitles",
      json: { id: video, language_code: "EN", media_category: "AmplifyVideo" },
    }).then((r) => r.status),
  );
  statuses.push(
    await exchange("mediaUpload", {
      method: "POST",
      path: "/2/media/upload",
      form: { media: PNG, media_category: "tweet_image" },
    }).then((r) => r.status),
  );
  statuses.push(
    await exchange("mediaUpload", {
      method: "POST",
      path: "/2/media/upload",
      json: { media: PNG.toString("base64"), media_category: "dm_image" },
    }).then((r) => r.status),
  );
  return statuses;
}

describe("contract: the fake against openapi/x-media.openapi.json", () => {
  it("chunked upload: every success answer, pending to failed", async () => {
    const media = fakeMp4(2048);
    const init = await exchange("initializeMediaUpload", {
      method: "POST",
      path: INIT,
      json: {
        media_type: "video/mp4",
        media_category: "tweet_video",
        total_bytes: media.length,
        shared: false,
        additional_owners: ["2244994945"],
      },
    });
    const id = init.json.data.id as string;
    await exchange("appendMediaUpload", {
      method: "POST",
      path: appendPath(id),
      form: { segment_index: "0", media: media.subarray(0, 1024) },
    });
    await exchange("appendMediaUpload", {
      method: "POST",
      path: appendPath(id),
      json: {
        segment_index: 1,
        media: media.subarray(1024).toString("base64"),
      },
    });
    const finalized = await exchange("finalizeMediaUpload", {
      method: "POST",
      path: `/2/media/upload/${id}/finalize`,
    });
    expect(finalized.json.data.processing_info.state).toBe("pending");
    const pending = await exchange("getMediaUploadStatus", {
      method: "GET",
      path: `/2/media/upload?command=STATUS&media_id=${id}`,
    });
    expect(pending.json.data.processing_info.state).toBe("pending");
    server.setProcessingFailure(
      { code: 1, name: "InvalidMedia", message: "Unsupported video format" },
      id,
    );
    await new Promise((r) => setTimeout(r, 520));
    const failed = await exchange("getMediaUploadStatus", {
      method: "GET",
      path: `/2/media/upload?media_id=${id}`,
    });
    expect(failed.json.data.processing_info.state).toBe("failed");
    server.setProcessingFailure(null, id);
    const done = await exchange("getMediaUploadStatus", {
      method: "GET",
      path: `/2/media/upload?command=STATUS&media_id=${id}`,
    });
    expect(done.json.data.processing_info.state).toBe("succeeded");
  });

  it("metadata, subtitles and one-shot upload success answers", async () => {
    expect(await sideOperations()).toEqual([200, 200, 200, 200, 200]);
  });

  // Spec versions drop constraints (2.167 dropped the patterns) that X still enforces: whether the spec
  // rejects a sample or not, the fake answers 400 like X, and most of them the spec rejects too.
  it("rejects with 400 the requests the spec rejects, and its answers conform", async () => {
    const image = await uploaded("image/png", "tweet_image", PNG);
    const bad: [FakeOperation, Sample][] = [
      [
        "initializeMediaUpload",
        {
          method: "POST",
          path: INIT,
          json: { media_type: "video/avi", total_bytes: 1 },
        },
      ],
      [
        "initializeMediaUpload",
        {
          method: "POST",
          path: INIT,
          json: { media_type: "video/mp4", total_bytes: -1 },
        },
      ],
      [
        "initializeMediaUpload",
        {
          method: "POST",
          path: INIT,
          json: { media_type: "video/mp4", total_bytes: 1, extra: 1 },
        },
      ],
      [
        "appendMediaUpload",
        {
          method: "POST",
          path: appendPath(image),
          json: { segment_index: 1000, media: "AAAA" },
        },
      ],
      [
        "appendMediaUpload",
        { method: "POST", path: appendPath(image), json: { segment_index: 0 } },
      ],
      [
        "getMediaUploadStatus",
        {
          method: "GET",
          path: `/2/media/upload?command=STATUSES&media_id=${image}`,
        },
      ],
      [
        "getMediaUploadStatus",
        { method: "GET", path: "/2/media/upload?command=STATUS&media_id=abc" },
      ],
      [
        "createMediaMetadata",
        {
          method: "POST",
          path: "/2/media/metadata",
          json: {
            id: image,
            metadata: { alt_text: { text: "a".repeat(1001) } },
          },
        },
      ],
      [
        "createMediaMetadata",
        { method: "POST", path: "/2/media/metadata", json: { metadata: {} } },
      ],
      [
        "createMediaSubtitles",
        {
          method: "POST",
          path: "/2/media/subtitles",
          json: {
            id: image,
            media_category: "TweetVideo",
            subtitles: { id: image, language_code: "english" },
          },
        },
      ],
      [
        "deleteMediaSubtitles",
        {
          method: "DELETE",
          path: "/2/media/subtitles",
          json: { id: image, language_code: "EN", media_category: "Video" },
        },
      ],
      [
        "mediaUpload",
        {
          method: "POST",
          path: "/2/media/upload",
          json: {
            media: PNG.toString("base64"),
            media_category: "tweet_video",
          },
        },
      ],
    ];
    let specRejects = 0;
    for (const [operation, sample] of bad) {
      if (requestProblems(operation, sample).length > 0) specRejects++;
      const reply = await exchange(operation, sample, "may reject");
      expect({ operation, status: reply.status }).toEqual({
        operation,
        status: 400,
      });
    }
    expect(specRejects).toBeGreaterThan(bad.length / 2);
  });

  it("error answers conform: 401, 403-free defaults, 404, 413, 429, and fault statuses", async () => {
    const unauthorized = await fetch(`${server.url}${INIT}`, {
      method: "POST",
    });
    const body = (await unauthorized.json()) as Json;
    checkAnswer("initializeMediaUpload", {
      status: 401,
      headers: withRateHeader(unauthorized.headers),
      body,
      json: body,
    });

    await exchange("finalizeMediaUpload", {
      method: "POST",
      path: "/2/media/upload/1/finalize",
    });
    const big = await startFakeXServer({ maxSegmentBytes: 10 });
    try {
      const id = (
        (await (
          await fetch(`${big.url}${INIT}`, {
            method: "POST",
            headers: { ...AUTH, "content-type": "application/json" },
            body: JSON.stringify({ media_type: "image/png", total_bytes: 100 }),
          })
        ).json()) as { data: { id: string } }
      ).data.id;
      const response = await fetch(`${big.url}${appendPath(id)}`, {
        method: "POST",
        headers: { ...AUTH, "content-type": "application/json" },
        body: JSON.stringify({
          segment_index: 0,
          media: PNG.toString("base64"),
        }),
      });
      const tooLarge = (await response.json()) as Json;
      expect(response.status).toBe(413);
      checkAnswer("appendMediaUpload", {
        status: 413,
        headers: response.headers,
        body: tooLarge,
        json: tooLarge,
      });
    } finally {
      await big.close();
    }
    const image = await uploaded("image/png", "tweet_image", PNG);
    const sample: Sample = {
      method: "POST",
      path: "/2/media/metadata",
      json: { id: image, metadata: { alt_text: { text: "x" } } },
      token: "limited",
    };
    let last: Reply | undefined;
    for (let i = 0; i < 11; i++)
      last = await exchange("createMediaMetadata", sample);
    expect(last?.status).toBe(429);

    server.faults.add(
      {
        operation: "appendMediaUpload",
        fault: { kind: "status", status: 503 },
      },
      {
        operation: "finalizeMediaUpload",
        fault: { kind: "status", status: 500 },
      },
      {
        operation: "getMediaUploadStatus",
        fault: { kind: "status", status: 429 },
      },
      { operation: "appendMediaUpload", fault: { kind: "errors200" } },
    );
    const id = (
      await exchange("initializeMediaUpload", {
        method: "POST",
        path: INIT,
        json: { media_type: "image/png", total_bytes: PNG.length },
      })
    ).json.data.id as string;
    expect(
      (
        await exchange("appendMediaUpload", {
          method: "POST",
          path: appendPath(id),
          form: { segment_index: "0", media: PNG },
        })
      ).status,
    ).toBe(503);
    expect(
      (
        await exchange("appendMediaUpload", {
          method: "POST",
          path: appendPath(id),
          form: { segment_index: "0", media: PNG },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await exchange("finalizeMediaUpload", {
          method: "POST",
          path: `/2/media/upload/${id}/finalize`,
        })
      ).status,
    ).toBe(500);
    expect(
      (
        await exchange("getMediaUploadStatus", {
          method: "GET",
          path: `/2/media/upload?media_id=${id}`,
        })
      ).status,
    ).toBe(429);
  });

  // A spec version that starts requiring the fields (2.167 for deleteMediaSubtitles) agrees with X: still 400.
  it("answers the request deviations with 400 although the spec accepts them", async () => {
    const image = await uploaded("image/png", "tweet_image", PNG);
    for (const deviation of DEVIATIONS) {
      if (deviation.kind !== "request-stricter-than-spec") continue;
      const operation = deviation.operations[0]!;
      const json = {
        ...deviation.example,
        ...("id" in deviation.example ? { id: image } : {}),
      };
      const path =
        {
          initializeMediaUpload: INIT,
          createMediaMetadata: "/2/media/metadata",
        }[operation as string] ?? "/2/media/subtitles";
      const method = operation === "deleteMediaSubtitles" ? "DELETE" : "POST";
      const reply = await exchange(
        operation,
        { method, path, json },
        "may reject",
      );
      expect({ id: deviation.id, status: reply.status }).toEqual({
        id: deviation.id,
        status: 400,
      });
    }
  });

  // A deviation named after a spec patch goes unused once upstream fixes that bug (the patch is skipped).
  it("needs every response deviation it lists, and checks all eight operations", async () => {
    // Its own answers only: what earlier tests happened to check does not count.
    usedDeviations.clear();
    checkedAnswers.length = 0;
    const video = await uploaded("video/mp4", "tweet_video", fakeMp4(512));
    await exchange("getMediaUploadStatus", {
      method: "GET",
      path: `/2/media/upload?command=STATUS&media_id=${video}`,
    });
    await sideOperations();
    server.faults.add({
      operation: "getMediaUploadStatus",
      fault: { kind: "status", status: 503 },
    });
    const overloaded = await exchange("getMediaUploadStatus", {
      method: "GET",
      path: `/2/media/upload?command=STATUS&media_id=${video}`,
    });
    expect(overloaded.status).toBe(503);
    server.faults.add({
      operation: "getMediaUploadStatus",
      fault: { kind: "status", status: 429 },
    });
    const limited = await exchange("getMediaUploadStatus", {
      method: "GET",
      path: `/2/media/upload?command=STATUS&media_id=${video}`,
    });
    expect(limited.status).toBe(429);
    server.setProcessingFailure(
      { code: 1, name: "InvalidMedia", message: "Unsupported video format" },
      video,
    );
    // Processing fails once its pending stage is over (the fake's timings above).
    await new Promise((r) => setTimeout(r, 520));
    const failed = await exchange("getMediaUploadStatus", {
      method: "GET",
      path: `/2/media/upload?command=STATUS&media_id=${video}`,
    });
    server.setProcessingFailure(null, video);
    expect(failed.json.data.processing_info.state).toBe("failed");
    const fixedUpstream = applyPatches(extract).unneeded;
    const listed = DEVIATIONS.filter(
      (d) =>
        d.kind === "response-violates-spec" && !fixedUpstream.includes(d.id),
    ).map((d) => d.id);
    expect([...usedDeviations].sort()).toEqual([...listed].sort());
    const operations = new Set(checkedAnswers.map((a) => a.split(" ")[0]));
    expect(operations.size).toBe(8);
  });
});

// A 401 happens before the rate limiter knows the user, so it has no rate-limit headers (X's neither).
function withRateHeader(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.set("x-rate-limit-limit", "0");
  return copy;
}
