// Errors: Rhai's message texts, kind names, catch values and the rhai-run description.
#include <gtest/gtest.h>

#include "rhai/error.hpp"

using namespace rhai;

TEST(RuntimeError, KindNames) {
    EXPECT_EQ(error_kind_name(ErrorKind::ErrorFunctionNotFound), "ErrorFunctionNotFound");
    EXPECT_EQ(error_kind_name(ErrorKind::ErrorRuntime), "ErrorRuntime");
    EXPECT_EQ(error_kind_name(ErrorKind::ErrorNonPureMethodCallOnConstant),
              "ErrorNonPureMethodCallOnConstant");
    EXPECT_EQ(parse_error_kind_name(ParseErrorKind::UnexpectedEOF), "UnexpectedEOF");
    EXPECT_EQ(parse_error_kind_name(ParseErrorKind::LoopBreak), "LoopBreak");
}

TEST(RuntimeError, ParseErrorWhat) {
    ParseError e(ParseErrorKind::MissingToken, "Expecting ')'", Position{3, 7});
    EXPECT_STREQ(e.what(), "Expecting ')' (line 3, position 7)");
    EXPECT_EQ(e.message(), "Expecting ')'");
    EXPECT_EQ(e.position().line, 3u);
    ParseError none(ParseErrorKind::BadInput, "bad", Position{});
    EXPECT_STREQ(none.what(), "bad");
}

TEST(RuntimeError, FunctionNotFound) {
    auto e = EvalError::function_not_found("missing_fn (i64, bool)");
    EXPECT_EQ(e.kind(), ErrorKind::ErrorFunctionNotFound);
    EXPECT_EQ(e.message(), "Function not found: missing_fn (i64, bool)");
    EXPECT_EQ(e.fields().at("function").as_string(), "missing_fn (i64, bool)");
}

TEST(RuntimeError, MismatchDataType) {
    auto e = EvalError::mismatch_data_type("string", "i64");
    EXPECT_EQ(e.message(), "Data type incorrect: i64 (expecting string)");
    EXPECT_EQ(e.fields().at("requested").as_string(), "string");
    EXPECT_EQ(e.fields().at("actual").as_string(), "i64");
    EXPECT_EQ(EvalError::mismatch_data_type("", "i64").message(), "Data type incorrect: i64");
    EXPECT_EQ(EvalError::mismatch_data_type("bool", "").message(), "Data type incorrect, expecting bool");
}

TEST(RuntimeError, Bounds) {
    EXPECT_EQ(EvalError::array_bounds(1, 1).message(),
              "Array index 1 out of bounds: only 1 element in array");
    EXPECT_EQ(EvalError::array_bounds(0, 0).message(), "Array index 0 out of bounds: array is empty");
    EXPECT_EQ(EvalError::array_bounds(3, -4).message(),
              "Array index -4 out of bounds: only 3 elements in array");
    EXPECT_EQ(EvalError::string_bounds(5, 9).message(),
              "String index 9 out of bounds: only 5 characters in string");
    EXPECT_EQ(EvalError::string_bounds(1, 1).message(),
              "String index 1 out of bounds: only 1 character in string");
    EXPECT_EQ(EvalError::string_bounds(0, 0).message(), "String index 0 out of bounds: string is empty");
    auto b = EvalError::bit_field_bounds(64, 64);
    EXPECT_EQ(b.message(), "Bit-field index 64 out of bounds: only 64 bits in bit-field");
    EXPECT_EQ(b.fields().at("index").as_int(), 64);
    EXPECT_EQ(b.fields().at("length").as_int(), 64);
}

TEST(RuntimeError, CatchValueOfSystemError) {
    auto e = EvalError::string_bounds(5, 9, Position{2, 10});
    Dynamic v = e.to_catch_value();
    ASSERT_TRUE(v.is_map());
    const Map& m = v.as_map();
    EXPECT_EQ(m.at("error").as_string(), "ErrorStringBounds");
    EXPECT_EQ(m.at("message").as_string(), "String index 9 out of bounds: only 5 characters in string");
    EXPECT_EQ(m.at("index").as_int(), 9);
    EXPECT_EQ(m.at("length").as_int(), 5);
    EXPECT_EQ(m.at("line").as_int(), 2);
    EXPECT_EQ(m.at("position").as_int(), 10);
}

