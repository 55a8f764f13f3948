// The "Regenerating from a new X spec" workflow (docs/regenerating.md), run for real in a temp copy: from the fixture
// before the committed version, spec:update to the committed version → generate → typecheck. The
// versions come from the committed extract and the fixtures, so the next upgrade needs no edit here.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { JsonObject } from "../../scripts/lib/load.js";
import {
  EXTRACT_PATH,
  GENERATED_README_PATH,
  GENERATED_TYPES_PATH,
} from "../../scripts/lib/paths.js";
import {
  committedUpstream,
  extractOf,
  previousVersion,
  specFixturePath,
} from "./helpers/fixtures.js";
import { makeWorkspace, ROOT, type RunResult } from "./helpers/workspace.js";

const CURRENT = committedUpstream().version;
const PREVIOUS = previousVersion(CURRENT);

/** `file(line,col): error TSxxxx: message` lines of a tsc run. */
const typeErrors = (result: RunResult): string[] =>
  result.stdout.split("\n").filter((line) => line.includes(": error TS"));

const rel = (path: string): string => path.slice(ROOT.length);

describe(`upgrading from X's spec ${PREVIOUS} to ${CURRENT} (temp copy: spec:update → generate → typecheck)`, () => {
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    expect(PREVIOUS).toBeDefined();
    workspace = await makeWorkspace([
      "src",
      "generated",
      "scripts",
      "openapi",
      "test",
      "bench",
      "package.json",
      "tsconfig.json",
      ".prettierrc.json",
    ]);
    // The repository as it was at the previous version: its extract, and generated/ from it.
    const previous = await extractOf(PREVIOUS ?? "");
    await writeFile(
      join(workspace.dir, rel(EXTRACT_PATH)),
      `${JSON.stringify(previous, null, 2)}\n`,
    );
    const generated = await workspace.run(["tsx", "scripts/generate.ts"]);
    expect(generated.code).toBe(0);
  }, 120_000);
  afterAll(() => workspace.remove());

  it(`spec:update writes the ${CURRENT} extract, the committed one, and prints the change summary`, async () => {
    const result = await workspace.run([
      "tsx",
      "scripts/spec-update.ts",
      specFixturePath(CURRENT),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `X API spec ${PREVIOUS} → ${CURRENT}, media operations:`,
    );
    expect(result.stdout).toContain(
      "Next: npm run generate && npm run typecheck && npm test",
    );
    const written = await readFile(
      join(workspace.dir, rel(EXTRACT_PATH)),
      "utf8",
    );
    expect(written).toBe(await readFile(EXTRACT_PATH, "utf8"));
    expect(
      (JSON.parse(written) as JsonObject)["x-upstream"] as JsonObject,
    ).toMatchObject({ version: CURRENT });
  }, 60_000);

  it("generate writes exactly the committed generated/, and --check agrees", async () => {
    const result = await workspace.run(["tsx", "scripts/generate.ts"]);
    expect(result.code).toBe(0);
    for (const path of [GENERATED_TYPES_PATH, GENERATED_README_PATH]) {
      expect(await readFile(join(workspace.dir, rel(path)), "utf8")).toBe(
        await readFile(path, "utf8"),
      );
    }
    const check = await workspace.run([
      "tsx",
      "scripts/generate.ts",
      "--check",
    ]);
    expect(check.code).toBe(0);
  }, 120_000);

  it("the whole project (src, scripts, test, bench) type-checks with no edit", async () => {
    const result = await workspace.run([
      "tsc",
      "--noEmit",
      "--pretty",
      "false",
      "-p",
      "tsconfig.json",
    ]);
    expect(typeErrors(result)).toEqual([]);
    expect(result.code).toBe(0);
  }, 180_000);
});
