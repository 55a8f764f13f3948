// Placeholder until the change summary lands.
import type { JsonObject } from "./load.js";

/** A readable summary of what changed between two extracts. */
export function summarizeChanges(
  previous: JsonObject,
  next: JsonObject,
): string {
  const a = (previous["info"] as JsonObject | undefined)?.["version"];
  const b = (next["info"] as JsonObject | undefined)?.["version"];
  return `Spec ${String(a)} → ${String(b)}.`;
}
