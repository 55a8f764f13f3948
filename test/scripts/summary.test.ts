import { describe, expect, it } from "@jest/globals";
import {
  isObject,
  type Json,
  type JsonObject,
} from "../../scripts/lib/load.js";
import { summarizeChanges } from "../../scripts/lib/summary.js";
import { extractOf } from "./helpers/fixtures.js";

/** The lines under one operation's heading, or undefined when the operation is not listed. */
function block(summary: string, operationId: string): string[] | undefined {
  const found = summary
    .split("\n\n")
    .find((b) => b.startsWith(`${operationId} (`));
  return found?.split("\n").slice(1);
}

const ref = (name: string): JsonObject => ({
  $ref: `#/components/schemas/${name}`,
});
const json = (schema: JsonObject): JsonObject => ({
  content: { "application/json": { schema } },
});

/** A two-operation extract small enough to mutate by hand. */
function base(): JsonObject {
  return {
    openapi: "3.0.0",
    info: { title: "X API v2", version: "1.0" },
    paths: {
      "/2/media/upload/initialize": {
        post: {
          operationId: "initializeMediaUpload",
          requestBody: json(ref("Init")),
          responses: { "200": json(ref("Upload")) },
        },
      },
      "/2/media/upload": {
        get: {
          operationId: "getMediaUploadStatus",
          parameters: [
            {
              in: "query",
              name: "media_id",
              required: true,
              schema: ref("MediaId"),
            },
          ],
          responses: { "200": json(ref("Upload")) },
        },
      },
    },
    components: {
      schemas: {
        Init: {
          type: "object",
          properties: {
            media_type: { type: "string", enum: ["video/mp4", "image/png"] },
            total_bytes: { type: "integer", maximum: 100 },
          },
        },
        Upload: {
          allOf: [
            {
              type: "object",
              properties: {
                data: {
                  type: "object",
                  required: ["id"],
                  properties: {
                    id: ref("MediaId"),
                    size: { type: "integer" },
                    processing_info: {
                      oneOf: [
                        {
                          type: "object",
                          properties: {
                            state: {
                              type: "string",
                              enum: ["pending", "succeeded"],
                            },
                          },
                        },
                      ],
                    },
                  },
                },
              },
            },
          ],
        },
        MediaId: { type: "string", pattern: "^[0-9]+$" },
      },
    },
  };
}

/** Applies `edit` to a copy of base() and summarizes base() → copy. */
function summarize(edit: (spec: JsonObject) => void): string {
  const next = base();
  edit(next);
  return summarizeChanges(base(), next);
}

/** The object at a dotted path inside `spec` (array items by index); throws if absent. */
function node(spec: JsonObject, path: string): JsonObject {
  let current: Json | undefined = spec;
  for (const part of path.split(".")) {
    current = Array.isArray(current)
      ? current[Number(part)]
      : isObject(current)
        ? current[part]
        : undefined;
  }
  if (!isObject(current)) throw new Error(`No object at ${path}`);
  return current;
}
const DATA = "components.schemas.Upload.allOf.0.properties.data";

describe("summarizeChanges on X's 2.156 → 2.159", () => {
  it("names the dropped `required: [id, media_key]` under every operation whose 200 response uses it", async () => {
    const [before, after] = await Promise.all(
      ["2.156", "2.159"].map((v) => extractOf(v)),
    );
    const summary = summarizeChanges(before as JsonObject, after as JsonObject);
    expect(summary.split("\n")[0]).toBe(
      "X API spec 2.156 → 2.159, media operations:",
    );
    for (const id of [
      "initializeMediaUpload",
      "finalizeMediaUpload",
      "getMediaUploadStatus",
      "mediaUpload",
    ]) {
      expect(block(summary, id)).toEqual([
        "  ! 200 application/json data.id: no longer required (may be absent: handle undefined)",
        "  ! 200 application/json data.media_key: no longer required (may be absent: handle undefined)",
      ]);
    }
    // Append answers with its own response schema, which kept `required`.
    expect(block(summary, "appendMediaUpload")).toBeUndefined();
    expect(summary).toContain("4 of 8 operations changed; 8 lines marked !");
    expect(summary).not.toContain("MediaUploadResponse");
    expect(summary).not.toContain("No changes");
  });
});

