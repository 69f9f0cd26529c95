// Async evaluation with a Scope, compiled ASTs and call_fn_async.
#include <gtest/gtest.h>

#include <deque>

#include "rhai/engine.hpp"

using namespace rhai;

namespace {
struct Host {
    std::deque<Completion> pending;
    explicit Host(Engine& e) {
        e.register_async_fn("fetch", [this](Completion done, INT) { pending.push_back(std::move(done)); });
    }
    void answer_all(INT v) {
        while (!pending.empty()) {
            Completion c = pending.front();
            pending.pop_front();
            c.resolve(v);
        }
    }
};
}  // namespace

TEST(AsyncScope, ScopeVariablesAreReadWrittenAndAddedAcrossASuspension) {
    Engine engine;
    Host host(engine);
    Scope scope;
    scope.push("base", INT(5));
    Task task = engine.eval_async_with_scope(scope, "base += fetch(1); let added = base * 2; base");
    ASSERT_EQ(task.status(), TaskStatus::Waiting);
    host.answer_all(10);
    ASSERT_EQ(task.result<INT>(), 15);
    EXPECT_EQ(scope.get_value<INT>("base"), 15);
    EXPECT_EQ(scope.get_value<INT>("added"), 30);
}

TEST(AsyncScope, CompiledAstRunsManyTimesConcurrently) {
    Engine engine;
    Host host(engine);
    AST ast = engine.compile("let x = fetch(0); x + 1");
    std::vector<Task> tasks;
    for (int i = 0; i < 20; ++i) tasks.push_back(engine.eval_ast_async(ast));
    EXPECT_EQ(host.pending.size(), 20u);
    host.answer_all(41);
    for (auto& t : tasks) EXPECT_EQ(t.result<INT>(), 42);
}

TEST(AsyncScope, EvalAstAsyncWithScope) {
    Engine engine;
    Host host(engine);
    AST ast = engine.compile("n * fetch(0)");
    Scope scope;
    scope.push("n", INT(3));
    Task task = engine.eval_ast_async_with_scope(scope, ast);
    host.answer_all(7);
    EXPECT_EQ(task.result<INT>(), 21);
}

TEST(AsyncScope, CallFnAsyncEntersAScriptFunctionThatWaits) {
    Engine engine;
    Host host(engine);
    AST ast = engine.compile(R"(
        const FACTOR = 3;
        fn score(a, b) { (fetch(a) + b) * global::FACTOR }
    )");
    Scope scope;
    Task task = engine.call_fn_async(scope, ast, "score", INT(1), INT(2));
    ASSERT_EQ(task.status(), TaskStatus::Waiting);
    host.answer_all(10);
    EXPECT_EQ(task.result<INT>(), 36);
    EXPECT_THROW(engine.call_fn_async(scope, ast, "missing", INT(1)), EvalError);
}

TEST(AsyncScope, CancelledTaskGivesTheScopeBackUsable) {
    Engine engine;
    Host host(engine);
    Scope scope;
    scope.push("v", INT(1));
    Task task = engine.eval_async_with_scope(scope, "v = 2; fetch(0); v = 3;");
    task.cancel();
    EXPECT_EQ(scope.get_value<INT>("v"), 2);
    EXPECT_EQ(engine.eval_with_scope<INT>(scope, "v + 1"), 3);
}

TEST(AsyncScope, PrintAndDebugCallbacksWorkInTasks) {
    Engine engine;
    Host host(engine);
    std::vector<std::string> out;
    engine.on_print([&](std::string_view s) { out.emplace_back(s); });
    Task task = engine.eval_async(R"(print("before"); let v = fetch(0); print(`after ${v}`);)");
    EXPECT_EQ(out.size(), 1u);
    host.answer_all(9);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[1], "after 9");
    EXPECT_EQ(task.status(), TaskStatus::Done);
}

TEST(AsyncScope, EngineLimitsApplyToTasks) {
    Engine engine;
    Host host(engine);
    engine.set_max_operations(1000);
    Task task = engine.eval_async("fetch(0); let x = 0; loop { x += 1; }");
    host.answer_all(1);
    ASSERT_EQ(task.status(), TaskStatus::Failed);
    EXPECT_EQ(task.error()->kind(), ErrorKind::ErrorTooManyOperations);
}
