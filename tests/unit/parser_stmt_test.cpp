// Parser: statements, blocks, control flow, functions, modules.
#include <gtest/gtest.h>

#include "parser_harness.hpp"

using parser_test::ast;

TEST(ParserStatements, LetConstAndShadowing) {
    EXPECT_EQ(ast("let x = 1; let x = x + 1; const Y = 2; let z;"),
              "(let x 1)\n(let x (+ x 1))\n(const Y 2)\n(let z)");
}

TEST(ParserStatements, AssignmentTargets) {
    EXPECT_EQ(ast("x = 1; x += 2; a[1].x += 5; m.a.b = 3; x **= 2; x <<= 1;"),
              "(= x 1)\n(+= x 2)\n(+= (. (index a 1) x) 5)\n(= (. (. m a) b) 3)\n(**= x 2)\n(<<= x 1)");
    EXPECT_EQ(ast("fn f() { this.count += 1; this = 5; }"),
              "(fn f () (block (+= (. this count) 1) (= this 5)))");
}

TEST(ParserStatements, SemicolonsAndEmptyStatements) {
    // Empty statements are dropped, as in Rhai.
    EXPECT_EQ(ast(";;\nlet x = 1;;\n;"), "(let x 1)");
    EXPECT_EQ(ast("let v = { if a { 1 } else { 2 }; };"),
              "(let v (block:v (if a (block:v 1) (block:v 2))))");
    // Block-ending statements need no `;`; the last statement needs none either.
    EXPECT_EQ(ast("let x = 0\n;\nif true { x += 1 }\nwhile x < 3 { x += 1 }\n"
                  "for i in 0..2 { x += i }\n{ x += 10 }\nprint(x)"),
              "(let x 0)\n(if true (block (+= x 1)))\n(while (< x 3) (block (+= x 1)))\n"
              "(for (i) (.. 0 2) (block (+= x i)))\n(block (+= x 10))\n(call print x)");
}

TEST(ParserStatements, BlockValueFlag) {
    EXPECT_EQ(ast("let v = { 1; 2; 3; };"), "(let v (block:v 1 2 3))");
    EXPECT_EQ(ast("let v = { let a = 1; };"), "(let v (block (let a 1)))");
    EXPECT_EQ(ast("let v = { x = 1 };"), "(let v (block (= x 1)))");
    EXPECT_EQ(ast("let v = {};"), "(let v (block))");
}

TEST(ParserControlFlow, IfElseChains) {
    EXPECT_EQ(ast("if a { 1 } else if b { 2 } else { 3 }"),
              "(if a (block:v 1) (if b (block:v 2) (block:v 3)))");
    EXPECT_EQ(ast("if (x > 1) { y }"), "(if (> x 1) (block:v y))");
}

TEST(ParserControlFlow, Loops) {
    EXPECT_EQ(ast("while x < 3 { x += 1; }"), "(while (< x 3) (block (+= x 1)))");
    EXPECT_EQ(ast("loop { break; }"), "(loop (block:v (break)))");
    EXPECT_EQ(ast("do { x += 1; } while x < 10;"), "(do (block (+= x 1)) while (< x 10))");
    EXPECT_EQ(ast("do { x -= 1 } until x == 0"), "(do (block (-= x 1)) until (== x 0))");
    EXPECT_EQ(ast("for x in arr { continue; }"), "(for (x) arr (block:v (continue)))");
    EXPECT_EQ(ast("for (ch, i) in s.chars() { }"), "(for (ch i) (method s chars) (block))");
}

TEST(ParserControlFlow, BreakValueReturnThrow) {
    EXPECT_EQ(ast("loop { break 42; }"), "(loop (block:v (break 42)))");
    EXPECT_EQ(ast("return;"), "(return)");
    EXPECT_EQ(ast("return x * 2;"), "(return (* x 2))");
    EXPECT_EQ(ast("throw \"boom\";"), "(throw \"boom\")");
    EXPECT_EQ(ast("try { } catch (e) { throw; }"), "(try (block) (catch e) (block:v (throw)))");
}

TEST(ParserControlFlow, FlowValuesAreOptional) {
    EXPECT_EQ(ast("loop { f(x ?? break) }"), "(loop (block:v (call f (?? x (break)))))");
    EXPECT_EQ(ast("fn g(m) { [m ?? return] }"), "(fn g (m) (block:v (array (?? m (return)))))");
    EXPECT_EQ(ast("loop { if a { break } else { break 1 } }"),
              "(loop (block:v (if a (block:v (break)) (block:v (break 1)))))");
}

TEST(ParserControlFlow, TryCatchForms) {
    EXPECT_EQ(ast("try { f() } catch (err) { print(err) }"),
              "(try (block:v (call f)) (catch err) (block:v (call print err)))");
    EXPECT_EQ(ast("try { f() } catch { 0 }"), "(try (block:v (call f)) (catch) (block:v 0))");
}

