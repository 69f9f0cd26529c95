#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, only those that are missing, and
# the npm packages of the Node binding.
# Safe to run repeatedly; needs root (or sudo) only when something is missing.
set -euo pipefail
need=()
# clang + libclang-rt-14-dev: the libFuzzer targets (preset fuzz, .ci/run); libedit-dev:
# rhai-repl's line editing; pkg-config: finding libedit and the install test's C consumer
for pkg in cmake ninja-build g++ make libgtest-dev libgmock-dev ccache lua5.4 time libasio-dev rapidjson-dev python3 binutils clang libclang-rt-14-dev libedit-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The Node binding's npm packages (koffi, pinned by bindings/node/package-lock.json), when
# Node.js is on the machine (its tests are skipped otherwise: exit code 77).
bash "$(dirname "$0")/../bindings/node/scripts/install.sh" || [ $? -eq 77 ]
