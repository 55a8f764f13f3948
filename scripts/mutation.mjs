// `npm run mutation [-- <folder>... [stryker flags]]`: runs Stryker on each folder in turn (all by default).
// Folders: src/media src/auth src/http src/engine src/api src/client. Other arguments go to `stryker run`,
// e.g. `--force` (ignore the incremental file) or `--concurrency 2`.
import { spawnSync } from "node:child_process";

const all = [
  "src/media",
  "src/auth",
  "src/http",
  "src/engine",
  "src/api",
  "src/client",
];
const folders = [];
const flags = [];
const args = process.argv.slice(2);
for (const [i, arg] of args.entries()) {
  const folder = arg.replace(/\/+$/, "").replace(/^\.\//, "");
  const isFlagValue =
    i > 0 && args[i - 1].startsWith("--") && !arg.startsWith("-");
  if (all.includes(folder)) folders.push(folder);
  else if (arg.startsWith("-") || isFlagValue) flags.push(arg);
  else {
    console.error(`Unknown folder ${arg}; one of: ${all.join(" ")}`);
    process.exit(2);
  }
}
for (const folder of folders.length > 0 ? folders : all) {
  console.log(`\n=== mutation: ${folder}`);
  const run = spawnSync("npx", ["stryker", "run", ...flags], {
    stdio: "inherit",
    env: { ...process.env, MUTATION_TARGET: folder },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
