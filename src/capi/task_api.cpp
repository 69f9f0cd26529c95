// Asynchronous evaluation through the C ABI: rhai_eval_async / rhai_eval_ast_async start a
// rhai::Task; the rhai_task handle queries, resumes and cancels it; the completion callback
// reports the end with the value or the error as JSON.
#include "capi/handles.hpp"

using namespace rhai;
using namespace rhai::capi;

namespace {

int32_t status_code(TaskStatus s) {
    switch (s) {
        case TaskStatus::Running: return RHAI_TASK_RUNNING;
        case TaskStatus::Waiting: return RHAI_TASK_WAITING;
        case TaskStatus::Yielded: return RHAI_TASK_YIELDED;
        case TaskStatus::Done: return RHAI_TASK_DONE;
        case TaskStatus::Failed: return RHAI_TASK_FAILED;
        case TaskStatus::Cancelled: return RHAI_TASK_CANCELLED;
    }
    return RHAI_TASK_FAILED;
}

TaskOptions task_options(const rhai_task_options* o) {
    TaskOptions t;
    if (!o) return t;
    t.op_budget = o->op_budget;
    if (o->timeout_ns > 0) t.timeout = std::chrono::nanoseconds(o->timeout_ns);
    if (o->deadline_ns > 0)
        t.deadline = TimePoint(std::chrono::duration_cast<AsyncClock::duration>(std::chrono::nanoseconds(o->deadline_ns)));
    return t;
}

// The JSON a finished task reports: its value (Done) or its error.
std::string outcome_json(const Task& t, ValueTable* table) {
    if (t.status() == TaskStatus::Done) {
        try {
            return to_json(t.result(), table);
        } catch (const JsonError& e) {
            return error_json("runtime", "ErrorMismatchOutputType", e.what());
        }
    }
    if (const EvalError* e = t.error()) return error_json(*e, table);
    return error_json("internal", "Internal", "task ended without an error");
}

// Starts the task, wires the completion callback and hands out the handle. `start` may
// throw ParseError: then nothing was started.
template <class Start>
rhai_status start_task(rhai_engine* engine, rhai_scope* scope, rhai_task_callback on_done, uint64_t callback_id,
                       rhai_task** out, Start&& start) {
    if (out) *out = nullptr;
    return guarded([&] {
        checked(engine);
        require(out, "out");
        rhai_scope* sc = checked_optional(scope);
        auto handle = std::make_unique<rhai_task>();
        handle->values = engine->values;
        std::shared_ptr<Scope> keep_scope = sc ? sc->scope : nullptr;
        Task task = start(keep_scope.get());
        // The callback keeps the scope alive until the task ends (the host may free its
        // rhai_scope earlier), and the value table for the JSON it reports.
        task.on_complete([on_done, callback_id, keep_scope, values = engine->values](const Task& t) {
            if (!on_done) return;
            std::string json = outcome_json(t, values.get());
            on_done(callback_id, status_code(t.status()), json.c_str());
        });
        handle->task = std::move(task);
        register_handle(handle.get(), HandleKind::Task);
        *out = handle.release();
        return RHAI_OK;
    }, engine && is_live_handle(engine, HandleKind::Engine) ? engine->values.get() : nullptr);
}

}  // namespace

extern "C" {

rhai_status rhai_eval_async(rhai_engine* engine, rhai_scope* scope, const char* script,
                            const rhai_task_options* options, rhai_task_callback on_done, uint64_t callback_id,
                            rhai_task** out) {
    return start_task(engine, scope, on_done, callback_id, out, [&](Scope* sc) {
        std::string_view s = text(script, "script");
        TaskOptions o = task_options(options);
        return sc ? engine->engine.eval_async_with_scope(*sc, s, o) : engine->engine.eval_async(s, o);
    });
}

rhai_status rhai_eval_ast_async(rhai_engine* engine, rhai_scope* scope, const rhai_ast* ast,
                                const rhai_task_options* options, rhai_task_callback on_done, uint64_t callback_id,
                                rhai_task** out) {
    return start_task(engine, scope, on_done, callback_id, out, [&](Scope* sc) {
        const rhai_ast* a = checked(ast);
        TaskOptions o = task_options(options);
        return sc ? engine->engine.eval_ast_async_with_scope(*sc, a->ast, o) : engine->engine.eval_ast_async(a->ast, o);
    });
}

rhai_status rhai_task_free(rhai_task* task) {
    if (!task) return RHAI_OK;
    return guarded([&] {
        checked(task);
        unregister_handle(task);
        delete task;  // the task itself lives on while its pending call can complete it
        return RHAI_OK;
    });
}

int32_t rhai_task_status(rhai_task* task) {
    int32_t code = RHAI_ERR_INTERNAL;
    rhai_status s = guarded([&] {
        code = status_code(checked(task)->task.status());
        return RHAI_OK;
    });
    return s == RHAI_OK ? code : s;
}

rhai_status rhai_task_id(rhai_task* task, uint64_t* out) {
    return guarded([&] {
        checked(task);
        require(out, "out");
        *out = task->task.id();
        return RHAI_OK;
    });
}

rhai_status rhai_task_result(rhai_task* task, char** result_json) {
    if (result_json) *result_json = nullptr;
    ValueTable* table = task && is_live_handle(task, HandleKind::Task) ? task->values.get() : nullptr;
    return guarded([&] {
        checked(task);
        require(result_json, "result_json");
        if (!task->task.finished())
            throw ApiError(RHAI_ERR_STATE, std::string("the task has not finished (it is ") +
                                               std::string(task_status_name(task->task.status())) + ")");
        Dynamic v = task->task.result();  // throws the error of a failed / cancelled task
        *result_json = dup_string(to_json(v, task->values.get()));
        return RHAI_OK;
    }, table);
}

int32_t rhai_task_resume(rhai_task* task, uint64_t op_budget) {
    int32_t code = RHAI_ERR_INTERNAL;
    rhai_status s = guarded([&] {
        code = status_code(checked(task)->task.resume(op_budget));
        return RHAI_OK;
    });
    return s == RHAI_OK ? code : s;
}

rhai_status rhai_task_cancel(rhai_task* task) {
    return guarded([&] {
        if (!checked(task)->task.cancel()) throw ApiError(RHAI_ERR_STATE, "the task had already finished");
        return RHAI_OK;
    });
}

}  // extern "C"
