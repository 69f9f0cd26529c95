#!/usr/bin/env bash
# Installs the package's npm dependencies (koffi, pinned in package-lock.json) with `npm ci`,
# unless node_modules already matches the lockfile, and links the checkout's
# node_modules/rhai-cpp to this package, so that `require('rhai-cpp')` resolves to it from any
# file of the tree (examples/node, tests) as it would in an application that depends on it.
# Exits 77 (CTest's "skipped") when Node.js or npm is not on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { echo "node/npm not found: skipped"; exit 77; }
# One install at a time (CTest may start several node tests at once).
exec 9<package-lock.json
flock 9
link=../../node_modules/rhai-cpp
if [ ! -e "$link" ]; then
  mkdir -p ../../node_modules
  ln -sfn ../bindings/node "$link"
fi
stamp=node_modules/.rhai-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
# --ignore-scripts: koffi's binary comes in a per-platform package; nothing is built or fetched
# by install scripts.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
