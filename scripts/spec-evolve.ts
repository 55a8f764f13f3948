// npm run spec:evolve [-- --combined] [--kinds a,b] [--spec path] [--keep] [--control]
// The spec-mutation harness: from a full upstream spec (default: the committed extract's upstream, from
// test/fixtures/specs) it writes variants with the kinds of change X has shipped (scripts/evolve/mutations.ts)
// and runs each through the maintainer's workflow in a temp copy of the repository, with no edit:
// spec:update → generate → typecheck (src, scripts, test, bench) → engine and fake-server tests.
// --combined: every mutation in one variant (what CI runs); otherwise one variant per kind.
// --control: one variant with a change that must break the typecheck; succeeds only if it does.
import { execFile } from "node:child_process";
import {
  cp,
  mkdtemp,
  readFile,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSpec, type JsonObject } from "./lib/load.js";
import { EXTRACT_PATH, specFixturePath } from "./lib/paths.js";
import { CONTROL, MUTATIONS, type Mutation } from "./evolve/mutations.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const COPIED = [
  "src",
  "generated",
  "scripts",
  "openapi",
  "test",
  "bench",
  "fixtures",
  "package.json",
  "tsconfig.json",
  "jest.config.js",
  ".prettierrc.json",
];
/** The engine and fake-server integration tests each variant must pass. */
export const EVOLVE_TESTS = [
  "test/engine",
  "test/media-client",
  "test/testing",
  "test/types",
];

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const upstream = JSON.parse(await readFile(EXTRACT_PATH, "utf8"))[
  "x-upstream"
] as { version: string };
const source = option("--spec") ?? specFixturePath(upstream.version);
const kinds = option("--kinds")?.split(",");
const chosen = MUTATIONS.filter((m) => !kinds || kinds.includes(m.name));
if (kinds && chosen.length !== kinds.length) {
  console.error(
    `Unknown kind in --kinds; known: ${MUTATIONS.map((m) => m.name).join(", ")}.`,
  );
  process.exit(2);
}
const control = args.includes("--control");
const variants: Mutation[][] = control
  ? [[CONTROL]]
  : args.includes("--combined")
    ? [chosen]
    : chosen.map((m) => [m]);

const base = await loadSpec(source);
console.log(
  `spec:evolve from ${source} (X API ${upstream.version}): ${variants.length} variant(s).`,
);
let failed = 0;
for (const mutations of variants) {
  const label = mutations.map((m) => m.name).join(" + ");
  const started = Date.now();
  const result = await runVariant(base.document, mutations);
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  if (result.ok) console.log(`ok    ${label} (${result.detail}; ${secs} s)`);
  else {
    failed++;
    console.log(
      `FAIL  ${label}: ${result.detail} (${secs} s)\n${result.output}`,
    );
  }
}
if (control) {
  console.log(
    failed === 1
      ? "Control: the breaking change was caught, as it must be."
      : "Control: the breaking change went through: the harness cannot fail!",
  );
  process.exit(failed === 1 ? 0 : 1);
}
console.log(
  failed === 0
    ? `All ${variants.length} variant(s) regenerate, type-check and pass with no edit.`
    : `${failed} of ${variants.length} variant(s) failed.`,
);
process.exit(failed === 0 ? 0 : 1);

async function runVariant(
  document: JsonObject,
  mutations: Mutation[],
): Promise<{ ok: boolean; detail: string; output?: string }> {
  const spec = structuredClone(document);
  const counts: string[] = [];
  for (const mutation of mutations) {
    const n = mutation.apply(spec);
    if (n === 0)
      return {
        ok: false,
        detail: `${mutation.name} found nothing to mutate in this spec`,
        output: "",
      };
    counts.push(`${mutation.name} ×${n}`);
  }
  const dir = await mkdtemp(join(tmpdir(), "x-media-evolve-"));
  try {
    for (const entry of COPIED)
      await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
    await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    await writeFile(join(dir, "evolved-openapi.json"), JSON.stringify(spec));
    const steps: [string, string[]][] = [
      [
        "spec:update",
        ["tsx", "scripts/spec-update.ts", "evolved-openapi.json"],
      ],
      ["generate", ["tsx", "scripts/generate.ts"]],
      [
        "typecheck",
        ["tsc", "--noEmit", "--pretty", "false", "-p", "tsconfig.json"],
      ],
      ["tests", ["jest", "--ci", "--silent", ...EVOLVE_TESTS]],
    ];
    for (const [step, command] of steps) {
      const run = await exec(dir, command);
      if (run.code !== 0)
        return {
          ok: false,
          detail: `${step} failed after ${counts.join(", ")}`,
          output: tail(run.output, 60),
        };
    }
    return { ok: true, detail: counts.join(", ") };
  } finally {
    if (!args.includes("--keep"))
      await rm(dir, { recursive: true, force: true });
    else console.log(`  kept ${dir}`);
  }
}

function exec(
  cwd: string,
  [command = "", ...rest]: string[],
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, "node_modules", ".bin", command),
      rest,
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NODE_OPTIONS: "--experimental-vm-modules" },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          output: `${stdout}${stderr}`,
        }),
    );
  });
}

function tail(text: string, lines: number): string {
  return text.split("\n").slice(-lines).join("\n");
}
