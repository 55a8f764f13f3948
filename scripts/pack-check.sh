#!/usr/bin/env bash
# Packs the package, installs the tarball into a fresh project in the OS temp dir, and uses it as a user would:
# import (ESM), require (CommonJS, without require(esm)), a TypeScript NodeNext consumer (.mts and .cts),
# one upload against startFakeXServer from the installed package, the installed bin, and `x-media-upload/redis`
# loading without its optional peer dependency ioredis installed (it only uses the connection it is given).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -f dist/index.js ] || npm run -s build

work="$(mktemp -d "${TMPDIR:-/tmp}/x-media-upload-pack.XXXXXX")"
trap 'rm -rf "$work"' EXIT
step() { printf '\n--- pack-check: %s\n' "$*"; }

# The consumers are written here, not kept as files in the repo, so the repo's own tsc and eslint never see
# imports of the unbuilt package.
write_consumers() {
  cat > consumer.mjs <<'JS'
import { readFileSync } from "node:fs";
import { createMediaClient, uploadMedia, XMediaError, XApiError, InvalidInputError } from "x-media-upload";
import { samplePaths, startFakeXServer } from "x-media-upload/testing";
for (const [name, value] of Object.entries({ createMediaClient, uploadMedia, XMediaError, XApiError, InvalidInputError })) {
  if (typeof value !== "function") throw new Error(`ESM export ${name} is ${typeof value}`);
}
const png = samplePaths.png;
const server = await startFakeXServer();
try {
  const client = createMediaClient({ auth: { type: "oauth2", accessToken: "pack-check" }, baseUrl: server.url });
  const result = await client.upload(png);
  if (!/^\d+$/.test(result.id)) throw new Error(`no media id: ${JSON.stringify(result)}`);
  if (server.uploads.get(result.id)?.totalBytes !== readFileSync(png).length) throw new Error("size mismatch");
  console.log(`ESM: uploaded ${png.split("/").pop()} as media ${result.id}`);
} finally {
  await server.close();
}
const redis = await import("x-media-upload/redis");
for (const name of ["redisRateState", "redisSessionStore", "RedisUnavailableWarning"]) {
  if (typeof redis[name] !== "function") throw new Error(`ESM x-media-upload/redis export ${name} is ${typeof redis[name]}`);
}
console.log("ESM: x-media-upload/redis loads without ioredis installed");
JS
  cat > consumer.cjs <<'JS'
const path = require("node:path");
const lib = require("x-media-upload");
const { samplePaths, startFakeXServer } = require("x-media-upload/testing");
for (const name of ["createMediaClient", "uploadMedia", "XMediaError", "XApiError", "RateLimitError"]) {
  if (typeof lib[name] !== "function") throw new Error(`CJS export ${name} is ${typeof lib[name]}`);
}
const redis = require("x-media-upload/redis");
for (const name of ["redisRateState", "redisSessionStore", "RedisUnavailableWarning"]) {
  if (typeof redis[name] !== "function") throw new Error(`CJS x-media-upload/redis export ${name} is ${typeof redis[name]}`);
}
// samplePaths from the CommonJS build: tsup's import.meta.url shim must find the installed package's fixtures/.
const png = samplePaths.png;
if (png !== path.join(path.dirname(require.resolve("x-media-upload/package.json")), "fixtures", "sample.png")) {
  throw new Error(`CJS samplePaths.png is ${png}`);
}
(async () => {
  const server = await startFakeXServer();
  try {
    const client = lib.createMediaClient({ auth: { type: "oauth2", accessToken: "pack-check" }, baseUrl: server.url });
    const result = await client.upload(png);
    console.log(`CJS: uploaded sample.png as media ${result.id}`);
    // mp4box stays external: loaded by import() from CommonJS too.
    const mp4 = path.join(path.dirname(png), "sample.mp4");
    const info = await lib.inspectMedia(mp4);
    if (info.kind !== "video" || info.video.codec !== "h264") throw new Error(`inspectMedia: ${JSON.stringify(info)}`);
    console.log(`CJS: inspected sample.mp4: ${info.width}x${info.height}, ${info.frameRate} fps, ${info.audio.codec} ${info.audio.profile}`);
  } finally {
    await server.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
JS
  cat > consumer.mts <<'TS'
import { createMediaClient, XApiError, type MediaClient, type UploadOptions } from "x-media-upload";
import { samplePaths, startFakeXServer, type SamplePaths } from "x-media-upload/testing";

const samples: SamplePaths = samplePaths;
const png: string = samples.png;
const server = await startFakeXServer();
try {
  const client: MediaClient = createMediaClient({ auth: { type: "oauth2", accessToken: "tsc" }, baseUrl: server.url });
  const options: UploadOptions = { onProgress: () => {} };
  const result = await client.upload(png, options);
  const id: string = result.id;
  console.log(`TypeScript (ESM): uploaded as media ${id}`);
} catch (error) {
  if (error instanceof XApiError) console.error(error.status, error.message);
  throw error;
} finally {
  await server.close();
}
TS
  cat > consumer.cts <<'TS'
import { createMediaClient, type MediaClient } from "x-media-upload";
import { samplePaths, startFakeXServer } from "x-media-upload/testing";

async function main(): Promise<void> {
  const png: string = samplePaths.png;
  const server = await startFakeXServer();
  try {
    const client: MediaClient = createMediaClient({ auth: { type: "oauth2", accessToken: "tsc" }, baseUrl: server.url });
    const { id } = await client.upload(png);
    console.log(`TypeScript (CJS): uploaded as media ${id}`);
  } finally {
    await server.close();
  }
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
TS
  cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "target": "ES2022",
    "lib": ["ES2023", "DOM"],
    "strict": true,
    "exactOptionalPropertyTypes": true,
    "noUncheckedIndexedAccess": true,
    "types": ["node"],
    "outDir": "out"
  },
  "files": ["consumer.mts", "consumer.cts"]
}
JSON
}

step "npm pack"
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
tar -tzf "$tarball" | sort > "$work/contents.txt"
for required in package/package.json package/LICENSE package/dist/index.js package/dist/index.cjs package/dist/index.d.ts \
  package/dist/index.d.cts package/dist/testing.js package/dist/testing.cjs package/dist/testing.d.ts \
  package/dist/testing.d.cts package/dist/redis.js package/dist/redis.cjs package/dist/redis.d.ts package/dist/redis.d.cts \
  package/dist/cli.js package/fixtures/sample.png package/fixtures/sample.mp4; do
  grep -qx "$required" "$work/contents.txt" || { echo "missing from tarball: $required" >&2; exit 1; }
done
if grep -E '^package/(src|test|scripts|generated|openapi|bench)/' "$work/contents.txt"; then
  echo "tarball ships development files (above)" >&2
  exit 1
fi
if grep -nE 'require\("(p-retry|is-network-error|openapi-fetch)"\)' "$root"/dist/*.cjs; then
  echo "dist/*.cjs requires a dependency that must be bundled for CommonJS (above): see tsup.config.ts noExternal" >&2
  exit 1
fi
echo "$(wc -l < "$work/contents.txt") files, $(du -k "$tarball" | cut -f1) KiB"

step "install the tarball into a temp project"
mkdir "$work/consumer"
cd "$work/consumer"
write_consumers
printf '{ "name": "consumer", "private": true }\n' > package.json
npm install --no-audit --no-fund --prefer-offline --loglevel=error "$tarball"
# ioredis is an optional peer dependency: installing the package must not pull it in.
[ ! -e node_modules/ioredis ] || { echo "ioredis was installed with the package (it must stay an optional peer)" >&2; exit 1; }

step "ESM import"
node consumer.mjs
step "CommonJS require (require(esm) disabled, as before Node 20.19)"
node --no-experimental-require-module consumer.cjs
step "TypeScript consumer (NodeNext, strict): tsc, then run"
node "$root/node_modules/typescript/bin/tsc" -p tsconfig.json --typeRoots "$root/node_modules/@types"
node out/consumer.mjs
node --no-experimental-require-module out/consumer.cjs
step "installed bin"
version="$(./node_modules/.bin/x-media-upload --version)"
[ "$version" = "$(node -p "require('$root/package.json').version")" ] || { echo "bin --version printed $version" >&2; exit 1; }
./node_modules/.bin/x-media-upload demo --json > demo.json
node -e 'const r = JSON.parse(require("fs").readFileSync("demo.json", "utf8")); if (!r.ok || r.uploads.length < 2) throw new Error("demo: " + JSON.stringify(r)); console.log("demo ok:", r.uploads.map((u) => u.file + " " + u.mediaId).join(", "))'
echo
echo "pack-check: ok"
