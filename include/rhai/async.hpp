// Async host functions and tasks: scripts that wait for the host without a thread.
//
//   engine.register_async_fn("fetch_user", [&loop](rhai::Completion done, std::string id) {
//       loop.http_get("/users/" + id, [done](Response r) {        // the host's own async I/O
//           if (r.ok) done.resolve(parse(r.body));                  // the script continues here,
//           else done.reject("HTTP " + std::to_string(r.status));  // inside resolve / reject
//       });
//   });
//   rhai::Task task = engine.eval_async(R"(let u = fetch_user("123"); u.name)");
//   // task.status() == TaskStatus::Waiting until the host resolves the call; then Done.
//   task.on_complete([](const rhai::Task& t) { std::cout << t.result<std::string>(); });
//
// THE MODEL (docs/async.md has the whole story).
// * A Task runs on the thread that calls in (eval_async, resume, resolve, reject, expire,
//   cancel) until the script finishes, fails, waits for a host call, or uses up its operation
//   budget. No thread is ever started; no callback ever arrives on a thread the host did not
//   call in on. A task never runs on two threads at once (each task serializes its runs).
// * An async host function receives a Completion (plus its typed arguments, deduced as for
//   register_fn) and returns. It may resolve / reject it before returning (the script goes on
//   without waiting: "answer now") or keep it and complete it later, from any thread ("pending").
// * Resolving a pending call continues the script inside resolve(), on the resolving thread —
//   unless the engine has an executor (Engine::set_executor), which then receives the
//   continuation to run on the host's own loop.
// * Deadlines are driven by the host: Engine::next_deadline() says when the next one is due,
//   Engine::expire(now) applies those that have passed. The clock is injectable.
//
// LIFETIMES. Task and Completion are handles to shared state: copies refer to the same task /
// call. A waiting task is kept alive by the Completion of the call it waits on, so a host may
// drop its Task handle and rely on on_complete. Destroying the Engine cancels every task it
// still has (their Completions then return false). A Scope given to eval_async_with_scope or
// call_fn_async must outlive the task's run (until it is done, failed or cancelled).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "rhai/dynamic.hpp"
#include "rhai/error.hpp"

namespace rhai {

using AsyncClock = std::chrono::steady_clock;
using TimePoint = AsyncClock::time_point;

enum class TaskStatus : uint8_t {
    Running,    // executing on some thread right now
    Waiting,    // suspended at a pending host call (pending_calls() names it)
    Yielded,    // its operation budget ran out: resume() continues it
    Done,       // result() holds the script's value
    Failed,     // error() holds the uncaught error (deadline expiry included)
    Cancelled,  // cancel() (or the engine's destruction) ended it; error() says which
};
std::string_view task_status_name(TaskStatus s);  // "running", "waiting", ...

// Why a host call was abandoned (Completion::on_cancel).
enum class CancelReason : uint8_t {
    TaskCancelled,    // Task::cancel()
    Timeout,          // the call's own timeout expired (the script got a catchable error)
    TaskDeadline,     // the task's deadline expired (the task failed)
    EngineDestroyed,  // the engine went away
};
std::string_view cancel_reason_name(CancelReason r);

namespace detail {
struct CallState;
struct TaskState;
struct AsyncHub;
}  // namespace detail

// The host's handle on one call of an async host function. Copyable; every copy refers to the
// same call. Every method is thread-safe and may be called after the engine or the task is gone.
class Completion {
public:
    Completion() = default;

    // Engine-scoped call id (unique in the process, so ids of two engines never collide).
    uint64_t id() const;
    std::string_view function_name() const;

