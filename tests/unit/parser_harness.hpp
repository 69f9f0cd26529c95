// Helpers for the parser tests: dump a script's AST, or capture its parse error.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "syntax/parser.hpp"

namespace parser_test {

// dump_ast of `src` without the trailing newline ("<parse error: ...>" on failure).
inline std::string ast(const std::string& src, const rhai::syntax::ParseOptions& opts = {}) {
    try {
        std::string out = rhai::syntax::dump_ast(rhai::syntax::parse(src, opts));
        if (!out.empty() && out.back() == '\n') out.pop_back();
        return out;
    } catch (const rhai::ParseError& e) {
        return "<parse error: " + e.message() + ">";
    }
}

struct Err {
    rhai::ParseErrorKind kind = rhai::ParseErrorKind::BadInput;
    std::string message;
    rhai::Position pos;
    bool raised = false;
};

inline Err parse_error(const std::string& src, const rhai::syntax::ParseOptions& opts = {}) {
    try {
        rhai::syntax::parse(src, opts);
    } catch (const rhai::ParseError& e) {
        return {e.kind(), e.message(), e.position(), true};
    }
    ADD_FAILURE() << "expected a parse error for: " << src;
    return {};
}

#define EXPECT_PARSE_ERROR(src, KIND, MSG, LINE, COL)                              \
    do {                                                                          \
        auto e_ = parser_test::parse_error(src);                                  \
        EXPECT_TRUE(e_.raised);                                                   \
        EXPECT_EQ(e_.kind, rhai::ParseErrorKind::KIND) << e_.message;             \
        EXPECT_EQ(e_.message, MSG);                                               \
        EXPECT_EQ(e_.pos, (rhai::Position{LINE, COL})) << e_.pos.to_string();     \
    } while (0)

}  // namespace parser_test
