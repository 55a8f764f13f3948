// Finding schemas through operations (path, method, response), never through component names,
// which upstream renames between versions.
import { isObject, type JsonObject } from "./load.js";

/** Thrown when a patch's operation or response has vanished from the spec. */
export class PatchTargetError extends Error {
  override name = "PatchTargetError" as const;
}

/** The operation object for an operationId. */
export function findOperation(
  spec: JsonObject,
  operationId: string,
): JsonObject {
  for (const item of Object.values(spec["paths"] as JsonObject)) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (isObject(op) && op["operationId"] === operationId) return op;
    }
  }
  throw new PatchTargetError(
    `Operation ${operationId} is not in the spec any more.`,
  );
}

/** Follows a local `$ref` (repeatedly) to the object it names, inside `spec` itself. */
export function deref(spec: JsonObject, node: unknown): JsonObject | undefined {
  let current = node;
  for (
    let hops = 0;
    isObject(current) && typeof current["$ref"] === "string";
    hops++
  ) {
    if (hops > 32)
      throw new PatchTargetError(`$ref cycle at ${current["$ref"]}`);
    let target: unknown = spec;
    for (const part of current["$ref"].replace(/^#\//, "").split("/")) {
      target = isObject(target)
        ? target[part.replace(/~1/g, "/").replace(/~0/g, "~")]
        : undefined;
    }
    current = target;
  }
  return isObject(current) ? current : undefined;
}

/** The JSON schema of an operation's response (status, content type), dereferenced. */
export function responseSchema(
  spec: JsonObject,
  operationId: string,
  status = "200",
  contentType = "application/json",
): JsonObject {
  const op = findOperation(spec, operationId);
  const response = deref(
    spec,
    (op["responses"] as JsonObject | undefined)?.[status],
  );
  const media = (response?.["content"] as JsonObject | undefined)?.[
    contentType
  ];
  const schema = deref(spec, isObject(media) ? media["schema"] : undefined);
  if (!schema) {
    throw new PatchTargetError(
      `${operationId} has no ${status} ${contentType} response schema.`,
    );
  }
  return schema;
}

/** A property's schema below `schema` (dereferenced at each step, through allOf/anyOf/oneOf), or undefined. */
export function propertyAt(
  spec: JsonObject,
  schema: JsonObject,
  path: readonly string[],
): JsonObject | undefined {
  let current: JsonObject | undefined = schema;
  for (const name of path) {
    current = current && ownProperty(spec, current, name, 0);
  }
  return current;
}

// Upstream moves properties between inline objects, $refs and allOf members from one version to
// the next; a patch must find its field wherever it now lives.
function ownProperty(
  spec: JsonObject,
  schema: JsonObject,
  name: string,
  depth: number,
): JsonObject | undefined {
  if (depth > 32)
    throw new PatchTargetError(`schema nesting too deep at ${name}`);
  const direct = deref(
    spec,
    (schema["properties"] as JsonObject | undefined)?.[name],
  );
  if (direct) return direct;
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      const target = deref(spec, member);
      const found = target && ownProperty(spec, target, name, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
