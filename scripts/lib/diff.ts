// Comparing one operation's facts before and after a spec update, line by line.
import { factKey, type Fact, type Facts } from "./facts.js";

/** One line of the change summary. */
export interface Change {
  /** Fact key the line is about, e.g. `200 application/json data.id`. */
  key: string;
  text: string;
  /** Likely to break hand-written code or callers. */
  breaking: boolean;
}

const LOWER_BOUNDS = ["minimum", "exclusiveMinimum", "minLength", "minItems"];
const UPPER_BOUNDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems"];
const NARROWING = [
  "pattern",
  "format",
  "multipleOf",
  "uniqueItems",
  "additionalProperties",
];

/** Every change between two fact sets of the same operation, parameters first, then body, then responses. */
export function diffFacts(before: Facts, after: Facts): Change[] {
  const changes: Change[] = [];
  const add = (key: string, text: string, breaking: boolean): void => {
    changes.push({ key, text, breaking });
  };
  for (const [key, fact] of before) {
    const next = after.get(key);
    if (!next) {
      if (!fact.parent || after.has(fact.parent)) add(key, "removed", true);
      continue;
    }
    compareFact(fact, next, add);
    for (const name of fact.required.filter(
      (n) => !next.required.includes(n),
    )) {
      const child = childKey(fact, name);
      if (before.has(child) && !after.has(child)) continue; // reported as removed
      if (fact.input) add(child, "no longer required", false);
      else
        add(
          child,
          "no longer required (may be absent: handle undefined)",
          true,
        );
    }
    for (const name of next.required.filter(
      (n) => !fact.required.includes(n),
    )) {
      const child = childKey(fact, name);
      if (after.has(child) && !before.has(child)) continue; // reported as added
      add(
        child,
        fact.input ? "now required (callers must send it)" : "now required",
        fact.input,
      );
    }
  }
  for (const [key, fact] of after) {
    if (before.has(key) || (fact.parent && !before.has(fact.parent))) continue;
    const required = fact.requiredSelf ?? isRequiredIn(after, fact);
    if (fact.input && required)
      add(key, "added, required (callers must send it)", true);
    else add(key, "added", false);
  }
  return changes.sort(
    (a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : 1),
  );
}

function compareFact(
  a: Fact,
  b: Fact,
  add: (key: string, text: string, breaking: boolean) => void,
): void {
  const key = factKey(a.location, a.path);
  if (a.type !== b.type) add(key, `type ${a.type} → ${b.type}`, true);
  if (a.requiredSelf !== b.requiredSelf) {
    if (b.requiredSelf) add(key, "now required (callers must send it)", true);
    else add(key, "no longer required", false);
  }
  compareEnums(key, a, b, add);
  for (const name of new Set([
    ...Object.keys(a.constraints),
    ...Object.keys(b.constraints),
  ])) {
    const from = a.constraints[name];
    const to = b.constraints[name];
    if (from === to) continue;
    add(
      key,
      `${name} ${from ?? "(none)"} → ${to ?? "(none)"}`,
      a.input && narrows(name, from, to),
    );
  }
}

function compareEnums(
  key: string,
  a: Fact,
  b: Fact,
  add: (key: string, text: string, breaking: boolean) => void,
): void {
  if (!a.enum && !b.enum) return;
  if (!a.enum)
    return add(
      key,
      `now limited to enum ${(b.enum ?? []).join(", ")}`,
      a.input,
    );
  if (!b.enum) return add(key, "no longer an enum (any value)", !a.input);
  const removed = a.enum.filter((v) => !b.enum?.includes(v));
  const added = b.enum.filter((v) => !a.enum?.includes(v));
  const values = (list: string[]): string =>
    `enum value${list.length > 1 ? "s" : ""} ${list.join(", ")}`;
  if (removed.length > 0) add(key, `${values(removed)} removed`, a.input);
  if (added.length > 0) {
    add(
      key,
      `${values(added)} added${a.input ? "" : " (handle the new value)"}`,
      !a.input,
    );
  }
}

/** True when the new constraint accepts less than the old one. */
function narrows(
  name: string,
  from: string | undefined,
  to: string | undefined,
): boolean {
  if (to === undefined) return false;
  if (from === undefined) return true;
  if (LOWER_BOUNDS.includes(name)) return Number(to) > Number(from);
  if (UPPER_BOUNDS.includes(name)) return Number(to) < Number(from);
  return NARROWING.includes(name);
}

function childKey(fact: Fact, name: string): string {
  return factKey(fact.location, fact.path ? `${fact.path}.${name}` : name);
}

function isRequiredIn(facts: Facts, fact: Fact): boolean {
  const parent = fact.parent ? facts.get(fact.parent) : undefined;
  const name = fact.path.slice(fact.path.lastIndexOf(".") + 1);
  return parent?.required.includes(name) ?? false;
}

function rank(key: string): number {
  if (/^(path|query|header|cookie) /.test(key)) return 0;
  return key.startsWith("body ") ? 1 : 2;
}
