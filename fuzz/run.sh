#!/usr/bin/env bash
# Runs one fuzz target on its seeds (seeds.sh) and its crash reproducers (regressions/TARGET).
#   run.sh fuzz|replay BIN TARGET SOURCE_DIR WORK_DIR SECONDS [EXTRA_SEED_DIR...]
# fuzz: the libFuzzer binary fuzzes for SECONDS, growing WORK_DIR/corpus (kept between runs);
# replay: the binary built without libFuzzer runs every seed once. Exit status: non-zero on a
# crash, leak, timeout or sanitizer report.
set -euo pipefail
mode=$1 bin=$2 target=$3 src=$4 work=$5 seconds=$6
shift 6
mkdir -p "$work/corpus"
rm -rf "$work/seeds"
bash "$src/fuzz/seeds.sh" "$target" "$src" "$work/seeds"
dirs=("$work/seeds")
[ -d "$src/fuzz/regressions/$target" ] && dirs+=("$src/fuzz/regressions/$target")
for d in "$@"; do [ -d "$d" ] && dirs+=("$d"); done
if [ "$mode" = fuzz ]; then
  # -timeout: one input over RHAI_FUZZ_TIMEOUT s (default 30; a starved CPU makes 10 s too tight).
  flags=(-max_total_time="$seconds" -timeout="${RHAI_FUZZ_TIMEOUT:-30}" -rss_limit_mb=2048 -print_final_stats=1)
  # The Rhai token dictionary helps the targets that read source text.
  case $target in parse|compile|eval) flags+=(-dict="$src/fuzz/rhai.dict") ;; esac
  cd "$work"  # crash-* / leak-* / timeout-* reproducers land here
  exec "$bin" "${flags[@]}" "$work/corpus" "${dirs[@]}"
else
  exec "$bin" "${dirs[@]}"
fi
