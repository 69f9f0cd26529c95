// Async tasks across threads: completions from other threads, tasks moved between threads,
// executors, blocking mode, and a concurrent stress run (also run under ThreadSanitizer).
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "rhai/engine.hpp"

using namespace rhai;
using namespace std::chrono_literals;

namespace {

// A queue of pending calls shared between threads.
struct SharedQueue {
    std::mutex mu;
    std::condition_variable cv;
    std::deque<std::pair<Completion, INT>> items;
    void push(Completion c, INT x) {
        {
            std::lock_guard lock(mu);
            items.emplace_back(std::move(c), x);
        }
        cv.notify_one();
    }
    bool pop(std::pair<Completion, INT>& out, std::chrono::milliseconds wait) {
        std::unique_lock lock(mu);
        if (!cv.wait_for(lock, wait, [&] { return !items.empty(); })) return false;
        out = std::move(items.front());
        items.pop_front();
        return true;
    }
};

}  // namespace

TEST(AsyncThreads, ResolveFromAnotherThreadContinuesTheScriptThere) {
    Engine engine;
    SharedQueue q;
    engine.register_async_fn("work", [&](Completion done, INT x) { q.push(std::move(done), x); });
    std::atomic<std::thread::id> finished_on{};
    Task task = engine.eval_async("let a = work(1); let b = work(2); a + b");
    task.on_complete([&](const Task&) { finished_on = std::this_thread::get_id(); });
    std::thread worker([&] {
        std::pair<Completion, INT> item;
        for (int i = 0; i < 2 && q.pop(item, 5s); ++i) item.first.resolve(item.second * 100);
    });
    std::thread::id worker_id = worker.get_id();
    worker.join();
    EXPECT_EQ(task.status(), TaskStatus::Done);
    EXPECT_EQ(task.result<INT>(), 300);
    EXPECT_EQ(finished_on.load(), worker_id);
}

TEST(AsyncThreads, TaskMovesBetweenThreadsBetweenSlices) {
    Engine engine;
    TaskOptions opts;
    opts.op_budget = 50;
    Task task = engine.eval_async("let s = 0; for i in 0..2000 { s += i; } s", opts);
    for (int round = 0; task.status() == TaskStatus::Yielded; ++round) {
        std::thread t([&] { task.resume(); });  // each slice on a fresh thread
        t.join();
    }
    EXPECT_EQ(task.result<INT>(), 1999000);
}

TEST(AsyncThreads, CompletionRacingWithSuspensionIsNotLost) {
    // The host hands the Completion to a thread that resolves it at once, while the script is
    // still suspending: the answer must wait for the suspension and then continue the task.
    Engine engine;
    std::vector<std::thread> threads;
    std::mutex mu;
    engine.register_async_fn("racy", [&](Completion done, INT x) {
        std::lock_guard lock(mu);
        threads.emplace_back([done, x] { done.resolve(x + 1); });
    });
    constexpr int kTasks = 200;
    std::vector<Task> tasks;
    for (int i = 0; i < kTasks; ++i) tasks.push_back(engine.eval_async("racy(1) + racy(2) + racy(3)"));
    for (;;) {
        std::vector<std::thread> batch;
        {
            std::lock_guard lock(mu);
            batch.swap(threads);
        }
        if (batch.empty()) {
            bool all_done = true;
            for (auto& t : tasks) all_done = all_done && t.finished();
            if (all_done) break;
            std::this_thread::sleep_for(1ms);
            continue;
        }
        for (auto& t : batch) t.join();
    }
    for (auto& t : tasks) ASSERT_EQ(t.result<INT>(), 9);
    EXPECT_EQ(engine.pending_call_count(), 0u);
}

TEST(AsyncThreads, FourHostThreadsDriveOneEngine) {
    Engine engine;
    SharedQueue q;
    engine.register_async_fn("io", [&](Completion done, INT x) { q.push(std::move(done), x); });
    AST ast = engine.compile(R"(
        fn step(x) { io(x) + 1 }
        let total = 0;
        for i in 0..5 { total += step(i); }
        [1, 2].map(|v| io(v)).reduce(|s, v| s + v, total)
    )");
    std::atomic<bool> stop{false};
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w) {
        workers.emplace_back([&] {
            std::pair<Completion, INT> item;
            while (!stop.load())
                if (q.pop(item, 5ms)) item.first.resolve(item.second * 10);
        });
    }
    std::vector<Task> tasks;
    std::mutex tasks_mu;
    std::vector<std::thread> starters;
    for (int s = 0; s < 2; ++s) {
        starters.emplace_back([&] {
            for (int i = 0; i < 100; ++i) {
                Task t = engine.eval_ast_async(ast);
                std::lock_guard lock(tasks_mu);
                tasks.push_back(t);
            }
        });
    }
    for (auto& s : starters) s.join();
    auto deadline = std::chrono::steady_clock::now() + 20s;
    for (auto& t : tasks)
        while (!t.finished() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
    stop = true;
    for (auto& w : workers) w.join();
    ASSERT_EQ(tasks.size(), 200u);
    // (0+1+2+3+4)*10 + 5 + 10 + 20
    for (auto& t : tasks) ASSERT_EQ(t.result<INT>(), 135);
}

