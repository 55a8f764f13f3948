// The "Regenerating from a new X spec" workflow (docs/regenerating.md), run for real on X's 2.159 in a temp copy.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { JsonObject } from "../../scripts/lib/load.js";
import { makeWorkspace, type RunResult } from "./helpers/workspace.js";

const SPEC_2159 = "/work/shared/specs/openapi-2.159.json";

/** `file(line,col): error TSxxxx: message` lines of a tsc run, positions dropped. */
const typeErrors = (result: RunResult): string[] =>
  result.stdout
    .split("\n")
    .filter((line) => line.includes(": error TS"))
    .map((line) => line.replace(/\(\d+,\d+\)/, ""));

const PROBE = `import type { operations } from "../generated/openapi.js";
type Initialized =
  operations["initializeMediaUpload"]["responses"][200]["content"]["application/json"];
/** Reads the media id the way code written against 2.156 may. */
export const mediaIdOf = (body: Initialized): string =>
  body.data ? body.data.id : "";
`;

describe("upgrading to X's spec 2.159 (temp copy: spec:update → generate → typecheck)", () => {
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  let typecheck: () => Promise<RunResult>;
  let baseline: string[];
  beforeAll(async () => {
    workspace = await makeWorkspace([
      "src",
      "generated",
      "scripts",
      "openapi",
      "test",
      "bench",
      "package.json",
      "tsconfig.json",
    ]);
    // The whole project as `npm run typecheck` sees it: library, generated types, scripts, tests, bench.
    await writeFile(
      join(workspace.dir, "tsconfig.upgrade.json"),
      JSON.stringify({
        extends: "./tsconfig.json",
        include: ["src", "generated", "scripts", "test", "bench"],
      }),
    );
    // Hand-written code that assumes `data.id` is always there, as src/ might: the upgrade must flag it.
    await writeFile(join(workspace.dir, "src/upgrade-probe.ts"), PROBE);
    typecheck = () =>
      workspace.run([
        "tsc",
        "--noEmit",
        "--pretty",
        "false",
        "-p",
        "tsconfig.upgrade.json",
      ]);
    baseline = typeErrors(await typecheck());
    // Before the upgrade only the probe's file exists as extra code, and it compiles against 2.156.
    expect(baseline).toEqual([]);
  });
  afterAll(() => workspace.remove());

  it("spec:update writes the 2.159 extract and its summary names the dropped required fields", async () => {
    const result = await workspace.run([
      "tsx",
      "scripts/spec-update.ts",
      SPEC_2159,
    ]);
    expect(result.code).toBe(0);
    for (const id of [
      "finalizeMediaUpload",
      "getMediaUploadStatus",
      "initializeMediaUpload",
      "mediaUpload",
    ]) {
      expect(result.stdout).toMatch(
        new RegExp(
          `^${id} \\(.*\\)\\n  ! 200 application/json data\\.id: no longer required.*\\n  ! 200 application/json data\\.media_key: no longer required`,
          "m",
        ),
      );
    }
    const extract = JSON.parse(
      await readFile(
        join(workspace.dir, "openapi/x-media.openapi.json"),
        "utf8",
      ),
    ) as JsonObject;
    expect((extract["x-upstream"] as JsonObject)["version"]).toBe("2.159");
  });

  it("generate rewrites generated/ with id and media_key optional, all patches still needed", async () => {
    const result = await workspace.run(["tsx", "scripts/generate.ts"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("no longer needed");
    const types = await readFile(
      join(workspace.dir, "generated/openapi.ts"),
      "utf8",
    );
    expect(types).toContain("// X API v2 spec 2.159, upstream sha256 71944b1b");
    expect(types).toContain('media_key?: components["schemas"]["MediaKey"];');
    expect(types).not.toContain(
      'media_key: components["schemas"]["MediaKey"];',
    );
    const check = await workspace.run([
      "tsx",
      "scripts/generate.ts",
      "--check",
    ]);
    expect(check.code).toBe(0);
  });

  it("type-check flags the probe that assumes data.id, and nothing else the upgrade touched", async () => {
    const result = await typecheck();
    const introduced = typeErrors(result).filter((e) => !baseline.includes(e));
    expect(result.code === 0 || typeErrors(result).length > 0).toBe(true);
    expect(introduced).toEqual([
      "src/upgrade-probe.ts: error TS2322: Type 'string | undefined' is not assignable to type 'string'.",
    ]);
  });
});
