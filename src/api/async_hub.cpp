// AsyncHub: an engine's registry of pending calls, unfinished tasks and armed deadlines.
#include <vector>

#include "api/async_state.hpp"

namespace rhai::detail {

uint64_t next_async_id() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

std::shared_ptr<AsyncHub> make_async_hub(EngineCore* core) {
    auto hub = std::make_shared<AsyncHub>();
    hub->core = core;
    return hub;
}

TimePoint AsyncHub::now() {
    std::function<TimePoint()> c;
    {
        std::lock_guard lock(mu);
        c = clock;
    }
    return c ? c() : AsyncClock::now();
}

void AsyncHub::reserve_slot(const std::string& function) {
    size_t limit = max_pending.load(std::memory_order_relaxed);
    if (pending.fetch_add(1, std::memory_order_relaxed) >= limit) {
        pending.fetch_sub(1, std::memory_order_relaxed);
        throw EvalError(ErrorKind::ErrorTooManyPendingCalls,
                        "Too many pending host calls (the engine's limit is " + std::to_string(limit) +
                            "): '" + function + "' was not started");
    }
}

void AsyncHub::release_slot() { pending.fetch_sub(1, std::memory_order_relaxed); }

void AsyncHub::add_call(const std::shared_ptr<CallState>& shared) {
    CallState& call = *shared;
    std::lock_guard lock(mu);
    call.registered = true;
    calls.insert(call.id, &call);
    if (call.deadline) {
        call.timer = timers.emplace(*call.deadline, Timer{shared, {}});
        call.has_timer = true;
    }
}

void AsyncHub::remove_call(CallState& call) {
    // `registered` only changes with call.mu held (or in the destructor), so it can be read here.
    if (!call.registered) return;
    std::lock_guard lock(mu);
    call.registered = false;
    pending.fetch_sub(1, std::memory_order_relaxed);
    calls.erase(call.id);
    if (call.has_timer) {
        timers.erase(call.timer);
        call.has_timer = false;
    }
}

CallState::~CallState() {
    if (registered) hub->remove_call(*this);
}

void AsyncHub::add_task(const std::shared_ptr<TaskState>& task) {
    std::lock_guard lock(mu);
    task->registered = true;
    tasks.insert(task->id, task.get());
    if (task->deadline) {
        task->timer = timers.emplace(*task->deadline, Timer{{}, task});
        task->has_timer = true;
    }
}

void AsyncHub::remove_task(TaskState& task) {
    std::lock_guard lock(mu);
    if (!task.registered) return;
    task.registered = false;
    tasks.erase(task.id);
    if (task.has_timer) {
        timers.erase(task.timer);
        task.has_timer = false;
    }
}

TaskState::~TaskState() {
    if (hub) hub->remove_task(*this);
}

std::optional<TimePoint> AsyncHub::next_deadline() {
    std::lock_guard lock(mu);
    if (timers.empty()) return std::nullopt;
    return timers.begin()->first;
}

size_t AsyncHub::expire(TimePoint now) {
    std::vector<Timer> due;
    // Strong references taken under the lock are dropped after it: the last one would run a
    // destructor that takes the lock again (~CallState, ~TaskState leave the indexes).
    std::vector<std::shared_ptr<CallState>> calls_held;
    std::vector<std::shared_ptr<TaskState>> tasks_held;
    {
        std::lock_guard lock(mu);
        auto end = timers.upper_bound(now);
        for (auto it = timers.begin(); it != end; ++it) {
            due.push_back(it->second);
            if (auto c = it->second.call.lock()) {
                c->has_timer = false;
                calls_held.push_back(std::move(c));
            }
            if (auto t = it->second.task.lock()) {
                t->has_timer = false;
                tasks_held.push_back(std::move(t));
            }
        }
        timers.erase(timers.begin(), end);
    }
    size_t expired = 0;
    for (const Timer& t : due) {
        if (std::shared_ptr<CallState> call = t.call.lock()) {
            std::function<void(CancelReason)> cb;
            std::shared_ptr<TaskState> task;
            CallPhase was;
            bool wakes;
            {
                std::lock_guard lock(call->mu);
                was = call->phase;
                if (was != CallPhase::Pending && was != CallPhase::Blocking) continue;
                wakes = call->wakes_at_deadline;
                if (!wakes) {
                    cb = call->abandon_locked(CancelReason::Timeout);
                    task = call->task;
                }
            }
            ++expired;
            if (wakes) {  // a sleep() is over: its script goes on
                call->complete(Dynamic(), std::nullopt);
                continue;
            }
            if (cb) cb(CancelReason::Timeout);
            if (task) {
                EvalError e(ErrorKind::ErrorTimeout,
                            "Timeout: host function '" + call->function + "' did not complete in time");
                e.fields()["function"] = Dynamic(call->function);
                task->step(call->id, std::nullopt, std::move(e), 0);
            }
        } else if (std::shared_ptr<TaskState> task = t.task.lock()) {
            EvalError e(ErrorKind::ErrorTimeout, "Task deadline exceeded");
            if (task->end(TaskStatus::Failed, std::move(e), CancelReason::TaskDeadline)) ++expired;
        }
    }
    return expired;
}

void AsyncHub::shutdown() {
    std::vector<std::shared_ptr<TaskState>> live;
    {
        std::lock_guard lock(mu);
        if (!alive) return;
        alive = false;
        tasks.for_each([&](TaskState* t) {
            if (auto strong = t->weak_from_this().lock()) live.push_back(std::move(strong));
        });
    }
    for (auto& t : live)
        t->end(TaskStatus::Cancelled, EvalError(ErrorKind::ErrorCancelled, "Engine destroyed"),
               CancelReason::EngineDestroyed);
    // Calls of blocking synchronous evals are woken by abandoning them.
    std::vector<std::shared_ptr<CallState>> blocked;
    {
        std::lock_guard lock(mu);
        calls.for_each([&](CallState* c) {
            if (auto strong = c->weak_from_this().lock()) blocked.push_back(std::move(strong));
        });
    }
    for (auto& c : blocked) {
        std::function<void(CancelReason)> cb;
        {
            std::lock_guard lock(c->mu);
            if (c->phase != CallPhase::Blocking && c->phase != CallPhase::Pending) continue;
            cb = c->abandon_locked(CancelReason::EngineDestroyed);
        }
        if (cb) cb(CancelReason::EngineDestroyed);
    }
}

}  // namespace rhai::detail
