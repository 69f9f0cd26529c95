// Async host functions and tasks: the basic life of a task (include/rhai/async.hpp).
#include <gtest/gtest.h>

#include <deque>
#include <string>

#include "rhai/engine.hpp"

using namespace rhai;

namespace {

// A host that keeps every pending call, as an event loop would keep its I/O requests.
struct Host {
    std::deque<Completion> pending;
    void keep(Completion c) { pending.push_back(std::move(c)); }
    Completion take() {
        Completion c = pending.front();
        pending.pop_front();
        return c;
    }
};

}  // namespace

TEST(AsyncBasics, ScriptWaitsForAPendingCallAndResumesInsideResolve) {
    Engine engine;
    Host host;
    engine.register_async_fn("fetch_user", [&](Completion done, std::string id) {
        EXPECT_EQ(id, "123");
        host.keep(std::move(done));
    });
    Task task = engine.eval_async(R"(let user = fetch_user("123"); user.name + "!")");
    EXPECT_EQ(task.status(), TaskStatus::Waiting);
    ASSERT_EQ(host.pending.size(), 1u);
    auto calls = task.pending_calls();
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].function, "fetch_user");
    EXPECT_EQ(calls[0].id, host.pending.front().id());
    Map user;
    user["name"] = Dynamic(std::string("Ada"));
    EXPECT_TRUE(host.take().resolve(Dynamic(user)));
    EXPECT_EQ(task.status(), TaskStatus::Done);
    EXPECT_EQ(task.result<std::string>(), "Ada!");
    EXPECT_TRUE(task.pending_calls().empty());
}

TEST(AsyncBasics, HostMayAnswerAtOnceWithoutSuspending) {
    Engine engine;
    engine.register_async_fn("double_it", [](Completion done, INT x) { done.resolve(x * 2); });
    Task task = engine.eval_async("let s = 0; for i in 0..100 { s += double_it(i); } s");
    EXPECT_EQ(task.status(), TaskStatus::Done);
    EXPECT_EQ(task.result<INT>(), 9900);
    EXPECT_EQ(engine.pending_call_count(), 0u);
}

TEST(AsyncBasics, PerCallChoiceBetweenNowAndLater) {
    Engine engine;
    Host host;
    engine.register_async_fn("cached", [&](Completion done, INT key) {
        if (key % 2 == 0) done.resolve(key);  // in the cache: answer now
        else host.keep(std::move(done));      // fetch: answer later
    });
    Task task = engine.eval_async("cached(2) + cached(3) + cached(4) + cached(5)");
    int resumes = 0;
    while (task.status() == TaskStatus::Waiting) {
        ASSERT_EQ(host.pending.size(), 1u);
        host.take().resolve(INT(100));
        ++resumes;
    }
    EXPECT_EQ(resumes, 2);
    EXPECT_EQ(task.result<INT>(), 2 + 100 + 4 + 100);
}

TEST(AsyncBasics, SyncAndAsyncFunctionsLookTheSameToTheScript) {
    Engine engine;
    Host host;
    engine.register_fn("sync_len", [](std::string s) { return INT(s.size()); });
    engine.register_async_fn("async_len", [&](Completion done, std::string s) {
        host.keep(std::move(done));
        (void)s;
    });
    Task task = engine.eval_async(R"(
        let a = sync_len("abc");
        let b = async_len("abcd");
        type_of(a) + ":" + type_of(b) + ":" + (a + b)
    )");
    host.take().resolve(INT(4));
    EXPECT_EQ(task.result<std::string>(), "i64:i64:7");
}

TEST(AsyncBasics, RejectWithMessageIsCatchableAtTheCallSite) {
    Engine engine;
    Host host;
    engine.register_async_fn("fetch", [&](Completion done, std::string) { host.keep(std::move(done)); });
    Task task = engine.eval_async(R"(
        let r = "no";
        try { fetch("x"); } catch (e) { r = type_of(e) + "|" + e; }
        r
    )");
    EXPECT_TRUE(host.take().reject("HTTP 404"));
    ASSERT_EQ(task.status(), TaskStatus::Done);
    std::string out = task.result<std::string>();
    EXPECT_NE(out.find("HTTP 404"), std::string::npos) << out;
}

TEST(AsyncBasics, RejectWithEvalErrorRaisesThatError) {
    Engine engine;
    Host host;
    engine.register_async_fn("fetch", [&](Completion done) { host.keep(std::move(done)); });
    Task task = engine.eval_async(R"(let r = 0; try { fetch() } catch (e) { r = e.code } r)");
    Map m;
    m["code"] = Dynamic(INT(503));
    EXPECT_TRUE(host.take().reject(EvalError::runtime(Dynamic(m))));
    EXPECT_EQ(task.result<INT>(), 503);
}

TEST(AsyncBasics, UncaughtRejectionFailsTheTaskWithLineAndKind) {
    Engine engine;
    Host host;
    engine.register_async_fn("fetch", [&](Completion done) { host.keep(std::move(done)); });
    Task task = engine.eval_async("let a = 1;\nlet b = fetch();\nb");
    host.take().reject("connection reset");
    ASSERT_EQ(task.status(), TaskStatus::Failed);
    ASSERT_NE(task.error(), nullptr);
    EXPECT_EQ(task.error()->kind(), ErrorKind::ErrorRejected);
    EXPECT_EQ(task.error()->position().line, 2);
    EXPECT_NE(std::string(task.error()->what()).find("connection reset"), std::string::npos);
    EXPECT_THROW(task.result(), EvalError);
}

