#!/usr/bin/env bash
# Builds rhai-run (Release) and runs the example script through it, with the demo async host
# function `fetch` (a host call that suspends the script and is completed later by the host loop).
#   scripts/run-example.sh [SCRIPT.rhai]   (default: examples/scripts/async.rhai, after hello.rhai)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=${BUILD_DIR:-build/release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" --target rhai-run
"$build/rhai-run" examples/scripts/hello.rhai
"$build/rhai-run" --demo-async "${1:-examples/scripts/async.rhai}"
