// Parser: expressions (precedence, unary folding, access chains, calls, literals, closures).
#include <gtest/gtest.h>

#include "parser_harness.hpp"

using parser_test::ast;

TEST(ParserPrecedence, ArithmeticAndComparison) {
    EXPECT_EQ(ast("1 + 2 * 3 - 4"), "(- (+ 1 (* 2 3)) 4)");
    EXPECT_EQ(ast("a < b == c > d"), "(== (< a b) (> c d))");
    EXPECT_EQ(ast("10 % 3 / 2"), "(/ (% 10 3) 2)");
}

TEST(ParserPrecedence, PowerIsRightAssociative) {
    EXPECT_EQ(ast("2 ** 3 ** 2"), "(** 2 (** 3 2))");
    EXPECT_EQ(ast("2 * 3 ** 2"), "(* 2 (** 3 2))");
}

TEST(ParserPrecedence, ShiftsBindTighterThanArithmetic) {
    EXPECT_EQ(ast("1 + 1 << 2"), "(+ 1 (<< 1 2))");
    EXPECT_EQ(ast("2 * 1 << 3"), "(* 2 (<< 1 3))");
    EXPECT_EQ(ast("32 >> 1 + 1"), "(+ (>> 32 1) 1)");
}

TEST(ParserPrecedence, LogicAndBitwise) {
    EXPECT_EQ(ast("a || b && c"), "(|| a (&& b c))");
    EXPECT_EQ(ast("a | b & c ^ d"), "(^ (| a (& b c)) d)");
    EXPECT_EQ(ast("a == b && c != d"), "(&& (== a b) (!= c d))");
}

TEST(ParserPrecedence, RangesInAndCoalesce) {
    EXPECT_EQ(ast("1..2 + 3"), "(.. 1 (+ 2 3))");
    EXPECT_EQ(ast("x in 1..=2 + 3"), "(in x (..= 1 (+ 2 3)))");
    EXPECT_EQ(ast("2 + 2 in [4, 5]"), "(in (+ 2 2) (array 4 5))");
    EXPECT_EQ(ast("a ?? b + 1"), "(?? a (+ b 1))");
    EXPECT_EQ(ast("a ?? b < c"), "(< (?? a b) c)");
    EXPECT_EQ(ast("a !in b"), "(! (in a b))");
}

TEST(ParserPrecedence, OpenEndedRanges) {
    EXPECT_EQ(ast("a[1..]"), "(index a (.. 1 ()))");
    EXPECT_EQ(ast("s[..3]"), "(index s (.. 0 3))");
    EXPECT_EQ(ast("x in ..=5"), "(in x (..= 0 5))");
    EXPECT_EQ(ast("switch x { 10.. => 1, _ => 0 }"), "(switch x (case ((.. 10 ())) 1) (default 0))");
}

TEST(ParserUnary, SignsFoldIntoLiterals) {
    EXPECT_EQ(ast("-2.abs()"), "(method -2 abs)");  // the minus belongs to the literal
    EXPECT_EQ(ast("- 2.abs()"), "(- (method 2 abs))");
    EXPECT_EQ(ast("-(3)"), "-3");
    EXPECT_EQ(ast("- 1.5"), "(float -1.5)");
    EXPECT_EQ(ast("+7"), "7");
    EXPECT_EQ(ast("-x ** 2"), "(** (- x) 2)");
    EXPECT_EQ(ast("!a == b"), "(== (! a) b)");
    EXPECT_EQ(ast("2 ** -1"), "(** 2 -1)");
    EXPECT_EQ(ast("- -9223372036854775808"), "(float 9.2233720368547758e+18)");
}

TEST(ParserLiterals, Scalars) {
    EXPECT_EQ(ast("42; 1.5; 'c'; \"s\"; true; false; ()"),
              "42\n(float 1.5)\n(char 99)\n\"s\"\ntrue\nfalse\n()");
}

TEST(ParserLiterals, ArraysAllowTrailingComma) {
    EXPECT_EQ(ast("[1, [2, 3], ]"), "(array 1 (array 2 3))");
    EXPECT_EQ(ast("[]"), "(array)");
}

