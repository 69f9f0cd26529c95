// Running async tasks and completing their calls: TaskState, CallState, and the public
// rhai::Task / rhai::Completion handles over them.
#include <stdexcept>

#include "api/async_state.hpp"

namespace rhai {

namespace detail {

namespace {

// Operations per internal slice while a task has a deadline: between slices the deadline is
// checked, so a script that computes (rather than waits) past it still fails in time.
constexpr uint64_t kDeadlineSlice = 10'000;

void run_callback(const std::function<void(const Task&)>& cb, const std::shared_ptr<TaskState>& t) {
    if (cb) cb(AsyncHub::task_of(t));
}

}  // namespace

// ---- CallState --------------------------------------------------------------------------------

std::function<void(CancelReason)> CallState::abandon_locked(CancelReason why) {
    phase = CallPhase::Abandoned;
    abandoned_because = why;
    hub->remove_call(*this);
    if (waiter) waiter->notify_all();
    return std::move(on_cancel);
}

bool CallState::complete(std::optional<Dynamic> v, std::optional<EvalError> e) {
    std::shared_ptr<TaskState> t;
    {
        std::lock_guard lock(mu);
        switch (phase) {
            case CallPhase::Invoking:
                // Answered before the host function returned: the script goes on without waiting.
                value = std::move(v);
                if (e) error = std::make_unique<EvalError>(std::move(*e));
                phase = CallPhase::AnsweredNow;
                return true;
            case CallPhase::Blocking:
                value = std::move(v);
                if (e) error = std::make_unique<EvalError>(std::move(*e));
                phase = CallPhase::Completed;
                hub->remove_call(*this);
                if (waiter) waiter->notify_all();
                return true;
            case CallPhase::Pending:
                phase = CallPhase::Completed;
                hub->remove_call(*this);
                t = task;
                break;
            default:
                return false;  // already completed, timed out or abandoned
        }
    }
    std::function<void(std::function<void()>)> executor;
    if (hub->has_executor.load(std::memory_order_relaxed)) {
        std::lock_guard lock(hub->mu);
        executor = hub->executor;
    }
    if (executor) {
        executor([t, id = id, v = std::move(v), e = std::move(e)]() mutable {
            t->step(id, std::move(v), std::move(e), 0);
        });
    } else {
        t->step(id, std::move(v), std::move(e), 0);
    }
    return true;
}

// ---- TaskState --------------------------------------------------------------------------------

std::function<void(const Task&)> TaskState::finish_locked(TaskStatus how, Dynamic value,
                                                          std::optional<EvalError> err) {
    std::function<void(const Task&)> cb;
    std::shared_ptr<CallState> sleeping;  // released outside `mu`: its destructor may take the hub's
    {
        std::lock_guard lock(mu);
        sleeping = std::move(sleep_call);
        result = std::move(value);
        error = err ? std::make_unique<EvalError>(std::move(*err)) : nullptr;
        waiting.reset();
        waiting_id = 0;
        cb = std::move(on_complete);
        on_complete = nullptr;
        status.store(how);
    }
    if (run.task) operations.store(run.task->operations());
    run.release();  // frees every frame and value; gives the Scope back
    run.task.reset();
    hub->remove_task(*this);
    return cb;
}

void TaskState::step(uint64_t call_id, std::optional<Dynamic> value, std::optional<EvalError> err,
                     uint64_t budget) {
    std::shared_ptr<TaskState> self = shared_from_this();
    std::unique_lock run_lock(run_mu);
    if (!run.task) return;  // finished meanwhile (cancelled, deadline)
    std::shared_ptr<CallState> woke;  // released outside `mu`: its destructor may take the hub's
    {
        std::lock_guard lock(mu);
        if (call_id != 0) {
            if (waiting_id != call_id) return;  // stale continuation
            waiting.reset();
            waiting_id = 0;
            woke = std::move(sleep_call);
        }
    }
    vm::Task& vt = *run.task;
    if (call_id != 0) {
        if (err) vt.resume_with_error(std::move(*err));
        else vt.resume_with_value(value ? std::move(*value) : Dynamic());
    }
    if (budget == 0) budget = op_budget;
    status.store(TaskStatus::Running);
    runner.store(std::this_thread::get_id());

    uint64_t start_ops = vt.operations();
    vm::Status s;
    bool past_deadline = false;
    for (;;) {
        uint64_t used = vt.operations() - start_ops;
        uint64_t slice = budget ? budget - std::min(used, budget) : 0;
        if (budget && slice == 0) slice = 1;
        if (deadline) slice = slice ? std::min(slice, kDeadlineSlice) : kDeadlineSlice;
        s = vt.run(slice);
        if (s != vm::Status::Yielded) break;
        if (deadline && hub->now() >= *deadline) {
            past_deadline = true;
            break;
        }
        if (budget && vt.operations() - start_ops >= budget) break;
        if (cancel_requested.load()) break;
    }
    operations.store(vt.operations());
    runner.store(std::thread::id());

    std::function<void(const Task&)> done;
    if (cancel_requested.load()) {
        // cancel() from inside this task's own host function: takes effect now.
        std::function<void(CancelReason)> cb;
        if (auto call = waiting.lock()) {
            std::lock_guard lock(call->mu);
            if (call->phase == CallPhase::Pending) cb = call->abandon_locked(CancelReason::TaskCancelled);
        }
        done = finish_locked(TaskStatus::Cancelled, Dynamic(),
                             EvalError(ErrorKind::ErrorCancelled, "Task cancelled"));
        run_lock.unlock();
        if (cb) cb(CancelReason::TaskCancelled);
        run_callback(done, self);
        return;
    }
    if (past_deadline) {
        done = finish_locked(TaskStatus::Failed, Dynamic(),
                             EvalError(ErrorKind::ErrorTimeout, "Task deadline exceeded"));
    } else {
        switch (s) {
            case vm::Status::Finished:
                done = finish_locked(TaskStatus::Done, vt.result(), std::nullopt);
                break;
            case vm::Status::Failed:
                done = finish_locked(TaskStatus::Failed, Dynamic(), vt.error());
                break;
            case vm::Status::Suspended:
                status.store(TaskStatus::Waiting);
                break;
            default:
                status.store(TaskStatus::Yielded);
                break;
        }
    }
    run_lock.unlock();
    run_callback(done, self);
}

bool TaskState::end(TaskStatus how, EvalError why, CancelReason call_reason) {
    std::shared_ptr<TaskState> self = shared_from_this();
    if (runner.load() == std::this_thread::get_id()) {
        // Inside this task's own host function: the VM is on this thread's stack.
        if (how != TaskStatus::Cancelled) return false;
        bool was = cancel_requested.exchange(true);
        return !was;
    }
    std::unique_lock run_lock(run_mu);
    if (!run.task) return false;
    std::function<void(CancelReason)> cb;
    std::shared_ptr<CallState> call;
    {
        std::lock_guard lock(mu);
        call = waiting.lock();
    }
    if (call) {
        std::lock_guard lock(call->mu);
        if (call->phase == CallPhase::Pending) cb = call->abandon_locked(call_reason);
    }
    std::function<void(const Task&)> done = finish_locked(how, Dynamic(), std::move(why));
    run_lock.unlock();
    if (cb) cb(call_reason);
    run_callback(done, self);
    return true;
}

// ---- AsyncHub::start --------------------------------------------------------------------------

Task AsyncHub::start(api::PreparedRun prepared, const TaskOptions& options) {
    auto t = std::make_shared<TaskState>();
    t->id = next_async_id();
    t->hub = shared_from_this();
    t->op_budget = options.op_budget;
    if (options.timeout || options.deadline) {
        TimePoint now_ = now();
        std::optional<TimePoint> d = options.deadline;
        if (options.timeout) {
            TimePoint rel = now_ + std::chrono::duration_cast<AsyncClock::duration>(*options.timeout);
            d = d ? std::min(*d, rel) : rel;
        }
        t->deadline = d;
    }
    t->run = std::move(prepared);
    t->run.task->set_host(t.get(), t->run.binding.get());
    {
        std::lock_guard lock(mu);
        if (!alive) throw EvalError(ErrorKind::ErrorSystem, "eval_async: the engine is being destroyed");
    }
    add_task(t);
    if (t->deadline && now() >= *t->deadline) {
        t->end(TaskStatus::Failed, EvalError(ErrorKind::ErrorTimeout, "Task deadline exceeded"),
               CancelReason::TaskDeadline);
    } else {
        t->step(0, std::nullopt, std::nullopt, 0);
    }
    return task_of(t);
}

}  // namespace detail

// ---- public handles ---------------------------------------------------------------------------

std::string_view task_status_name(TaskStatus s) {
    switch (s) {
        case TaskStatus::Running: return "running";
        case TaskStatus::Waiting: return "waiting";
        case TaskStatus::Yielded: return "yielded";
        case TaskStatus::Done: return "done";
        case TaskStatus::Failed: return "failed";
        case TaskStatus::Cancelled: return "cancelled";
    }
    return "unknown";
}

std::string_view cancel_reason_name(CancelReason r) {
    switch (r) {
        case CancelReason::TaskCancelled: return "task cancelled";
        case CancelReason::Timeout: return "timeout";
        case CancelReason::TaskDeadline: return "task deadline";
        case CancelReason::EngineDestroyed: return "engine destroyed";
    }
    return "unknown";
}

uint64_t Completion::id() const { return state_ ? state_->id : 0; }
std::string_view Completion::function_name() const {
    return state_ ? std::string_view(state_->function) : std::string_view();
}
bool Completion::resolve(Dynamic value) const {
    return state_ && state_->complete(std::move(value), std::nullopt);
}
bool Completion::reject(std::string message) const {
    if (!state_) return false;
    EvalError e(ErrorKind::ErrorRejected, message);
    e.fields()["function"] = Dynamic(state_->function);
    return state_->complete(std::nullopt, std::move(e));
}
bool Completion::reject(EvalError error) const {
    return state_ && state_->complete(std::nullopt, std::move(error));
}
bool Completion::pending() const {
    if (!state_) return false;
    std::lock_guard lock(state_->mu);
    auto p = state_->phase;
    return p == detail::CallPhase::Invoking || p == detail::CallPhase::Pending ||
           p == detail::CallPhase::Blocking;
}
void Completion::on_cancel(std::function<void(CancelReason)> callback) const {
    if (!state_ || !callback) return;
    std::optional<CancelReason> already;
    {
        std::lock_guard lock(state_->mu);
        if (state_->phase == detail::CallPhase::Abandoned) already = state_->abandoned_because;
        else if (state_->phase == detail::CallPhase::Completed ||
                 state_->phase == detail::CallPhase::AnsweredNow)
            return;
        else state_->on_cancel = std::move(callback);
    }
    if (already) callback(*already);
}

uint64_t Task::id() const { return state_ ? state_->id : 0; }
TaskStatus Task::status() const { return state_ ? state_->status.load() : TaskStatus::Cancelled; }
bool Task::finished() const {
    TaskStatus s = status();
    return s == TaskStatus::Done || s == TaskStatus::Failed || s == TaskStatus::Cancelled;
}
TaskStatus Task::resume(uint64_t op_budget) {
    if (!state_) return TaskStatus::Cancelled;
    if (state_->status.load() == TaskStatus::Yielded) state_->step(0, std::nullopt, std::nullopt, op_budget);
    return state_->status.load();
}
bool Task::cancel() {
    return state_ && state_->end(TaskStatus::Cancelled, EvalError(ErrorKind::ErrorCancelled, "Task cancelled"),
                                 CancelReason::TaskCancelled);
}
Dynamic Task::result_dynamic() const {
    if (!state_) throw std::logic_error("rhai::Task::result: empty task handle");
    TaskStatus s = state_->status.load();
    std::lock_guard lock(state_->mu);
    if (s == TaskStatus::Done) return state_->result.flatten();
    if ((s == TaskStatus::Failed || s == TaskStatus::Cancelled) && state_->error) throw *state_->error;
    throw std::logic_error("rhai::Task::result: the task has not finished (status " +
                           std::string(task_status_name(s)) + ")");
}
const EvalError* Task::error() const {
    if (!state_) return nullptr;
    TaskStatus s = state_->status.load();
    if (s != TaskStatus::Failed && s != TaskStatus::Cancelled) return nullptr;
    std::lock_guard lock(state_->mu);
    return state_->error.get();
}
std::vector<PendingCallInfo> Task::pending_calls() const {
    std::vector<PendingCallInfo> out;
    if (!state_) return out;
    std::shared_ptr<detail::CallState> call;
    {
        std::lock_guard lock(state_->mu);
        call = state_->waiting.lock();
    }
    if (call) {
        std::lock_guard lock(call->mu);
        if (call->phase == detail::CallPhase::Pending)
            out.push_back(PendingCallInfo{call->id, call->function, call->deadline});
    }
    return out;
}
void Task::on_complete(std::function<void(const Task&)> callback) {
    if (!state_ || !callback) return;
    {
        std::lock_guard lock(state_->mu);
        TaskStatus s = state_->status.load();
        bool done = s == TaskStatus::Done || s == TaskStatus::Failed || s == TaskStatus::Cancelled;
        if (!done) {
            state_->on_complete = std::move(callback);
            return;
        }
    }
    callback(*this);
}
uint64_t Task::operations() const { return state_ ? state_->operations.load() : 0; }

}  // namespace rhai
