// Component names renamed, added or removed between two extracts.
import { isObject, sortKeys, type JsonObject } from "./load.js";

/** Components renamed (same content, new name), added or removed, per section. */
export function componentChanges(
  previous: JsonObject,
  next: JsonObject,
): string[] {
  const lines: string[] = [];
  const sectionsA = isObject(previous["components"])
    ? previous["components"]
    : {};
  const sectionsB = isObject(next["components"]) ? next["components"] : {};
  for (const section of [
    ...new Set([...Object.keys(sectionsA), ...Object.keys(sectionsB)]),
  ].sort()) {
    const a = isObject(sectionsA[section]) ? sectionsA[section] : {};
    const b = isObject(sectionsB[section]) ? sectionsB[section] : {};
    const text = (value: JsonObject, name: string): string =>
      JSON.stringify(sortKeys(value[name] ?? null));
    const removed = Object.keys(a)
      .filter((name) => !(name in b))
      .sort();
    const added = Object.keys(b)
      .filter((name) => !(name in a))
      .sort();
    for (const name of [...removed]) {
      const renamed = added.find(
        (candidate) => text(b, candidate) === text(a, name),
      );
      if (renamed === undefined) continue;
      lines.push(`    ${section}/${name} renamed to ${renamed}`);
      removed.splice(removed.indexOf(name), 1);
      added.splice(added.indexOf(renamed), 1);
    }
    if (added.length > 0)
      lines.push(`    ${section} added: ${added.join(", ")}`);
    if (removed.length > 0)
      lines.push(`    ${section} removed: ${removed.join(", ")}`);
  }
  return lines;
}
