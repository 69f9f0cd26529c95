// Parser: error kinds, Rhai's messages and positions.
#include <gtest/gtest.h>

#include "parser_harness.hpp"

TEST(ParserErrors, MissingSemicolon) {
    EXPECT_PARSE_ERROR("let a = 1 let b = 2;", MissingToken,
                       "Expecting ';' to terminate this statement", 1, 11);
    EXPECT_PARSE_ERROR("let x = 5\nx", MissingToken, "Expecting ';' to terminate this statement", 2, 1);
    EXPECT_PARSE_ERROR("let x = 0xfg;", MissingToken, "Expecting ';' to terminate this statement", 1, 12);
}

TEST(ParserErrors, UnexpectedTokensAndEndOfInput) {
    EXPECT_PARSE_ERROR("print(\"never\");\nlet x = ;", BadInput, "Unexpected ';'", 2, 9);
    EXPECT_PARSE_ERROR("let x = 1 +", UnexpectedEOF, "Script is incomplete", 1, 12);
    EXPECT_PARSE_ERROR("}", BadInput, "Unexpected '}'", 1, 1);
    EXPECT_PARSE_ERROR("let x = 1 'c';", MissingToken, "Expecting ';' to terminate this statement", 1, 11);
    EXPECT_PARSE_ERROR("#{ 0xff: 1 }", MissingToken, "Expecting '}' to end this object map literal", 1, 4);
    EXPECT_PARSE_ERROR("f(1 @ 2)", UnknownOperator, "Unknown operator: '@'", 1, 5);
    EXPECT_PARSE_ERROR("let v = try { 5 } catch { 0 };", BadInput, "Unexpected 'try'", 1, 9);
}

TEST(ParserErrors, UnclosedBrackets) {
    EXPECT_PARSE_ERROR("let x = (1 + 2;", MissingToken,
                       "Expecting ')' for a matching ( in this expression", 1, 15);
    EXPECT_PARSE_ERROR("f(1, 2", MissingToken,
                       "Expecting ')' to close the arguments list of this function call 'f'", 1, 7);
    EXPECT_PARSE_ERROR("f(1 2)", MissingToken,
                       "Expecting ',' to separate the arguments to function call 'f'", 1, 5);
    EXPECT_PARSE_ERROR("[1 2]", MissingToken,
                       "Expecting ',' to separate the items of this array literal", 1, 4);
    EXPECT_PARSE_ERROR("a[1", MissingToken,
                       "Expecting ']' for a matching [ in this index expression", 1, 4);
    EXPECT_PARSE_ERROR("{ let x = 1;", MissingToken, "Expecting '}' to terminate this block", 1, 13);
    EXPECT_PARSE_ERROR("f(( ))", BadInput, "Unexpected ')'", 1, 5);
}

TEST(ParserErrors, MapLiterals) {
    EXPECT_PARSE_ERROR("let m = #{ a: 1, a: 2 };", DuplicatedProperty,
                       "Duplicated property for object map literal: a", 1, 18);
    EXPECT_PARSE_ERROR("#{a 1}", MissingToken,
                       "Expecting ':' to follow the property 'a' in this object map literal", 1, 5);
    EXPECT_PARSE_ERROR("#{a: 1 b: 2}", MissingToken,
                       "Expecting ',' to separate the items of this object map literal", 1, 8);
}

TEST(ParserErrors, ReservedWordsAndKeywordsAsNames) {
    EXPECT_PARSE_ERROR("let var = 1;", Reserved, "'var' is a reserved keyword", 1, 5);
    EXPECT_PARSE_ERROR("print(goto);", Reserved, "'goto' is a reserved keyword", 1, 7);
    EXPECT_PARSE_ERROR("let fn = 1;", VariableExpected, "Expecting name of a variable", 1, 5);
    EXPECT_PARSE_ERROR("x ++;", UnknownOperator, "Unknown operator: '++'", 1, 3);
    EXPECT_PARSE_ERROR("a ? b : c", UnknownOperator, "Unknown operator: '?'", 1, 3);
    EXPECT_PARSE_ERROR("++x;", Reserved, "'++' is a reserved symbol", 1, 1);
    EXPECT_PARSE_ERROR("x = this;", BadInput, "'this' can only be used in functions", 1, 5);
}

