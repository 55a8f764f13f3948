// The accumulator a schema traversal fills (scripts/lib/view.ts), and the view it becomes.
import type { Json } from "./load.js";

/** The merged, name-free view of a schema at one position. */
export interface SchemaView {
  type: string;
  enum?: string[];
  constraints: Record<string, string>;
  required: string[];
  properties: Map<string, Json>;
  items?: Json;
  /** The `additionalProperties` schema, when it is one. */
  additional?: Json;
  /** Every $ref followed to build this view; children treat them as ancestors (cycle guard). */
  refs: Set<string>;
}

/** Keywords reported as constraints (OpenAPI 3.0 schema object). */
export const CONSTRAINT_KEYS: readonly string[] = (
  "minimum maximum exclusiveMinimum exclusiveMaximum multipleOf minLength maxLength pattern " +
  "format minItems maxItems uniqueItems additionalProperties default deprecated"
).split(" ");

/** What the traversal has gathered so far at one position. */
export interface Acc {
  types: Set<string>;
  /** undefined: not (or not only) an enum. */
  enum: Set<string> | undefined;
  constraints: Map<string, Set<string>>;
  required: Set<string>;
  properties: Map<string, Json>;
  items: Json[];
  additional: Json[];
  recursive: boolean;
}

/** A fresh accumulator. */
export const emptyAcc = (): Acc => ({
  types: new Set(),
  enum: undefined,
  constraints: new Map(),
  required: new Set(),
  properties: new Map(),
  items: [],
  additional: [],
  recursive: false,
});

/** Records one value of a constraint keyword. */
export function addConstraint(acc: Acc, key: string, value: string): void {
  const values = acc.constraints.get(key) ?? new Set<string>();
  acc.constraints.set(key, values.add(value));
}

/** Records a property schema; a second schema for the same name combines with the first (`how`). */
export function addProperty(
  acc: Acc,
  name: string,
  child: Json,
  how: "allOf" | "anyOf",
): void {
  const existing = acc.properties.get(name);
  acc.properties.set(
    name,
    existing === undefined ? child : { [how]: [existing, child] },
  );
}

/** The finished view: every list sorted, so facts never depend on upstream order. */
export function toView(acc: Acc, refs: Set<string>): SchemaView {
  const one = (list: Json[]): Json | undefined =>
    list.length > 1 ? { anyOf: list } : list[0];
  const fallback =
    acc.properties.size > 0
      ? "object"
      : acc.items.length > 0
        ? "array"
        : acc.recursive
          ? "(recursive)"
          : "any";
  const constraints: Record<string, string> = {};
  for (const [key, values] of [...acc.constraints].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    constraints[key] = [...values].sort().join(" | ");
  }
  const items = one(acc.items);
  const additional = one(acc.additional);
  return {
    type: acc.types.size > 0 ? [...acc.types].sort().join(" | ") : fallback,
    ...(acc.enum ? { enum: [...acc.enum].sort() } : {}),
    constraints,
    required: [...acc.required].sort(),
    properties: new Map(
      [...acc.properties].sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
    ...(items !== undefined ? { items } : {}),
    ...(additional !== undefined ? { additional } : {}),
    refs,
  };
}