TEST(ParserSwitch, PatternsGuardsAndDefault) {
    EXPECT_EQ(ast("switch x { 1 | 2 => \"a\", 3..5 if x > 3 => { \"b\" } _ => \"c\" }"),
              "(switch x (case (1 2) \"a\") (case ((.. 3 5)) (if (> x 3)) (block:v \"b\")) "
              "(default \"c\"))");
    EXPECT_EQ(ast("switch c { 'a' | 'e' => 1, \"s\" => 2, () => 3, true => 4, -1 => 5, 0..=9 => 6 }"),
              "(switch c (case ((char 97) (char 101)) 1) (case (\"s\") 2) (case (()) 3) "
              "(case (true) 4) (case (-1) 5) (case ((..= 0 9)) 6))");
    EXPECT_EQ(ast("switch p { [1, \"a\"] => 1, _ => 0 }"),
              "(switch p (case ((array 1 \"a\")) 1) (default 0))");
}

TEST(ParserSwitch, StatementBodies) {
    EXPECT_EQ(ast("loop { switch x { 1 => break, _ => { x += 1; } } }"),
              "(loop (block:v (switch x (case (1) (break)) (default (block (+= x 1))))))");
    EXPECT_EQ(ast("switch x { 1 => { a } 2 => { b } }"),
              "(switch x (case (1) (block:v a)) (case (2) (block:v b)))");
}

TEST(ParserFunctions, DefinitionsAreHoisted) {
    EXPECT_EQ(ast("print(f(1)); fn f(a, b,) { a + b } fn f(a) { a }"),
              "(fn f (a b) (block:v (+ a b)))\n(fn f (a) (block:v a))\n(call print (call f 1))");
}

TEST(ParserFunctions, PrivateTypedAndDocComments) {
    EXPECT_EQ(ast("private fn helper(x) { x * 10 }"), "(fn private helper (x) (block:v (* x 10)))");
    // `int` and `float` are Rhai's aliases of i64/f64.
    EXPECT_EQ(ast("fn int.triple() { this * 3 }"), "(fn i64.triple () (block:v (* this 3)))");
    EXPECT_EQ(ast("fn float.half() { this / 2.0 }"), "(fn f64.half () (block:v (/ this (float 2))))");
    EXPECT_EQ(ast("fn \"My Type\".act() { }"), "(fn My Type.act () (block))");
    auto script = rhai::syntax::parse("/// Adds.\n/// Twice.\nfn add(a, b) { a + b }");
    ASSERT_EQ(script.functions.size(), 1u);
    EXPECT_EQ(script.functions[0]->doc_comments, (std::vector<std::string>{"/// Adds.", "/// Twice."}));
    EXPECT_EQ(script.functions[0]->this_type, "");
}

TEST(ParserFunctions, SameNameDifferentTypeOrArityIsFine) {
    EXPECT_EQ(ast("fn int.f() { 1 } fn string.f() { 2 } fn f() { 3 }"),
              "(fn i64.f () (block:v 1))\n(fn string.f () (block:v 2))\n(fn f () (block:v 3))");
}

TEST(ParserModules, ImportExport) {
    EXPECT_EQ(ast("import \"m\" as m; import \"side_effects\";"),
              "(import \"m\" as m)\n(import \"side_effects\")");
    EXPECT_EQ(ast("let x = 1; export x as y, x; export const K = 42; export let v = 1;"),
              "(let x 1)\n(export (x as y) (x))\n(export-const K 42)\n(export-let v 1)");
    EXPECT_EQ(ast("fn f() { import \"m\" as m; m::g() }"),
              "(fn f () (block:v (import \"m\" as m) (call m::g)))");
}

TEST(ParserOptions, CustomOperatorsAndDisabledSymbols) {
    rhai::syntax::ParseOptions opts;
    opts.custom_operators["foo"] = 160;  // between `+` (150) and `*` (180)
    EXPECT_EQ(ast("1 + 2 foo 3 * 4", opts), "(+ 1 (foo 2 (* 3 4)))");
    rhai::syntax::ParseOptions off;
    off.disabled_symbols.insert("while");
    off.disabled_symbols.insert("+=");
    auto e = parser_test::parse_error("while x { }", off);
    EXPECT_EQ(e.kind, rhai::ParseErrorKind::Reserved);
    EXPECT_EQ(e.message, "'while' is a reserved keyword");
    // A disabled operator is no longer an operator.
    auto e2 = parser_test::parse_error("x += 1;", off);
    EXPECT_EQ(e2.kind, rhai::ParseErrorKind::UnknownOperator);
    EXPECT_EQ(e2.message, "Unknown operator: '+='");
    EXPECT_EQ(e2.pos, (rhai::Position{1, 3}));
    EXPECT_EQ(parser_test::parse_error("+= 1;", off).message, "'+=' is a reserved symbol");
    // Disabling a function-like keyword forbids calling it.
    rhai::syntax::ParseOptions no_print;
    no_print.disabled_symbols.insert("print");
    auto e3 = parser_test::parse_error("let x = 1;\nprint(x);", no_print);
    EXPECT_EQ(e3.message, "reserved keyword 'print' is disabled");
    EXPECT_EQ(e3.pos, (rhai::Position{2, 1}));
}

TEST(ParserScript, SourceNameIsKept) {
    auto script = rhai::syntax::parse("1", {}, "main.rhai");
    EXPECT_EQ(script.source, "main.rhai");
}
