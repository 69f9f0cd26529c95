// register_fn: free functions, lambdas, member functions, methods, overloads, errors.
#include <gtest/gtest.h>

#include <stdexcept>

#include "test_types.hpp"

using namespace rhai;
using api_test::Point;

namespace {
INT add_ints(INT a, INT b) { return a + b; }
std::string repeat(const std::string& s, INT n) {
    std::string out;
    for (INT i = 0; i < n; ++i) out += s;
    return out;
}
}  // namespace

TEST(Register, FreeFunctionsAndPointers) {
    Engine engine;
    engine.register_fn("add_ints", add_ints).register_fn("repeat", &repeat);
    EXPECT_EQ(engine.eval<INT>("add_ints(40, 2)"), 42);
    EXPECT_EQ(engine.eval<std::string>(R"(repeat("ab", 3))"), "ababab");
    // Method-call style works for any function: the receiver is the first argument.
    EXPECT_EQ(engine.eval<std::string>(R"("xy".repeat(2))"), "xyxy");
}

TEST(Register, LambdasIncludingCapturing) {
    Engine engine;
    int base = 1000;
    auto calls = std::make_shared<std::atomic<int>>(0);
    engine.register_fn("offset", [base](INT x) { return x + base; });
    engine.register_fn("count_call", [calls]() { return INT(++*calls); });
    engine.register_fn("describe", [](bool b, double f, char32_t c) {
        return std::string(b ? "yes" : "no") + " " + std::to_string(static_cast<int>(f)) + " " +
               static_cast<char>(c);
    });
    EXPECT_EQ(engine.eval<INT>("offset(1)"), 1001);
    EXPECT_EQ(engine.eval<INT>("count_call(); count_call(); count_call()"), 3);
    EXPECT_EQ(calls->load(), 3);
    EXPECT_EQ(engine.eval<std::string>("describe(true, 2.0, 'z')"), "yes 2 z");
    // A function returning void gives ().
    engine.register_fn("nothing", [](INT) {});
    EXPECT_TRUE(engine.eval("nothing(1)").is_unit());
}

TEST(Register, MemberFunctionsAndMutatingMethods) {
    Engine engine;
    api_test::register_point(engine);
    // const member function: reads; non-const member function: mutates the variable.
    EXPECT_EQ(engine.eval<INT>("let p = point(1, 2); p.sum()"), 3);
    EXPECT_EQ(engine.eval<INT>("let p = point(1, 2); p.shift(10); p.sum()"), 23);
    // A T& first parameter works the same way with a lambda, here on a built-in array.
    engine.register_fn("push_twice", [](Array& a, Dynamic v) {
        a.push_back(v);
        a.push_back(v);
    });
    EXPECT_EQ(engine.eval<INT>("let a = [1]; a.push_twice(7); a.len()"), 3);
    EXPECT_EQ(engine.eval<INT>("let a = [1]; a.push_twice(7); a[2]"), 7);
    // Mutating a constant is refused (Rhai's non-pure method call on a constant).
    try {
        engine.run("const P = point(1, 1); P.shift(1);");
        FAIL() << "a mutating method on a constant must fail";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorNonPureMethodCallOnConstant) << e.what();
    }
    // ...while a non-mutating one is fine.
    EXPECT_EQ(engine.eval<INT>("const P = point(2, 3); P.sum()"), 5);
}

TEST(Register, OverloadsByArityAndType) {
    Engine engine;
    engine.register_fn("kind", [](INT) { return std::string("int"); })
        .register_fn("kind", [](const std::string&) { return std::string("string"); })
        .register_fn("kind", [](INT, INT) { return std::string("two ints"); })
        .register_fn("kind", [](Dynamic) { return std::string("anything"); });
    EXPECT_EQ(engine.eval<std::string>("kind(1)"), "int");
    EXPECT_EQ(engine.eval<std::string>(R"(kind("s"))"), "string");
    EXPECT_EQ(engine.eval<std::string>("kind(1, 2)"), "two ints");
    EXPECT_EQ(engine.eval<std::string>("kind(1.5)"), "anything");
    // Re-registering the same signature replaces the function.
    engine.register_fn("kind", [](INT) { return std::string("new int"); });
    EXPECT_EQ(engine.eval<std::string>("kind(1)"), "new int");
    try {
        engine.eval("kind(1, 2, 3)");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorFunctionNotFound);
        EXPECT_NE(e.message().find("kind (i64, i64, i64)"), std::string::npos) << e.message();
    }
}

TEST(Register, ResultErrorRaisesCatchableScriptError) {
    Engine engine;
    engine.register_fn("safe_div", [](INT a, INT b) -> Result<INT> {
        if (b == 0) return EvalError::runtime(Dynamic("division by zero"));
        return a / b;
    });
    EXPECT_EQ(engine.eval<INT>("safe_div(10, 2)"), 5);
    // try/catch is a statement in Rhai: the caught value is kept in a variable.
    EXPECT_EQ(engine.eval<std::string>(
                  R"(let r = "no"; try { safe_div(1, 0); } catch (e) { r = e; } r)"),
              "division by zero");
    try {
        engine.eval("let x = 1;\nsafe_div(x, 0)");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorRuntime);
        EXPECT_EQ(e.thrown().cast<std::string>(), "division by zero");
        EXPECT_EQ(e.position().line, 2u);
    }
}

TEST(Register, ThrownErrorsRaiseScriptErrors) {
    Engine engine;
    engine.register_fn("must_be_positive", [](INT x) {
        if (x <= 0) throw EvalError(ErrorKind::ErrorArithmetic, "not positive: " + std::to_string(x));
        return x;
    });
    engine.register_fn("host_fails", [](INT) -> INT { throw std::out_of_range("host index 9"); });
    try {
        engine.eval("must_be_positive(-1)");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorArithmetic);
        EXPECT_EQ(e.message(), "not positive: -1");
    }
    // Any host exception becomes a script error the script can catch.
    EXPECT_EQ(engine.eval<std::string>(R"(let r = (); try { host_fails(1); } catch (e) { r = e; } r)"),
              "host index 9");
    EXPECT_THROW(engine.eval("host_fails(1)"), EvalError);
}

TEST(Register, NativeCallContextParameter) {
    Engine engine;
    engine.register_fn("who_am_i", [](NativeCallContext& ctx, INT) { return std::string(ctx.fn_name()); });
    EXPECT_EQ(engine.eval<std::string>("who_am_i(1)"), "who_am_i");
}

// Engines share the standard packages' functions but never each other's registrations: a
// host function, an overload or a replaced built-in registered on one engine is invisible to
// the others, including ones created later.
TEST(Register, EnginesStayIndependent) {
    Engine a;
    a.register_fn("only_in_a", [] { return INT(1); });
    a.register_fn("len", [](const std::string&) { return INT(-1); });  // replaces the built-in
    a.register_fn("abs", [](bool) { return INT(7); });                  // new overload
    Engine b;
    EXPECT_EQ(a.eval<INT>("only_in_a()"), 1);
    EXPECT_EQ(a.eval<INT>(R"("abc".len())"), -1);
    EXPECT_EQ(a.eval<INT>("abs(true) + abs(-2)"), 9);
    EXPECT_THROW(b.eval<INT>("only_in_a()"), EvalError);
    EXPECT_EQ(b.eval<INT>(R"("abc".len())"), 3);
    EXPECT_THROW(b.eval<INT>("abs(true)"), EvalError);
    EXPECT_EQ(b.eval<INT>("abs(-2)"), 2);
    Engine c;
    EXPECT_EQ(c.eval<INT>(R"("abc".len())"), 3);
}
