// What a task holds and when it lets go: cancellation deep inside closures frees everything
// (run under LeakSanitizer in the asan build), dropped handles, many concurrent tasks, progress
// callbacks and method-style getters that wait.
#include <gtest/gtest.h>

#include <deque>

#include "rhai/engine.hpp"

using namespace rhai;

namespace {

// Counts live instances: the script holds them in its variables, so a leaked frame shows here.
struct Tracked {
    static inline int live = 0;
    INT v = 0;
    Tracked() { ++live; }
    Tracked(const Tracked& o) : v(o.v) { ++live; }
    ~Tracked() { --live; }
};

struct Host {
    std::deque<Completion> pending;
    explicit Host(Engine& e) {
        e.register_async_fn("fetch", [this](Completion done, INT) { pending.push_back(std::move(done)); });
    }
};

}  // namespace

TEST(AsyncLifecycle, CancelInsideMapClosureInsideScriptFunctionFreesEverything) {
    Engine engine;
    Host host(engine);
    engine.register_type_with_name<Tracked>("Tracked");
    engine.register_fn("tracked", [](INT v) {
        Tracked t;
        t.v = v;
        return t;
    });
    Tracked::live = 0;
    Task task = engine.eval_async(R"(
        fn outer(list) {
            let keep = tracked(1);
            let cyc = #{ items: [] };
            cyc.items.push(tracked(2));
            list.map(|x| { let inner = tracked(x); fetch(x) + inner.v })
        }
        let top = tracked(0);
        outer([10, 20, 30])
    )");
    ASSERT_EQ(task.status(), TaskStatus::Waiting);
    EXPECT_GE(Tracked::live, 4);  // top, keep, the one in cyc, inner
    ASSERT_EQ(task.pending_calls().size(), 1u);
    uint64_t abandoned = task.pending_calls()[0].id;
    std::vector<CancelReason> reasons;
    host.pending.front().on_cancel([&](CancelReason r) { reasons.push_back(r); });
    EXPECT_EQ(host.pending.front().id(), abandoned);
    EXPECT_TRUE(task.cancel());
    EXPECT_EQ(Tracked::live, 0);  // every frame and value is gone at once
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_EQ(reasons[0], CancelReason::TaskCancelled);
    EXPECT_TRUE(task.pending_calls().empty());
}

TEST(AsyncLifecycle, HostDroppingAPendingCompletionFreesItsSlot) {
    Engine engine;
    engine.register_async_fn("forget", [](Completion) {});  // the host drops the handle
    Task task = engine.eval_async("forget()");
    EXPECT_EQ(task.status(), TaskStatus::Waiting);
    EXPECT_EQ(engine.pending_call_count(), 0u);
    EXPECT_TRUE(task.cancel());
}

TEST(AsyncLifecycle, ThousandConcurrentTasksCompleteInShuffledOrder) {
    Engine engine;
    Host host(engine);
    AST ast = engine.compile("fn f(x) { fetch(x) * 2 } let a = f(1); let b = [1, 2].map(|v| fetch(v)); a + b[0] + b[1]");
    std::vector<Task> tasks;
    for (int i = 0; i < 1000; ++i) tasks.push_back(engine.eval_ast_async(ast));
    EXPECT_EQ(engine.pending_call_count(), 1000u);
    uint64_t seed = 12345;
    while (!host.pending.empty()) {
        std::vector<Completion> batch(host.pending.begin(), host.pending.end());
        host.pending.clear();
        for (size_t i = batch.size(); i > 1; --i) {  // a fixed-seed shuffle
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            std::swap(batch[i - 1], batch[size_t(seed >> 33) % i]);
        }
        for (auto& c : batch) EXPECT_TRUE(c.resolve(INT(5)));
    }
    for (auto& t : tasks) ASSERT_EQ(t.result<INT>(), 20);
    EXPECT_EQ(engine.pending_call_count(), 0u);
}

TEST(AsyncLifecycle, OnProgressAndMaxOperationsWorkAcrossResumes) {
    Engine engine;
    Host host(engine);
    uint64_t last_seen = 0;
    engine.on_progress([&](uint64_t ops) -> std::optional<Dynamic> {
        last_seen = ops;
        if (ops > 5000) return Dynamic(std::string("stopped by host"));
        return std::nullopt;
    });
    Task task = engine.eval_async("let n = fetch(0); let x = 0; loop { x += 1; }");
    ASSERT_EQ(task.status(), TaskStatus::Waiting);
    host.pending.front().resolve(INT(1));
    ASSERT_EQ(task.status(), TaskStatus::Failed);
    EXPECT_EQ(task.error()->kind(), ErrorKind::ErrorTerminated);
    EXPECT_GT(last_seen, 5000u);
}

TEST(AsyncLifecycle, ScriptGetterMethodsAndPropertyAccessWait) {
    Engine engine;
    Host host(engine);
    engine.register_type_with_name<Tracked>("Tracked");
    engine.register_fn("tracked", [](INT v) {
        Tracked t;
        t.v = v;
        return t;
    });
    engine.register_get("v", [](Tracked& t) { return t.v; });
    // A script-defined getter-style method bound to a host type, and a map "property" getter.
    Task task = engine.eval_async(R"(
        fn get_remote() { fetch(this.v) + this.v }
        let t = tracked(4);
        let user = #{ id: 3, name: || `user ${fetch(this.id)}` };
        `${t.get_remote()} ${user.name()}`
    )");
    while (!host.pending.empty()) {
        Completion c = host.pending.front();
        host.pending.pop_front();
        c.resolve(INT(100));
    }
    ASSERT_EQ(task.status(), TaskStatus::Done) << (task.error() ? task.error()->what() : "");
    EXPECT_EQ(task.result<std::string>(), "104 user 100");
}

TEST(AsyncLifecycle, UnknownIdsAreNotFound) {
    Engine engine;
    Host host(engine);
    EXPECT_FALSE(engine.find_call(0).has_value());
    EXPECT_FALSE(engine.find_call(987654321).has_value());
    Task task = engine.eval_async("fetch(1)");
    uint64_t id = task.pending_calls().at(0).id;
    ASSERT_TRUE(engine.find_call(id).has_value());
    EXPECT_TRUE(engine.find_call(id)->resolve(INT(8)));
    EXPECT_FALSE(engine.find_call(id).has_value());  // completed: no longer pending
    EXPECT_EQ(task.result<INT>(), 8);
}
