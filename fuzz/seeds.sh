#!/usr/bin/env bash
# Writes the seed corpus of one fuzz target into OUT_DIR, made at test time from the
# repository's own material (so no corpus files need to be kept in sync with the scripts):
#   script targets (parse, compile, eval): every tests/scripts/**/*.rhai, tests/async/*.rhai
#     and examples/scripts/*.rhai;
#   capi_json: host strings (configs, envelopes, completions, values) as NUL-separated pieces;
#   async_ops: small operation programs (start, resolve, reject, cancel, expire, free, ...).
# usage: seeds.sh TARGET SOURCE_DIR OUT_DIR
set -euo pipefail
target=$1 src=$2 out=$3
mkdir -p "$out"
case $target in
  parse|compile|eval)
    n=0
    while IFS= read -r -d '' f; do
      n=$((n + 1))
      cp "$f" "$out/script_$n.rhai"
    done < <(find "$src/tests/scripts" "$src/tests/async" "$src/examples/scripts" -name '*.rhai' -print0 2>/dev/null)
    ;;
  capi_json)
    # config \0 envelope \0 completion \0 scope value \0 call_fn arguments
    seed() { printf "$2" >"$out/$1"; }
    seed ok '{}\0{"status":"success","value":[1,2.5,"s",null,true,{"a":1}]}\0{"value":7}\0{"k":[1,2]}\0[1,2]'
    seed pending '{"optimization":"full"}\0{"status":"pending","future_id":1}\0{"value":{"error":"x"}}\0"str"\0[{"$char":"c"},2]'
    seed error '{"max_operations":10}\0{"status":"error","error":"boom"}\0{"error":"nope"}\0{"$blob":"AAEC"}\0[]'
    seed tagged '{"call_timeout_ms":1}\0{"status":"success","value":{"$float":"nan"}}\0{"value":{"$timestamp":5}}\0{"$range":[1,5]}\0[{"$map":{"$x":1}},{"$fn":"f","curried":[1]}]'
    seed bad '{"max_operations":"x"}\0{"status":"pending"}\0{"value":1,"error":"both"}\0{"$handle":1}\0{}'
    seed garbage 'nul\0{"status":\0[[[[\0{"value":1e999}\0[1,'
    ;;
  async_ops)
    # Triples: op, a, b (see fuzz_async_ops.cpp's step()).
    seed() { printf "$2" >"$out/$1"; }
    seed resolve '\x00\x00\x00\x01\x00\x05\x01\x00\x06'
    seed sort_cancel '\x00\x04\x00\x01\x00\x01\x03\x00\x00\x09\x00\x00'
    seed free_engine '\x00\x01\x00\x00\x05\x80\x08\x00\x00\x09\x00\x00\x01\x00\x01'
    seed expire '\x00\x06\x81\x04\x07\x00\x04\x07\x00\x01\x00\x01'
    seed yield '\x00\x07\x03\x05\x00\x00\x05\x00\x00\x05\x00\x00\x06\x00\x00'
    seed hooks '\x00\x00\x40\x00\x09\x41\x02\x00\x00\x03\x01\x00\x0a\x01\x00'
    ;;
  *) echo "seeds.sh: unknown target $target" >&2; exit 2 ;;
esac
