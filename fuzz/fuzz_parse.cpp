// Fuzz target: lexer + parser. Any byte string is source text; it must parse or raise a
// ParseError, never crash, hang or overflow the native stack. The AST dump walks the whole
// tree too, so a malformed tree (a null child, a bad position) shows up here.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rhai/error.hpp"
#include "syntax/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view source(reinterpret_cast<const char*>(data), size);
    for (uint32_t depth : {64u, 0u}) {  // the default limits, then "unlimited" (hard ceiling)
        rhai::syntax::ParseOptions opts;
        opts.max_expr_depth = depth;
        opts.max_function_expr_depth = depth;
        try {
            auto script = rhai::syntax::parse(source, opts);
            (void)rhai::syntax::dump_ast(script);
        } catch (const rhai::ParseError&) {
        }
    }
    return 0;
}
