// The VM's hot paths, one Google Benchmark each (issue 10's micro-suite).
//
// Every benchmark but the engine ones runs a compiled script whose inner loop repeats one
// operation kOps times and reports `ns/op`: the loop's own cost is in BM_LoopBaseline, to
// subtract. Build and run:
//
//   cmake --preset bench && cmake --build --preset bench --target hot_paths_bench
//   build/bench/bench/hot_paths_bench
#include <benchmark/benchmark.h>

#include <rhai/rhai.hpp>

#include <string>

namespace {

constexpr rhai::INT kOps = 100'000;

rhai::INT add(rhai::INT a, rhai::INT b) { return a + b; }

void report_per_op(benchmark::State& state) {
    state.SetItemsProcessed(state.iterations() * kOps);
    state.counters["ns/op"] = benchmark::Counter(static_cast<double>(kOps),
                                                 benchmark::Counter::kIsIterationInvariantRate |
                                                     benchmark::Counter::kInvert);
}

// `setup` runs once per evaluation, then `body` kOps times with `i` the iteration number;
// the script's value is `x`.
void run_script(benchmark::State& state, const rhai::Engine& engine, const std::string& setup,
                const std::string& body) {
    std::string script = "let x = 0; " + setup + "\nfor i in 0.." + std::to_string(kOps) + " { " + body +
                         " }\nx";
    rhai::AST ast = engine.compile(script);
    for (auto _ : state) benchmark::DoNotOptimize(engine.eval_ast<rhai::Dynamic>(ast));
    report_per_op(state);
}

void BM_LoopBaseline(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "", "x = i;");
}
BENCHMARK(BM_LoopBaseline)->Unit(benchmark::kMillisecond);

void BM_ScriptCall(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "fn add2(a, b) { a + b }", "x = add2(x, i);");
}
BENCHMARK(BM_ScriptCall)->Unit(benchmark::kMillisecond);

void BM_NativeCallInts(benchmark::State& state) {
    rhai::Engine engine;
    engine.register_fn("add", add);
    run_script(state, engine, "", "x = add(x, i);");
}
BENCHMARK(BM_NativeCallInts)->Unit(benchmark::kMillisecond);

void BM_ClosureCall(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "let k = 3; let f = |a| a + k;", "x = f.call(i);");
}
BENCHMARK(BM_ClosureCall)->Unit(benchmark::kMillisecond);

void BM_FnPtrCall(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "fn add2(a, b) { a + b } let f = Fn(\"add2\");", "x = f.call(x, i);");
}
BENCHMARK(BM_FnPtrCall)->Unit(benchmark::kMillisecond);

void BM_ArrayIndexGet(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "let a = []; a.pad(1024, 1);", "x += a[i & 1023];");
}
BENCHMARK(BM_ArrayIndexGet)->Unit(benchmark::kMillisecond);

void BM_ArrayIndexSet(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "let a = []; a.pad(1024, 1);", "a[i & 1023] = i;");
}
BENCHMARK(BM_ArrayIndexSet)->Unit(benchmark::kMillisecond);

void BM_MapGet(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "let m = #{ alpha: 1, beta: 2, gamma: 3 }; let k = \"beta\";", "x += m[k];");
}
BENCHMARK(BM_MapGet)->Unit(benchmark::kMillisecond);

void BM_MapSet(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "let m = #{ alpha: 1, beta: 2, gamma: 3 }; let k = \"beta\";", "m[k] = i;");
}
BENCHMARK(BM_MapSet)->Unit(benchmark::kMillisecond);

void BM_PropertyGet(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "let p = #{ x: 1, y: 2 };", "x += p.y;");
}
BENCHMARK(BM_PropertyGet)->Unit(benchmark::kMillisecond);

void BM_PropertySet(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "let p = #{ x: 1, y: 2 };", "p.y = i;");
}
BENCHMARK(BM_PropertySet)->Unit(benchmark::kMillisecond);

// Appends one character; the string is restarted every 1024 appends so it stays short.
void BM_StringAppend(benchmark::State& state) {
    rhai::Engine engine;
    run_script(state, engine, "let s = \"\";", "s += \"x\"; if (i & 1023) == 0 { s = \"\"; }");
}
BENCHMARK(BM_StringAppend)->Unit(benchmark::kMillisecond);

// Engine creation with the default packages (target: under 20 microseconds).
void BM_EngineCreate(benchmark::State& state) {
    for (auto _ : state) {
        rhai::Engine engine;
        benchmark::DoNotOptimize(&engine);
    }
}
BENCHMARK(BM_EngineCreate)->Unit(benchmark::kMicrosecond);

// ... plus one eval("1+1") round trip on it.
void BM_EngineCreateEval(benchmark::State& state) {
    for (auto _ : state) {
        rhai::Engine engine;
        benchmark::DoNotOptimize(engine.eval<rhai::INT>("1+1"));
    }
}
BENCHMARK(BM_EngineCreateEval)->Unit(benchmark::kMicrosecond);

}  // namespace