TEST(RuntimeError, CatchValueWithoutPositionHasNoLine) {
    Dynamic v = EvalError::arithmetic("Division by zero: 7 / 0").to_catch_value();
    EXPECT_EQ(v.as_map().count("line"), 0u);
    EXPECT_EQ(v.as_map().at("error").as_string(), "ErrorArithmetic");
}

TEST(RuntimeError, RuntimeThrowCatchesTheValue) {
    auto e = EvalError::runtime(Dynamic(Map{{"code", Dynamic(INT(7))}}), Position{1, 1});
    Dynamic v = e.to_catch_value();
    EXPECT_EQ(v.as_map().at("code").as_int(), 7);
    EXPECT_EQ(v.as_map().count("error"), 0u);
    EXPECT_EQ(EvalError::runtime(Dynamic("boom")).message(), "Runtime error: boom");
    EXPECT_EQ(EvalError::runtime(Dynamic()).message(), "Runtime error");
    EXPECT_EQ(EvalError::runtime(Dynamic("")).message(), "Runtime error");
    EXPECT_TRUE(EvalError::runtime(Dynamic()).to_catch_value().is_unit());
}

TEST(RuntimeError, DescribeAndSetPosition) {
    auto e = EvalError::arithmetic("Addition overflow: 9223372036854775807 + 1");
    EXPECT_EQ(e.describe(), "Addition overflow: 9223372036854775807 + 1");
    e.set_position(Position{4, 9});
    EXPECT_EQ(e.describe(), "Addition overflow: 9223372036854775807 + 1 (line 4, position 9)");
    EXPECT_STREQ(e.what(), e.describe().c_str());
    EXPECT_EQ(e.message(), "Addition overflow: 9223372036854775807 + 1");
}

TEST(RuntimeError, InFunctionCallChain) {
    auto inner = std::make_shared<EvalError>(EvalError::variable_not_found("x", Position{2, 5}));
    auto outer = EvalError::in_function_call("f", "", inner, Position{5, 1});
    EXPECT_EQ(outer.kind(), ErrorKind::ErrorInFunctionCall);
    EXPECT_EQ(outer.message(), "Variable not found: x (line 2, position 5)\nin call to function 'f'");
    EXPECT_EQ(outer.describe(),
              "Variable not found: x (line 2, position 5)\nin call to function 'f' (line 5, position 1)");
    EXPECT_EQ(outer.inner()->kind(), ErrorKind::ErrorVariableNotFound);
    Dynamic v = outer.to_catch_value();
    EXPECT_EQ(v.as_map().at("error").as_string(), "ErrorInFunctionCall");
    EXPECT_EQ(v.as_map().at("function").as_string(), "f");
    auto closure = EvalError::in_function_call("anon$12", "", inner, Position{});
    EXPECT_EQ(closure.message(), "Variable not found: x (line 2, position 5)\nin closure call");
}

TEST(RuntimeError, InFunctionCallWithSource) {
    auto inner = std::make_shared<EvalError>(EvalError::arithmetic("Division by zero: 1 / 0", Position{1, 3}));
    auto outer = EvalError::in_function_call("f", "lib.rhai", inner, Position{2, 1});
    EXPECT_EQ(outer.message(), "Division by zero: 1 / 0 (line 1, position 3)\nin call to function 'f' (from 'lib.rhai')");
    EXPECT_EQ(outer.fields().at("source").as_string(), "lib.rhai");
}

TEST(RuntimeError, GenericConstructorAndFields) {
    EvalError e(ErrorKind::ErrorDotExpr, "Unknown property 'bar' - a getter is not registered for type 'i64'",
                Position{1, 5});
    e.fields()["property"] = Dynamic("bar");
    Dynamic v = e.to_catch_value();
    EXPECT_EQ(v.as_map().at("error").as_string(), "ErrorDotExpr");
    EXPECT_EQ(v.as_map().at("property").as_string(), "bar");
    EXPECT_STREQ(e.what(), "Unknown property 'bar' - a getter is not registered for type 'i64' (line 1, position 5)");
}

TEST(RuntimeError, ThrownValueSurvivesCopies) {
    EvalError e = EvalError::runtime(Dynamic(Array{INT(1), INT(2)}));
    EvalError copy = e;
    EXPECT_EQ(copy.thrown().as_array().size(), 2u);
    EXPECT_EQ(copy.message(), "Runtime error: [1, 2]");
    EXPECT_EQ(EvalError::runtime(Dynamic(1.5)).message(), "Runtime error: 1.5");
}
