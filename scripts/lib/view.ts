// One schema position seen through $ref, allOf, anyOf, oneOf and discriminator mappings:
// its type, enum, constraints, required names and child schemas, with component names gone.
import {
  addConstraint,
  addProperty,
  CONSTRAINT_KEYS,
  emptyAcc,
  toView,
  type Acc,
  type SchemaView,
} from "./acc.js";
import { isObject, type Json, type JsonObject } from "./load.js";
import { deref } from "./locate.js";

/** Builds the view of `schema`; refs in `ancestors` count as cycles and contribute nothing. */
export function schemaView(
  spec: JsonObject,
  schema: Json,
  ancestors: ReadonlySet<string>,
): SchemaView {
  const refs = new Set(ancestors);
  const acc = emptyAcc();
  collect(spec, schema, ancestors, refs, acc);
  return toView(acc, refs);
}

/** Adds what `schema` says to `acc`; `stack` holds the refs of this branch, `refs` all refs seen. */
function collect(
  spec: JsonObject,
  schema: Json,
  stack: ReadonlySet<string>,
  refs: Set<string>,
  acc: Acc,
): void {
  if (!isObject(schema)) return;
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    if (stack.has(ref)) {
      acc.recursive = true;
      return;
    }
    refs.add(ref);
    collect(
      spec,
      deref(spec, schema) ?? {},
      new Set([...stack, ref]),
      refs,
      acc,
    );
    return;
  }
  const types = Array.isArray(schema["type"])
    ? schema["type"]
    : [schema["type"]];
  for (const type of types) if (typeof type === "string") acc.types.add(type);
  if (schema["nullable"] === true) acc.types.add("null");
  if (Array.isArray(schema["enum"]))
    acc.enum = new Set(schema["enum"].map((v) => JSON.stringify(v)));
  for (const key of CONSTRAINT_KEYS) {
    const value = schema[key];
    if (
      value === undefined ||
      (key === "additionalProperties" && isObject(value))
    )
      continue;
    addConstraint(acc, key, JSON.stringify(value));
  }
  if (isObject(schema["additionalProperties"]))
    acc.additional.push(schema["additionalProperties"]);
  if (Array.isArray(schema["required"]))
    for (const name of schema["required"]) acc.required.add(String(name));
  if (isObject(schema["properties"])) {
    for (const [name, child] of Object.entries(schema["properties"]))
      addProperty(acc, name, child, "allOf");
  }
  if (schema["items"] !== undefined) acc.items.push(schema["items"]);
  for (const member of list(schema["allOf"]))
    collect(spec, member, stack, refs, acc);
  const variants = [
    ...list(schema["oneOf"]),
    ...list(schema["anyOf"]),
    ...mappingTargets(schema),
  ];
  if (variants.length > 0) mergeVariants(spec, variants, stack, refs, acc);
}

/** oneOf/anyOf/mapping: types, enums, properties united; only names every variant requires stay required. */
function mergeVariants(
  spec: JsonObject,
  variants: Json[],
  stack: ReadonlySet<string>,
  refs: Set<string>,
  acc: Acc,
): void {
  const views = variants.map((variant) => {
    const v = emptyAcc();
    collect(spec, variant, stack, refs, v);
    return v;
  });
  // A union is an enum only if every typed variant is one (anyOf [enum, string] is any string).
  const typed = views.filter((v) => v.types.size > 0);
  if (typed.length > 0) {
    acc.enum = typed.every((v) => v.enum)
      ? new Set([
          ...(acc.enum ?? []),
          ...typed.flatMap((v) => [...(v.enum ?? [])]),
        ])
      : undefined;
  }
  let shared: Set<string> | undefined;
  for (const v of views) {
    v.types.forEach((t) => acc.types.add(t));
    for (const [key, values] of v.constraints)
      values.forEach((value) => addConstraint(acc, key, value));
    for (const [name, child] of v.properties)
      addProperty(acc, name, child, "anyOf");
    acc.items.push(...v.items);
    acc.additional.push(...v.additional);
    acc.recursive ||= v.recursive;
    shared = shared
      ? new Set([...shared].filter((n) => v.required.has(n)))
      : new Set(v.required);
  }
  shared?.forEach((name) => acc.required.add(name));
}

function list(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function mappingTargets(schema: JsonObject): Json[] {
  const discriminator = schema["discriminator"];
  const mapping = isObject(discriminator)
    ? discriminator["mapping"]
    : undefined;
  if (!isObject(mapping)) return [];
  return Object.values(mapping).flatMap((target) =>
    typeof target === "string" ? [{ $ref: target }] : [],
  );
}
