// Fuzz target: compiler (AST -> bytecode, constant folding) and the disassembler. The whole
// input is source; its length picks the optimization level and eval mode (so seeds stay
// plain scripts). Compiling
// must succeed or raise a ParseError; the listing walks every emitted instruction, so a bad
// operand or jump target shows up here.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "compiler/compiler.hpp"
#include "rhai/engine.hpp"
#include "rhai/error.hpp"

namespace {
rhai::Engine& engine_for(uint8_t level) {
    static rhai::Engine engines[3];
    static bool configured = false;
    if (!configured) {
        engines[0].set_optimization_level(rhai::OptimizationLevel::None);
        engines[1].set_optimization_level(rhai::OptimizationLevel::Simple);
        engines[2].set_optimization_level(rhai::OptimizationLevel::Full);
        configured = true;
    }
    return engines[level % 3];
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const size_t mode = size % 6;
    std::string_view source(reinterpret_cast<const char*>(data), size);
    const rhai::Engine& engine = engine_for(static_cast<uint8_t>(mode % 3));
    try {
        auto program = rhai::compiler::compile_source(source, engine.core(), "", mode >= 3);
        (void)rhai::compiler::disassemble(*program);
    } catch (const rhai::ParseError&) {
    }
    return 0;
}
