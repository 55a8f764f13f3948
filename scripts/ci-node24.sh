#!/usr/bin/env bash
# CI: the jest suite on Node 24, taken from the npm registry's `node` package (no other download).
set -euo pipefail
cd "$(dirname "$0")/.."
node24="$(npx -y -p node@24 node -p process.execPath)"
echo "Node 24 binary: $node24 ($("$node24" --version))"
report="$(mktemp "${TMPDIR:-/tmp}/jest-node24.XXXXXX.json")"
trap 'rm -f "$report"' EXIT
set +e
# The jest children (and CLI end-to-end tests, which spawn process.execPath) run on Node 24 too.
PATH="$(dirname "$node24"):$PATH" NODE_OPTIONS="--experimental-vm-modules --import=\"$PWD/test/setup/quiet-vm-warning.mjs\"" \
  "$node24" node_modules/jest/bin/jest.js --ci --json --outputFile="$report" "$@"
status=$?
set -e
printf 'node24: '
node scripts/ci-summary.mjs "$report" "$status"
