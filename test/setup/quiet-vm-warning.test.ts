// `npm test` preloads quiet-vm-warning.mjs: jest's VM Modules warning is gone, every other warning still prints.
import { expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const script = `
import vm from "node:vm";
new vm.SourceTextModule("export default 1");
process.emitWarning("Another feature is an experimental feature", "ExperimentalWarning");
process.emitWarning("A deprecation", "DeprecationWarning");
`;

function stderrWith(nodeOptions: string): string {
  const run = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", script],
    { env: { ...process.env, NODE_OPTIONS: nodeOptions }, encoding: "utf8" },
  );
  expect(run.status).toBe(0);
  return run.stderr;
}

test("without the preload Node prints the VM Modules warning", () => {
  expect(stderrWith("--experimental-vm-modules")).toContain(
    "ExperimentalWarning: VM Modules is an experimental feature",
  );
});

test("the preload silences that warning only", () => {
  const stderr = stderrWith(
    `--experimental-vm-modules --import="${process.cwd()}/test/setup/quiet-vm-warning.mjs"`,
  );
  expect(stderr).not.toContain("VM Modules");
  expect(stderr).toContain(
    "ExperimentalWarning: Another feature is an experimental feature",
  );
  expect(stderr).toContain("DeprecationWarning: A deprecation");
});

// By absolute path: tests that run Node in a temp copy of the repository inherit NODE_OPTIONS.
test("npm test preloads it by absolute path", () => {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as {
    scripts: Record<string, string>;
  };
  expect(scripts["test"]).toContain(
    '--import=\\"$PWD/test/setup/quiet-vm-warning.mjs\\"',
  );
});