TEST(AsyncThreads, CancelFromAnotherThreadWhileWaiting) {
    Engine engine;
    SharedQueue q;
    std::atomic<int> cancelled{0};
    engine.register_async_fn("slow", [&](Completion done) {
        done.on_cancel([&](CancelReason) { ++cancelled; });
        q.push(std::move(done), 0);
    });
    std::vector<Task> tasks;
    for (int i = 0; i < 50; ++i) tasks.push_back(engine.eval_async("slow()"));
    std::thread canceller([&] {
        for (auto& t : tasks) t.cancel();
    });
    canceller.join();
    for (auto& t : tasks) EXPECT_EQ(t.status(), TaskStatus::Cancelled);
    EXPECT_EQ(cancelled.load(), 50);
    std::pair<Completion, INT> item;
    while (q.pop(item, 0ms)) EXPECT_FALSE(item.first.resolve(INT(1)));
}

TEST(AsyncThreads, BlockingModeWaitsForAnotherThread) {
    Engine engine;
    engine.set_blocking_async(true);
    SharedQueue q;
    engine.register_async_fn("remote", [&](Completion done, INT x) { q.push(std::move(done), x); });
    std::thread worker([&] {
        std::pair<Completion, INT> item;
        for (int i = 0; i < 2 && q.pop(item, 5s); ++i) item.first.resolve(item.second + 1);
    });
    EXPECT_EQ(engine.eval<INT>("remote(1) + remote(10)"), 13);
    worker.join();
}

TEST(AsyncThreads, BlockingModeTimesOutInRealTime) {
    Engine engine;
    engine.set_blocking_async(true).set_call_timeout(30ms);
    Completion kept;
    CancelReason why{};
    engine.register_async_fn("never", [&](Completion done) {
        done.on_cancel([&](CancelReason r) { why = r; });
        kept = done;
    });
    EXPECT_EQ(engine.eval<std::string>(R"(let r = ""; try { never() } catch (e) { r = e.error } r)"), "ErrorTimeout");
    EXPECT_EQ(why, CancelReason::Timeout);
    EXPECT_FALSE(kept.resolve(INT(1)));
}

TEST(AsyncThreads, ExecutorOnAnotherThreadRunsEveryContinuation) {
    Engine engine;
    std::mutex mu;
    std::condition_variable cv;
    std::deque<std::function<void()>> loop;
    std::atomic<bool> stop{false};
    engine.set_executor([&](std::function<void()> f) {
        {
            std::lock_guard lock(mu);
            loop.push_back(std::move(f));
        }
        cv.notify_one();
    });
    std::thread loop_thread([&] {
        for (;;) {
            std::unique_lock lock(mu);
            cv.wait_for(lock, 5ms, [&] { return !loop.empty() || stop.load(); });
            if (loop.empty()) {
                if (stop.load()) return;
                continue;
            }
            auto f = std::move(loop.front());
            loop.pop_front();
            lock.unlock();
            f();
        }
    });
    std::thread::id loop_id = loop_thread.get_id();
    std::atomic<int> wrong_thread{0};
    SharedQueue q;
    engine.register_async_fn("io", [&](Completion done, INT x) {
        if (x > 0 && std::this_thread::get_id() != loop_id) ++wrong_thread;
        q.push(std::move(done), x);
    });
    Task task = engine.eval_async("let a = io(0); let b = io(1); a + b");
    std::pair<Completion, INT> item;
    for (int i = 0; i < 2 && q.pop(item, 5s); ++i) item.first.resolve(item.second + 5);
    for (int i = 0; i < 2000 && !task.finished(); ++i) std::this_thread::sleep_for(1ms);
    stop = true;
    loop_thread.join();
    EXPECT_EQ(task.result<INT>(), 11);
    EXPECT_EQ(wrong_thread.load(), 0);  // the second call was made from the loop's thread
}
