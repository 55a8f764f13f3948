// Flattening an operation into comparable "facts", one per parameter, body and schema position,
// with every $ref resolved so that component renames never change a fact.
import { isObject, type Json, type JsonObject } from "./load.js";
import { deref } from "./locate.js";
import type { SchemaView } from "./acc.js";
import { schemaView } from "./view.js";

/** What is known about one position: a parameter, a body, or a field below one. */
export interface Fact {
  /** `query media_id`, `body application/json`, `200 application/json`. */
  location: string;
  /** Dotted field path below the location (`data.id`, `errors[].title`); "" at the root. */
  path: string;
  /** Request side (parameters, body): narrowing breaks callers. Response side: widening does. */
  input: boolean;
  /** Key of the enclosing object's fact, if any. */
  parent?: string;
  type: string;
  /** JSON text of each enum value, sorted; absent when not an enum. */
  enum?: string[];
  /** Constraint name → JSON text of its value. */
  constraints: Record<string, string>;
  /** Names the object lists in `required`, sorted. */
  required: string[];
  /** For a parameter or body: whether it is required itself. */
  requiredSelf?: boolean;
}

/** Facts of one operation by key (`location` + " " + `path`). */
export type Facts = Map<string, Fact>;

const MAX_DEPTH = 16;

/** The fact key of a location and path. */
export function factKey(location: string, path: string): string {
  return path ? `${location} ${path}` : location;
}

/** All facts of an operation, its path item's parameters included. */
export function operationFacts(
  spec: JsonObject,
  pathItem: JsonObject,
  op: JsonObject,
): Facts {
  const facts: Facts = new Map();
  const params = new Map<string, JsonObject>();
  for (const list of [pathItem["parameters"], op["parameters"]]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const param = deref(spec, raw);
      if (param)
        params.set(`${String(param["in"])} ${String(param["name"])}`, param);
    }
  }
  for (const [location, param] of params) {
    const fact = walk(
      spec,
      facts,
      { location, path: "", input: true },
      param["schema"] ?? {},
    );
    fact.requiredSelf = param["required"] === true;
  }
  const body = deref(spec, op["requestBody"]);
  for (const [type, media] of Object.entries(contentOf(body))) {
    const fact = walk(
      spec,
      facts,
      { location: `body ${type}`, path: "", input: true },
      media,
    );
    fact.requiredSelf = body?.["required"] === true;
  }
  const responses = isObject(op["responses"]) ? op["responses"] : {};
  for (const [status, raw] of Object.entries(responses)) {
    const content = contentOf(deref(spec, raw));
    if (Object.keys(content).length === 0) {
      facts.set(status, {
        location: status,
        path: "",
        input: false,
        type: "(no content)",
        constraints: {},
        required: [],
      });
    }
    for (const [type, media] of Object.entries(content)) {
      walk(
        spec,
        facts,
        { location: `${status} ${type}`, path: "", input: false },
        media,
      );
    }
  }
  return facts;
}

function contentOf(owner: JsonObject | undefined): Record<string, Json> {
  const content = owner?.["content"];
  if (!isObject(content)) return {};
  const schemas: Record<string, Json> = {};
  for (const [type, media] of Object.entries(content)) {
    schemas[type] = isObject(media) ? (media["schema"] ?? {}) : {};
  }
  return schemas;
}

interface Position {
  location: string;
  path: string;
  input: boolean;
  parent?: string;
}

/** Records the fact at `at` and, recursively, those of its properties and items. */
function walk(
  spec: JsonObject,
  facts: Facts,
  at: Position,
  schema: Json,
  stack: ReadonlySet<string> = new Set(),
): Fact {
  const view: SchemaView = schemaView(spec, schema, stack);
  const key = factKey(at.location, at.path);
  const fact: Fact = {
    ...at,
    type: view.type,
    constraints: view.constraints,
    required: view.required,
    ...(view.enum ? { enum: view.enum } : {}),
  };
  facts.set(key, fact);
  if (at.path.split(".").length > MAX_DEPTH) return fact;
  const below = (suffix: string): Position => ({
    location: at.location,
    path: at.path ? `${at.path}${suffix}` : suffix.replace(/^\./, ""),
    input: at.input,
    parent: key,
  });
  for (const [name, child] of view.properties)
    walk(spec, facts, below(`.${name}`), child, view.refs);
  if (view.items !== undefined)
    walk(spec, facts, below("[]"), view.items, view.refs);
  if (view.additional !== undefined)
    walk(spec, facts, below(".*"), view.additional, view.refs);
  return fact;
}
