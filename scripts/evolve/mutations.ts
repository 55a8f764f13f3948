// Spec mutations of the kinds X has shipped between versions, applied to a full upstream spec, so the
// pipeline (spec:update → generate → typecheck → tests) can be tried against the next spec before X
// publishes it. Each returns how many places it changed; 0 means the kind found nothing to mutate.
import { extractMediaSpec, refsIn } from "../lib/extract.js";
import { isObject, type Json, type JsonObject } from "../lib/load.js";
import {
  deref,
  propertyAt,
  responseSchema,
  findOperation,
} from "../lib/locate.js";

/** One kind of upstream change. */
export interface Mutation {
  name: string;
  /** What X did like this, for the report. */
  seen: string;
  apply(spec: JsonObject): number;
}

// Operations the library never calls; request-side mutations go there (and to metadata fields it does not send).
const NOT_SENT = [
  "mediaUpload",
  "createMediaSubtitles",
  "deleteMediaSubtitles",
];
const SCHEMA_PREFIX = "#/components/schemas/";

/** Every mutation kind, in the order `--combined` applies them. */
export const MUTATIONS: readonly Mutation[] = [
  {
    name: "rename-components",
    seen: "2.167 renamed per operation (MediaUploadConfigRequest → InitializeMediaUploadRequest)",
    apply: (spec) => {
      const names = mediaSchemaNames(spec);
      const renames = new Map(names.map((n) => [n, `Evolved${n}`]));
      const schemas = schemasOf(spec);
      for (const [from, to] of renames) {
        schemas[to] = schemas[from] as Json;
        delete schemas[from];
      }
      rewriteRefs(spec, (ref) => {
        const name = ref.startsWith(SCHEMA_PREFIX)
          ? ref.slice(SCHEMA_PREFIX.length)
          : "";
        const to = renames.get(name);
        return to === undefined ? ref : `${SCHEMA_PREFIX}${to}`;
      });
      return renames.size;
    },
  },
  {
    name: "inline-single-use",
    seen: "2.167 inlined MediaCategory, MediaKey, UserId …",
    apply: (spec) => {
      const uses = new Map<string, number>();
      for (const ref of refsIn(spec)) uses.set(ref, (uses.get(ref) ?? 0) + 1);
      const media = new Set(
        mediaSchemaNames(spec).map((n) => `${SCHEMA_PREFIX}${n}`),
      );
      const once = [...uses]
        .filter(([ref, n]) => n === 1 && media.has(ref))
        .map(([ref]) => ref);
      const schemas = schemasOf(spec);
      const inlined = new Set<string>();
      for (const ref of once) {
        const target = deref(spec, { $ref: ref });
        // A schema that refers to others stays a component (keeps the mutation one level deep).
        if (!target || refsIn(target).length > 0) continue;
        inlined.add(ref);
      }
      replaceRefs(spec, (ref) =>
        inlined.has(ref)
          ? structuredClone(deref(spec, { $ref: ref }) ?? {})
          : undefined,
      );
      for (const ref of inlined)
        delete schemas[ref.slice(SCHEMA_PREFIX.length)];
      return inlined.size;
    },
  },
  {
    name: "array-to-string",
    seen: "2.167 turned the one-shot upload's additional_owners array into a comma-separated string",
    apply: (spec) => {
      let n = 0;
      for (const id of [...NOT_SENT, "createMediaMetadata"]) {
        for (const body of requestSchemas(spec, id)) {
          forEachSchema(spec, body, (node) => {
            for (const [name, child] of Object.entries(propertiesOf(node))) {
              const field = deref(spec, child);
              // createMediaMetadata: only what the library does not send (it sends alt_text).
              if (field?.["type"] !== "array" || name === "alt_text") continue;
              (node["properties"] as JsonObject)[name] = {
                type: "string",
                description: "Evolved: comma-separated, formerly an array.",
              };
              n++;
            }
          });
        }
      }
      return n;
    },
  },
  {
    name: "bare-object",
    seen: "2.167 made metadata/subtitles fields (associated_metadata …) a bare `type: object`",
    apply: (spec) => {
      let n = 0;
      const targets: JsonObject[] = [];
      for (const id of [
        "createMediaMetadata",
        "createMediaSubtitles",
        "deleteMediaSubtitles",
      ]) {
        const data = propertyAt(spec, responseSchema(spec, id), ["data"]);
        for (const child of Object.values(propertiesOf(data))) {
          const field = deref(spec, child);
          if (field) targets.push(field);
        }
      }
      const metadata = propertyAt(
        spec,
        requestSchema(spec, "createMediaMetadata") ?? {},
        ["metadata"],
      );
      for (const child of Object.values(propertiesOf(metadata))) {
        const field = deref(spec, child);
        if (field && field !== metadata) targets.push(field);
      }
      for (const field of new Set(targets)) {
        if (!isObject(field["properties"])) continue;
        for (const key of Object.keys(field))
          if (key !== "description") delete field[key];
        field["type"] = "object";
        n++;
      }
      return n;
    },
  },
  {
    name: "new-field-and-enum-value",
    seen: "2.167 added image/video to FINALIZE and STATUS; enums grow (media categories, states)",
    apply: (spec) => {
      let n = 0;
      for (const id of ["finalizeMediaUpload", "getMediaUploadStatus"]) {
        const data = propertyAt(spec, responseSchema(spec, id), ["data"]);
        if (!data) continue;
        const properties = (data["properties"] ??= {}) as JsonObject;
        properties["audio"] = {
          type: "object",
          description: "Evolved: a new optional field.",
          properties: { audio_type: { type: "string" } },
        };
        n++;
      }
      for (const schema of responseSchemas(spec)) {
        forEachSchema(spec, schema, (node) => {
          if (
            !Array.isArray(node["enum"]) ||
            node["enum"].includes("evolved_value")
          )
            return;
          node["enum"] = [...node["enum"], "evolved_value"];
          n++;
        });
      }
      return n;
    },
  },
  {
    name: "enum-to-string",
    seen: "2.167 dropped processing_info.state's enum to a plain string",
    apply: (spec) => {
      let n = 0;
      for (const schema of responseSchemas(spec)) {
        forEachSchema(spec, schema, (node) => {
          if (!Array.isArray(node["enum"]) || node["type"] !== "string") return;
          delete node["enum"];
          n++;
        });
      }
      return n;
    },
  },
  {
    name: "closed-objects",
    seen: "2.167 added `additionalProperties: false` to processing_info, image, video",
    apply: (spec) => {
      let n = 0;
      for (const schema of responseSchemas(spec)) {
        forEachSchema(spec, schema, (node) => {
          if (
            !isObject(node["properties"]) ||
            node["additionalProperties"] !== undefined
          )
            return;
          node["additionalProperties"] = false;
          n++;
        });
      }
      return n;
    },
  },
];

