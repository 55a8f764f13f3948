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
  const perOperation = new Map<string, { label: string; lines: string[] }>();
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
    perOperation.set(id, { label: (b ?? a)?.label ?? id, lines });
  }
  const blocks = sharedFirst(perOperation, after.size);
  const breaking = blocks
    .flat()
    .filter((line) => line.startsWith("  ! ")).length;
  const components = componentChanges(previous, next);
  const out = [
    `X API spec ${version(previous)} → ${version(next)}, media operations:`,
  ];
  if (blocks.length > 0) {
    out.push(
      `${perOperation.size} of ${after.size} operations changed; ${breaking} line${breaking === 1 ? "" : "s"} marked ! ${breaking === 1 ? "is" : "are"} likely breaking (hand-written code or callers may need changes).`,
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
  if (perOperation.size === 0)
    out.push("", "No changes to the media operations.");
  return out.join("\n");
}

// A line every operation shows (X's shared error schema changing, say) is printed once, up front.
function sharedFirst(
  perOperation: Map<string, { label: string; lines: string[] }>,
  total: number,
): string[][] {
  const all = [...perOperation.values()];
  const shared =
    total > 2 && all.length === total
      ? (all[0]?.lines ?? []).filter((line) =>
          all.every((op) => op.lines.includes(line)),
        )
      : [];
  const blocks: string[][] = [];
  if (shared.length > 0)
    blocks.push([`All ${total} operations (listed once here)`, ...shared]);
  for (const [id, { label, lines }] of perOperation) {
    const own = lines.filter((line) => !shared.includes(line));
    if (own.length > 0) blocks.push([`${id} (${label})`, ...own]);
  }
  return blocks;
}

function version(extract: JsonObject): string {
  const info = extract["info"];
  return isObject(info) ? String(info["version"] ?? "?") : "?";
}
