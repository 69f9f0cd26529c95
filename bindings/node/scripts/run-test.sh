#!/usr/bin/env bash
# Runs the Node binding's tests or the example:
#   run-test.sh FILE.test.js [NAME]   one test file with `node --test`, or only its test NAME
#   run-test.sh FILE.js               a plain script (the example)
# Exits 77 (CTest's "skipped") when Node.js is absent; installs the npm dependencies first.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
command -v node >/dev/null 2>&1 || { echo "node not found: skipped"; exit 77; }
bash "$here/scripts/install.sh"
file=$1
case "$file" in
  *.test.js) ;;
  *) exec node "$file" ;;
esac
[ $# -ge 2 ] || exec node --test "$file"
# The name as an anchored regular expression; exactly one test must have run and passed
# (a pattern matching nothing would pass silently).
pattern="^$(printf '%s' "$2" | sed 's/[][\\.*+?^$(){}|/]/\\&/g')\$"
out=$(node --test --test-reporter=tap --test-name-pattern="$pattern" "$file" 2>&1) && rc=0 || rc=$?
printf '%s\n' "$out"
[ "$rc" -eq 0 ] || exit "$rc"
# (a here-string, not a pipe: with pipefail, grep -q closing early could fail the printf)
grep -q '^# pass 1$' <<<"$out" || { echo "run-test.sh: no test named \"$2\" ran"; exit 1; }
