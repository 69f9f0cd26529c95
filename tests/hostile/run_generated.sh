#!/usr/bin/env bash
# Runs one case of generated.py through rhai-run: it must end within the time limit, without
# a signal or a sanitizer report (those exit > 1), with the expected status and message.
# usage: run_generated.sh RHAI_RUN CASE
set -u
bin=$1 name=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
read -r want_rc want_text < <(python3 "$(dirname "$0")/generated.py" "$name" "$dir/case.rhai")
timeout 60 "$bin" "$dir/case.rhai" >"$dir/out" 2>"$dir/err" </dev/null
rc=$?
if [ "$rc" -ne "$want_rc" ]; then
  echo "FAIL: $name: exit $rc, expected $want_rc"; head -c 2000 "$dir/err"; exit 1
fi
if [ -n "${want_text:-}" ] && ! grep -qF -- "$want_text" "$dir/err"; then
  echo "FAIL: $name: stderr lacks '$want_text'"; head -c 2000 "$dir/err"; exit 1
fi
echo "ok: $name (exit $rc)"
