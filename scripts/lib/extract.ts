// Extracting the media operations, with every component they reach, from the full upstream spec.
import {
  isObject,
  sortKeys,
  type Json,
  type JsonObject,
  type LoadedSpec,
} from "./load.js";

/** The operations this library is built on, by operationId. */
export const MEDIA_OPERATIONS = [
  "initializeMediaUpload",
  "appendMediaUpload",
  "finalizeMediaUpload",
  "getMediaUploadStatus",
  "createMediaMetadata",
  "createMediaSubtitles",
  "deleteMediaSubtitles",
  "mediaUpload",
] as const;

/** The operation keys of an OpenAPI path item. */
export const HTTP_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
];

/** Where the extract came from; stored under `x-upstream` in the extract. */
export interface UpstreamInfo {
  version: string;
  sha256: string;
  operations: string[];
}

/** Builds the deterministic extract of MEDIA_OPERATIONS from a full spec. */
export function extractMediaSpec(spec: LoadedSpec): JsonObject {
  const doc = spec.document;
  const paths = isObject(doc["paths"]) ? doc["paths"] : {};
  const outPaths: JsonObject = {};
  const found = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (
        !isObject(op) ||
        !MEDIA_OPERATIONS.includes(op["operationId"] as never)
      )
        continue;
      found.add(op["operationId"] as string);
      const outItem = (outPaths[path] ??= {}) as JsonObject;
      if (item["parameters"] !== undefined)
        outItem["parameters"] = item["parameters"];
      outItem[method] = op;
    }
  }
  const missing = MEDIA_OPERATIONS.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new Error(
      `The spec at ${spec.source} lacks operations: ${missing.join(", ")}.`,
    );
  }

  const components = collectComponents(doc, outPaths);
  const info = isObject(doc["info"]) ? doc["info"] : {};
  const upstream: UpstreamInfo = {
    version: String(info["version"] ?? "unknown"),
    sha256: spec.sha256,
    operations: [...MEDIA_OPERATIONS].sort(),
  };
  return sortKeys({
    openapi: doc["openapi"] as Json,
    info: { title: info["title"] ?? "X API v2", version: upstream.version },
    servers: doc["servers"] ?? [],
    paths: outPaths,
    components,
    "x-upstream": upstream as unknown as Json,
  });
}

/** Copies each `#/components/...` target reachable from `root` (discriminator mappings included). */
function collectComponents(doc: JsonObject, root: Json): JsonObject {
  const out: JsonObject = {};
  const seen = new Set<string>();
  const queue: Json[] = [root];
  // Security schemes are referenced by name from `security`, not by $ref.
  for (const name of securitySchemeNames(root))
    queue.push({ $ref: `#/components/securitySchemes/${name}` });
  while (queue.length > 0) {
    const node = queue.pop() as Json;
    for (const ref of refsIn(node)) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      const [section, name] = ref.replace("#/components/", "").split("/") as [
        string,
        string,
      ];
      const target = isObject(doc["components"])
        ? (doc["components"][section] as JsonObject)?.[name]
        : undefined;
      // An absent target stays a dangling ref; scripts/patches.ts deals with the known cases.
      if (target === undefined) continue;
      ((out[section] ??= {}) as JsonObject)[name] = target;
      queue.push(target);
    }
  }
  return out;
}

/** Every local component ref in a node: `$ref` values and discriminator mapping targets. */
export function refsIn(node: Json): string[] {
  const refs: string[] = [];
  const walk = (value: Json): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") refs.push(child);
      else if (
        key === "discriminator" &&
        isObject(child) &&
        isObject(child["mapping"])
      ) {
        for (const target of Object.values(child["mapping"])) {
          if (typeof target === "string") refs.push(target);
        }
      } else walk(child);
    }
  };
  walk(node);
  return refs.filter((ref) => ref.startsWith("#/components/"));
}

function securitySchemeNames(paths: Json): Set<string> {
  const names = new Set<string>();
  const walk = (value: Json): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === "security" && Array.isArray(child)) {
        for (const req of child)
          if (isObject(req)) Object.keys(req).forEach((n) => names.add(n));
      } else walk(child);
    }
  };
  walk(paths);
  return names;
}
