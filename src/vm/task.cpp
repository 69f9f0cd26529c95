// Task: running, limits, error unwinding, suspension and resumption.
#include "vm/task.hpp"

#include "runtime/size_limits.hpp"
#include "vm/machine.hpp"

namespace rhai::vm {

namespace {

// Rhai's system exceptions (is_system_exception) that this engine raises.
bool rhai_system_error(ErrorKind k) {
    switch (k) {
        case ErrorKind::ErrorParsing:
        case ErrorKind::ErrorStackOverflow:
        case ErrorKind::ErrorTooManyOperations:
        case ErrorKind::ErrorTooManyModules:
        case ErrorKind::ErrorDataTooLarge:
        case ErrorKind::ErrorTerminated:
            return true;
        default:
            return false;
    }
}

// Errors `catch` cannot intercept (Rhai's EvalAltResult::is_catchable): Rhai's system errors
// (a raw ErrorParsing comes only from Fn("if"); eval wraps its own) and the host's stops.
bool catchable(ErrorKind k) {
    if (rhai_system_error(k)) return false;
    return k != ErrorKind::ErrorSystem && k != ErrorKind::ErrorCancelled && k != ErrorKind::ErrorMemoryLimit;
}

}  // namespace

Machine::Machine(EngineCore& engine, std::shared_ptr<const Program> program,
                 std::shared_ptr<const Program> prelude)
    : engine_(engine), program_(std::move(program)), prelude_(std::move(prelude)) {
    const Limits& l = engine_.limits;
    limit_string_ = string_size_limit(l);
    limit_array_ = array_size_limit(l);
    limit_map_ = map_size_limit(l);
    limit_blob_ = blob_size_limit(l);
    data_limits_ = has_data_size_limit(l);
    max_memory_ = l.max_memory;
    if (l.max_call_levels) call_limit_ = l.max_call_levels;
    if (l.max_variables && l.max_variables < UINT32_MAX) max_variables_ = uint32_t(l.max_variables);
}

Machine::~Machine() {
    // Every value goes before `cells` is destroyed, which then frees the cycles among the cells
    // the run made (members are destroyed in reverse order, and `cells` is not the first).
    frames_.clear();
    stack_.clear();
    globals_.clear();
    result = Dynamic();
    error.reset();
    pending_error_.reset();
    follow_up.reset();
}

void Machine::start_main() { push_frame(program_->main.get(), 0, 0, {}); }

void Machine::start_call(const Dynamic& fn_ptr, std::vector<Dynamic> args) {
    ensure_stack(args.size() + 8);
    // Slot 0 receives the result; the arguments follow.
    for (size_t i = 0; i < args.size(); ++i) stack_[1 + i] = std::move(args[i]);
    saved_sp_ = uint32_t(1 + args.size());
    // A bootstrap frame-less call: call_value pushes the callee frame (or runs a native).
    call_value(fn_ptr, 1, uint32_t(args.size()), 0, nullptr, -1, 0, {});
    if (frames_.empty()) {  // a native answered at once
        if (status == Status::Suspended) return;
        result = std::move(stack_[0]);
        status = Status::Finished;
    }
}

void Machine::rearm_checks() {
    uint64_t next = budget_end_;
    if (engine_.limits.max_operations) next = std::min(next, engine_.limits.max_operations + 1);
    if (engine_.on_progress) next = std::min(next, operations + 1);
    next_check_ = next;
}

bool Machine::operation_tick(Position at) {
    if (engine_.limits.max_operations && operations > engine_.limits.max_operations)
        throw EvalError(ErrorKind::ErrorTooManyOperations, "Too many operations", at);
    if (engine_.on_progress) {
        Dynamic t = engine_.on_progress(operations);
        if (!t.is_unit()) {
            EvalError e(ErrorKind::ErrorTerminated, "Script terminated", at);
            e.fields()["token"] = std::move(t);
            throw e;
        }
    }
    bool yield = operations >= budget_end_;
    rearm_checks();
    return yield;
}

// Unwinds to the innermost handler able to catch `e`; false when the error escapes the task.
bool Machine::handle_error(EvalError e) {
    if (frames_.empty()) {
        error = std::make_unique<EvalError>(std::move(e));
        return false;
    }
    {
        Frame& f = frames_.back();
        if (e.position().is_none() && f.pc > f.fn->code.data())
            e.set_position(f.fn->positions[size_t(f.pc - f.fn->code.data()) - 1]);
        // Raised by prelude code itself (a higher-order built-in written in Rhai): prelude line
        // numbers mean nothing to the user, who sees the position of their call to the
        // built-in, as with a native. Errors from the user's callbacks keep their own position.
        if (prelude_ && f.fn->program == prelude_.get()) {
            size_t i = frames_.size() - 1;
            while (i > 0 && frames_[i - 1].fn->program == prelude_.get()) --i;
            e.set_position(frames_[i].call_pos);
        }
    }
    bool can_catch = catchable(e.kind());
    uint32_t top = std::min<uint32_t>(saved_sp_ + 1, uint32_t(stack_.size()));
    for (;;) {
        while (!handlers_.empty() && handlers_.back().frame_depth == frames_.size() && handlers_.back().rethrow) {
            if (e.kind() == ErrorKind::ErrorRuntime && e.thrown().is_unit()) {
                Position at = e.position();
                e = *handlers_.back().rethrow;
                // The prelude's rethrows are invisible: the error keeps its own position.
                if (!(prelude_ && frames_.back().fn->program == prelude_.get())) e.set_position(at);
            }
            handlers_.pop_back();
        }
        if (can_catch && !handlers_.empty() && handlers_.back().frame_depth == frames_.size()) {
            Handler h = handlers_.back();
            handlers_.pop_back();
            last_caught_ = std::make_shared<EvalError>(e);
            for (uint32_t i = h.sp; i < top; ++i) stack_[i] = Dynamic();
            stack_[h.sp] = catch_value(e);
            saved_sp_ = h.sp + 1;
            frames_.back().pc = h.catch_pc;
            return true;
        }
        Frame& f = frames_.back();
        if (frames_.size() == 1) {
            // The bottom frame (main chunk or the called function): the error escapes.
            pop_frame_cleanup(top);
            error = std::make_unique<EvalError>(std::move(e));
            return false;
        }
        try {
            write_back(f);
        } catch (const EvalError&) {
            // The receiver's place is gone (e.g. the array shrank): nothing to copy back into.
        }
        // A prelude built-in rejecting its callback argument raises the "Function not found"
        // of its own signature, which Rhai reports unwrapped (no native matched the call).
        const bool own_not_found = prelude_ && f.fn->program == prelude_.get() &&
                                   e.kind() == ErrorKind::ErrorFunctionNotFound &&
                                   e.message().starts_with("Function not found: " + f.fn->name + " (");
        // A system error (limits, termination) leaves a function unwrapped and is reported at
        // the call that entered it, level by level: in the end at the outermost call (Rhai's
        // call_script_fn: set_position(pos) for system exceptions).
        // eval is the exception: Rhai wraps whatever leaves the evaluated code in
        // ErrorInFunctionCall("eval"), limit errors too, which makes them catchable (a limit
        // that stays exceeded trips again at the next loop or call outside the eval). The
        // host's own stops (cancellation, memory, timeouts) stay uncatchable.
        const bool eval_wraps = f.is_eval && !can_catch && rhai_system_error(e.kind());
        if (eval_wraps) can_catch = true;
        else if (!can_catch && !f.call_pos.is_none()) e.set_position(f.call_pos);
        if (f.wraps_errors && can_catch && !own_not_found) {
            std::string name = f.is_eval ? "eval" : f.fn->name;
            // Calls made by the prelude (callbacks) report no position, as Rhai's natives do.
            bool called_by_prelude = prelude_ && frames_[frames_.size() - 2].fn->program == prelude_.get();
            bool in_prelude = prelude_ && f.fn->program == prelude_.get();
            e = EvalError::in_function_call(std::move(name), in_prelude ? "" : f.fn->program->source,
                                            std::make_shared<EvalError>(std::move(e)),
                                            called_by_prelude ? Position{} : f.call_pos);
        }
        uint32_t ret = f.ret_slot;
        pop_frame_cleanup(top);
        top = ret + 1;
        if (frames_.empty()) {
            error = std::make_unique<EvalError>(std::move(e));
            return false;
        }
        saved_sp_ = ret;
    }
}

Status Machine::run(uint64_t op_budget) {
    if (status == Status::Finished || status == Status::Failed || status == Status::Suspended) return status;
    status = Status::Ready;
    budget_end_ = op_budget ? operations + op_budget : UINT64_MAX;
    rearm_checks();
    if (pending_error_) {
        EvalError e = std::move(*pending_error_);
        pending_error_.reset();
        if (!handle_error(std::move(e))) return status = Status::Failed;
    }
    for (;;) {
        try {
            Status s = execute();
            status = s;
            if (s == Status::Finished && follow_up) {
                // call_fn after the top-level statements: same machine, same globals.
                auto [fn_ptr, args] = std::move(*follow_up);
                follow_up.reset();
                frames_.clear();
                handlers_.clear();
                status = Status::Ready;
                start_call(fn_ptr, std::move(args));
                if (status == Status::Finished || status == Status::Suspended) return status;
                continue;
            }
            if (s == Status::Finished) {
                frames_.clear();
                handlers_.clear();
            }
            return s;
        } catch (EvalError& e) {
            status = Status::Ready;
            if (!handle_error(std::move(e))) return status = Status::Failed;
        } catch (const std::bad_alloc&) {
            status = Status::Ready;
            if (!handle_error(EvalError(ErrorKind::ErrorSystem, "Out of memory")))
                return status = Status::Failed;
        } catch (const std::exception& ex) {
            status = Status::Ready;
            if (!handle_error(EvalError(ErrorKind::ErrorSystem, ex.what()))) return status = Status::Failed;
        }
    }
}

void Machine::resume_value(Dynamic v) {
    if (status != Status::Suspended) return;
    stack_[suspend_slot_] = std::move(v);
    status = Status::Ready;
}

void Machine::resume_error(EvalError e) {
    if (status != Status::Suspended) return;
    pending_error_ = std::make_unique<EvalError>(std::move(e));
    status = Status::Ready;
}

// ---- Task ------------------------------------------------------------------------------

Task::Task(EngineCore& engine, std::shared_ptr<const Program> program, std::shared_ptr<const Program> prelude)
    : m_(std::make_unique<Machine>(engine, std::move(program), std::move(prelude))) {
    m_->start_main();
}

Task::Task(EngineCore& engine, std::shared_ptr<const Program> program, std::shared_ptr<const Program> prelude,
           const Dynamic& fn_ptr, std::vector<Dynamic> args)
    : m_(std::make_unique<Machine>(engine, std::move(program), std::move(prelude))) {
    try {
        m_->start_call(fn_ptr, std::move(args));
    } catch (EvalError& e) {
        m_->error = std::make_unique<EvalError>(std::move(e));
        m_->status = Status::Failed;
    }
}

Task::~Task() = default;
Task::Task(Task&& o) noexcept = default;
Task& Task::operator=(Task&& o) noexcept = default;

Status Task::run(uint64_t op_budget) { return m_->run(op_budget); }
Status Task::status() const { return m_->status; }
uint64_t Task::pending_token() const { return m_->token; }
void Task::resume_with_value(Dynamic v) { m_->resume_value(std::move(v)); }
void Task::resume_with_error(EvalError e) { m_->resume_error(std::move(e)); }
const Dynamic& Task::result() const { return m_->result; }
const EvalError& Task::error() const { return *m_->error; }
uint64_t Task::operations() const { return m_->operations; }
void Task::set_host(void* task_handle, void* binding) {
    m_->task_handle = task_handle;
    m_->host_binding = binding;
}
void Task::capture_module_state() { m_->capture_module = true; }
std::shared_ptr<const ScriptGlobals> Task::module_constants() const { return m_->captured_constants; }
const std::vector<std::pair<std::string, std::shared_ptr<const Module>>>& Task::module_imports() const {
    return m_->captured_imports;
}

void Task::then_call(Dynamic fn_ptr, std::vector<Dynamic> args) {
    m_->follow_up = std::make_unique<std::pair<Dynamic, std::vector<Dynamic>>>(std::move(fn_ptr), std::move(args));
}

Dynamic run_sync(EngineCore& engine, std::shared_ptr<const Program> program,
                 std::shared_ptr<const Program> prelude) {
    Task task(engine, std::move(program), std::move(prelude));
    switch (task.run()) {
        case Status::Finished:
            return task.result();
        case Status::Failed:
            throw task.error();
        default:
            throw EvalError(ErrorKind::ErrorSystem,
                            "A host function is asynchronous (it suspended the script): use eval_async");
    }
}

}  // namespace rhai::vm
