#!/usr/bin/env bash
# Runs the cross-engine suite (../shared/bench/run.sh: rhai-run and Lua 5.4 side by side) for
# the built rhai-run and writes its table into docs/benchmarks.md, with the date and the
# machine, between the markers `<!-- compare.sh:begin -->` and `<!-- compare.sh:end -->`
# (appended at the end of the file the first time).
#
#   bench/compare.sh [RHAI_RUN] [BENCH...]
#
# RHAI_RUN defaults to build/release/rhai-run. The suite is looked for in $RHAI_SHARED_BENCH,
# then ../shared/bench and ../../shared/bench from the repository (a worktree in wt/). RUNS,
# LUA and TIMEOUT pass through to run.sh. Exit status: run.sh's (1 when a checksum differs).
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$repo/build/release/rhai-run}
[ $# -gt 0 ] && shift
suite=${RHAI_SHARED_BENCH:-}
if [ -z "$suite" ]; then
  for d in "$repo/../shared/bench" "$repo/../../shared/bench"; do
    [ -x "$d/run.sh" ] && suite=$(cd "$d" && pwd) && break
  done
fi
if [ -z "$suite" ] || [ ! -x "$suite/run.sh" ]; then
  echo "error: ../shared/bench/run.sh not found (set RHAI_SHARED_BENCH)" >&2
  exit 2
fi
if [ ! -x "$bin" ]; then
  echo "error: $bin is not built (cmake --build --preset release --target rhai-run)" >&2
  exit 2
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
raw=$(mktemp)
trap 'rm -f "$raw" "$raw.md" "$raw.doc"' EXIT
"$suite/run.sh" "$bin" "$@" | tee "$raw"
status=${PIPESTATUS[0]}
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$(dirname "$bin")/CMakeCache.txt" 2>/dev/null)
{
  echo "<!-- compare.sh:begin -->"
  echo "### Latest \`bench/compare.sh\` run"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ) on $(uname -srm), ${cpu:-unknown CPU}, $(nproc) CPUs;" \
       "load average ${load_before:-?} before and ${load_after:-?} after (1/5/15 min)." \
       "Binary: \`${bin#$repo/}\`${compiler:+ built with $compiler}. Ratio = rhai-run time / Lua 5.4 time," \
       "median of ${RUNS:-3} interleaved runs."
  echo
  echo "| benchmark | rhai-cpp s | Lua 5.4 s | rhai-cpp / Lua | rhai-cpp MB | Lua MB | check |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  awk '!/^#/ && $1 != "benchmark" && $1 != "geomean" && NF >= 7 {
         printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }
       $1 == "geomean" { g = $2 }
       END { if (g != "") printf "| **geomean** | | | **%s** | | | |\n", g }' "$raw"
  echo "<!-- compare.sh:end -->"
} >"$raw.md"

doc=$repo/docs/benchmarks.md
if grep -q '<!-- compare.sh:begin -->' "$doc"; then
  awk -v md="$raw.md" '
    /<!-- compare.sh:begin -->/ { while ((getline line < md) > 0) print line; skip = 1; next }
    /<!-- compare.sh:end -->/ { skip = 0; next }
    !skip { print }' "$doc" >"$raw.doc"
  cat "$raw.doc" >"$doc"
else
  { echo; cat "$raw.md"; } >>"$doc"
fi
echo "wrote the table into ${doc#$repo/}" >&2
exit "$status"
