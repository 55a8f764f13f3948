// The change summary `npm run spec:update` prints: per operation, $refs resolved, breaking lines marked.
import { componentChanges } from "./components.js";
import { diffFacts, type Change } from "./diff.js";
import { isObject, type JsonObject } from "./load.js";
import { operationChanges, operationsOf } from "./operations.js";

/** A readable summary of what changed between two extracts, grouped by operationId. */
export function summarizeChanges(
  previous: JsonObject,
  next: JsonObject,
): string {
  const before = operationsOf(previous);
  const after = operationsOf(next);
  const blocks: string[][] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(id);
    const b = after.get(id);
    const changes: Change[] = !b
      ? [
          {
            key: "operation",
            text: "removed (hand-written calls to it stop compiling)",
            breaking: true,
          },
        ]
      : !a
        ? [{ key: "operation", text: "added", breaking: false }]
        : [...operationChanges(a, b), ...diffFacts(a.facts, b.facts)];
    if (changes.length === 0) continue;
    const lines = changes.map(
      (c) => `  ${c.breaking ? "!" : " "} ${c.key}: ${c.text}`,
    );
    blocks.push([`${id} (${(b ?? a)?.label})`, ...lines]);
  }
  const breaking = blocks
    .flat()
    .filter((line) => line.startsWith("  ! ")).length;
  const components = componentChanges(previous, next);
  const out = [
    `X API spec ${version(previous)} → ${version(next)}, media operations:`,
  ];
  if (blocks.length > 0) {
    out.push(
      `${blocks.length} of ${after.size} operations changed; ${breaking} line${breaking === 1 ? "" : "s"} marked ! ${breaking === 1 ? "is" : "are"} likely breaking (hand-written code or callers may need changes).`,
    );
    for (const block of blocks) out.push("", ...block);
  }
  if (components.length > 0) {
    out.push(
      "",
      "Components (names only; their shapes are compared through the operations above):",
      ...components,
    );
  }
  if (blocks.length === 0) out.push("", "No changes to the media operations.");
  return out.join("\n");
}

function version(extract: JsonObject): string {
  const info = extract["info"];
  return isObject(info) ? String(info["version"] ?? "?") : "?";
}
