#!/usr/bin/env bash
# CI: the runtime smoke test (scripts/runtime-smoke/smoke.mjs) on Node 22, Bun and Deno, against the packed tarball.
# Each runtime comes from the npm registry (`node@22`, `bun`, `deno` ship their binaries) through npx, whose installs
# live in the npm cache (`npm config get cache`, ~/.npm): cache that directory in CI and reruns need no download.
# Usage: bash scripts/ci-runtimes.sh [node22|bun|deno ...]   (default: all three)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -f dist/index.js ] || npm run -s build

# The versions CI runs: majors pinned, newest release of each (README "Supported runtimes").
declare -A spec=([node22]="node@22" [bun]="bun@1" [deno]="deno@2")
# The binary each package installs, which is also the name smoke.mjs reports for its runtime.
declare -A bin=([node22]="node" [bun]="bun" [deno]="deno")
runtimes=("$@")
[ ${#runtimes[@]} -gt 0 ] || runtimes=(node22 bun deno)

now() { date +%s%N; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }
step() { printf '\n--- runtimes: %s\n' "$*"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/x-media-upload-runtimes.XXXXXX")"
trap 'rm -rf "$work"' EXIT

step "pack and install the tarball into a temp project"
t0=$(now)
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
mkdir "$work/consumer"
cd "$work/consumer"
printf '{ "name": "runtime-smoke", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --prefer-offline --loglevel=error "$tarball"
cp "$root/scripts/runtime-smoke/smoke.mjs" .
echo "installed in $(secs $(($(now) - t0))) s"

summary=()
for runtime in "${runtimes[@]}"; do
  [ -n "${spec[$runtime]:-}" ] || { echo "unknown runtime: $runtime (node22, bun or deno)" >&2; exit 2; }
  step "${spec[$runtime]}"
  t0=$(now)
  exe="$(npx -y --prefer-offline -p "${spec[$runtime]}" which "${bin[$runtime]}")"
  t1=$(now)
  version="$("$exe" --version | head -n 1 | cut -d" " -f1-2)"
  echo "$exe ($version), ready in $(secs $((t1 - t0))) s"
  case "$runtime" in
    deno) SMOKE_RUNTIME=deno "$exe" run -A smoke.mjs ;;
    *) SMOKE_RUNTIME="${bin[$runtime]}" "$exe" smoke.mjs ;;
  esac
  t2=$(now)
  summary+=("$(printf '%-8s %-12s install %5s s, smoke %5s s' "$runtime" "$version" "$(secs $((t1 - t0)))" "$(secs $((t2 - t1)))")")
done

step "summary"
printf '%s\n' "${summary[@]}"