TEST(AsyncBasics, ThrowingHostFunctionIsAScriptError) {
    Engine engine;
    engine.register_async_fn("boom", [](Completion, INT) { throw EvalError(ErrorKind::ErrorRuntime, "bad input"); });
    Task task = engine.eval_async(R"(let r = ""; try { boom(1) } catch (e) { r = "caught" } r)");
    EXPECT_EQ(task.result<std::string>(), "caught");
    EXPECT_EQ(engine.pending_call_count(), 0u);
}

TEST(AsyncBasics, CompletingTwiceOrLateReturnsFalseAndChangesNothing) {
    Engine engine;
    Host host;
    engine.register_async_fn("f", [&](Completion done) { host.keep(std::move(done)); });
    Task task = engine.eval_async("f() + 1");
    Completion c = host.take();
    EXPECT_TRUE(c.pending());
    EXPECT_TRUE(c.resolve(INT(1)));
    EXPECT_FALSE(c.pending());
    EXPECT_FALSE(c.resolve(INT(5)));
    EXPECT_FALSE(c.reject("late"));
    EXPECT_EQ(task.result<INT>(), 2);
    EXPECT_FALSE(Completion().resolve(INT(1)));  // an empty handle
}

TEST(AsyncBasics, SynchronousEvalOfAnAsyncFunctionNamesEvalAsync) {
    Engine engine;
    bool cancelled = false;
    engine.register_async_fn("fetch", [&](Completion done) {
        done.on_cancel([&](CancelReason) { cancelled = true; });
    });
    engine.register_async_fn("now_ok", [](Completion done) { done.resolve(INT(7)); });
    try {
        engine.eval<INT>("fetch()");
        FAIL() << "expected an error";
    } catch (const EvalError& e) {
        EXPECT_NE(std::string(e.what()).find("eval_async"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(cancelled);  // the host learns the call will never be awaited
    EXPECT_EQ(engine.eval<INT>("now_ok() * 6"), 42);  // answered at once: fine synchronously
    EXPECT_EQ(engine.pending_call_count(), 0u);
}

TEST(AsyncBasics, ManyTasksWaitAtOnceAndCompleteInAnyOrder) {
    Engine engine;
    Host host;
    engine.register_async_fn("get", [&](Completion done, INT i) { host.keep(std::move(done)); (void)i; });
    std::vector<Task> tasks;
    for (INT i = 0; i < 50; ++i) tasks.push_back(engine.eval_async("let x = get(" + std::to_string(i) + "); x * 2"));
    ASSERT_EQ(host.pending.size(), 50u);
    EXPECT_EQ(engine.pending_call_count(), 50u);
    std::vector<Completion> calls(host.pending.begin(), host.pending.end());
    host.pending.clear();
    // Complete in reverse order.
    for (size_t k = calls.size(); k-- > 0;) calls[k].resolve(INT(k));
    for (size_t k = 0; k < tasks.size(); ++k) EXPECT_EQ(tasks[k].result<INT>(), INT(k) * 2);
    EXPECT_EQ(engine.pending_call_count(), 0u);
}

TEST(AsyncBasics, OnCompleteRunsOnceWhenSetBeforeOrAfter) {
    Engine engine;
    Host host;
    engine.register_async_fn("f", [&](Completion done) { host.keep(std::move(done)); });
    Task task = engine.eval_async("f()");
    int before = 0, after = 0;
    task.on_complete([&](const Task& t) {
        ++before;
        EXPECT_EQ(t.status(), TaskStatus::Done);
    });
    host.take().resolve(std::string("x"));
    EXPECT_EQ(before, 1);
    task.on_complete([&](const Task&) { ++after; });
    EXPECT_EQ(after, 1);
}

TEST(AsyncBasics, DroppedTaskHandleIsKeptAliveByItsCompletion) {
    Engine engine;
    Host host;
    engine.register_async_fn("f", [&](Completion done) { host.keep(std::move(done)); });
    std::string got;
    {
        Task task = engine.eval_async(R"(let v = f(); "got " + v)");
        task.on_complete([&](const Task& t) { got = t.result<std::string>(); });
    }
    host.take().resolve(std::string("it"));
    EXPECT_EQ(got, "got it");
}

TEST(AsyncBasics, ScriptsSeeTaskAndCallIdsAreDistinct) {
    Engine a, b;
    Host ha, hb;
    a.register_async_fn("f", [&](Completion done) { ha.keep(std::move(done)); });
    b.register_async_fn("f", [&](Completion done) { hb.keep(std::move(done)); });
    Task ta = a.eval_async("f()");
    Task tb = b.eval_async("f()");
    EXPECT_NE(ta.id(), tb.id());
    EXPECT_NE(ha.pending.front().id(), hb.pending.front().id());
    // Ids are found only through the engine that issued them.
    EXPECT_TRUE(a.find_call(ha.pending.front().id()).has_value());
    EXPECT_FALSE(a.find_call(hb.pending.front().id()).has_value());
    b.find_call(hb.pending.front().id())->resolve(INT(2));
    EXPECT_EQ(tb.result<INT>(), 2);
    EXPECT_EQ(ta.status(), TaskStatus::Waiting);
    ha.take().resolve(INT(1));
    EXPECT_EQ(ta.result<INT>(), 1);
}

TEST(AsyncBasics, ParseErrorThrowsFromEvalAsync) {
    Engine engine;
    EXPECT_THROW(engine.eval_async("let = ;"), ParseError);
}

TEST(AsyncBasics, ResultOfUnfinishedTaskIsALogicError) {
    Engine engine;
    Host host;
    engine.register_async_fn("f", [&](Completion done) { host.keep(std::move(done)); });
    Task task = engine.eval_async("f()");
    EXPECT_THROW(task.result(), std::logic_error);
    EXPECT_EQ(task.error(), nullptr);
    host.take().resolve(INT(1));
}
