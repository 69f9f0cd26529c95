// The Engine side of the async API: calling an async host function from the VM
// (detail::invoke_async) and the Engine methods that start tasks and configure deadlines.
#include <chrono>

#include "api/async_state.hpp"
#include "api/compiled_script.hpp"
#include "rhai/engine.hpp"

namespace rhai {

namespace detail {

namespace {

// The timeout of one call: the function's own (zero = none), else the engine's default.
std::optional<std::chrono::nanoseconds> call_timeout(const AsyncSite& site, AsyncHub& hub) {
    if (site.options.timeout) {
        if (site.options.timeout->count() <= 0) return std::nullopt;
        return site.options.timeout;
    }
    int64_t ns = hub.call_timeout_ns.load(std::memory_order_relaxed);
    if (ns <= 0) return std::nullopt;
    return std::chrono::nanoseconds(ns);
}

std::shared_ptr<CallState> new_call(const AsyncSite& site, std::shared_ptr<AsyncHub> hub,
                                    std::shared_ptr<TaskState> task) {
    auto call = std::make_shared<CallState>();
    call->id = next_async_id();
    call->function = site.name;
    call->hub = std::move(hub);
    call->task = std::move(task);
    return call;
}

EvalError timeout_error(const std::string& function) {
    EvalError e(ErrorKind::ErrorTimeout, "Timeout: host function '" + function + "' did not complete in time");
    e.fields()["function"] = Dynamic(function);
    return e;
}

// Takes the answer of a call answered before its host function returned.
Dynamic take_answer(CallState& call) {
    if (call.error) throw std::move(*call.error);
    return call.value ? std::move(*call.value) : Dynamic();
}

// Runs the registered callable with the call's Completion. If it throws, the error is the
// script's (at the call site) and later completions of the call are ignored.
void run_host_function(AsyncHub& hub, const std::shared_ptr<CallState>& call, AsyncBody body, void* env) {
    try {
        body(env, AsyncHub::completion_of(call));
    } catch (...) {
        hub.release_slot();
        std::lock_guard lock(call->mu);
        call->phase = CallPhase::Abandoned;
        throw;
    }
}

// A synchronous eval (no task) calling an async function, or a task calling one where it
// cannot be parked (`in_task`: an operator, getter or indexer: NativeCallContext::can_suspend).
Dynamic invoke_blocking(const AsyncSite& site, const std::shared_ptr<AsyncHub>& hub, AsyncBody body,
                        void* env, bool in_task) {
    bool blocking;
    {
        std::lock_guard lock(hub->mu);
        blocking = hub->blocking;
    }
    hub->reserve_slot(site.name);
    std::shared_ptr<CallState> call = new_call(site, hub, nullptr);
    run_host_function(*hub, call, body, env);
    std::unique_lock lock(call->mu);
    if (call->phase == CallPhase::AnsweredNow) {
        hub->release_slot();
        lock.unlock();
        return take_answer(*call);
    }
    if (!blocking) {
        std::function<void(CancelReason)> cb = std::move(call->on_cancel);
        call->phase = CallPhase::Abandoned;
        call->abandoned_because = CancelReason::TaskCancelled;
        hub->release_slot();
        lock.unlock();
        if (cb) cb(CancelReason::TaskCancelled);
        if (in_task)
            throw EvalError(ErrorKind::ErrorSystem,
                            "Host function '" + site.name +
                                "' is asynchronous (it did not answer at once): an operator, property or index "
                                "access cannot wait for the host; call it as a function");
        throw EvalError(ErrorKind::ErrorSystem,
                        "Host function '" + site.name +
                            "' is asynchronous (it did not answer at once): run the script asynchronously "
                            "(Engine::eval_async; in C, rhai_eval_async)");
    }
    std::condition_variable_any cv;
    std::optional<std::chrono::nanoseconds> timeout = call_timeout(site, *hub);
    call->phase = CallPhase::Blocking;
    call->waiter = &cv;
    hub->add_call(call);
    auto answered = [&] { return call->phase != CallPhase::Blocking; };
    if (timeout) {
        // A blocked thread cannot be driven by expire(): the timeout is measured in real time.
        if (!cv.wait_for(lock, *timeout, answered)) {
            std::function<void(CancelReason)> cb = call->abandon_locked(CancelReason::Timeout);
            call->waiter = nullptr;
            lock.unlock();
            if (cb) cb(CancelReason::Timeout);
            throw timeout_error(site.name);
        }
    } else {
        cv.wait(lock, answered);
    }
    call->waiter = nullptr;
    if (call->phase == CallPhase::Abandoned) {
        if (call->abandoned_because == CancelReason::Timeout) throw timeout_error(site.name);
        throw EvalError(ErrorKind::ErrorCancelled, "Host call '" + site.name + "' abandoned: " +
                                                       std::string(cancel_reason_name(*call->abandoned_because)));
    }
    lock.unlock();
    return take_answer(*call);
}

}  // namespace

Dynamic invoke_async(const AsyncSite& site, NativeCallContext& ctx, AsyncBody body, void* env) {
    auto* task_raw = static_cast<TaskState*>(ctx.task());
    if (!task_raw) {
        std::shared_ptr<AsyncHub> hub = site.hub.lock();
        if (!hub) throw EvalError(ErrorKind::ErrorSystem, "Host function '" + site.name + "': its engine is gone");
        return invoke_blocking(site, hub, body, env, false);
    }
    if (!ctx.can_suspend()) return invoke_blocking(site, task_raw->hub, body, env, true);
    std::shared_ptr<TaskState> task = task_raw->shared_from_this();
    std::shared_ptr<AsyncHub> hub = task->hub;
    hub->reserve_slot(site.name);
    std::shared_ptr<CallState> call = new_call(site, hub, task);
    run_host_function(*hub, call, body, env);
    std::optional<std::chrono::nanoseconds> timeout = call_timeout(site, *hub);
    std::optional<TimePoint> deadline;
    if (timeout) deadline = hub->now() + std::chrono::duration_cast<AsyncClock::duration>(*timeout);

    std::unique_lock lock(call->mu);
    if (call->phase == CallPhase::AnsweredNow) {
        hub->release_slot();
        lock.unlock();
        return take_answer(*call);
    }
    // The host keeps the Completion: the script waits here. Everything a later resolve()
    // needs is in place before call->mu is released, so a completion racing in from another
    // thread waits for this run to suspend (TaskState::run_mu) and then finds its call.
    call->phase = CallPhase::Pending;
    call->deadline = deadline;
    hub->add_call(call);
    {
        std::lock_guard tl(task->mu);
        task->waiting = call;
        task->waiting_id = call->id;
    }
    lock.unlock();
    ctx.suspend(call->id);
    return Dynamic();
}

}  // namespace detail

// ---- Engine ----------------------------------------------------------------------------------

std::weak_ptr<detail::AsyncHub> Engine::async_hub_weak() const { return hub_; }

Task Engine::eval_async(std::string_view script, TaskOptions options) const {
    return hub_->start(api::prepare_eval(*core_, script, nullptr), options);
}

Task Engine::eval_async_with_scope(Scope& scope, std::string_view script, TaskOptions options) const {
    return hub_->start(api::prepare_eval(*core_, script, &scope), options);
}

Task Engine::eval_ast_async(const AST& ast, TaskOptions options) const {
    if (ast.is_empty()) return hub_->start(api::prepare_eval(*core_, "", nullptr), options);
    return hub_->start(api::prepare_ast(*core_, *ast.compiled(), nullptr), options);
}

Task Engine::eval_ast_async_with_scope(Scope& scope, const AST& ast, TaskOptions options) const {
    if (ast.is_empty()) return hub_->start(api::prepare_eval(*core_, "", &scope), options);
    return hub_->start(api::prepare_ast(*core_, *ast.compiled(), &scope), options);
}

Task Engine::call_fn_raw_async(Scope& scope, const AST& ast, std::string_view name, std::vector<Dynamic> args,
                               bool eval_ast, bool rewind_scope, TaskOptions options) const {
    if (ast.is_empty()) {
        std::vector<Dynamic*> ptrs;
        for (auto& a : args) ptrs.push_back(&a);
        throw EvalError::function_not_found(call_signature(name, ptrs.data(), ptrs.size()));
    }
    return hub_->start(
        api::prepare_call(*core_, *ast.compiled(), scope, name, std::move(args), eval_ast, rewind_scope), options);
}

Engine& Engine::set_call_timeout(std::optional<std::chrono::nanoseconds> timeout) {
    hub_->call_timeout_ns.store(timeout && timeout->count() > 0 ? int64_t(timeout->count()) : 0);
    return *this;
}

Engine& Engine::set_max_pending_calls(size_t n) {
    hub_->max_pending.store(n);
    return *this;
}

std::optional<std::chrono::nanoseconds> Engine::call_timeout() const {
    int64_t ns = hub_->call_timeout_ns.load();
    return ns > 0 ? std::optional(std::chrono::nanoseconds(ns)) : std::nullopt;
}

size_t Engine::max_pending_calls() const { return hub_->max_pending.load(); }

Engine& Engine::set_clock(std::function<TimePoint()> clock) {
    std::lock_guard lock(hub_->mu);
    hub_->clock = std::move(clock);
    return *this;
}

TimePoint Engine::now() const { return hub_->now(); }
std::optional<TimePoint> Engine::next_deadline() const { return hub_->next_deadline(); }
size_t Engine::expire(TimePoint now) const { return hub_->expire(now); }

Engine& Engine::set_executor(std::function<void(std::function<void()>)> executor) {
    std::lock_guard lock(hub_->mu);
    hub_->has_executor.store(executor != nullptr);
    hub_->executor = std::move(executor);
    return *this;
}

Engine& Engine::set_blocking_async(bool on) {
    std::lock_guard lock(hub_->mu);
    hub_->blocking = on;
    return *this;
}

size_t Engine::pending_call_count() const { return hub_->pending.load(); }

std::optional<Completion> Engine::find_call(uint64_t id) const {
    std::lock_guard lock(hub_->mu);
    detail::CallState* found = hub_->calls.find(id);
    // A call being destroyed waits for this lock to leave the index: it is alive here, but
    // may have no owner left (then it is not pending any more).
    std::shared_ptr<detail::CallState> call = found ? found->weak_from_this().lock() : nullptr;
    if (!call) return std::nullopt;
    return detail::AsyncHub::completion_of(std::move(call));
}

}  // namespace rhai