TEST(ParserLiterals, MapsWithQuotedKeys) {
    EXPECT_EQ(ast("#{a: 1, \"quoted key\": 2,}"), "(map (a 1) (\"quoted key\" 2))");
    EXPECT_EQ(ast("#{}"), "(map)");
}

TEST(ParserLiterals, Interpolation) {
    EXPECT_EQ(ast("`a ${b} c`"), "(interp \"a \" b \" c\")");
    EXPECT_EQ(ast("`${x}`"), "(interp x)");
    EXPECT_EQ(ast("`outer ${`inner ${a + 1}`} end`"),
              "(interp \"outer \" (interp \"inner \" (+ a 1)) \" end\")");
    EXPECT_EQ(ast("`${ let y = 2; y * 2 }`"), "(interp (block:v (let y 2) (* y 2)))");
}

TEST(ParserAccess, PropertiesMethodsAndIndexes) {
    EXPECT_EQ(ast("a.b.c"), "(. (. a b) c)");
    EXPECT_EQ(ast("a.f(1, 2).g()"), "(method (method a f 1 2) g)");
    EXPECT_EQ(ast("a[1][\"k\"]"), "(index (index a 1) \"k\")");
    EXPECT_EQ(ast("x?.y?[0].z(1,)"), "(method (index? (?. x y) 0) z 1)");
    EXPECT_EQ(ast("\"abc\".len()"), "(method \"abc\" len)");
    EXPECT_EQ(ast("[1, 2][0]"), "(index (array 1 2) 0)");
}

TEST(ParserAccess, KeywordMethods) {
    EXPECT_EQ(ast("f.call(1)"), "(method f call 1)");
    EXPECT_EQ(ast("x.type_of()"), "(method x type_of)");
    EXPECT_EQ(ast("f.curry(2).call()"), "(method (method f curry 2) call)");
}

TEST(ParserCalls, PlainNamespacedCaptureAndKeywordFunctions) {
    EXPECT_EQ(ast("f(1, 2,)"), "(call f 1 2)");
    EXPECT_EQ(ast("f()"), "(call f)");
    EXPECT_EQ(ast("m::f(1)"), "(call m::f 1)");
    EXPECT_EQ(ast("m::sub::x"), "(ns m::sub::x)");
    EXPECT_EQ(ast("global::K"), "(ns global::K)");
    EXPECT_EQ(ast("bump!(5)"), "(call! bump 5)");
    EXPECT_EQ(ast("print(type_of(x))"), "(call print (call type_of x))");
    EXPECT_EQ(ast("Fn(\"foo\")"), "(call Fn \"foo\")");
    EXPECT_EQ(ast("Fn(name + \"_x\")"), "(call Fn (+ name \"_x\"))");  // checked at run time
}

TEST(ParserCalls, FnWithInvalidLiteralNameParses) {
    // Rhai checks the name when Fn runs (its optimizer leaves an invalid literal alone).
    EXPECT_EQ(ast("Fn(\"print\")"), "(call Fn \"print\")");
    EXPECT_EQ(ast("Fn(\"not a valid name!\")"), "(call Fn \"not a valid name!\")");
}

TEST(ParserClosures, ParamsAndBodies) {
    EXPECT_EQ(ast("|a, b| a + b"), "(closure (a b) (block:v (+ a b)))");
    EXPECT_EQ(ast("|| 42"), "(closure () (block:v 42))");
    EXPECT_EQ(ast("|x| { let y = x; y }"), "(closure (x) (block:v (let y x) y))");
    EXPECT_EQ(ast("a.map(|x| x * 2)"), "(method a map (closure (x) (block:v (* x 2))))");
    EXPECT_EQ(ast("|| this"), "(closure () (block:v this))");
}

