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

std::string parens(size_t n) { return repeat("(", n) + "1" + repeat(")", n); }

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
    EXPECT_EQ(parser_test::ast(parens(300), opts), "1");
}

// Levels are counted where Rhai counts them: a parenthesis costs two levels, a statement one,
// a function body two more. These limits are what Rhai 1.x allows with its defaults (64 top
// level, 32 in functions).

TEST(ParserDepth, TopLevelParenthesesLimitMatchesRhai) {
    EXPECT_EQ(parser_test::ast("let x = " + parens(30) + ";"), "(let x 1)");
    expect_too_deep("let x = " + parens(31) + ";");
}

TEST(ParserDepth, FunctionBodiesHaveTheSmallerLimit) {
    EXPECT_EQ(parser_test::ast("fn f() { " + parens(14) + " }"), "(fn f () (block:v 1))");
    expect_too_deep("fn f() { " + parens(15) + " }");
}

TEST(ParserDepth, ClosuresCountFromWhereTheyStand) {
    EXPECT_EQ(parser_test::ast("let f = || " + parens(29) + ";"), "(let f (closure () (block:v 1)))");
    expect_too_deep("let f = || " + parens(30) + ";");
    expect_too_deep("fn g() { let f = || " + parens(14) + "; }");
}

TEST(ParserDepth, OperatorChainsCountOneLevelPerOperator) {
    EXPECT_EQ(parser_test::ast("let x = 1" + repeat(" + 1", 61) + ";").substr(0, 9), "(let x (+");
    expect_too_deep("let x = 1" + repeat(" + 1", 62) + ";");
}

TEST(ParserDepth, LimitsAreConfigurable) {
    rhai::syntax::ParseOptions opts;
    opts.max_expr_depth = 8;
    expect_too_deep(parens(4), opts);
    EXPECT_EQ(parser_test::ast(parens(2), opts), "1");
    opts.max_expr_depth = 400;
    EXPECT_EQ(parser_test::ast(repeat("[", 120) + repeat("]", 120), opts).substr(0, 14), "(array (array ");
    rhai::syntax::ParseOptions fn_opts;
    fn_opts.max_function_expr_depth = 64;
    EXPECT_EQ(parser_test::ast("fn f() { " + parens(20) + " }", fn_opts), "(fn f () (block:v 1))");
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
