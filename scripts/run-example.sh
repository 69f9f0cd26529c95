#!/usr/bin/env bash
# Builds rhai-run (Release) and runs the example script through it.
#   scripts/run-example.sh [SCRIPT.rhai]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=${BUILD_DIR:-build/release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" --target rhai-run
"$build/rhai-run" "${1:-examples/scripts/hello.rhai}"
