// The operations of an extract by operationId, and what changed about each as a whole.
import type { Change } from "./diff.js";
import { HTTP_METHODS } from "./extract.js";
import { operationFacts, type Facts } from "./facts.js";
import { isObject, type JsonObject } from "./load.js";

/** One operation: `METHOD /path`, its object, and its facts. */
export interface Operation {
  label: string;
  op: JsonObject;
  facts: Facts;
}

/** Every operation of an extract by operationId (or `METHOD /path` when it has none). */
export function operationsOf(extract: JsonObject): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  const paths = isObject(extract["paths"]) ? extract["paths"] : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const label = `${method.toUpperCase()} ${path}`;
      const id =
        typeof op["operationId"] === "string" ? op["operationId"] : label;
      operations.set(id, {
        label,
        op,
        facts: operationFacts(extract, item, op),
      });
    }
  }
  return operations;
}

/** Path or method moved, security alternatives added or dropped, deprecation. */
export function operationChanges(a: Operation, b: Operation): Change[] {
  const changes: Change[] = [];
  if (a.label !== b.label)
    changes.push({
      key: "operation",
      text: `moved from ${a.label}`,
      breaking: true,
    });
  if (a.op["deprecated"] !== b.op["deprecated"]) {
    const text =
      b.op["deprecated"] === true ? "now deprecated" : "no longer deprecated";
    changes.push({ key: "operation", text, breaking: false });
  }
  const was = securityOf(a.op);
  const now = securityOf(b.op);
  const dropped = was.filter((s) => !now.includes(s));
  const added = now.filter((s) => !was.includes(s));
  if (dropped.length > 0)
    changes.push({
      key: "security",
      text: `no longer accepts ${dropped.join(", ")}`,
      breaking: true,
    });
  if (added.length > 0)
    changes.push({
      key: "security",
      text: `now also accepts ${added.join(", ")}`,
      breaking: false,
    });
  return changes;
}

function securityOf(op: JsonObject): string[] {
  const security = Array.isArray(op["security"]) ? op["security"] : [];
  return security.filter(isObject).map((alternative) =>
    Object.entries(alternative)
      .map(
        ([scheme, scopes]) =>
          `${scheme}${Array.isArray(scopes) && scopes.length > 0 ? ` [${scopes.join(" ")}]` : ""}`,
      )
      .sort()
      .join(" + "),
  );
}
