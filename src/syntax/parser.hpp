// Public entry point of the syntax stage: Rhai source -> syntax::Script (see ast.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rhai/error.hpp"
#include "syntax/ast.hpp"

namespace rhai::syntax {

struct ParseOptions {
    // Maximum nesting of expressions/blocks at top level and inside function bodies (closures
    // included); deeper input is a ParseError ExprTooDeep, never a native stack overflow.
    // 0 means "no configured limit": an internal ceiling (kHardDepthLimit) still applies.
    uint32_t max_expr_depth = 64;
    uint32_t max_function_expr_depth = 32;
    // Rhai's data-size limits as they apply to literals (0 = no limit): a longer string or
    // char literal, an array literal reaching max_array_size elements before its `]`, a map
    // literal with more than max_map_size properties are LiteralTooLarge parse errors.
    size_t max_string_size = 0;
    size_t max_array_size = 0;
    size_t max_map_size = 0;
    // Keywords/operators switched off by the host (Engine::disable_symbol): they lex as
    // reserved symbols, so using them is a syntax error.
    std::set<std::string, std::less<>> disabled_symbols;
    // Custom binary operators: symbol -> precedence (Rhai's scale: `||` 30, `&&` 60, `==` 90,
    // `<` 130, `+` 150, `*` 180, `**` 190, `<<` 210). They become Binary nodes with op = symbol.
    std::unordered_map<std::string, int> custom_operators;
};

// The recursion ceiling used when a limit is 0 (unlimited) or larger than what the native
// stack can safely take.
inline constexpr uint32_t kHardDepthLimit = 1000;

// Parse a whole script. Throws rhai::ParseError (Rhai's kind, message and 1-based position).
Script parse(std::string_view source, const ParseOptions& opts = {}, std::string source_name = "");

// A stable S-expression rendering of the AST, for tests and `rhai-run --dump-ast`.
std::string dump_ast(const Script& script);
std::string dump_node(const Node& node);

}  // namespace rhai::syntax
