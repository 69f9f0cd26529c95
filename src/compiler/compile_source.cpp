// The compiler's one use of the parser: source text -> Program (rhai-run, eval, the prelude).
#include "compiler/compiler.hpp"
#include "syntax/parser.hpp"

namespace rhai::compiler {

syntax::ParseOptions parse_options(const EngineCore& engine) {
    syntax::ParseOptions po;
    po.max_expr_depth = engine.limits.max_expr_depth;
    po.max_function_expr_depth = engine.limits.max_function_expr_depth;
    po.max_string_size = engine.limits.max_string_size;
    po.max_array_size = engine.limits.max_array_size;
    po.max_map_size = engine.limits.max_map_size;
    po.disabled_symbols = engine.disabled_symbols;
    po.custom_operators = engine.custom_operators;
    return po;
}

std::shared_ptr<Program> compile_source(std::string_view source, const EngineCore& engine,
                                        std::string source_name, bool eval_mode) {
    syntax::Script script = syntax::parse(source, parse_options(engine), std::move(source_name));
    CompileOptions co;
    co.optimization = engine.optimization;
    co.eval_mode = eval_mode;
    return compile(script, co);
}

}  // namespace rhai::compiler
