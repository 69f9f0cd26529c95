// The shared state behind rhai::Task and rhai::Completion (include/rhai/async.hpp).
//
// Ownership: Completion -> CallState -> TaskState (strong), so a waiting task lives as long as
// someone can complete the call it waits on, or holds its Task handle. TaskState -> CallState
// and AsyncHub -> either are weak: no cycles. Every TaskState keeps its AsyncHub alive, so a
// late completion after the Engine is gone finds a hub marked dead instead of freed memory.
//
// Locks, always taken in this order: TaskState::run_mu (held while the VM runs the task),
// CallState::mu, TaskState::mu, AsyncHub::mu (the last three are SpinLocks: short sections only).
// None is held while a host callback runs (on_complete, on_cancel, the executor), except that async host functions themselves are
// called from inside the VM, under run_mu — so a host function that cancels its own task only
// sets a flag (cancel_requested) that takes effect when it returns.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include "api/call_index.hpp"
#include "api/spin_lock.hpp"
#include "api/evaluate.hpp"
#include "rhai/async.hpp"
#include "runtime/engine_core.hpp"

namespace rhai::detail {

enum class CallPhase : uint8_t {
    Invoking,     // the host function is running; a completion now is an immediate answer
    AnsweredNow,  // completed before the host function returned (no suspension)
    Pending,      // the task waits for it
    Blocking,     // a synchronous eval waits for it on a condition variable (blocking mode)
    Completed,    // resolved or rejected
    Abandoned,    // timed out, or its task was cancelled / failed / destroyed
};

struct Timer {
    std::weak_ptr<CallState> call;  // one of the two is set
    std::weak_ptr<TaskState> task;
};
using TimerMap = std::multimap<TimePoint, Timer>;

struct CallState : std::enable_shared_from_this<CallState> {
    // Fields every round trip touches come first, so that a call costs few cache lines.
    SpinLock mu;
    CallPhase phase = CallPhase::Invoking;
    bool registered = false;  // in the hub's index (changes under mu and AsyncHub::mu)
    bool has_timer = false;   // guarded by AsyncHub::mu
    uint64_t id = 0;
    std::shared_ptr<TaskState> task;  // null for a blocking synchronous call
    std::shared_ptr<AsyncHub> hub;
    std::optional<TimePoint> deadline;
    bool wakes_at_deadline = false;  // sleep(): the deadline answers () instead of timing out
    std::function<void(CancelReason)> on_cancel;

    std::string function;
    std::optional<Dynamic> value;  // the answer (AnsweredNow / Blocking)
    std::unique_ptr<EvalError> error;
    std::optional<CancelReason> abandoned_because;
    std::condition_variable_any* waiter = nullptr;  // Blocking
    TimerMap::iterator timer;                   // guarded by AsyncHub::mu

    // A call dropped by every holder while still registered (the host let go of its
    // Completion without answering) leaves the index and gives its pending slot back.
    ~CallState();

    // Resolve / reject (Completion). See Completion::resolve for the contract.
    bool complete(std::optional<Dynamic> value, std::optional<EvalError> error);
    // Abandons a Pending/Blocking call; returns its on_cancel callback to call (unlocked).
    // `mu` must be held by the caller.
    std::function<void(CancelReason)> abandon_locked(CancelReason why);
};

struct TaskState : std::enable_shared_from_this<TaskState> {
    // Fields every run touches come first, so that a resume costs few cache lines (a host with
    // thousands of waiting tasks resumes each from cold memory); the error is boxed.
    std::mutex run_mu;                      // serializes runs of this task
    std::atomic<std::thread::id> runner{};  // the thread inside the VM right now
    std::atomic<bool> cancel_requested{false};
    std::atomic<TaskStatus> status{TaskStatus::Running};
    bool registered = false;  // guarded by AsyncHub::mu
    bool has_timer = false;   // guarded by AsyncHub::mu
    uint64_t op_budget = 0;
    api::PreparedRun run;  // guarded by run_mu; empty once finished
    std::optional<TimePoint> deadline;
    std::shared_ptr<AsyncHub> hub;

    mutable SpinLock mu;  // the fields below
    uint64_t waiting_id = 0;
    std::weak_ptr<CallState> waiting;
    std::atomic<uint64_t> operations{0};
    std::function<void(const Task&)> on_complete;
    // The timer call of a sleep() in progress. Nobody else holds it (no host has its
    // Completion), so the task does until it wakes or ends.
    std::shared_ptr<CallState> sleep_call;
    Dynamic result;
    std::unique_ptr<EvalError> error;

    uint64_t id = 0;
    TimerMap::iterator timer;  // guarded by AsyncHub::mu

    ~TaskState();

    // Runs the task: first answers the call `call_id` (when non-zero) with `value` / `error`,
    // then continues for `budget` operations (0: the task's own budget).
    void step(uint64_t call_id, std::optional<Dynamic> value, std::optional<EvalError> error,
              uint64_t budget);
    // Ends the task from outside the VM: Cancelled (cancel, engine destruction) or Failed
    // (deadline). False when it had already finished.
    bool end(TaskStatus how, EvalError why, CancelReason call_reason);

private:
    // Records the end and frees the VM state. run_mu held. Returns the on_complete to call.
    std::function<void(const Task&)> finish_locked(TaskStatus how, Dynamic result,
                                                   std::optional<EvalError> error);
};

struct AsyncHub : std::enable_shared_from_this<AsyncHub> {
    EngineCore* core = nullptr;

    // Read on every call without the lock.
    std::atomic<size_t> pending{0};            // calls started and not yet finished
    std::atomic<size_t> max_pending{1'000'000};
    std::atomic<int64_t> call_timeout_ns{0};   // 0: none
    std::atomic<bool> has_executor{false};

    SpinLock mu;  // the fields below
    bool alive = true;
    std::function<TimePoint()> clock;
    std::function<void(std::function<void()>)> executor;
    bool blocking = false;
    IdIndex<CallState> calls;  // pending, by id
    IdIndex<TaskState> tasks;  // unfinished, by id
    TimerMap timers;

    TimePoint now();
    // Counts a call about to start against max_pending (before the host function runs, so a
    // call over the limit never starts host I/O). Throws ErrorTooManyPendingCalls past it.
    void reserve_slot(const std::string& function);
    // Gives back a reserved slot of a call that never waited (answered at once, or failed).
    void release_slot();
    // A call (its slot reserved) about to wait: makes it findable by id and arms its timer.
    // `call.mu` held. remove_call gives the slot back.
    void add_call(const std::shared_ptr<CallState>& call);
    // The call stopped waiting. `call.mu` held.
    void remove_call(CallState& call);
    void add_task(const std::shared_ptr<TaskState>& task);
    void remove_task(TaskState& task);

    size_t expire(TimePoint now);
    std::optional<TimePoint> next_deadline();
    // The engine is going away: every unfinished task is cancelled.
    void shutdown();

    // Builds and starts a task from a prepared run.
    Task start(api::PreparedRun run, const TaskOptions& options);
    static Completion completion_of(std::shared_ptr<CallState> s) { return Completion(std::move(s)); }
    static Task task_of(std::shared_ptr<TaskState> s) { return Task(std::move(s)); }
};

std::shared_ptr<AsyncHub> make_async_hub(EngineCore* core);

// Registers sleep(seconds): inside a task it waits on a timer of the hub (the host's
// next_deadline / expire drive it, cancel and deadlines apply); elsewhere it blocks, as Rhai's.
void register_sleep(EngineCore& core);

// A fresh id, unique in the process (so ids of two engines never collide).
uint64_t next_async_id();

}  // namespace rhai::detail