/** Component schema names the media operations reach, sorted. */
function mediaSchemaNames(spec: JsonObject): string[] {
  const extract = extractMediaSpec({
    source: "mutation",
    sha256: "",
    text: "",
    document: spec,
  });
  return Object.keys(schemasOf(extract)).sort();
}

function schemasOf(spec: JsonObject): JsonObject {
  const components = (spec["components"] ??= {}) as JsonObject;
  return (components["schemas"] ??= {}) as JsonObject;
}

function propertiesOf(node: JsonObject | undefined): JsonObject {
  return isObject(node?.["properties"]) ? node["properties"] : {};
}

function requestSchema(spec: JsonObject, id: string): JsonObject | undefined {
  return requestSchemas(spec, id)[0];
}

function requestSchemas(spec: JsonObject, id: string): JsonObject[] {
  const body = deref(spec, findOperation(spec, id)["requestBody"]);
  const content = isObject(body?.["content"]) ? body["content"] : {};
  return Object.values(content).flatMap((media) => {
    const schema = isObject(media) ? deref(spec, media["schema"]) : undefined;
    return schema ? [schema] : [];
  });
}

/** The 200 response schemas of every media operation. */
function responseSchemas(spec: JsonObject): JsonObject[] {
  const extract = extractMediaSpec({
    source: "mutation",
    sha256: "",
    text: "",
    document: spec,
  });
  const ids = (extract["x-upstream"] as { operations: string[] }).operations;
  return ids.flatMap((id) => {
    try {
      return [responseSchema(spec, id)];
    } catch {
      return [];
    }
  });
}

/** Calls `visit` on every schema object below `root` (through $ref, once each). */
function forEachSchema(
  spec: JsonObject,
  root: JsonObject,
  visit: (node: JsonObject) => void,
): void {
  const seen = new Set<JsonObject>();
  const walk = (value: Json | undefined): void => {
    const node = deref(spec, value);
    if (!node || seen.has(node)) return;
    seen.add(node);
    visit(node);
    for (const child of Object.values(propertiesOf(node))) walk(child);
    for (const key of ["allOf", "anyOf", "oneOf"]) {
      const members = node[key];
      if (Array.isArray(members)) members.forEach(walk);
    }
    walk(node["items"]);
    if (isObject(node["additionalProperties"]))
      walk(node["additionalProperties"]);
  };
  walk(root);
}

/** Rewrites every `$ref` string (and discriminator mapping target). */
function rewriteRefs(node: Json, rename: (ref: string) => string): void {
  if (Array.isArray(node)) return node.forEach((n) => rewriteRefs(n, rename));
  if (!isObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    if (key === "$ref" && typeof child === "string") node[key] = rename(child);
    else if (key === "mapping" && isObject(child)) {
      for (const [k, v] of Object.entries(child))
        if (typeof v === "string") child[k] = rename(v);
    } else rewriteRefs(child, rename);
  }
}

/** Replaces `{ $ref }` objects for which `by` returns a schema with that schema (siblings kept). */
function replaceRefs(
  node: Json,
  by: (ref: string) => JsonObject | undefined,
): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      const swap = refSwap(child, by);
      if (swap) node[i] = swap;
      else replaceRefs(child, by);
    });
    return;
  }
  if (!isObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    const swap = refSwap(child, by);
    if (swap) node[key] = swap;
    else replaceRefs(child, by);
  }
}

function refSwap(
  node: Json,
  by: (ref: string) => JsonObject | undefined,
): JsonObject | undefined {
  if (!isObject(node) || typeof node["$ref"] !== "string") return undefined;
  const schema = by(node["$ref"]);
  if (!schema) return undefined;
  const siblings = { ...node };
  delete siblings["$ref"];
  return { ...schema, ...siblings };
}

/** A change that must break the build (a response field's type changes under hand-written code): `--control` checks the harness can fail. */
export const CONTROL: Mutation = {
  name: "control-breaking-change",
  seen: "(none: proves a breaking change is caught)",
  apply: (spec) => {
    let n = 0;
    for (const id of ["finalizeMediaUpload", "getMediaUploadStatus"]) {
      const info = propertyAt(spec, responseSchema(spec, id), [
        "data",
        "processing_info",
      ]);
      const percent = propertyAt(spec, info ?? {}, ["progress_percent"]);
      if (!percent) continue;
      percent["type"] = "string";
      n++;
    }
    return n;
  },
};
