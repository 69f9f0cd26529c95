// One configured Engine evaluating from several threads at once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "test_types.hpp"

using namespace rhai;

TEST(Threads, FourThreadsShareOneEngineAndAst) {
    Engine engine;
    engine.register_fn("scale", [](INT x, INT k) { return x * k; });
    api_test::register_point(engine);
    std::atomic<int> printed{0};
    engine.on_print([&](std::string_view) { ++printed; });
    // Shared string constants, arrays, a script function, a host function, a custom type.
    AST ast = engine.compile(R"(
        const PREFIX = "item-";
        fn label(i) { global::PREFIX + i }
        let names = [];
        for i in 0..n { names.push(label(i)); }
        let p = point(n, 1);
        p.shift(1);
        if n == 20 { print(names[0]); }
        names.len() * 1000 + scale(p.x, 2) + names[n - 1].len()
    )");
    constexpr int kThreads = 4, kRuns = 1000;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kRuns; ++i) {
                INT n = 1 + (i + t) % 20;
                Scope scope;
                scope.push("n", n);
                try {
                    INT expected = n * 1000 + (n + 1) * 2 + INT(("item-" + std::to_string(n - 1)).size());
                    if (engine.eval_ast_with_scope<INT>(scope, ast) != expected) ++failures;
                    if (engine.eval<INT>("40 + 2") != 42) ++failures;
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_GT(printed.load(), 0);
}

TEST(Threads, ConcurrentCallFnWithOwnScopes) {
    Engine engine;
    AST ast = engine.compile("fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }");
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            Scope scope;
            for (int i = 0; i < 200; ++i)
                if (engine.call_fn<INT>(scope, ast, "fib", INT(12)) != 144) ++failures;
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
}

// The shared standard function table is built once, on first use, by whichever thread gets
// there first; engines created on several threads at once all see it complete.
TEST(Threads, EnginesCreatedConcurrently) {
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&ok, t] {
            for (int i = 0; i < 50; ++i) {
                Engine e;
                e.register_fn("me", [t] { return INT(t); });
                if (e.eval<INT>("me() + [1, 2, 3].len()") == t + 3) ++ok;
            }
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(ok.load(), 200);
}