TEST(ParserErrors, LexicalErrorsSurfaceWithTheirPosition) {
    EXPECT_PARSE_ERROR("print(\"it\\'s\");", BadInput, "Invalid escape sequence: '\\''", 1, 11);
    EXPECT_PARSE_ERROR("let a = 1;\nlet b = -0x11;", BadInput, "Invalid number: 'x11'", 2, 9);
    // A syntax error earlier in the text wins over a lexical error later on.
    EXPECT_PARSE_ERROR("let = 1; \"open", VariableExpected, "Expecting name of a variable", 1, 5);
}

TEST(ParserErrors, LoopControlOutsideLoops) {
    EXPECT_PARSE_ERROR("print(\"x\");\nbreak;", LoopBreak,
                       "Break statement should only be used inside a loop", 2, 1);
    EXPECT_PARSE_ERROR("continue;", LoopBreak, "Break statement should only be used inside a loop", 1, 1);
    // A function body does not inherit the loop around its definition's call sites.
    EXPECT_PARSE_ERROR("fn f() { break; }", LoopBreak,
                       "Break statement should only be used inside a loop", 1, 10);
    EXPECT_PARSE_ERROR("loop { let f = || { break; }; }", LoopBreak,
                       "Break statement should only be used inside a loop", 1, 21);
}

TEST(ParserErrors, FunctionDefinitions) {
    const char* wrong_place =
        "Function definitions must be at global level and cannot be inside a block or another function";
    EXPECT_PARSE_ERROR("{\n    fn inner() { 1 }\n}", WrongFnDefinition, wrong_place, 2, 5);
    EXPECT_PARSE_ERROR("fn outer() {\n    fn inner() { 1 }\n}", WrongFnDefinition, wrong_place, 2, 5);
    EXPECT_PARSE_ERROR("fn g(x) { 1 }\nfn g(y) { 2 }", FnDuplicatedDefinition,
                       "Function g with 1 parameter already exists", 2, 1);
    EXPECT_PARSE_ERROR("fn h() {} fn h() {}", FnDuplicatedDefinition,
                       "Function h with no parameters already exists", 1, 11);
    EXPECT_PARSE_ERROR("fn f(a, a) {}", FnDuplicatedParam, "Duplicated parameter a for function f", 1, 9);
    EXPECT_PARSE_ERROR("fn f {}", FnMissingParams, "Expecting parameters for function f", 1, 6);
    EXPECT_PARSE_ERROR("fn f()", FnMissingBody, "Expecting body statement block for function f", 1, 7);
    EXPECT_PARSE_ERROR("fn () {}", FnMissingName, "Expecting function name in function declaration", 1, 4);
}

TEST(ParserErrors, SwitchRules) {
    EXPECT_PARSE_ERROR("switch x {\n    _ => 0,\n    1 => 1\n}", WrongSwitchDefaultCase,
                       "Default switch case must be the last", 2, 5);
    EXPECT_PARSE_ERROR("switch x { _ if y => 1 }", WrongSwitchCaseCondition,
                       "This switch case cannot have a condition", 1, 14);
    EXPECT_PARSE_ERROR("switch x { 1..3 => 1, 5 => 2 }", WrongSwitchIntegerCase,
                       "Numeric switch case cannot follow a range case", 1, 23);
    EXPECT_PARSE_ERROR("switch x { y => 1 }", ExprExpected, "Expecting a literal expression", 1, 12);
    EXPECT_PARSE_ERROR("switch x { 'a'..'z' => 1 }", ExprExpected, "Expecting a literal expression", 1, 15);
    EXPECT_PARSE_ERROR("switch x { 1 => 2 3 => 4 }", MissingToken,
                       "Expecting ',' to separate the items in this switch block", 1, 19);
}

TEST(ParserErrors, LiteralNonBooleanConditions) {
    EXPECT_PARSE_ERROR("if 1 { }", MismatchedType, "Expecting a boolean expression, not a number", 1, 4);
    EXPECT_PARSE_ERROR("while \"s\" {}", MismatchedType,
                       "Expecting a boolean expression, not a string", 1, 7);
    EXPECT_PARSE_ERROR("let b = a && 1;", MismatchedType,
                       "Expecting a boolean expression, not a number", 1, 14);
    EXPECT_PARSE_ERROR("() || b", MismatchedType, "Expecting a boolean expression, not ()", 1, 1);
    EXPECT_PARSE_ERROR("if x = 1 { }", BadInput, "Possibly a typo of '=='?", 1, 6);
    // A variable condition is checked at run time.
    EXPECT_EQ(parser_test::ast("let o = 1; if o { }"), "(let o 1)\n(if o (block))");
}

