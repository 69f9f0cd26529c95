#!/usr/bin/env bash
# Golden-script checker: runs one .rhai file through rhai-run and compares with the
# expectations written inside it (one behaviour per file):
#   // expect: TEXT                 the next line of stdout is TEXT (in order)
#   // expect runtime error: TEXT   the script fails (exit 1) and stderr contains TEXT
#   // expect parse error: TEXT     same, for a syntax error (stdout must then be empty)
#   // expect usage error: TEXT     rhai-run rejects its command line (exit 2)
#   // flags: --max-operations 100   extra rhai-run options for this file (first such line)
#   // address-space: 1500000       run under `ulimit -v` (KiB), to see memory run out; the
#                                   file is skipped (exit 77) when RHAI_SANITIZED is set, as
#                                   sanitizers reserve terabytes of address space up front
# A file with no expectation at all is an error: every golden script must assert something.
# RHAI_RUN_FLAGS (optional) holds extra rhai-run options, e.g. --demo-async (tests/async).
set -u
bin=$1 script=$2
out=$(mktemp) err=$(mktemp) exp=$(mktemp)
trap 'rm -f "$out" "$err" "$exp"' EXIT

sed -n 's|^.*// expect: \{0,1\}\(.*\)$|\1|p' "$script" >"$exp"
want_err=$(sed -n 's#^.*// expect \(runtime\|parse\|usage\) error: \(.*\)$#\2#p' "$script" | head -n 1)
want_rc=1
grep -q '// expect usage error:' "$script" && want_rc=2
file_flags=$(sed -n 's|^// flags: \(.*\)$|\1|p' "$script" | head -n 1)
if [ ! -s "$exp" ] && [ -z "$want_err" ] && ! grep -q '// expect:' "$script"; then
  echo "FAIL: $script has no expectations"
  exit 1
fi

address_space=$(sed -n 's|^// address-space: \([0-9]*\)$|\1|p' "$script" | head -n 1)
if [ -n "$address_space" ] && [ -n "${RHAI_SANITIZED:-}" ]; then
  echo "skipped: $script (address-space limit under a sanitizer)"
  exit 77
fi
(
  [ -n "$address_space" ] && ulimit -v "$address_space"
  exec timeout 20 "$bin" ${RHAI_RUN_FLAGS:-} $file_flags "$script" >"$out" 2>"$err" </dev/null
)
rc=$?
status=0
if [ -n "$want_err" ]; then
  if [ $rc -ne $want_rc ]; then echo "FAIL: expected exit $want_rc (error), got $rc"; status=1; fi
  if ! grep -qF -- "$want_err" "$err"; then
    echo "FAIL: stderr does not contain: $want_err"; echo "--- stderr:"; cat "$err"; status=1
  fi
elif [ $rc -ne 0 ]; then
  echo "FAIL: exit status $rc"; echo "--- stderr:"; cat "$err"; status=1
fi
if ! diff -u "$exp" "$out" >/dev/null; then
  echo "FAIL: stdout differs from // expect: lines"; diff -u "$exp" "$out" | head -40; status=1
fi
[ $status -eq 0 ] && echo "ok: $script"
exit $status
