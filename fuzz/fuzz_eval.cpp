// Fuzz target: evaluation of arbitrary source under tight limits — operations, call levels,
// expression depth, string/array/map sizes, memory, and a wall-clock deadline (through
// on_progress, as a host would). Every input must end with a value or a Rhai error
// (ParseError / EvalError) quickly; any other exception escaping, a sanitizer report or a
// timeout is a bug.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "rhai/engine.hpp"
#include "rhai/error.hpp"

namespace {
using Clock = std::chrono::steady_clock;
Clock::time_point g_deadline;

rhai::Engine make_engine() {
    rhai::Engine e;
    e.set_max_operations(50'000)
        .set_max_call_levels(24)
        .set_max_expr_depths(48, 24)
        .set_max_string_size(4096)
        .set_max_array_size(512)
        .set_max_map_size(512)
        .set_max_variables(256)
        .set_max_functions(64)
        .set_max_memory(1 << 20);
    e.on_print([](std::string_view) {});
    e.on_debug([](std::string_view, std::string_view, rhai::Position) {});
    e.on_progress([](uint64_t) -> std::optional<rhai::Dynamic> {
        if (Clock::now() > g_deadline) return rhai::Dynamic::from(std::string("deadline"));
        return std::nullopt;
    });
    return e;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static rhai::Engine engine = make_engine();
    std::string_view source(reinterpret_cast<const char*>(data), size);
    g_deadline = Clock::now() + std::chrono::milliseconds(200);
    try {
        rhai::Dynamic v = engine.eval<rhai::Dynamic>(source);
        (void)v.to_display();  // printing a result is part of what hosts do with it
    } catch (const rhai::Error&) {
    }
    return 0;
}
