#!/usr/bin/env bash
# CI: build, check the package's types and metadata (attw, publint), then install and use the packed tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }

step "build (tsup)"
npm run -s build
step "are the types wrong (attw --pack, node16 profile: no node10 resolution of ./testing and ./redis)"
npx --no-install attw --pack . --profile node16
step "publint --strict"
npx --no-install publint --strict
step "pack, install, import, require, tsc, upload"
bash scripts/pack-check.sh
