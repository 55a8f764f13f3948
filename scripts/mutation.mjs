// `npm run mutation [-- <folder>... [--force]]`: runs Stryker on each folder in turn (all of them by default).
// Folders: src/media src/auth src/http src/engine api. Extra `--` flags go to `stryker run` (e.g. --force).
import { spawnSync } from "node:child_process";

const all = ["src/media", "src/auth", "src/http", "src/engine", "api"];
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("-"));
const folders = args
  .filter((a) => !a.startsWith("-"))
  .map((a) => a.replace(/\/+$/, "").replace(/^\.\//, ""));
const unknown = folders.filter((f) => !all.includes(f));
if (unknown.length > 0) {
  console.error(
    `Unknown folder ${unknown.join(", ")}; one of: ${all.join(" ")}`,
  );
  process.exit(2);
}
for (const folder of folders.length > 0 ? folders : all) {
  console.log(`\n=== mutation: ${folder}`);
  const run = spawnSync("npx", ["stryker", "run", ...flags], {
    stdio: "inherit",
    env: { ...process.env, MUTATION_TARGET: folder },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
