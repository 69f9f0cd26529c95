// Limits stop runaway scripts: an operation budget, a progress callback that can cancel,
// call depth, and data sizes.
#include <rhai/rhai.hpp>

#include <atomic>
#include <iostream>

namespace {

void try_run(const rhai::Engine& engine, const char* what, const char* script) {
    try {
        engine.run(script);
        std::cout << what << ": finished\n";
    } catch (const rhai::EvalError& e) {
        std::cout << what << ": stopped with " << rhai::error_kind_name(e.kind()) << " - " << e.what() << '\n';
    } catch (const rhai::ParseError& e) {
        std::cout << what << ": rejected by the parser - " << e.what() << '\n';
    }
}

}  // namespace

int main() {
    rhai::Engine engine;
    engine.set_max_operations(100'000)  // loop iterations and calls
        .set_max_call_levels(32)
        .set_max_expr_depths(64, 32)
        .set_max_string_size(1'000)
        .set_max_array_size(1'000);

    try_run(engine, "infinite loop", "loop { }");
    try_run(engine, "runaway recursion", "fn down(n) { down(n + 1) } down(0)");
    try_run(engine, "growing string", R"(let s = "x"; loop { s = s + s; })");
    try_run(engine, "small script", "let sum = 0; for i in 0..100 { sum += i; } sum");

    // on_progress sees the operation count and may cancel with a token (e.g. a deadline or a
    // user pressing Stop).
    std::atomic<bool> cancel{false};
    rhai::Engine watched;
    watched.on_progress([&](uint64_t ops) -> std::optional<rhai::Dynamic> {
        if (ops > 50'000) cancel = true;
        if (cancel) return rhai::Dynamic("cancelled by host");
        return std::nullopt;
    });
    try_run(watched, "cancelled by callback", "let x = 0; while true { x += 1; }");
    return 0;
}
