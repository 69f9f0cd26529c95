#!/usr/bin/env bash
# The install test: `cmake --install` into a temporary prefix, then, against that prefix alone,
#   * consumers configured with find_package(rhai CONFIG): C++ on rhai::rhai, C on rhai::c
#     and rhai::c_static,
#   * a C99 consumer compiled with `pkg-config --cflags --libs rhai`,
#   * the installed rhai-run and rhai-repl,
# each run and its output checked. No installed header may include a file the prefix lacks.
# usage: run.sh BUILD_DIR SOURCE_DIR CXX CC
set -euo pipefail
build=$1 src=$2 cxx=$3 cc=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
if grep -rn '#include "\(compiler\|vm\|syntax\|packages\|api\|capi\)/' "$prefix/include"; then
  echo "FAIL: an installed header includes a header that is not installed"; exit 1
fi

cmake -S "$src/tests/install/cpp_consumer" -B "$tmp/cpp" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/cpp.log" 2>&1 || { cat "$tmp/cpp.log"; exit 1; }
cmake --build "$tmp/cpp" >>"$tmp/cpp.log" 2>&1 || { cat "$tmp/cpp.log"; exit 1; }
out=$("$tmp/cpp/app")
echo "$out"
case "$out" in "cpp: 42 (rhai "*"Runtime error: boom (line 1, position 10)"*) ;; *) echo "FAIL: C++ consumer output"; exit 1 ;; esac
for app in c_app c_static_app; do
  out=$("$tmp/cpp/$app")
  case "$out" in 'c: [42,"x"] (rhai '*) ;; *) echo "FAIL: $app output: $out"; exit 1 ;; esac
done

flags=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs rhai)
"$cc" -std=c99 -Wall -Werror -pedantic "$src/tests/install/c_consumer.c" $flags -o "$tmp/c_app"
out=$(LD_LIBRARY_PATH="$prefix/lib" "$tmp/c_app")
echo "$out"
case "$out" in 'c: [42,"x"] (rhai '*) ;; *) echo "FAIL: C consumer output"; exit 1 ;; esac

[ "$("$prefix/bin/rhai-run" -e 'print(6 * 7)')" = 42 ] || { echo "FAIL: installed rhai-run"; exit 1; }
[ "$(printf '1 + 1\n' | "$prefix/bin/rhai-repl")" = 2 ] || { echo "FAIL: installed rhai-repl"; exit 1; }
echo "ok: install"
