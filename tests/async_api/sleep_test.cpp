// sleep(seconds): inside a task the script waits on the engine's timers (driven by the host's
// next_deadline / expire), never blocking the host's thread; synchronous eval blocks as in Rhai.
#include <gtest/gtest.h>

#include <chrono>

#include "fake_clock.hpp"
#include "rhai/engine.hpp"

using namespace rhai;
using namespace std::chrono_literals;

using rhai::test_support::FakeClock;

TEST(AsyncSleep, TaskWaitsOnATimerThatExpireWakes) {
    Engine engine;
    FakeClock clock;
    engine.set_clock(clock.fn());
    Task task = engine.eval_async("let before = 1; sleep(5); before + 41");
    ASSERT_EQ(task.status(), TaskStatus::Waiting);
    std::vector<PendingCallInfo> calls = task.pending_calls();
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].function, "sleep");
    ASSERT_TRUE(engine.next_deadline().has_value());
    EXPECT_EQ(*engine.next_deadline(), clock.t + 5s);

    clock.t += 4900ms;
    EXPECT_EQ(engine.expire(), 0u);
    EXPECT_EQ(task.status(), TaskStatus::Waiting);
    clock.t += 100ms;
    EXPECT_EQ(engine.expire(), 1u);
    ASSERT_EQ(task.status(), TaskStatus::Done) << (task.error() ? task.error()->message() : "");
    EXPECT_EQ(task.result<INT>(), 42);
    EXPECT_FALSE(engine.next_deadline().has_value());
}

TEST(AsyncSleep, FractionsZeroNegativeAndNonNormalSeconds) {
    Engine engine;
    FakeClock clock;
    engine.set_clock(clock.fn());
    // Nothing waits for 0, a negative INT, 0.0, NaN or infinity (Rhai returns at once).
    Task quick = engine.eval_async("sleep(0); sleep(-3); sleep(0.0); sleep(-1.5); sleep(0.0 / 0.0); 7");
    ASSERT_EQ(quick.status(), TaskStatus::Done);
    EXPECT_EQ(quick.result<INT>(), 7);

    Task frac = engine.eval_async("sleep(0.25); 8");
    ASSERT_EQ(frac.status(), TaskStatus::Waiting);
    EXPECT_EQ(*engine.next_deadline(), clock.t + 250ms);
    clock.t += 250ms;
    engine.expire();
    ASSERT_EQ(frac.status(), TaskStatus::Done);
    EXPECT_EQ(frac.result<INT>(), 8);
}

TEST(AsyncSleep, SleepsInsideClosuresGivenToBuiltinsWakeInDeadlineOrder) {
    Engine engine;
    FakeClock clock;
    engine.set_clock(clock.fn());
    Task slow = engine.eval_async("[3, 1].map(|s| { sleep(s); s * 10 })");
    Task fast = engine.eval_async("let log = []; for s in [1, 1] { sleep(s); log.push(s); } log.len()");
    ASSERT_EQ(slow.status(), TaskStatus::Waiting);
    ASSERT_EQ(fast.status(), TaskStatus::Waiting);
    clock.t += 1s;
    engine.expire();  // fast wakes and sleeps again; slow still waits (3 s)
    EXPECT_EQ(fast.status(), TaskStatus::Waiting);
    clock.t += 1s;
    engine.expire();
    ASSERT_EQ(fast.status(), TaskStatus::Done);
    EXPECT_EQ(fast.result<INT>(), 2);
    EXPECT_EQ(slow.status(), TaskStatus::Waiting);
    clock.t += 1s;
    engine.expire();  // slow's first sleep (3 s) ends; its second is 1 s more
    EXPECT_EQ(slow.status(), TaskStatus::Waiting);
    clock.t += 1s;
    engine.expire();
    ASSERT_EQ(slow.status(), TaskStatus::Done);
    EXPECT_EQ(slow.result<Array>().size(), 2u);
    EXPECT_EQ(slow.result<Array>()[0].as_int(), 30);
}

TEST(AsyncSleep, CancelAndTaskDeadlineEndASleepingScript) {
    Engine engine;
    FakeClock clock;
    engine.set_clock(clock.fn());
    Task cancelled = engine.eval_async("sleep(60); 1");
    ASSERT_EQ(cancelled.status(), TaskStatus::Waiting);
    EXPECT_TRUE(cancelled.cancel());
    EXPECT_EQ(cancelled.status(), TaskStatus::Cancelled);
    EXPECT_FALSE(engine.next_deadline().has_value());  // its timer left with it

    TaskOptions options;
    options.timeout = 10s;
    Task late = engine.eval_async("sleep(60); 1", options);
    ASSERT_EQ(late.status(), TaskStatus::Waiting);
    EXPECT_EQ(*engine.next_deadline(), clock.t + 10s);
    clock.t += 10s;
    engine.expire();
    ASSERT_EQ(late.status(), TaskStatus::Failed);
    EXPECT_EQ(late.error()->kind(), ErrorKind::ErrorTimeout);

    // A sleeping script counts as a pending call: the limit applies and the slot comes back.
    engine.set_max_pending_calls(1);
    Task first = engine.eval_async("sleep(1); 1");
    Task second = engine.eval_async("let r = 0; try { sleep(1); } catch (e) { r = e.error; } r");
    ASSERT_EQ(second.status(), TaskStatus::Done);
    EXPECT_EQ(second.result<std::string>(), "ErrorTooManyPendingCalls");
    clock.t += 1s;
    engine.expire();
    ASSERT_EQ(first.status(), TaskStatus::Done);
    Task third = engine.eval_async("sleep(1); 3");
    EXPECT_EQ(third.status(), TaskStatus::Waiting);
}

TEST(AsyncSleep, EngineDestroyedWhileATaskSleeps) {
    // The sleeping task holds its timer call and the call its task: the engine's shutdown
    // must break that (LeakSanitizer checks it in the asan build).
    Task task;
    {
        Engine engine;
        task = engine.eval_async("sleep(1000); 1");
        ASSERT_EQ(task.status(), TaskStatus::Waiting);
    }
    EXPECT_EQ(task.status(), TaskStatus::Cancelled);
}

TEST(AsyncSleep, SynchronousEvalBlocksForTheTime) {
    Engine engine;
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_EQ(engine.eval<INT>("sleep(0.05); sleep(0); 5"), 5);
    EXPECT_GE(std::chrono::steady_clock::now() - t0, 50ms);
}
