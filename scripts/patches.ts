// Named fixes for bugs in X's upstream spec, applied by scripts/generate.ts before type generation.
// openapi/ keeps the upstream text; each patch finds its target through an operation's response
// (following $ref, allOf, anyOf, oneOf), is skipped and named once upstream fixes the bug, and
// throws if its operation disappears.
import { deref, propertyAt, responseSchema } from "./lib/locate.js";
import { isObject, type Json, type JsonObject } from "./lib/load.js";

/** One documented spec fix. */
export interface SpecPatch {
  name: string;
  /** What is wrong upstream, with the evidence. */
  why: string;
  /** Mutates `spec` in place; returns false when upstream no longer has the bug. */
  apply(spec: JsonObject): boolean;
}

const RESPONSE_OPERATIONS = [
  "initializeMediaUpload",
  "appendMediaUpload",
  "finalizeMediaUpload",
  "getMediaUploadStatus",
  "mediaUpload",
];
const PROCESSING_OPERATIONS = ["finalizeMediaUpload", "getMediaUploadStatus"];

/** The schema and, recursively, its allOf members: the parts one object type is assembled from. */
function objectParts(spec: JsonObject, schema: JsonObject): JsonObject[] {
  const members = Array.isArray(schema["allOf"]) ? schema["allOf"] : [];
  return [
    schema,
    ...members.flatMap((member) => {
      const part = deref(spec, member);
      return part ? objectParts(spec, part) : [];
    }),
  ];
}

/** Removes names from `required` (in any allOf part) that no part defines; true if any were removed. */
function dropPhantomRequired(
  spec: JsonObject,
  schema: JsonObject,
  names: readonly string[],
): boolean {
  const parts = objectParts(spec, schema);
  const defined = new Set(
    parts.flatMap((part) =>
      Object.keys((part["properties"] ?? {}) as JsonObject),
    ),
  );
  let dropped = false;
  for (const part of parts) {
    const required = part["required"];
    if (!Array.isArray(required)) continue;
    const kept = required.filter(
      (n) => !(names.includes(n as string) && !defined.has(n as string)),
    );
    if (kept.length === required.length) continue;
    dropped = true;
    if (kept.length > 0) part["required"] = kept;
    else delete part["required"];
  }
  return dropped;
}

function processingInfos(spec: JsonObject): JsonObject[] {
  return PROCESSING_OPERATIONS.map((id) => {
    const info = propertyAt(spec, responseSchema(spec, id), [
      "data",
      "processing_info",
    ]);
    if (!info)
      throw new Error(
        `${id}: 200 response has no data.processing_info any more.`,
      );
    return info;
  });
}

/** Every patch, in the order applied. */
export const PATCHES: readonly SpecPatch[] = [
  {
    name: "response-required-meta",
    why: "Media upload 200 responses list `meta` in `required` but define no `meta` property, and X sends none; the generated type would demand a field that never arrives.",
    apply: (spec) =>
      RESPONSE_OPERATIONS.map((id) =>
        dropPhantomRequired(spec, responseSchema(spec, id), ["meta"]),
      ).some(Boolean),
  },
  {
    name: "processing-info-required-type",
    why: "`processing_info` requires a `type` property it does not define; X sends `state`, `check_after_secs`, `progress_percent` only.",
    apply: (spec) =>
      processingInfos(spec)
        .map((info) => dropPhantomRequired(spec, info, ["type"]))
        .some(Boolean),
  },
  {
    name: "processing-info-error",
    why: "When processing fails X sends `processing_info.error: {code, name, message}` (docs.x.com media upload guide, e.g. `InvalidMedia`), which the spec omits.",
    apply: (spec) => {
      const infos = processingInfos(spec).filter(
        (info) => propertyAt(spec, info, ["error"]) === undefined,
      );
      for (const info of infos) {
        // Into the part that declares `state` (an allOf member, perhaps), beside X's other fields.
        const part =
          objectParts(spec, info).find((p) =>
            isObject(p["properties"]) ? "state" in p["properties"] : false,
          ) ?? info;
        ((part["properties"] ??= {}) as JsonObject)["error"] = PROCESSING_ERROR;
      }
      return infos.length > 0;
    },
  },
  {
    name: "subtitles-associated-list",
    why: "Since 2.167 createMediaSubtitles' `data.associated_subtitles` is a bare `type: object`; up to 2.159 it was the list X answers, `[{id, language_code, display_name}]` (one track per language), and no behaviour change was announced.",
    apply: (spec) => {
      const field = propertyAt(
        spec,
        responseSchema(spec, "createMediaSubtitles"),
        ["data", "associated_subtitles"],
      );
      if (!field)
        throw new Error(
          "createMediaSubtitles: 200 response has no data.associated_subtitles any more.",
        );
      if (field["type"] !== "object" || field["properties"] !== undefined)
        return false;
      const description = field["description"];
      for (const key of Object.keys(field)) delete field[key];
      Object.assign(field, structuredClone(SUBTITLE_TRACKS), {
        ...(description === undefined ? {} : { description }),
      });
      return true;
    },
  },
];

const SUBTITLE_TRACKS: JsonObject = {
  type: "array",
  items: {
    type: "object",
    required: ["id", "language_code"],
    properties: {
      id: { type: "string", description: "Media id of the subtitles file." },
      language_code: {
        type: "string",
        description: "Language of the track (BCP47), e.g. `EN`.",
      },
      display_name: {
        type: "string",
        description: "Name shown to viewers, e.g. `English`.",
      },
    },
  },
};

const PROCESSING_ERROR: Json = {
  type: "object",
  description:
    "Why processing failed (state `failed`). Added by patch processing-info-error.",
  required: ["code", "name", "message"],
  properties: {
    code: { type: "integer", description: "X's numeric error code." },
    name: { type: "string", description: "Error name, e.g. `InvalidMedia`." },
    message: { type: "string", description: "Human-readable reason." },
  },
};

/** Applies every patch to a deep copy; returns the patched spec, the patches applied and those skipped (bug fixed upstream). */
export function applyPatches(spec: JsonObject): {
  spec: JsonObject;
  applied: string[];
  unneeded: string[];
} {
  const copy = structuredClone(spec);
  const applied: string[] = [];
  const unneeded: string[] = [];
  for (const patch of PATCHES)
    (patch.apply(copy) ? applied : unneeded).push(patch.name);
  return { spec: copy, applied, unneeded };
}
