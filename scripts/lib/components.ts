// Component names renamed, split, inlined, added or removed between two extracts. A removed component
// is matched to what now stands where it was used (scripts/lib/positions.ts): one new component is a
// rename, several a split, none an inlining. Shapes are compared through the operations, not here.
import { isObject, sortKeys, type JsonObject } from "./load.js";
import { componentPositions, type Positions } from "./positions.js";

const PREFIX = "#/components/";

/** One line per renamed/split/inlined component, then what is left added or removed, per section. */
export function componentChanges(
  previous: JsonObject,
  next: JsonObject,
): string[] {
  const before = namesOf(previous);
  const after = namesOf(next);
  const removed = [...before.keys()].filter((ref) => !after.has(ref)).sort();
  const added = new Set([...after.keys()].filter((ref) => !before.has(ref)));
  const was = componentPositions(previous);
  const now = componentPositions(next);
  const lines: string[] = [];
  const gone: string[] = [];
  const claimed = new Set<string>();
  for (const ref of removed) {
    const places = [...was].filter(([, refs]) => refs.has(ref)).map(([k]) => k);
    const kept = places.filter((key) => now.has(key));
    const successors = [
      ...new Set(kept.flatMap((key) => [...(now.get(key) ?? [])])),
    ].filter(
      (candidate) => added.has(candidate) && sameSection(ref, candidate),
    );
    const sameText = [...added].find(
      (candidate) => before.get(ref) === after.get(candidate),
    );
    if (successors.length === 0 && kept.length === 0 && sameText) {
      lines.push(`    renamed: ${name(ref)} → ${short(sameText)}`);
      claimed.add(sameText);
    } else if (successors.length === 1) {
      const [to = ""] = successors;
      const note =
        before.get(ref) === after.get(to)
          ? ""
          : " (shape changes under the operations above)";
      lines.push(`    renamed: ${name(ref)} → ${short(to)}${note}`);
      claimed.add(to);
    } else if (successors.length > 1) {
      lines.push(
        `    split: ${name(ref)} → ${successors.map(short).sort().join(", ")}`,
      );
      successors.forEach((s) => claimed.add(s));
    } else if (kept.length > 0 && inlinedEverywhere(kept, now, before)) {
      lines.push(
        `    inlined: ${name(ref)} (spelled out at its ${kept.length} use${kept.length === 1 ? "" : "s"})`,
      );
    } else gone.push(ref);
  }
  const left = [...added].filter((ref) => !claimed.has(ref)).sort();
  for (const [verb, refs] of [
    ["added", left],
    ["removed", gone],
  ] as const) {
    for (const section of [...new Set(refs.map(sectionOf))].sort()) {
      const names = refs.filter((r) => sectionOf(r) === section).map(short);
      lines.push(`    ${section} ${verb}: ${names.join(", ")}`);
    }
  }
  return lines;
}

// Inlined: where it was used there is now no component of its section at all (a kept one would be a
// different story, reported by the operations).
function inlinedEverywhere(
  kept: string[],
  now: Positions,
  before: Map<string, string>,
): boolean {
  return kept.every((key) =>
    [...(now.get(key) ?? [])].every((ref) => before.has(ref)),
  );
}

/** `#/components/<section>/<name>` → the component's sorted JSON text. */
function namesOf(extract: JsonObject): Map<string, string> {
  const out = new Map<string, string>();
  const sections = isObject(extract["components"]) ? extract["components"] : {};
  for (const [section, entries] of Object.entries(sections)) {
    if (!isObject(entries)) continue;
    for (const [key, value] of Object.entries(entries))
      out.set(`${PREFIX}${section}/${key}`, JSON.stringify(sortKeys(value)));
  }
  return out;
}

const sectionOf = (ref: string): string =>
  ref.slice(PREFIX.length).split("/")[0] ?? "";
const name = (ref: string): string => ref.slice(PREFIX.length);
const short = (ref: string): string => ref.slice(ref.lastIndexOf("/") + 1);
const sameSection = (a: string, b: string): boolean =>
  sectionOf(a) === sectionOf(b);
