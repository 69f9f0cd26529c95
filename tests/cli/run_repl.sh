#!/usr/bin/env bash
# A piped rhai-repl session: runs `rhai-repl ARGS < repl/NAME.in` inside tests/cli/repl (ARGS
# from repl/NAME.args when present) and compares stdout with repl/NAME.out and stderr with
# repl/NAME.err (empty when absent). The exit status must be 1 when NAME.err is expected and
# 0 otherwise (piped sessions exit 1 after a failed entry).
# usage: run_repl.sh RHAI_REPL NAME     (RHAI_UPDATE_GOLDEN=1 rewrites NAME.out and NAME.err)
set -u
tool=$1 name=$2
dir=$(cd "$(dirname "$0")/repl" && pwd)
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
args=()
[ -f "$dir/$name.args" ] && read -r -a args <"$dir/$name.args"
(cd "$dir" && NO_COLOR=1 timeout 20 "$tool" "${args[@]}" <"$dir/$name.in" >"$out" 2>"$err")
rc=$?
if [ "${RHAI_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$out" "$dir/$name.out"
  if [ -s "$err" ]; then cp "$err" "$dir/$name.err"; else rm -f "$dir/$name.err"; fi
fi
want_err=/dev/null want_rc=0
if [ -f "$dir/$name.err" ]; then want_err=$dir/$name.err want_rc=1; fi
status=0
if [ $rc -ne $want_rc ]; then echo "FAIL: exit status $rc, expected $want_rc"; status=1; fi
if ! diff -u "$dir/$name.out" "$out"; then echo "FAIL: stdout differs from repl/$name.out"; status=1; fi
if ! diff -u "$want_err" "$err"; then echo "FAIL: stderr differs from ${want_err#$dir/}"; status=1; fi
[ $status -eq 0 ] && echo "ok: $name"
exit $status
