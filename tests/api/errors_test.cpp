// ParseError / EvalError: kinds, positions, messages, the nested call chain.
#include <gtest/gtest.h>

#include "test_types.hpp"

using namespace rhai;

TEST(Errors, ParseErrorHasKindAndPosition) {
    Engine engine;
    try {
        engine.compile("let a = 1;\nlet = 5;");
        FAIL() << "must not compile";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.kind(), ParseErrorKind::VariableExpected);
        EXPECT_EQ(e.position().line, 2u);
        EXPECT_EQ(e.position().column, 5u);
        EXPECT_FALSE(e.message().empty());
        // what() carries the position as Rhai prints it.
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
    }
    // Both derive from rhai::Error.
    EXPECT_THROW(engine.eval("1 +"), Error);
    EXPECT_THROW(engine.eval("(1"), ParseError);
}

TEST(Errors, EvalErrorHasKindPositionAndRhaiMessage) {
    Engine engine;
    try {
        engine.eval("let x = 1;\nlet y = x.no_such_method(2);");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorFunctionNotFound);
        EXPECT_EQ(e.position().line, 2u);
        EXPECT_EQ(e.message(), "Function not found: no_such_method (i64, i64)");
    }
    try {
        engine.eval("let a = [1, 2];\n\n  a[5]");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorArrayBounds);
        EXPECT_EQ(e.position().line, 3u);
    }
    try {
        engine.eval("9223372036854775807 + 1");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorArithmetic);
        EXPECT_EQ(e.message(), "Addition overflow: 9223372036854775807 + 1");
    }
}

TEST(Errors, ErrorInsideFunctionKeepsCallChain) {
    Engine engine;
    try {
        engine.eval(R"(
fn inner(x) { throw x * 2; }
fn outer(x) { inner(x + 1) }
outer(20)
)");
        FAIL();
    } catch (const EvalError& e) {
        ASSERT_EQ(e.kind(), ErrorKind::ErrorInFunctionCall) << e.what();
        EXPECT_EQ(e.fields().at("function").cast<std::string>(), "outer");
        ASSERT_TRUE(e.inner());
        const EvalError& mid = *e.inner();
        ASSERT_EQ(mid.kind(), ErrorKind::ErrorInFunctionCall);
        EXPECT_EQ(mid.fields().at("function").cast<std::string>(), "inner");
        ASSERT_TRUE(mid.inner());
        EXPECT_EQ(mid.inner()->kind(), ErrorKind::ErrorRuntime);
        EXPECT_EQ(mid.inner()->thrown().cast<INT>(), 42);
        EXPECT_EQ(mid.inner()->position().line, 2u);
        // The full text names every call on the way.
        std::string text = e.what();
        EXPECT_NE(text.find("in call to function 'inner'"), std::string::npos) << text;
        EXPECT_NE(text.find("in call to function 'outer'"), std::string::npos) << text;
    }
}

TEST(Errors, ScriptThrowReachesHostWithValue) {
    Engine engine;
    try {
        engine.run(R"(throw #{code: 7};)");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorRuntime);
        ASSERT_TRUE(e.thrown().is<Map>());
        EXPECT_EQ(e.thrown().cast<Map>().at("code").cast<INT>(), 7);
    }
}
