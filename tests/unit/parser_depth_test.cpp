// Parser: nesting limits. Deep input must end in ExprTooDeep, never a native stack overflow.
#include <gtest/gtest.h>

#include <string>

#include "parser_harness.hpp"

namespace {

std::string repeat(const std::string& s, size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

void expect_too_deep(const std::string& src, const rhai::syntax::ParseOptions& opts = {}) {
    auto e = parser_test::parse_error(src, opts);
    EXPECT_EQ(e.kind, rhai::ParseErrorKind::ExprTooDeep) << e.message;
    EXPECT_EQ(e.message, "Expression exceeds maximum complexity");
}

constexpr size_t kHuge = 100000;  // the brief's worst case, for the basic nestings
constexpr size_t kLarge = 20000;   // everything else (keeps the debug suite quick)

}  // namespace

TEST(ParserDepth, HugeNestingIsAnErrorNotACrash) {
    expect_too_deep(repeat("(", kHuge) + "1" + repeat(")", kHuge));
    expect_too_deep(repeat("[", kHuge) + repeat("]", kHuge));
    expect_too_deep(repeat("{", kHuge) + repeat("}", kHuge));
    expect_too_deep(repeat("#{a:", kLarge) + "1" + repeat("}", kLarge));
    expect_too_deep(repeat("f(", kLarge) + repeat(")", kLarge));
    expect_too_deep(repeat("`${", kLarge) + "1" + repeat("}`", kLarge));
    expect_too_deep(repeat("if a {1} else ", kLarge) + "{2}");
}

TEST(ParserDepth, LongChainsAndPrefixesAreBounded) {
    expect_too_deep(repeat("- ", kLarge) + "x");
    expect_too_deep(repeat("!", kLarge) + "x");
    expect_too_deep("2" + repeat(" ** 2", kLarge));
    expect_too_deep("1" + repeat(" + 1", kLarge));
    expect_too_deep("x" + repeat(".a", kLarge));
    expect_too_deep("x" + repeat("[0]", kLarge));
    // Closures restart the per-function budget, but the total nesting stays bounded.
    expect_too_deep(repeat("|| ", kLarge) + "1");
}

TEST(ParserDepth, UnlimitedStillHasACeiling) {
    rhai::syntax::ParseOptions opts;
    opts.max_expr_depth = 0;
    opts.max_function_expr_depth = 0;
    expect_too_deep(repeat("(", kHuge) + "1" + repeat(")", kHuge), opts);
    expect_too_deep(repeat("[", kHuge) + repeat("]", kHuge), opts);
    // ... and well below the ceiling, deep input parses.
    std::string deep = repeat("(", 400) + "1" + repeat(")", 400);
    EXPECT_EQ(parser_test::ast(deep, opts), "1");
}

TEST(ParserDepth, TopLevelAllowsMoreThanFunctions) {
    // 40 nested parentheses: fine at top level (limit 64), too deep in a function (limit 32).
    std::string expr = repeat("(", 40) + "1" + repeat(")", 40);
    EXPECT_EQ(parser_test::ast("let x = " + expr + ";"), "(let x 1)");
    expect_too_deep("fn f() { " + expr + " }");
    // A closure keeps counting from where it stands (as in Rhai).
    EXPECT_EQ(parser_test::ast("let f = || " + expr + ";"), "(let f (closure () (block:v 1)))");
    expect_too_deep("fn f() { let g = || " + expr + "; }");
    std::string shallow = repeat("(", 20) + "1" + repeat(")", 20);
    EXPECT_EQ(parser_test::ast("fn f() { " + shallow + " }"), "(fn f () (block:v 1))");
}

TEST(ParserDepth, LimitsAreConfigurable) {
    rhai::syntax::ParseOptions opts;
    opts.max_expr_depth = 8;
    expect_too_deep(repeat("(", 10) + "1" + repeat(")", 10), opts);
    EXPECT_EQ(parser_test::ast(repeat("(", 3) + "1" + repeat(")", 3), opts), "1");
    opts.max_expr_depth = 200;
    EXPECT_EQ(parser_test::ast(repeat("[", 150) + repeat("]", 150), opts).substr(0, 14), "(array (array ");
}

TEST(ParserDepth, ErrorPositionIsWhereTheLimitIsCrossed) {
    rhai::syntax::ParseOptions opts;
    opts.max_expr_depth = 5;
    auto e = parser_test::parse_error("((((((((1))))))))", opts);
    EXPECT_EQ(e.kind, rhai::ParseErrorKind::ExprTooDeep);
    EXPECT_EQ(e.pos.line, 1u);
    EXPECT_GT(e.pos.column, 1u);
    EXPECT_LT(e.pos.column, 9u);
}
