// npm run spec:update -- [path or URL of X's full OpenAPI spec]
// Writes openapi/x-media.openapi.json, keeps the upstream spec as test/fixtures/specs/openapi-<version>.json.gz
// (tests re-derive the extract from it), and prints what changed against the previous extract.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { extractMediaSpec } from "./lib/extract.js";
import { loadSpec, type JsonObject } from "./lib/load.js";
import {
  DEFAULT_SPEC_URL,
  EXTRACT_PATH,
  SPEC_FIXTURES_DIR,
  specFixturePath,
} from "./lib/paths.js";
import { summarizeChanges } from "./lib/summary.js";

const source = process.argv[2] ?? DEFAULT_SPEC_URL;
const spec = await loadSpec(source);
const next = extractMediaSpec(spec);
const previous = await readFile(EXTRACT_PATH, "utf8").then(
  (text) => JSON.parse(text) as JsonObject,
  () => undefined,
);
await writeFile(EXTRACT_PATH, `${JSON.stringify(next, null, 2)}\n`);
const version = (next["x-upstream"] as { version: string }).version;
const fixture = specFixturePath(version);
await mkdir(SPEC_FIXTURES_DIR, { recursive: true });
const stored = await readFile(fixture).then(
  (bytes) => gunzipSync(bytes).toString("utf8"),
  () => undefined,
);
// Rewritten only when the text differs (X republishes a version number with new content at times).
if (stored !== spec.text)
  await writeFile(fixture, gzipSync(spec.text, { level: 9 }));
console.log(
  `Wrote ${relative(process.cwd(), EXTRACT_PATH)} from ${source} (sha256 ${spec.sha256}), and ${relative(process.cwd(), fixture)}.\n`,
);
console.log(
  previous
    ? summarizeChanges(previous, next)
    : "No previous extract: nothing to compare.",
);
console.log("\nNext: npm run generate && npm run typecheck && npm test");
