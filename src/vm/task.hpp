// vm::Task — one run of a compiled script that can stop and continue.
//
//   vm::Task task(engine, program, prelude);
//   Status s = task.run();                 // runs until finished, failed or suspended
//   while (s == Status::Suspended) {       // a native called ctx.suspend(token)
//       ... host completes task.pending_token() ...
//       task.resume_with_value(v);         // or resume_with_error(err): raised at the call site
//       s = task.run();
//   }
//
// run(op_budget) with a non-zero budget returns Yielded after about that many operations
// (loop iterations and calls), for time slicing; calling run() again continues. A task never
// runs on two threads at once; it may move between threads between runs. Cancelling is
// destroying the Task: every frame and value it holds is released.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "compiler/bytecode.hpp"
#include "rhai/error.hpp"
#include "runtime/engine_core.hpp"

namespace rhai::vm {

enum class Status : uint8_t {
    Ready,      // created, not run yet
    Finished,   // result() holds the script's value
    Suspended,  // waiting for resume_with_value / resume_with_error (pending_token())
    Yielded,    // the op budget ran out; run() continues
    Failed,     // error() holds the uncaught error
};

class Machine;

class Task {
public:
    // Runs `program`'s main chunk. `prelude` is the compiled prelude (higher-order built-ins),
    // may be null. The engine must outlive the task.
    Task(EngineCore& engine, std::shared_ptr<const Program> program,
         std::shared_ptr<const Program> prelude = nullptr);
    // Calls a function value (a FnPtr: closure or named function of `program`) with args.
    Task(EngineCore& engine, std::shared_ptr<const Program> program,
         std::shared_ptr<const Program> prelude, const Dynamic& fn_ptr, std::vector<Dynamic> args);
    ~Task();
    Task(Task&&) noexcept;
    Task& operator=(Task&&) noexcept;

    // Runs until the script finishes, fails, suspends or (op_budget > 0) yields.
    // Calling run() on a Suspended task without resuming it returns Suspended again.
    Status run(uint64_t op_budget = 0);
    Status status() const;

    // The token the suspending native passed to ctx.suspend() (valid while Suspended).
    uint64_t pending_token() const;
    // Completes the pending call: its result is `v` / the call raises `e` (catchable).
    // Ignored unless the task is Suspended. Call run() afterwards to continue.
    void resume_with_value(Dynamic v);
    void resume_with_error(EvalError e);

    const Dynamic& result() const;   // valid when Finished
    const EvalError& error() const;  // valid when Failed
    uint64_t operations() const;     // operations counted so far

    // What natives see as NativeCallContext::task() (default: null) and
    // NativeCallContext::host_binding() (default: null) — the async API points them at its
    // own task state and at the Scope binding of the run, so they travel with the task
    // across threads and suspensions.
    void set_host(void* task_handle, void* binding);
    // When the main chunk finishes, call `fn_ptr` with `args` on the same machine (its
    // top-level constants stay visible) and make that call's value the result (call_fn).
    void then_call(Dynamic fn_ptr, std::vector<Dynamic> args);

    // Module evaluation: when the main chunk ends, keep its top-level constants and the
    // modules it imported at top level (Rhai turns those into sub-modules), by alias.
    void capture_module_state();
    std::shared_ptr<const ScriptGlobals> module_constants() const;
    const std::vector<std::pair<std::string, std::shared_ptr<const Module>>>& module_imports() const;

private:
    std::unique_ptr<Machine> m_;
};

// Runs a program to completion on the calling thread and returns its value; throws the
// uncaught EvalError. A native that suspends makes it fail with an error naming eval_async
// (synchronous evaluation cannot wait for the host).
Dynamic run_sync(EngineCore& engine, std::shared_ptr<const Program> program,
                 std::shared_ptr<const Program> prelude = nullptr);

}  // namespace rhai::vm
