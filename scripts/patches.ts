// Named fixes for bugs in X's upstream spec, applied by scripts/generate.ts before type generation.
// openapi/ keeps the upstream text; each patch finds its target through an operation's response,
// reports "no longer needed" once upstream fixes the bug, and throws if its operation disappears.
import { deref, propertyAt, responseSchema } from "./lib/locate.js";
import type { Json, JsonObject } from "./lib/load.js";

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

/** Removes names from `required` that have no matching property; true if any were removed. */
function dropPhantomRequired(
  schema: JsonObject | undefined,
  names: readonly string[],
): boolean {
  const required = schema?.["required"];
  const properties = (schema?.["properties"] ?? {}) as JsonObject;
  if (!schema || !Array.isArray(required)) return false;
  const kept = required.filter(
    (n) => !(names.includes(n as string) && !((n as string) in properties)),
  );
  if (kept.length === required.length) return false;
  if (kept.length > 0) schema["required"] = kept;
  else delete schema["required"];
  return true;
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
        dropPhantomRequired(responseSchema(spec, id), ["meta"]),
      ).some(Boolean),
  },
  {
    name: "processing-info-required-type",
    why: "`processing_info` requires a `type` property it does not define; X sends `state`, `check_after_secs`, `progress_percent` only.",
    apply: (spec) =>
      processingInfos(spec)
        .map((info) => dropPhantomRequired(info, ["type"]))
        .some(Boolean),
  },
  {
    name: "processing-info-error",
    why: "When processing fails X sends `processing_info.error: {code, name, message}` (docs.x.com media upload guide, e.g. `InvalidMedia`), which the spec omits.",
    apply: (spec) => {
      const infos = processingInfos(spec).filter((info) => {
        const properties = (info["properties"] ??= {}) as JsonObject;
        return deref(spec, properties["error"]) === undefined;
      });
      for (const info of infos) {
        (info["properties"] as JsonObject)["error"] = PROCESSING_ERROR;
      }
      return infos.length > 0;
    },
  },
];

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

/** Applies every patch to a deep copy; returns the patched spec and which patches did nothing. */
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