TEST(ParserClosures, BodyIsOneStatement) {
    EXPECT_EQ(ast("let f = |x| x = 5;"), "(let f (closure (x) (block (= x 5))))");
    EXPECT_EQ(ast("let f = |a,| a;"), "(let f (closure (a) (block:v a)))");
    EXPECT_PARSE_ERROR("|a, a| a", FnDuplicatedParam, "Duplicated parameter a for function ", 1, 5);
    EXPECT_PARSE_ERROR("|a b| a", MissingToken,
                       "Expecting ',' to separate the parameters of anonymous function", 1, 4);
    EXPECT_PARSE_ERROR("|a, 1| a", MissingToken,
                       "Expecting '|' to close the parameters list of anonymous function or closure", 1, 5);
    EXPECT_PARSE_ERROR("|let| 1", VariableExpected, "Expecting name of a variable", 1, 2);
}

TEST(ParserClosures, GetUniqueNames) {
    auto script = rhai::syntax::parse("let f = |x| x; let g = |y| y;");
    ASSERT_EQ(script.statements.size(), 2u);
    auto& f = script.statements[0]->kids[0]->fn;
    auto& g = script.statements[1]->kids[0]->fn;
    ASSERT_TRUE(f && g);
    EXPECT_TRUE(f->is_closure);
    EXPECT_NE(f->name, g->name);
    EXPECT_TRUE(script.functions.empty());  // closures live in their Closure nodes
}

TEST(ParserExpressions, ControlFlowAsValues) {
    EXPECT_EQ(ast("let x = if a { 1 } else { 2 };"), "(let x (if a (block:v 1) (block:v 2)))");
    EXPECT_EQ(ast("let r = loop { break 5; };"), "(let r (loop (block:v (break 5))))");
    EXPECT_EQ(ast("let r = while i < 3 { i += 1; };"), "(let r (while (< i 3) (block (+= i 1))))");
    EXPECT_EQ(ast("for v in a { t += v ?? break; }"), "(for (v) a (block (+= t (?? v (break)))))");
    EXPECT_EQ(ast("fn f(m) { let v = m.first ?? return -1; v }"),
              "(fn f (m) (block:v (let v (?? (. m first) (return -1))) v))");
}

TEST(ParserAccess, LiteralIndexTypesAreChecked) {
    EXPECT_PARSE_ERROR("#{a: 1}[0]", MalformedIndexExpr, "Object map expects string index, not a number", 1, 9);
    EXPECT_PARSE_ERROR("[1, 2][\"x\"]", MalformedIndexExpr,
                       "Array, string or bit-field expects numeric index, not a string", 1, 8);
    EXPECT_PARSE_ERROR("\"abc\"[1.5]", MalformedIndexExpr,
                       "Array, string or bit-field expects integer index, not a float", 1, 7);
    EXPECT_EQ(ast("#{a: 1}[\"a\"]"), "(index (map (a 1)) \"a\")");
    EXPECT_EQ(ast("m[0]"), "(index m 0)");  // a variable: checked at run time
}

TEST(ParserCalls, CaptureRules) {
    EXPECT_PARSE_ERROR("x.f!(1)", MalformedCapture,
                       "method-call style does not support running within the caller's scope", 1, 3);
    EXPECT_PARSE_ERROR("m::f!(1)", BadInput, "'!' cannot be used to call module functions", 1, 5);
    EXPECT_EQ(ast("f!()"), "(call! f)");
}

TEST(ParserPositions, NodesCarryTheirTokenPositions) {
    auto script = rhai::syntax::parse("let x =\n  a.b(1) + c[2];");
    const auto& let = *script.statements[0];
    EXPECT_EQ(let.pos, (rhai::Position{1, 1}));  // the `let` keyword
    const auto& plus = *let.kids[0];
    EXPECT_EQ(plus.pos, (rhai::Position{2, 10}));  // binary: the operator
    EXPECT_EQ(plus.kids[0]->pos, (rhai::Position{2, 5}));  // method call: its name
    EXPECT_EQ(plus.kids[1]->pos, (rhai::Position{2, 13}));  // index: the `[`
    EXPECT_EQ(plus.kids[1]->kids[0]->pos, (rhai::Position{2, 12}));
}
