// Call timeouts, task deadlines, cancellation and time slicing, on an injected clock.
#include <gtest/gtest.h>

#include <deque>

#include "fake_clock.hpp"
#include "rhai/engine.hpp"

using namespace rhai;
using namespace std::chrono_literals;
using rhai::test_support::FakeClock;

namespace {

struct Host {
    std::deque<Completion> pending;
    std::vector<CancelReason> cancels;
    void keep(Completion c) {
        c.on_cancel([this](CancelReason r) { cancels.push_back(r); });
        pending.push_back(std::move(c));
    }
};

}  // namespace

TEST(AsyncDeadlines, CallTimeoutRaisesCatchableErrorAndCancelsHostWork) {
    Engine engine;
    FakeClock clock;
    Host host;
    engine.set_clock(clock.fn()).set_call_timeout(5s);
    engine.register_async_fn("slow", [&](Completion done) { host.keep(std::move(done)); });
    Task task = engine.eval_async(R"(
        let r = "";
        try { slow(); r = "finished"; } catch (e) { r = "caught: " + e; }
        r
    )");
    ASSERT_EQ(task.status(), TaskStatus::Waiting);
    ASSERT_TRUE(engine.next_deadline().has_value());
    EXPECT_EQ(*engine.next_deadline(), clock.t + 5s);
    ASSERT_TRUE(task.pending_calls()[0].deadline.has_value());
    clock.t += 4s;
    EXPECT_EQ(engine.expire(), 0u);
    EXPECT_EQ(task.status(), TaskStatus::Waiting);
    clock.t += 1s;
    EXPECT_EQ(engine.expire(), 1u);
    ASSERT_EQ(task.status(), TaskStatus::Done);
    std::string out = task.result<std::string>();
    EXPECT_NE(out.find("caught"), std::string::npos) << out;
    EXPECT_NE(out.find("slow"), std::string::npos) << out;
    ASSERT_EQ(host.cancels.size(), 1u);
    EXPECT_EQ(host.cancels[0], CancelReason::Timeout);
    EXPECT_FALSE(host.pending.front().resolve(INT(1)));  // too late: ignored
    EXPECT_FALSE(engine.next_deadline().has_value());
}

TEST(AsyncDeadlines, UncaughtTimeoutFailsTaskWithTimeoutKind) {
    Engine engine;
    FakeClock clock;
    Host host;
    engine.set_clock(clock.fn()).set_call_timeout(1s);
    engine.register_async_fn("slow", [&](Completion done) { host.keep(std::move(done)); });
    Task task = engine.eval_async("slow()");
    engine.expire(clock.t + 2s);
    ASSERT_EQ(task.status(), TaskStatus::Failed);
    EXPECT_EQ(task.error()->kind(), ErrorKind::ErrorTimeout);
}

TEST(AsyncDeadlines, PerFunctionTimeoutOverridesEngineDefault) {
    Engine engine;
    FakeClock clock;
    Host host;
    engine.set_clock(clock.fn()).set_call_timeout(10s);
    engine.register_async_fn("quick", [&](Completion done) { host.keep(std::move(done)); }, AsyncFnOptions{1s});
    engine.register_async_fn("patient", [&](Completion done) { host.keep(std::move(done)); },
                             AsyncFnOptions{0s});  // zero: no timeout at all
    Task a = engine.eval_async("quick()");
    Task b = engine.eval_async("patient()");
    EXPECT_EQ(*engine.next_deadline(), clock.t + 1s);
    engine.expire(clock.t + 1h);
    EXPECT_EQ(a.status(), TaskStatus::Failed);
    EXPECT_EQ(b.status(), TaskStatus::Waiting);
    EXPECT_FALSE(engine.next_deadline().has_value());
    host.pending.back().resolve(INT(3));
    EXPECT_EQ(b.result<INT>(), 3);
}