describe("summarizeChanges, one change kind at a time", () => {
  it("says there are no changes for identical extracts", () => {
    expect(summarizeChanges(base(), base())).toBe(
      "X API spec 1.0 → 1.0, media operations:\n\nNo changes to the media operations.",
    );
  });

  it("marks a removed operation as breaking and an added one as not", () => {
    const summary = summarize((spec) => {
      const paths = node(spec, "paths");
      const op = node(spec, "paths./2/media/upload.get");
      paths["/2/media/upload/v3"] = {
        post: { ...op, operationId: "mediaUploadV3" },
      };
      delete paths["/2/media/upload"];
    });
    expect(block(summary, "getMediaUploadStatus")).toEqual([
      "  ! operation: removed (hand-written calls to it stop compiling)",
    ]);
    expect(block(summary, "mediaUploadV3")).toEqual(["    operation: added"]);
  });

  it("reports added parameters, breaking only when required", () => {
    const summary = summarize((spec) => {
      const op = node(spec, "paths./2/media/upload.get");
      op["parameters"] = [
        ...(op["parameters"] as Json[]),
        { in: "query", name: "command", schema: { type: "string" } },
        {
          in: "header",
          name: "x-trace",
          required: true,
          schema: { type: "string" },
        },
      ];
    });
    expect(block(summary, "getMediaUploadStatus")).toEqual([
      "  ! header x-trace: added, required (callers must send it)",
      "    query command: added",
    ]);
  });

  it("reports a parameter that becomes optional, and its schema constraints", () => {
    const summary = summarize((spec) => {
      node(spec, "paths./2/media/upload.get.parameters.0")["required"] = false;
      node(spec, "components.schemas.MediaId")["pattern"] = "^[0-9]{1,19}$";
    });
    expect(block(summary, "getMediaUploadStatus")).toEqual([
      "    query media_id: no longer required",
      '  ! query media_id: pattern "^[0-9]+$" → "^[0-9]{1,19}$"',
      '    200 application/json data.id: pattern "^[0-9]+$" → "^[0-9]{1,19}$"',
    ]);
  });

  it("marks a request enum value removed as breaking, and an added response enum value too", () => {
    const summary = summarize((spec) => {
      node(spec, "components.schemas.Init.properties.media_type")["enum"] = [
        "video/mp4",
      ];
      const state = `${DATA}.properties.processing_info.oneOf.0.properties.state`;
      node(spec, state)["enum"] = ["pending", "succeeded", "failed"];
    });
    expect(block(summary, "initializeMediaUpload")).toEqual([
      '  ! body application/json media_type: enum value "image/png" removed',
      '  ! 200 application/json data.processing_info.state: enum value "failed" added (handle the new value)',
    ]);
  });

  it("marks a lowered request maximum as breaking and a raised one as not", () => {
    const lowered = summarize((spec) => {
      node(spec, "components.schemas.Init.properties.total_bytes")["maximum"] =
        50;
    });
    expect(block(lowered, "initializeMediaUpload")).toEqual([
      "  ! body application/json total_bytes: maximum 100 → 50",
    ]);
    const raised = summarize((spec) => {
      node(spec, "components.schemas.Init.properties.total_bytes")["maximum"] =
        200;
    });
    expect(block(raised, "initializeMediaUpload")).toEqual([
      "    body application/json total_bytes: maximum 100 → 200",
    ]);
  });

  it("reports a response field's type change under each operation using it", () => {
    const summary = summarize((spec) => {
      node(spec, `${DATA}.properties.size`)["type"] = "string";
    });
    for (const id of ["initializeMediaUpload", "getMediaUploadStatus"]) {
      expect(block(summary, id)).toEqual([
        "  ! 200 application/json data.size: type integer → string",
      ]);
    }
  });

  it("marks newly required request fields and fields a response stops requiring", () => {
    const summary = summarize((spec) => {
      node(spec, "components.schemas.Init")["required"] = ["total_bytes"];
      node(spec, DATA)["required"] = [];
    });
    expect(block(summary, "initializeMediaUpload")).toEqual([
      "  ! body application/json total_bytes: now required (callers must send it)",
      "  ! 200 application/json data.id: no longer required (may be absent: handle undefined)",
    ]);
  });

  it("reports fields added and removed once, at their top", () => {
    const summary = summarize((spec) => {
      const properties = node(spec, `${DATA}.properties`);
      delete properties["processing_info"];
      properties["expires_after_secs"] = { type: "integer" };
    });
    expect(block(summary, "getMediaUploadStatus")).toEqual([
      "    200 application/json data.expires_after_secs: added",
      "  ! 200 application/json data.processing_info: removed",
    ]);
  });

  it("reports a component rename without shape change by name only", () => {
    const summary = summarize((spec) => {
      const schemas = node(spec, "components.schemas");
      schemas["MediaIdentifier"] = node(schemas, "MediaId");
      delete schemas["MediaId"];
      const text = JSON.stringify(spec).replaceAll(
        '/MediaId"',
        '/MediaIdentifier"',
      );
      Object.assign(spec, JSON.parse(text));
    });
    expect(summary).toBe(
      [
        "X API spec 1.0 → 1.0, media operations:",
        "",
        "Components (names only; their shapes are compared through the operations above):",
        "    renamed: schemas/MediaId → MediaIdentifier",
        "",
        "No changes to the media operations.",
      ].join("\n"),
    );
  });

  it("reports a component split per operation as split, and lists its shape change under each", () => {
    const summary = summarize((spec) => {
      const schemas = node(spec, "components.schemas");
      schemas["InitResponse"] = structuredClone(node(schemas, "Upload"));
      schemas["StatusResponse"] = structuredClone(node(schemas, "Upload"));
      delete schemas["Upload"];
      node(
        spec,
        "paths./2/media/upload/initialize.post.responses.200.content.application/json.schema",
      )["$ref"] = "#/components/schemas/InitResponse";
      node(
        spec,
        "paths./2/media/upload.get.responses.200.content.application/json.schema",
      )["$ref"] = "#/components/schemas/StatusResponse";
    });
    expect(summary).toContain(
      "    split: schemas/Upload → InitResponse, StatusResponse",
    );
    expect(summary).not.toContain("schemas added");
    expect(summary).not.toContain("schemas removed");
  });

  it("reports a component whose uses now spell it out as inlined", () => {
    const summary = summarize((spec) => {
      const schemas = node(spec, "components.schemas");
      const inline = JSON.stringify(node(schemas, "MediaId"));
      delete schemas["MediaId"];
      const text = JSON.stringify(spec).replaceAll(
        '{"$ref":"#/components/schemas/MediaId"}',
        inline,
      );
      Object.assign(spec, JSON.parse(text));
    });
    expect(summary).toContain(
      "    inlined: schemas/MediaId (spelled out at its 3 uses)",
    );
    expect(summary).toContain("No changes to the media operations.");
    expect(summary).not.toContain("removed");
  });

  it("reports a rename with a shape change as renamed, the change under the operations, ! kept", () => {
    const summary = summarize((spec) => {
      const schemas = node(spec, "components.schemas");
      schemas["InitializeRequest"] = node(schemas, "Init");
      delete schemas["Init"];
      node(schemas, "InitializeRequest.properties.total_bytes")["maximum"] = 50;
      node(
        spec,
        "paths./2/media/upload/initialize.post.requestBody.content.application/json.schema",
      )["$ref"] = "#/components/schemas/InitializeRequest";
    });
    expect(block(summary, "initializeMediaUpload")).toEqual([
      "  ! body application/json total_bytes: maximum 100 → 50",
    ]);
    expect(summary).toContain(
      "    renamed: schemas/Init → InitializeRequest (shape changes under the operations above)",
    );
  });

  it("lists a line every operation shows once, up front, still marked !", () => {
    const three = (): JsonObject => {
      const spec = base();
      node(spec, "paths")["/2/media/upload/{id}/finalize"] = {
        post: {
          ...node(spec, "paths./2/media/upload.get"),
          operationId: "finalizeMediaUpload",
        },
      };
      return spec;
    };
    const next = three();
    node(next, `${DATA}.properties.size`)["type"] = "string";
    node(next, "components.schemas.MediaId")["pattern"] = "^[0-9]{1,19}$";
    expect(summarizeChanges(three(), next).split("\n").slice(1)).toEqual([
      "3 of 3 operations changed; 3 lines marked ! are likely breaking (hand-written code or callers may need changes).",
      "",
      "All 3 operations (listed once here)",
      '    200 application/json data.id: pattern "^[0-9]+$" → "^[0-9]{1,19}$"',
      "  ! 200 application/json data.size: type integer → string",
      "",
      "finalizeMediaUpload (POST /2/media/upload/{id}/finalize)",
      '  ! query media_id: pattern "^[0-9]+$" → "^[0-9]{1,19}$"',
      "",
      "getMediaUploadStatus (GET /2/media/upload)",
      '  ! query media_id: pattern "^[0-9]+$" → "^[0-9]{1,19}$"',
    ]);
  });
});
