#!/usr/bin/env bash
# Builds everything (Release) and runs the whole test suite through CTest.
#   scripts/test.sh            # unit, golden-script, API and conformance tests
# Extra arguments are passed to ctest (e.g. -L api, -R conformance).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=${BUILD_DIR:-build/release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)"
cd "$build"
ctest --output-on-failure --no-tests=error -j "$(nproc)" "$@"
