// Limits: operations, call levels, expression depth, sizes, counts, on_progress.
#include <gtest/gtest.h>

#include "test_types.hpp"

using namespace rhai;

namespace {
template <class F>
ErrorKind eval_error_kind(F&& f) {
    try {
        f();
    } catch (const EvalError& e) {
        return e.kind();
    }
    ADD_FAILURE() << "expected an EvalError";
    return ErrorKind::ErrorSystem;
}
}  // namespace

TEST(Limits, MaxOperationsStopsRunawayScript) {
    Engine engine;
    engine.set_max_operations(10'000);
    EXPECT_EQ(engine.limits().max_operations, 10'000u);
    EXPECT_EQ(eval_error_kind([&] { engine.run("loop { }"); }), ErrorKind::ErrorTooManyOperations);
    // Limit errors are not wrapped in ErrorInFunctionCall (Rhai's "system" errors).
    EXPECT_EQ(eval_error_kind([&] { engine.run("fn f() { f2() } fn f2() { let i = 0; while true { i += 1; } } f()"); }),
              ErrorKind::ErrorTooManyOperations);
    // A small script still runs.
    EXPECT_EQ(engine.eval<INT>("let s = 0; for i in 0..100 { s += i; } s"), 4950);
    engine.set_max_operations(0);  // unlimited again
    EXPECT_EQ(engine.eval<INT>("let s = 0; for i in 0..20000 { s += 1; } s"), 20000);
}

TEST(Limits, OnProgressTerminatesWithToken) {
    Engine engine;
    std::atomic<uint64_t> last{0};
    engine.on_progress([&](uint64_t ops) -> std::optional<Dynamic> {
        last = ops;
        if (ops > 5000) return Dynamic("enough");
        return std::nullopt;
    });
    try {
        engine.run("let x = 0; loop { x += 1; }");
        FAIL();
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorTerminated);
        ASSERT_TRUE(e.fields().count("token")) << e.what();
        EXPECT_EQ(e.fields().at("token").cast<std::string>(), "enough");
    }
    EXPECT_GT(last.load(), 5000u);
    // A callback that never stops the script lets it finish.
    engine.on_progress([](uint64_t) { return std::optional<Dynamic>(); });
    EXPECT_EQ(engine.eval<INT>("let x = 0; for i in 0..10000 { x += 1; } x"), 10000);
}

TEST(Limits, MaxCallLevels) {
    Engine engine;
    engine.set_max_call_levels(10);
    EXPECT_EQ(engine.eval<INT>("fn d(n) { if n == 0 { 0 } else { 1 + d(n - 1) } } d(5)"), 5);
    ErrorKind k = eval_error_kind(
        [&] { engine.eval("fn d(n) { if n == 0 { 0 } else { 1 + d(n - 1) } } d(50)"); });
    EXPECT_TRUE(k == ErrorKind::ErrorStackOverflow || k == ErrorKind::ErrorInFunctionCall);
    // Unbounded recursion is always stopped, never a native stack overflow.
    Engine defaults;
    k = eval_error_kind([&] { defaults.eval("fn f(n) { f(n + 1) } f(0)"); });
    EXPECT_TRUE(k == ErrorKind::ErrorStackOverflow || k == ErrorKind::ErrorInFunctionCall);
}

TEST(Limits, MaxExprDepths) {
    Engine engine;
    engine.set_max_expr_depths(10, 5);
    EXPECT_EQ(engine.eval<INT>("((((1))))"), 1);
    std::string deep = std::string(30, '(') + "1" + std::string(30, ')');
    try {
        engine.compile(deep);
        FAIL();
    } catch (const ParseError& e) {
        EXPECT_EQ(e.kind(), ParseErrorKind::ExprTooDeep);
    }
}

TEST(Limits, MaxStringSize) {
    Engine engine;
    engine.set_max_string_size(10);
    EXPECT_EQ(engine.eval<std::string>(R"("abc" + "def")"), "abcdef");
    EXPECT_EQ(eval_error_kind([&] { engine.eval(R"(let s = "abcdef"; s + s)"); }),
              ErrorKind::ErrorDataTooLarge);
}

TEST(Limits, MaxArrayAndMapSize) {
    Engine engine;
    engine.set_max_array_size(5).set_max_map_size(3);
    EXPECT_EQ(engine.eval<INT>("let a = [1, 2, 3]; a.push(4); a.len()"), 4);
    EXPECT_EQ(eval_error_kind([&] { engine.eval("let a = []; for i in 0..10 { a.push(i); } a"); }),
              ErrorKind::ErrorDataTooLarge);
    EXPECT_EQ(eval_error_kind([&] { engine.eval("let m = #{}; for i in 0..10 { m[`k${i}`] = i; } m"); }),
              ErrorKind::ErrorDataTooLarge);
}

TEST(Limits, MaxVariables) {
    Engine engine;
    engine.set_max_variables(3);
    EXPECT_EQ(engine.eval<INT>("let a = 1; let b = 2; a + b"), 3);
    EXPECT_EQ(eval_error_kind([&] { engine.run("let a = 1; let b = 2; let c = 3; let d = 4; let e = 5;"); }),
              ErrorKind::ErrorTooManyVariables);
}

TEST(Limits, MaxFunctions) {
    Engine engine;
    engine.set_max_functions(2);
    try {
        engine.compile("fn a() {} fn b() {} fn c() {}");
        FAIL();
    } catch (const ParseError& e) {
        EXPECT_EQ(e.kind(), ParseErrorKind::TooManyFunctions);
    }
    EXPECT_NO_THROW(engine.compile("fn a() {} fn b() {}"));
}

TEST(Limits, MaxModules) {
    Engine engine;
    auto resolver = std::make_shared<StaticModuleResolver>();
    resolver->insert("m", std::make_shared<Module>());
    engine.set_module_resolver(resolver).set_max_modules(1);
    EXPECT_NO_THROW(engine.run(R"(import "m" as a;)"));
    EXPECT_EQ(eval_error_kind([&] { engine.run(R"(import "m" as a; import "m" as b;)"); }),
              ErrorKind::ErrorTooManyModules);
}
