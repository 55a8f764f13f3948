// npm run generate            openapi/ → generated/
// npm run generate -- --check  regenerate in memory; exit 1 naming stale files
import { readFile, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { generate } from "./lib/codegen.js";
import { EXTRACT_PATH } from "./lib/paths.js";

const check = process.argv.includes("--check");
const { files, log } = await generate(await readFile(EXTRACT_PATH, "utf8"));
for (const line of log) console.log(line);
const stale: string[] = [];
for (const [path, text] of files) {
  const current = await readFile(path, "utf8").catch(() => undefined);
  if (current === text) continue;
  stale.push(relative(process.cwd(), path));
  if (!check) await writeFile(path, text);
}
if (check && stale.length > 0) {
  console.error(
    `Generated files are stale: ${stale.join(", ")}. Run \`npm run generate\` and commit.`,
  );
  process.exit(1);
}
console.log(
  check
    ? "generated/ is up to date."
    : `Wrote ${stale.length ? stale.join(", ") : "nothing (up to date)"}.`,
);