TEST(AsyncDeadlines, TaskDeadlineFailsWaitingTask) {
    Engine engine;
    FakeClock clock;
    Host host;
    engine.set_clock(clock.fn());
    engine.register_async_fn("slow", [&](Completion done) { host.keep(std::move(done)); });
    TaskOptions opts;
    opts.timeout = 3s;
    Task task = engine.eval_async(R"(let r = 0; try { slow() } catch (e) { r = 1 } r)", opts);
    EXPECT_EQ(*engine.next_deadline(), clock.t + 3s);
    clock.t += 3s;
    EXPECT_EQ(engine.expire(), 1u);
    ASSERT_EQ(task.status(), TaskStatus::Failed);  // a task deadline is not catchable
    EXPECT_EQ(task.error()->kind(), ErrorKind::ErrorTimeout);
    ASSERT_EQ(host.cancels.size(), 1u);
    EXPECT_EQ(host.cancels[0], CancelReason::TaskDeadline);
    EXPECT_EQ(engine.pending_call_count(), 0u);
}

TEST(AsyncDeadlines, TaskDeadlineStopsAComputingScript) {
    Engine engine;
    TaskOptions opts;
    opts.timeout = 50ms;  // real clock: the task checks its deadline between slices
    auto start = std::chrono::steady_clock::now();
    Task task = engine.eval_async("let x = 0; loop { x += 1; }", opts);
    auto took = std::chrono::steady_clock::now() - start;
    ASSERT_EQ(task.status(), TaskStatus::Failed);
    EXPECT_EQ(task.error()->kind(), ErrorKind::ErrorTimeout);
    EXPECT_LT(took, 5s);
}

TEST(AsyncDeadlines, AbsoluteDeadlineAlreadyPassedFailsAtOnce) {
    Engine engine;
    FakeClock clock;
    engine.set_clock(clock.fn());
    TaskOptions opts;
    opts.deadline = clock.t - 1s;
    Task task = engine.eval_async("1 + 1", opts);
    EXPECT_EQ(task.status(), TaskStatus::Failed);
    EXPECT_EQ(task.error()->kind(), ErrorKind::ErrorTimeout);
}

TEST(AsyncDeadlines, CancelWaitingTaskAbandonsItsCall) {
    Engine engine;
    Host host;
    engine.register_async_fn("slow", [&](Completion done) { host.keep(std::move(done)); });
    Task task = engine.eval_async("let big = []; big.pad(1000, 1); slow(); big.len()");
    bool completed = false;
    task.on_complete([&](const Task& t) {
        completed = true;
        EXPECT_EQ(t.status(), TaskStatus::Cancelled);
    });
    EXPECT_TRUE(task.cancel());
    EXPECT_TRUE(completed);
    EXPECT_EQ(task.status(), TaskStatus::Cancelled);
    EXPECT_EQ(task.error()->kind(), ErrorKind::ErrorCancelled);
    ASSERT_EQ(host.cancels.size(), 1u);
    EXPECT_EQ(host.cancels[0], CancelReason::TaskCancelled);
    EXPECT_FALSE(host.pending.front().pending());
    EXPECT_FALSE(host.pending.front().resolve(INT(1)));
    EXPECT_FALSE(task.cancel());  // already finished
    EXPECT_EQ(engine.pending_call_count(), 0u);
}

TEST(AsyncDeadlines, CancelFromInsideItsOwnHostFunction) {
    Engine engine;
    Task* self = nullptr;
    engine.register_async_fn("stop_me", [&](Completion done) {
        EXPECT_TRUE(self->cancel());  // takes effect when this function returns
        done.resolve(INT(1));
    });
    int after = 0;
    engine.register_fn("after", [&]() { ++after; });
    Task task;
    self = &task;
    // The task handle is assigned after eval_async returns, so start through a yield first.
    TaskOptions opts;
    opts.op_budget = 1;
    task = engine.eval_async("let i = 0; while i < 3 { i += 1; } stop_me(); after(); 5", opts);
    while (task.status() == TaskStatus::Yielded) task.resume();
    EXPECT_EQ(task.status(), TaskStatus::Cancelled);
    EXPECT_EQ(after, 0);
}

TEST(AsyncDeadlines, OperationBudgetYieldsAndResumeContinues) {
    Engine engine;
    TaskOptions opts;
    opts.op_budget = 100;
    Task task = engine.eval_async("let s = 0; for i in 0..10000 { s += i; } s", opts);
    int slices = 1;
    while (task.status() == TaskStatus::Yielded) {
        task.resume();
        ++slices;
    }
    EXPECT_EQ(task.result<INT>(), 49995000);
    EXPECT_GT(slices, 50);
    EXPECT_GT(task.operations(), 10000u);
}

