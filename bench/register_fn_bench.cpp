// register_fn overhead: what one call from a script to a registered C++ function costs.
//
// Each benchmark runs a compiled script whose loop makes N calls, and reports time per call
// (items_per_second is calls/s). Subtracting BM_LoopBaseline (the same loop doing `x + 1`
// inline) isolates the call itself: argument passing, resolution (cached per call site),
// the typed thunk and result conversion.
#include <benchmark/benchmark.h>

#include <rhai/rhai.hpp>

namespace {

constexpr rhai::INT kCalls = 100'000;

rhai::INT add(rhai::INT a, rhai::INT b) { return a + b; }

void run_loop(benchmark::State& state, rhai::Engine& engine, const char* body) {
    std::string script = std::string("let x = 0; for i in 0..") + std::to_string(kCalls) + " { " + body +
                         " } x";
    rhai::AST ast = engine.compile(script);
    for (auto _ : state) benchmark::DoNotOptimize(engine.eval_ast<rhai::INT>(ast));
    state.SetItemsProcessed(state.iterations() * kCalls);
    state.counters["ns/call"] = benchmark::Counter(static_cast<double>(kCalls),
                                                   benchmark::Counter::kIsIterationInvariantRate |
                                                       benchmark::Counter::kInvert);
}

// The loop alone (for i in ...; x = x + i inline): the cost that is not the call.
void BM_LoopBaseline(benchmark::State& state) {
    rhai::Engine engine;
    run_loop(state, engine, "x = x + i;");
}
BENCHMARK(BM_LoopBaseline)->Unit(benchmark::kMillisecond);

// A registered free function int64_t(int64_t, int64_t).
void BM_RegisteredFreeFunction(benchmark::State& state) {
    rhai::Engine engine;
    engine.register_fn("add", add);
    run_loop(state, engine, "x = add(x, i);");
}
BENCHMARK(BM_RegisteredFreeFunction)->Unit(benchmark::kMillisecond);

// The same as a capturing lambda.
void BM_RegisteredLambda(benchmark::State& state) {
    rhai::Engine engine;
    rhai::INT bias = 0;
    engine.register_fn("add", [bias](rhai::INT a, rhai::INT b) { return a + b + bias; });
    run_loop(state, engine, "x = add(x, i);");
}
BENCHMARK(BM_RegisteredLambda)->Unit(benchmark::kMillisecond);

// A script function doing the same, for comparison.
void BM_ScriptFunction(benchmark::State& state) {
    rhai::Engine engine;
    std::string script = "fn add(a, b) { a + b } let x = 0; for i in 0.." + std::to_string(kCalls) +
                         " { x = add(x, i); } x";
    rhai::AST ast = engine.compile(script);
    for (auto _ : state) benchmark::DoNotOptimize(engine.eval_ast<rhai::INT>(ast));
    state.SetItemsProcessed(state.iterations() * kCalls);
    state.counters["ns/call"] = benchmark::Counter(static_cast<double>(kCalls),
                                                   benchmark::Counter::kIsIterationInvariantRate |
                                                       benchmark::Counter::kInvert);
}
BENCHMARK(BM_ScriptFunction)->Unit(benchmark::kMillisecond);

// Calling into the engine from C++: eval of a compiled one-call script (host -> script -> host).
void BM_EvalAstOneCall(benchmark::State& state) {
    rhai::Engine engine;
    engine.register_fn("add", add);
    rhai::AST ast = engine.compile("add(40, 2)");
    for (auto _ : state) benchmark::DoNotOptimize(engine.eval_ast<rhai::INT>(ast));
}
BENCHMARK(BM_EvalAstOneCall)->Unit(benchmark::kMicrosecond);

}  // namespace
