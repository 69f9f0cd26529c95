#!/usr/bin/env bash
# The main job: builds and runs examples/async_http.cpp — a C++ host on a real event loop
# (standalone Asio) whose scripts call an async host function doing a real HTTP GET against a
# loopback server: the design's `let user = fetch_user("123"); ...`, a rejected request the script
# catches, then 1,000 scripts at once whose waits overlap. Also runs a plain script with rhai-run.
#   scripts/run-example.sh [--scripts N]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build=${BUILD_DIR:-build/release}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" --target rhai-run example_async_http
"$build/rhai-run" examples/scripts/hello.rhai
"$build/example_async_http" "$@"
