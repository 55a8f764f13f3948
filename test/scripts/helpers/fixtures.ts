// Version facts for tests, read from the committed extract and the versioned spec fixtures, so a spec
// upgrade (`npm run spec:update`, which stores its input as a fixture) needs no test edits.
import { readdirSync, readFileSync } from "node:fs";
import { extractMediaSpec } from "../../../scripts/lib/extract.js";
import { loadSpec, type JsonObject } from "../../../scripts/lib/load.js";
import {
  EXTRACT_PATH,
  SPEC_FIXTURES_DIR,
  specFixturePath,
} from "../../../scripts/lib/paths.js";

/** `x-upstream` of the committed extract. */
export interface Upstream {
  version: string;
  sha256: string;
  operations: string[];
}

/** The committed extract's `x-upstream`. */
export function committedUpstream(): Upstream {
  const extract = JSON.parse(readFileSync(EXTRACT_PATH, "utf8")) as JsonObject;
  return extract["x-upstream"] as unknown as Upstream;
}

/** Every fixture version, oldest first (numeric order: 2.159 < 2.167 < 2.1000 is not a concern of X's scheme). */
export function fixtureVersions(): string[] {
  return readdirSync(SPEC_FIXTURES_DIR)
    .flatMap((name) => /^openapi-(.+)\.json\.gz$/.exec(name)?.[1] ?? [])
    .sort(compareVersions);
}

/** The fixture version just before `version`, or undefined when it is the oldest. */
export function previousVersion(version: string): string | undefined {
  return fixtureVersions()
    .filter((v) => compareVersions(v, version) < 0)
    .at(-1);
}

/** Orders `2.156` before `2.159` before `2.167` (dot-separated numbers). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The media extract of one fixture version. */
export async function extractOf(version: string): Promise<JsonObject> {
  return extractMediaSpec(await loadSpec(specFixturePath(version)));
}

export { specFixturePath };
