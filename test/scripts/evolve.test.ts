// The spec:evolve mutations (scripts/evolve/mutations.ts) on the committed version's upstream spec: each
// finds something to change and changes the media extract. The full pipeline run per variant is
// `npm run spec:evolve` (CI: --combined); this checks the mutations themselves, fast.
import { beforeAll, describe, expect, it } from "@jest/globals";
import { CONTROL, MUTATIONS } from "../../scripts/evolve/mutations.js";
import { extractMediaSpec } from "../../scripts/lib/extract.js";
import {
  loadSpec,
  type JsonObject,
  type LoadedSpec,
} from "../../scripts/lib/load.js";
import { summarizeChanges } from "../../scripts/lib/summary.js";
import { committedUpstream, specFixturePath } from "./helpers/fixtures.js";

const VERSION = committedUpstream().version;
let base: LoadedSpec;
let before: JsonObject;
beforeAll(async () => {
  base = await loadSpec(specFixturePath(VERSION));
  before = extractMediaSpec(base);
});

const schemaNames = (extract: JsonObject): string[] =>
  Object.keys(
    ((extract["components"] as JsonObject)["schemas"] ?? {}) as JsonObject,
  );

/** The media extract after one mutation, and how many places it changed. */
function mutated(name: string): { count: number; after: JsonObject } {
  const mutation = [...MUTATIONS, CONTROL].find((m) => m.name === name);
  if (!mutation) throw new Error(`no mutation ${name}`);
  const document = structuredClone(base.document);
  const count = mutation.apply(document);
  return { count, after: extractMediaSpec({ ...base, document }) };
}

describe(`spec:evolve mutations on X's ${VERSION}`, () => {
  it.each(MUTATIONS.map((m) => m.name))(
    "%s finds something to change and changes the media extract",
    (name) => {
      const { count, after } = mutated(name);
      expect(count).toBeGreaterThan(0);
      expect(after).not.toEqual(before);
    },
  );

  it("rename-components leaves none of the old names, and the summary calls them renamed", () => {
    const { after } = mutated("rename-components");
    const old = schemaNames(before);
    expect(schemaNames(after).filter((n) => old.includes(n))).toEqual([]);
    const summary = summarizeChanges(before, after);
    expect(summary).toContain("No changes to the media operations.");
    expect(summary).toContain(
      `    renamed: schemas/${old[0]} → Evolved${old[0]}`,
    );
    expect(summary).not.toContain("schemas removed");
  });

  it("inline-single-use removes components and the summary calls them inlined", () => {
    const { count, after } = mutated("inline-single-use");
    expect(schemaNames(after).length).toBe(schemaNames(before).length - count);
    const summary = summarizeChanges(before, after);
    expect(summary.match(/^ {4}inlined: /gm)?.length).toBe(count);
    expect(summary).toContain("No changes to the media operations.");
  });

  it("each kind shows in the change summary of the operations", () => {
    const expected: Record<string, string> = {
      "array-to-string": "type array → string",
      "bare-object": "removed",
      "enum-to-string": "no longer an enum (any value)",
      "closed-objects": "additionalProperties (none) → false",
      "new-field-and-enum-value":
        '"evolved_value" added (handle the new value)',
    };
    for (const [name, text] of Object.entries(expected))
      expect(summarizeChanges(before, mutated(name).after)).toContain(text);
  });

  it("the control mutation changes a field hand-written code reads", () => {
    const { count, after } = mutated(CONTROL.name);
    expect(count).toBe(2);
    expect(summarizeChanges(before, after)).toContain(
      "  ! 200 application/json data.processing_info.progress_percent: type integer → string",
    );
  });
});