TEST(ParserErrors, ConditionsAndIterables) {
    EXPECT_PARSE_ERROR("if { true } { }", ExprExpected, "Expecting a boolean expression", 1, 4);
    EXPECT_PARSE_ERROR("for x in 42 { }", MismatchedType, "Expecting an iterable value, not a number", 1, 10);
    EXPECT_PARSE_ERROR("for x in #{a: 1} { }", MismatchedType,
                       "Expecting an iterable value, not an object map", 1, 10);
    EXPECT_EQ(parser_test::ast("for x in \"abc\" { }"), "(for (x) \"abc\" (block))");
}

TEST(ParserErrors, FunctionHeaders) {
    EXPECT_PARSE_ERROR("private let x = 1;", MissingToken, "Expecting 'fn' following 'private'", 1, 9);
    EXPECT_PARSE_ERROR("fn \"T\" f() {}", MissingToken, "Expecting '.' after the type name for 'this'", 1, 8);
    EXPECT_PARSE_ERROR("fn print() {}", Reserved, "'print' is a reserved keyword", 1, 4);
    EXPECT_PARSE_ERROR("fn f(a b) {}", MissingToken, "Expecting ',' to separate the parameters of function 'f'", 1, 8);
    EXPECT_PARSE_ERROR("fn f(a, 1) {}", MissingToken,
                       "Expecting ')' to close the parameters list of function 'f'", 1, 9);
    EXPECT_PARSE_ERROR("fn f(var) {}", Reserved, "'var' is a reserved keyword", 1, 6);
}

TEST(ParserErrors, AssignmentTargets) {
    EXPECT_PARSE_ERROR("1 = 2;", AssignmentToConstant, "Cannot assign to a constant value", 1, 1);
    EXPECT_PARSE_ERROR("const C = 1;\nC = 2;", AssignmentToConstant, "Cannot assign to constant C", 2, 1);
    EXPECT_PARSE_ERROR("const C = 1; C += 2;", AssignmentToConstant, "Cannot assign to constant C", 1, 14);
    EXPECT_PARSE_ERROR("f() = 1;", AssignmentToInvalidLHS, "Expression cannot be assigned to", 1, 1);
    EXPECT_PARSE_ERROR("a.f().x = 1;", AssignmentToInvalidLHS, "Expression cannot be assigned to", 1, 3);
    // Shadowing by `let` makes the name assignable again; constants die with their block.
    EXPECT_EQ(parser_test::ast("const C = 1; { let C = 5; C = 2; }"),
              "(const C 1)\n(block (let C 5) (= C 2))");
    EXPECT_EQ(parser_test::ast("{ const C = 1; } C = 2;"), "(block (const C 1))\n(= C 2)");
    EXPECT_EQ(parser_test::ast("const C = 1; fn f(C) { C = 2; }"),
              "(fn f (C) (block (= C 2)))\n(const C 1)");
}

TEST(ParserErrors, ModulesAndStatementsInTheWrongPlace) {
    EXPECT_PARSE_ERROR("{\n    export const Z = 1;\n}", WrongExport,
                       "Export statement can only appear at global level", 2, 5);
    EXPECT_PARSE_ERROR("for in x {}", VariableExpected, "Expecting name of a variable", 1, 5);
    EXPECT_PARSE_ERROR("for (a, a) in x {}", DuplicatedVariable, "Duplicated variable name: a", 1, 9);
    EXPECT_PARSE_ERROR("for x of y {}", MissingToken, "Expecting 'in' after the iteration variable", 1, 7);
    EXPECT_PARSE_ERROR("try {} x", MissingToken, "Expecting 'catch' for the 'try' statement", 1, 8);
    EXPECT_PARSE_ERROR("if a { 1 } else 2", MissingToken, "Expecting '{' to start a statement block", 1, 17);
    EXPECT_PARSE_ERROR("x.1", PropertyExpected, "Expecting name of a property", 1, 3);
}
