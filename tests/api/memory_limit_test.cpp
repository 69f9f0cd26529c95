// The memory cap (Engine::set_max_memory, docs/reliability.md): bytes held by the values of
// one evaluation or task; ErrorMemoryLimit, which `catch` cannot intercept.
#include <gtest/gtest.h>

#include <string>

#include "rhai/async.hpp"
#include "error_kind.hpp"
#include "rhai/engine.hpp"

using namespace rhai;

using api_test::kind_of_failure;

TEST(MemoryLimit, AScriptThatKeepsWhatItMakesIsStopped) {
    Engine engine;
    engine.set_max_memory(1'000'000);
    EXPECT_EQ(engine.limits().max_memory, 1'000'000u);
    EXPECT_EQ(kind_of_failure(engine, "let a = []; loop { a.push(`item ${a.len()}`); }"),
              ErrorKind::ErrorMemoryLimit);
    EXPECT_EQ(kind_of_failure(engine, "let m = #{}; let i = 0; loop { m[`k${i}`] = [i]; i += 1; }"),
              ErrorKind::ErrorMemoryLimit);
    EXPECT_EQ(kind_of_failure(engine, "let a = []; loop { a = [a, 1]; }"), ErrorKind::ErrorMemoryLimit);
}

TEST(MemoryLimit, StopsNearTheCapNotFarPastIt) {
    // The census runs once 1/8 of the cap has been charged: the script's array cannot get
    // much past the cap. 16-byte slots: 1 MB is about 62,500 INTs.
    Engine engine;
    engine.set_max_memory(1'000'000);
    Scope scope;
    try {
        engine.run_with_scope(scope, "let a = []; loop { a.push(1); }");
        FAIL() << "expected ErrorMemoryLimit";
    } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::ErrorMemoryLimit);
    }
    ASSERT_TRUE(scope.contains("a"));
    const size_t len = scope.get_value<Array>("a").value().size();
    EXPECT_GT(len, 30'000u);   // not stopped long before the cap
    EXPECT_LT(len, 140'000u);  // nor long after (capacity doubling included)
}

TEST(MemoryLimit, IsNotCatchable) {
    Engine engine;
    engine.set_max_memory(500'000);
    EXPECT_EQ(kind_of_failure(engine, R"(
        let a = [];
        try { loop { a.push("some text to keep"); } } catch (e) { print("caught"); }
        a.len()
    )"),
              ErrorKind::ErrorMemoryLimit);
}

TEST(MemoryLimit, GarbageDoesNotCount) {
    Engine engine;
    engine.set_max_memory(100'000);
    EXPECT_EQ(engine.eval<INT>(R"(
        let n = 0;
        for i in 0..20000 { let s = "a temporary string " + i; n += 1; }
        n
    )"),
              20000);
}

TEST(MemoryLimit, OneValueLargerThanTheCapIsRefusedBeforeItIsBuilt) {
    Engine engine;
    engine.set_max_memory(50'000);
    EXPECT_EQ(kind_of_failure(engine, "let s = \"\".pad(1000000, 'x');"), ErrorKind::ErrorDataTooLarge);
    EXPECT_EQ(kind_of_failure(engine, "let a = [].pad(1000000, 0);"), ErrorKind::ErrorDataTooLarge);
}

TEST(MemoryLimit, EachEvaluationHasItsOwnMeter) {
    // 40 evaluations each holding ~60% of the cap: none fails, as none holds more.
    Engine engine;
    engine.set_max_memory(400'000);
    for (int i = 0; i < 40; ++i)
        EXPECT_EQ(engine.eval<INT>("let a = []; for i in 0..15000 { a.push(i); } a.len()"), 15000);
}

TEST(MemoryLimit, WithoutACapNothingIsCharged) {
    Engine engine;
    EXPECT_EQ(engine.limits().max_memory, 0u);
    EXPECT_EQ(engine.eval<INT>("let a = []; for i in 0..200000 { a.push(i); } a.len()"), 200000);
}

TEST(MemoryLimit, AppliesToAsyncTasksAcrossSuspensions) {
    Engine engine;
    engine.set_max_memory(1'000'000);
    std::vector<Completion> calls;
    engine.register_async_fn("fetch", [&](Completion done, INT x) { calls.push_back(done); });
    Task task = engine.eval_async("let a = []; loop { a.push(fetch(a.len()) + \" grows the array\"); }");
    int rounds = 0;
    while (task.status() == TaskStatus::Waiting && rounds < 1'000'000) {
        ASSERT_FALSE(calls.empty());
        Completion c = calls.back();
        calls.pop_back();
        c.resolve(std::string(40, 'x'));
        ++rounds;
    }
    ASSERT_EQ(task.status(), TaskStatus::Failed);
    ASSERT_NE(task.error(), nullptr);
    EXPECT_EQ(task.error()->kind(), ErrorKind::ErrorMemoryLimit);
    EXPECT_GT(rounds, 1000);
}
