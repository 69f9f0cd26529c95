#!/usr/bin/env bash
# Runs one folder of the shared conformance corpus; exits 77 (CTest "skipped") when the
# corpus is not there (a user's clone has no ../shared).
set -u
bin=$1 root=$2 dir=$3
if [ ! -x "$root/run.sh" ] && [ ! -f "$root/run.sh" ]; then
  echo "conformance corpus not found at $root: skipped"
  exit 77
fi
bash "$root/run.sh" "$bin" "$root/$dir"