    // Completes the call with a value / an error raised at the call site (catchable there:
    // reject(message) raises ErrorRejected, whose `e.message` is `message`; reject(EvalError)
    // raises that error as is, e.g. EvalError::runtime(value) makes `catch (e)` bind `value`).
    // True when this completed the call; false (and nothing changes) when it was already
    // completed, timed out, abandoned, or its task/engine is gone.
    bool resolve(Dynamic value) const;
    template <class T, class = std::enable_if_t<!std::is_same_v<std::decay_t<T>, Dynamic>>>
    bool resolve(T&& value) const {
        return resolve(Dynamic::from(std::forward<T>(value)));
    }
    bool reject(std::string message) const;
    bool reject(EvalError error) const;

    // Not yet completed, expired or abandoned.
    bool pending() const;
    // Called once if the call is abandoned before being completed (task cancelled, timeout,
    // deadline, engine destroyed), on the thread that abandoned it: cancel the host's I/O here.
    // Setting it after the call was abandoned calls it at once.
    void on_cancel(std::function<void(CancelReason)> callback) const;

    explicit operator bool() const { return state_ != nullptr; }

private:
    friend struct detail::AsyncHub;
    explicit Completion(std::shared_ptr<detail::CallState> s) : state_(std::move(s)) {}
    std::shared_ptr<detail::CallState> state_;
};

// Per-function options of register_async_fn.
struct AsyncFnOptions {
    // Overrides the engine's default call timeout (Engine::set_call_timeout) for this function.
    // A zero duration means "no timeout" for this function.
    std::optional<std::chrono::nanoseconds> timeout;
};

// Options of one task.
struct TaskOptions {
    // Operations per slice: 0 runs until the script finishes or waits; N > 0 yields (status
    // Yielded) after about N operations, every time it runs — resume() continues it.
    uint64_t op_budget = 0;
    // Wall-clock deadline on the engine's clock, relative to the start (timeout) or absolute
    // (deadline; the earlier wins if both are set). Past it the task fails with ErrorTimeout.
    std::optional<std::chrono::nanoseconds> timeout;
    std::optional<TimePoint> deadline;
};

// A pending call a task waits on.
struct PendingCallInfo {
    uint64_t id = 0;
    std::string function;
    std::optional<TimePoint> deadline;  // when its timeout expires, if it has one
};

// A handle on one asynchronous evaluation. Copyable (copies refer to the same task).
class Task {
public:
    Task() = default;

    uint64_t id() const;
    TaskStatus status() const;
    // Done, Failed or Cancelled.
    bool finished() const;

    // Continues a Yielded task for another slice (op_budget 0: the task's own budget) and
    // returns the new status. Any other status is returned unchanged.
    TaskStatus resume(uint64_t op_budget = 0);
    // Ends the task: status Cancelled, every frame and value it holds is freed now, and the
    // call it waits on (if any) is abandoned (its on_cancel runs). False if already finished.
    // Called from inside the task's own host function, it takes effect when that returns.
    bool cancel();

    // The script's value (Done). Throws the error for Failed / Cancelled, std::logic_error
    // while the task has not finished. result<T>() converts as Engine::eval<T> does.
    template <class T = Dynamic>
    T result() const {
        Dynamic v = result_dynamic();
        if constexpr (std::is_same_v<T, Dynamic>) return v;
        else if constexpr (std::is_void_v<T>) return;
        else return v.cast<T>();
    }
    // The error of a Failed or Cancelled task; null otherwise.
    const EvalError* error() const;

    // The calls the task waits on right now (at most one: a script waits for one call at once).
    std::vector<PendingCallInfo> pending_calls() const;
    // Called once when the task finishes (Done / Failed / Cancelled), on the thread that
    // finished it, with no engine lock held. Set after it finished, it is called at once.
    void on_complete(std::function<void(const Task&)> callback);

    uint64_t operations() const;

    explicit operator bool() const { return state_ != nullptr; }
    bool operator==(const Task& o) const { return state_ == o.state_; }

private:
    friend struct detail::AsyncHub;
    friend struct detail::TaskState;
    explicit Task(std::shared_ptr<detail::TaskState> s) : state_(std::move(s)) {}
    Dynamic result_dynamic() const;
    std::shared_ptr<detail::TaskState> state_;
};

}  // namespace rhai