TEST(AsyncDeadlines, ResumeWithLargerBudgetFinishesSooner) {
    Engine engine;
    TaskOptions opts;
    opts.op_budget = 10;
    Task task = engine.eval_async("let s = 0; for i in 0..1000 { s += i; } s", opts);
    EXPECT_EQ(task.status(), TaskStatus::Yielded);
    EXPECT_EQ(task.resume(1'000'000), TaskStatus::Done);
    EXPECT_EQ(task.result<INT>(), 499500);
    EXPECT_EQ(task.resume(), TaskStatus::Done);  // finished: unchanged
}

TEST(AsyncDeadlines, MaxPendingCallsRaisesCatchableErrorBeforeHostRuns) {
    Engine engine;
    Host host;
    engine.set_max_pending_calls(2);
    int started = 0;
    engine.register_async_fn("io", [&](Completion done) {
        ++started;
        host.keep(std::move(done));
    });
    Task a = engine.eval_async("io()");
    Task b = engine.eval_async("io()");
    Task c = engine.eval_async(R"(let r = ""; try { io() } catch (e) { r = e.error + ": " + e.message } r)");
    EXPECT_EQ(started, 2);
    ASSERT_EQ(c.status(), TaskStatus::Done);
    EXPECT_EQ(c.result<std::string>().rfind("ErrorTooManyPendingCalls: Too many pending", 0), 0u) << c.result<std::string>();
    host.pending.front().resolve(INT(1));
    Task d = engine.eval_async("io()");  // a slot is free again
    EXPECT_EQ(started, 3);
    EXPECT_EQ(d.status(), TaskStatus::Waiting);
}

TEST(AsyncDeadlines, DestroyingTheEngineCancelsItsTasks) {
    Host host;
    Task task;
    bool completed = false;
    {
        Engine engine;
        engine.register_async_fn("slow", [&](Completion done) { host.keep(std::move(done)); });
        task = engine.eval_async("slow()");
        task.on_complete([&](const Task&) { completed = true; });
    }
    EXPECT_TRUE(completed);
    EXPECT_EQ(task.status(), TaskStatus::Cancelled);
    ASSERT_EQ(host.cancels.size(), 1u);
    EXPECT_EQ(host.cancels[0], CancelReason::EngineDestroyed);
    EXPECT_FALSE(host.pending.front().resolve(INT(1)));  // safe after the engine is gone
    EXPECT_FALSE(host.pending.front().reject("x"));
}

TEST(AsyncDeadlines, ExecutorReceivesContinuations) {
    Engine engine;
    Host host;
    std::deque<std::function<void()>> loop;
    engine.set_executor([&](std::function<void()> f) { loop.push_back(std::move(f)); });
    engine.register_async_fn("f", [&](Completion done) { host.keep(std::move(done)); });
    Task task = engine.eval_async("f() + f()");
    host.pending.front().resolve(INT(1));
    EXPECT_EQ(task.status(), TaskStatus::Waiting);  // not run inside resolve
    ASSERT_EQ(loop.size(), 1u);
    loop.front()();
    loop.pop_front();
    ASSERT_EQ(host.pending.size(), 2u);
    host.pending.back().resolve(INT(2));
    loop.front()();
    EXPECT_EQ(task.result<INT>(), 3);
}

// One expire() that finds several deadlines due applies them in deadline order, and those due
// at the same instant in the order they were armed: a host sees the same completion order
// every run.
TEST(AsyncDeadlines, ExpireAppliesDueDeadlinesInDeadlineThenArmingOrder) {
    Engine engine;
    FakeClock clock;
    Host host;
    engine.set_clock(clock.fn());
    engine.register_async_fn("slow", [&](Completion done) { host.keep(std::move(done)); });
    std::vector<std::string> order;
    std::vector<Task> tasks;
    auto start = [&](std::string name, std::chrono::seconds timeout) {
        TaskOptions opts;
        opts.timeout = timeout;
        tasks.push_back(engine.eval_async("slow()", opts));
        tasks.back().on_complete([&order, name](const Task&) { order.push_back(name); });
    };
    start("late", 9s);
    start("tie-first", 3s);
    start("tie-second", 3s);
    start("early", 1s);
    clock.t += 10s;
    EXPECT_EQ(engine.expire(), 4u);
    EXPECT_EQ(order, (std::vector<std::string>{"early", "tie-first", "tie-second", "late"}));
}
