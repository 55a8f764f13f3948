// Where each component is used: the operation positions (parameter, body, response field) whose
// schema is, or is assembled from, a `$ref` to it. Lets the summary tell a renamed, split or inlined
// component from a removed one.
import { HTTP_METHODS } from "./extract.js";
import { isObject, type Json, type JsonObject } from "./load.js";
import { deref } from "./locate.js";

const MAX_DEPTH = 16;

/** Position key (`initializeMediaUpload 200 application/json data.processing_info`) → component refs used there. */
export type Positions = Map<string, Set<string>>;

/** Every position of every operation with the component refs found at it. */
export function componentPositions(extract: JsonObject): Positions {
  const positions: Positions = new Map();
  const paths = isObject(extract["paths"]) ? extract["paths"] : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const id =
        typeof op["operationId"] === "string"
          ? op["operationId"]
          : `${method.toUpperCase()} ${path}`;
      const visit = (node: Json | undefined, key: string): void =>
        walk(extract, node, `${id} ${key}`, 0, new Set(), positions);
      for (const list of [item["parameters"], op["parameters"]]) {
        for (const raw of Array.isArray(list) ? list : []) {
          const param = deref(extract, raw);
          const key = `${String(param?.["in"])} ${String(param?.["name"])}`;
          record(positions, `${id} ${key}`, raw);
          visit(param?.["schema"], key);
        }
      }
      const body = op["requestBody"];
      record(positions, `${id} body`, body);
      for (const [type, media] of contentOf(deref(extract, body)))
        visit(media, `body ${type}`);
      const responses = isObject(op["responses"]) ? op["responses"] : {};
      for (const [status, raw] of Object.entries(responses)) {
        record(positions, `${id} ${status}`, raw);
        for (const [type, media] of contentOf(deref(extract, raw)))
          visit(media, `${status} ${type}`);
      }
    }
  }
  return positions;
}

function walk(
  spec: JsonObject,
  node: Json | undefined,
  key: string,
  depth: number,
  stack: ReadonlySet<string>,
  positions: Positions,
): void {
  if (!isObject(node) || depth > MAX_DEPTH) return;
  if (!positions.has(key)) positions.set(key, new Set());
  const ref = node["$ref"];
  if (typeof ref === "string") {
    record(positions, key, node);
    if (stack.has(ref)) return;
    walk(
      spec,
      deref(spec, node),
      key,
      depth,
      new Set([...stack, ref]),
      positions,
    );
    return;
  }
  for (const keyword of ["allOf", "anyOf", "oneOf"]) {
    const members = node[keyword];
    for (const member of Array.isArray(members) ? members : [])
      walk(spec, member, key, depth, stack, positions);
  }
  const properties = isObject(node["properties"]) ? node["properties"] : {};
  for (const [name, child] of Object.entries(properties))
    walk(spec, child, `${key}.${name}`, depth + 1, stack, positions);
  walk(spec, node["items"], `${key}[]`, depth + 1, stack, positions);
  walk(
    spec,
    node["additionalProperties"],
    `${key}.*`,
    depth + 1,
    stack,
    positions,
  );
}

function record(
  positions: Positions,
  key: string,
  node: Json | undefined,
): void {
  if (!isObject(node) || typeof node["$ref"] !== "string") return;
  if (!node["$ref"].startsWith("#/components/")) return;
  const refs = positions.get(key) ?? new Set<string>();
  positions.set(key, refs.add(node["$ref"]));
}

function contentOf(owner: JsonObject | undefined): [string, Json][] {
  const content = owner?.["content"];
  if (!isObject(content)) return [];
  return Object.entries(content).map(([type, media]) => [
    type,
    isObject(media) ? (media["schema"] ?? {}) : {},
  ]);
}
