// sleep(seconds), Rhai's blocking pause, made to fit event-loop hosts: inside a task the
// script waits on a timer of the engine's hub, like a host call that the clock answers, so
// the host's thread is never blocked (its next_deadline / expire loop wakes the script) and
// cancel and task deadlines apply to a sleeping script. Where the VM cannot park (synchronous
// eval, operators, getters), it blocks the thread as Rhai's does.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "api/async_state.hpp"

namespace rhai::detail {

namespace {

// Beyond this a sleep means "forever"; the clamp keeps the time-point arithmetic finite.
constexpr double kLongestSleepSeconds = 100.0 * 365 * 24 * 3600;

Dynamic sleep_for(NativeCallContext& ctx, double seconds) {
    auto d = std::chrono::duration_cast<AsyncClock::duration>(
        std::chrono::duration<double>(std::min(seconds, kLongestSleepSeconds)));
    auto* task_raw = static_cast<TaskState*>(ctx.task());
    if (!task_raw || !ctx.can_suspend()) {
        std::this_thread::sleep_for(d);
        return Dynamic();
    }
    std::shared_ptr<TaskState> task = task_raw->shared_from_this();
    std::shared_ptr<AsyncHub> hub = task->hub;
    hub->reserve_slot("sleep");  // a sleeping script counts as a pending call
    auto call = std::make_shared<CallState>();
    call->id = next_async_id();
    call->function = "sleep";
    call->hub = hub;
    call->task = task;
    call->wakes_at_deadline = true;
    std::unique_lock lock(call->mu);
    call->phase = CallPhase::Pending;
    call->deadline = hub->now() + d;
    hub->add_call(call);
    {
        std::lock_guard tl(task->mu);
        task->waiting = call;
        task->waiting_id = call->id;
        task->sleep_call = call;
    }
    lock.unlock();
    ctx.suspend(call->id);
    return Dynamic();
}

}  // namespace

void register_sleep(EngineCore& core) {
    // sleep(INT): nothing for zero or less. sleep(FLOAT): nothing unless a normal positive
    // number (0.0, subnormals, NaN and infinities return at once), as Rhai's lang_core.
    core.functions.add("sleep", {ParamType::of(Tag::Int)}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        INT s = a[0]->as_int();
        return s > 0 ? sleep_for(ctx, double(s)) : Dynamic();
    });
    core.functions.add("sleep", {ParamType::of(Tag::Float)}, [](NativeCallContext& ctx, Dynamic** a) -> Dynamic {
        FLOAT s = a[0]->as_float();
        return std::isnormal(s) && s > 0 ? sleep_for(ctx, s) : Dynamic();
    });
}

}  // namespace rhai::detail
