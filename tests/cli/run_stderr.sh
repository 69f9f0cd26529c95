#!/usr/bin/env bash
# Golden-stderr checker for the tools' error display: runs TOOL [FLAGS...] on errors/NAME.rhai
# from inside tests/cli/errors (so the file name in the message is the bare NAME.rhai) and
# compares stderr byte for byte with errors/EXPECTED (NAME.stderr, or color/NAME.stderr for
# the --color=always runs); the exit status must be 1.
# usage: run_stderr.sh TOOL NAME EXPECTED [FLAGS...]   (RHAI_UPDATE_GOLDEN=1 rewrites EXPECTED)
set -u
tool=$1 name=$2 expected=$3
shift 3
dir=$(cd "$(dirname "$0")/errors" && pwd)
err=$(mktemp)
trap 'rm -f "$err"' EXIT
(cd "$dir" && timeout 20 "$tool" "$@" "$name.rhai" >/dev/null 2>"$err" </dev/null)
rc=$?
if [ "${RHAI_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$err" "$dir/$expected"; fi
status=0
if [ $rc -ne 1 ]; then echo "FAIL: exit status $rc, expected 1"; status=1; fi
if ! diff -u "$dir/$expected" "$err"; then echo "FAIL: stderr differs from errors/$expected"; status=1; fi
[ $status -eq 0 ] && echo "ok: $name"
exit $status
