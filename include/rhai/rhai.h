/* rhai.h — the C ABI of rhai-cpp, for FFI hosts (Dart dart:ffi, Python ctypes, Node, C).
 *
 * C99-clean. docs/c-abi.md is the full guide; the essentials:
 *
 * VALUES cross as UTF-8 JSON text (the "envelope protocol"): INT <-> integer, FLOAT <-> number
 * with a fraction or exponent, bool, string, () <-> null, array <-> list, object map <-> object.
 * Everything else uses a one-key tagged object (docs/c-abi.md, "Tagged forms"):
 *   {"$float":"nan"|"inf"|"-inf"}  {"$char":"x"}  {"$blob":"<base64>"}  {"$timestamp":<ns>}
 *   {"$fn":"name","curried":[...]} {"$range":[a,b]} {"$range_inclusive":[a,b]}
 *   {"$map":{...}} (a Rhai map whose own keys would look like a tag)
 *   {"$handle":N,"type":"...","display":"..."} (closures, host types: kept by the engine)
 *
 * HOST FUNCTIONS receive their arguments as a JSON array and answer with an envelope:
 *   {"status":"success","value":<json>}
 *   {"status":"pending","future_id":<id>}   the script waits; rhai_complete_future resumes it
 *   {"status":"error","error":"message"}    a catchable runtime error at the call site
 *
 * OWNERSHIP. Every `char*` the library hands out is allocated by the library and freed by the
 * host with rhai_free_string. Every `const char*` the library receives is borrowed for the
 * duration of the call only. Handles (rhai_engine, rhai_ast, rhai_scope, rhai_task) are freed
 * with their own *_free function; passing a freed or foreign handle is detected and refused
 * (RHAI_ERR_BAD_HANDLE).
 *
 * ERRORS. Functions return a rhai_status (0 = RHAI_OK, negative = error) or a handle (NULL =
 * error). After a failure, rhai_get_last_error() gives this thread's last error as JSON:
 *   {"kind":"parse"|"runtime"|"timeout"|"cancelled"|"input"|"internal","error":"ErrorXxx",
 *    "message":"...","line":L,"column":C,"call_stack":[{"function":"f","line":L,"column":C}]}
 * Every call that returns a status clears it first. No C++ exception ever crosses this ABI.
 *
 * THREADING. Callbacks into the host (host functions, listeners, cancel notifications, task
 * completion) run synchronously on the thread that called into the library, inside that call.
 * rhai_complete_future may be called from any thread: it is serialized per task, and the
 * script continues on the completing thread (complete from the host's own thread when its
 * callbacks must stay there, e.g. Dart's NativeCallable.isolateLocal).
 */
#ifndef RHAI_H
#define RHAI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rhai_engine rhai_engine;
typedef struct rhai_ast rhai_ast;
typedef struct rhai_scope rhai_scope;
typedef struct rhai_task rhai_task;

typedef int32_t rhai_status;
#define RHAI_OK 0
#define RHAI_ERR_NULL (-1)           /* a required pointer argument is NULL */
#define RHAI_ERR_JSON (-2)           /* malformed or wrong-shaped JSON from the host */
#define RHAI_ERR_BAD_HANDLE (-3)     /* unknown, freed or foreign engine / ast / scope / task */
#define RHAI_ERR_UNKNOWN_FUTURE (-4) /* no pending call with this id (never issued, completed,
                                        timed out or cancelled) */
#define RHAI_ERR_TOO_LATE (-5)       /* the call was abandoned while this completion ran */
#define RHAI_ERR_PARSE (-6)          /* the script does not compile */
#define RHAI_ERR_EVAL (-7)           /* the script failed at run time */
#define RHAI_ERR_STATE (-8)          /* not possible in this state (e.g. result of a running task) */
#define RHAI_ERR_INVALID (-9)        /* a bad argument (unknown config key, empty name, ...) */
#define RHAI_ERR_INTERNAL (-10)      /* a bug or out of memory; the message says what */

/* Task statuses (rhai_task_status). */
#define RHAI_TASK_RUNNING 0
#define RHAI_TASK_WAITING 1   /* suspended at a pending host call */
#define RHAI_TASK_YIELDED 2   /* its operation budget ran out: rhai_task_resume continues it */
#define RHAI_TASK_DONE 3
#define RHAI_TASK_FAILED 4
#define RHAI_TASK_CANCELLED 5

/* ---- strings and errors --------------------------------------------------------------- */

/* Frees a string the library handed out. NULL is ignored. */
void rhai_free_string(char* s);

/* This thread's last error as JSON (see above), or NULL when the last call succeeded.
 * Caller frees the result with rhai_free_string. */
char* rhai_get_last_error(void);

/* The library's version, e.g. "0.1.0" (RHAI_VERSION in rhai/version.h). Static storage: do
 * not free. */
const char* rhai_version(void);

/* ---- engines ------------------------------------------------------------------------ */

/* An engine with the standard packages and safe default limits (docs/c-abi.md lists them).
 * NULL only when out of memory. Free it with rhai_engine_free. */
rhai_engine* rhai_engine_new(void);

/* Frees the engine: every unfinished task is cancelled first (their completion callbacks and
 * the cancel notifier run inside this call). NULL is ignored; an unknown handle is refused. */
rhai_status rhai_engine_free(rhai_engine* engine);

/* Applies a JSON object of settings, all or nothing (an unknown key or a wrong type changes
 * nothing and returns RHAI_ERR_INVALID / RHAI_ERR_JSON). Keys (integers unless noted):
 *   max_operations, max_call_levels, max_expr_depth, max_function_expr_depth,
 *   max_string_size, max_array_size, max_map_size, max_variables, max_functions, max_modules
 *   (0 = unlimited), allow_eval (bool), allow_import (bool), strict_variables (bool),
 *   fail_on_invalid_map_property (bool), call_timeout_ms (number, 0 = none),
 *   max_pending_calls, optimization ("none"|"simple"|"full"), max_memory (bytes held by one
 *   task's values, 0 = no cap; past it the task fails with ErrorMemoryLimit, never caught). */
rhai_status rhai_engine_config(rhai_engine* engine, const char* config_json);

/* Sets `*out` to the engine's settings as JSON (same keys). Caller frees *out. */
rhai_status rhai_engine_get_config(rhai_engine* engine, char** out);

/* Replaces the clock deadlines are measured on: `clock(user_data)` returns nanoseconds on a
 * monotonic scale. NULL restores the default (CLOCK_MONOTONIC). `user_data` is borrowed for
 * the engine's life. */
typedef int64_t (*rhai_clock_fn)(void* user_data);
rhai_status rhai_engine_set_clock(rhai_engine* engine, rhai_clock_fn clock, void* user_data);

/* print(text) / debug(text) of scripts: `text` is borrowed for the callback. NULL callback:
 * print goes to stdout, debug to stderr. */
typedef void (*rhai_print_fn)(uint64_t callback_id, const char* text);
rhai_status rhai_on_print(rhai_engine* engine, uint64_t callback_id, rhai_print_fn print,
                          rhai_print_fn debug);

/* ---- host functions ------------------------------------------------------------------ */

/* A host function: receives the arguments as a JSON array (borrowed for the callback) and
 * returns an envelope. The returned string is BORROWED by the library: it is copied before
 * control returns to the host, so it must stay valid until the host's next callback from this
 * engine (a host may keep it in a reusable buffer). Returning NULL or a malformed envelope
 * raises a runtime error in the script. */
typedef const char* (*rhai_callback)(uint64_t callback_id, const char* args_json);

/* Registers `name` for every arity (0..RHAI_MAX_ARITY arguments of any type). A later
 * registration of the same name replaces it. `callback_id` is passed back unchanged. */
#define RHAI_MAX_ARITY 16
rhai_status rhai_register_function(rhai_engine* engine, const char* name, uint64_t callback_id,
                                   rhai_callback callback);

/* As rhai_register_function, for hosts that allocate each envelope: after copying it, the
 * library calls `release(callback_id, envelope)` (e.g. with the host's free). */
typedef void (*rhai_release_fn)(uint64_t callback_id, const char* envelope);
rhai_status rhai_register_function_ex(rhai_engine* engine, const char* name, uint64_t callback_id,
                                      rhai_callback callback, rhai_release_fn release);

/* A host function that cannot return a value (Dart's NativeCallable.listener): every call is
 * pending with an engine-issued `future_id` handed to the listener, and is answered with
 * rhai_complete_future (also allowed from inside the listener: the script then goes on
 * without waiting). `args_json` is borrowed for the callback. */
typedef void (*rhai_listener)(uint64_t callback_id, uint64_t future_id, const char* args_json);
rhai_status rhai_register_listener(rhai_engine* engine, const char* name, uint64_t callback_id,
                                   rhai_listener listener);

/* Completes the pending call `future_id` of this engine with `{"value": <json>}` or
 * `{"error": "message"}` (the key decides; the error raises a catchable runtime error at the
 * call site). The waiting script continues inside this call. Errors: RHAI_ERR_JSON (nothing
 * changes: the call stays pending), RHAI_ERR_UNKNOWN_FUTURE, RHAI_ERR_TOO_LATE. */
rhai_status rhai_complete_future(rhai_engine* engine, uint64_t future_id, const char* result_json);

/* Called when a pending call is abandoned before completion (its task was cancelled or
 * failed, its timeout or the task's deadline passed, the engine is being freed):
 * reason is "cancelled", "timeout", "deadline" or "engine_freed" (static strings). The
 * host should drop the work behind `future_id`; completing it later gives
 * RHAI_ERR_UNKNOWN_FUTURE. */
typedef void (*rhai_cancel_fn)(uint64_t callback_id, uint64_t future_id, const char* reason);
rhai_status rhai_on_cancel(rhai_engine* engine, uint64_t callback_id, rhai_cancel_fn cancel);

/* Pending host calls of this engine right now. */
rhai_status rhai_pending_count(rhai_engine* engine, uint64_t* out);

/* Values too rich for JSON ({"$handle":N,...}) are kept by the engine until released here
 * (or the engine is freed). RHAI_ERR_INVALID for an unknown handle. */
rhai_status rhai_release_value(rhai_engine* engine, uint64_t handle);

/* ---- the scalar fast path (no JSON) ----------------------------------------------------- */

/* For hot synchronous host functions whose arguments and result are scalars: no JSON is
 * written or parsed. Types of rhai_scalar.type: */
#define RHAI_SCALAR_UNIT 0   /* () */
#define RHAI_SCALAR_BOOL 1   /* i: 0 or 1 */
#define RHAI_SCALAR_INT 2    /* i */
#define RHAI_SCALAR_FLOAT 3  /* f */
#define RHAI_SCALAR_STRING 4 /* s: UTF-8, len bytes (arguments are also NUL-terminated) */

typedef struct rhai_scalar {
    int32_t type;
    int64_t i;
    double f;
    const char* s;
    size_t len;
} rhai_scalar;

/* `args` (argc of them, a char argument arrives as a 1-character STRING) are borrowed for the
 * callback. Return 0 with `*result` set (result->s, for a STRING, is borrowed until control
 * returns to the host: the library copies it first), or non-zero to raise a catchable
 * runtime error at the call site whose message is result->s when result is a STRING. */
typedef int32_t (*rhai_scalar_callback)(uint64_t callback_id, const rhai_scalar* args, size_t argc,
                                        rhai_scalar* result);

/* Registers `name` with exactly `arity` (0..RHAI_MAX_ARITY) arguments. A call with an argument
 * that is not a scalar (unit, bool, INT, FLOAT, string, char) is a runtime error naming it. */
rhai_status rhai_register_scalar_function(rhai_engine* engine, const char* name, size_t arity,
                                          uint64_t callback_id, rhai_scalar_callback callback);

/* ---- scopes ------------------------------------------------------------------------- */

/* A variable scope the host fills and reads back; scripts' top-level `let`s are added to it.
 * It belongs to `engine` for values that need a handle ({"$handle":N}), and may outlive it.
 * A scope may be used by one evaluation at a time; a task keeps the scope it uses alive, so
 * freeing a scope while a task runs with it is safe. NULL for a bad engine handle. */
rhai_scope* rhai_scope_new(rhai_engine* engine);
rhai_status rhai_scope_free(rhai_scope* scope);
/* Sets (or adds) a variable / adds a constant from JSON. */
rhai_status rhai_scope_set(rhai_scope* scope, const char* name, const char* value_json);
rhai_status rhai_scope_set_constant(rhai_scope* scope, const char* name, const char* value_json);
/* The variable's value as JSON (caller frees *out); RHAI_ERR_INVALID when there is none. */
rhai_status rhai_scope_get(rhai_scope* scope, const char* name, char** out);
/* Every variable as a JSON object (newest wins for a repeated name). Caller frees *out. */
rhai_status rhai_scope_to_json(rhai_scope* scope, char** out);
rhai_status rhai_scope_len(rhai_scope* scope, uint64_t* out);

/* ---- synchronous evaluation ------------------------------------------------------------ */

/* Evaluates `script`; on RHAI_OK `*result_json` is the value as JSON (caller frees). On
 * failure *result_json is NULL and rhai_get_last_error says why. A host function answering
 * "pending" here fails the script with an error naming rhai_eval_async. `scope` may be NULL. */
rhai_status rhai_eval(rhai_engine* engine, const char* script, char** result_json);
rhai_status rhai_eval_with_scope(rhai_engine* engine, rhai_scope* scope, const char* script,
                                 char** result_json);

/* Compile once, run many. The AST is immutable; free it with rhai_ast_free. */
rhai_status rhai_compile(rhai_engine* engine, const char* script, rhai_ast** out);
rhai_status rhai_ast_free(rhai_ast* ast);
rhai_status rhai_eval_ast(rhai_engine* engine, rhai_scope* scope, const rhai_ast* ast,
                          char** result_json);
/* Calls script function `name` of `ast` with a JSON array of arguments. */
rhai_status rhai_call_fn(rhai_engine* engine, rhai_scope* scope, const rhai_ast* ast,
                         const char* name, const char* args_json, char** result_json);

/* ---- asynchronous evaluation ----------------------------------------------------------- */

/* Called once when a task finishes, on the thread that finished it: status is
 * RHAI_TASK_DONE (json = the value), RHAI_TASK_FAILED or RHAI_TASK_CANCELLED (json = the
 * error, as rhai_get_last_error formats it). `json` is borrowed for the callback. */
typedef void (*rhai_task_callback)(uint64_t callback_id, int32_t status, const char* json);

/* Per-task options (all zero: run to the end, no deadline). */
typedef struct rhai_task_options {
    uint64_t op_budget;   /* > 0: yield (RHAI_TASK_YIELDED) after about this many operations */
    int64_t timeout_ns;   /* > 0: the task fails with kind "timeout" this long after it starts */
    int64_t deadline_ns;  /* > 0: absolute deadline on the engine's clock (rhai_now) */
} rhai_task_options;

/* Starts evaluating on this thread; returns when the script finishes, waits for a host call
 * or yields. `*out` receives the task handle (free it with rhai_task_free; freeing does not
 * cancel). `scope`, `options`, `on_done` may be NULL. A syntax error returns RHAI_ERR_PARSE
 * and starts nothing. `on_done` may run before this function returns. */
rhai_status rhai_eval_async(rhai_engine* engine, rhai_scope* scope, const char* script,
                            const rhai_task_options* options, rhai_task_callback on_done,
                            uint64_t callback_id, rhai_task** out);
rhai_status rhai_eval_ast_async(rhai_engine* engine, rhai_scope* scope, const rhai_ast* ast,
                                const rhai_task_options* options, rhai_task_callback on_done,
                                uint64_t callback_id, rhai_task** out);

rhai_status rhai_task_free(rhai_task* task);
/* The task's RHAI_TASK_* status, or a negative rhai_status. */
int32_t rhai_task_status(rhai_task* task);
/* Engine-scoped id of the task (unique in the process). */
rhai_status rhai_task_id(rhai_task* task, uint64_t* out);
/* The value of a Done task as JSON (caller frees). RHAI_ERR_EVAL with the error as last
 * error for a failed / cancelled task, RHAI_ERR_STATE while it has not finished. */
rhai_status rhai_task_result(rhai_task* task, char** result_json);
/* Continues a yielded task for `op_budget` more operations (0: its own budget); returns the
 * new RHAI_TASK_* status. Other statuses are returned unchanged. */
int32_t rhai_task_resume(rhai_task* task, uint64_t op_budget);
/* Cancels the task now: its frames are freed, its pending call is abandoned (the cancel
 * notifier runs), its completion callback runs with RHAI_TASK_CANCELLED. RHAI_ERR_STATE if it
 * had already finished. */
rhai_status rhai_task_cancel(rhai_task* task);

/* ---- deadlines (driven by the host) --------------------------------------------------- */

/* Now on the engine's clock, in nanoseconds. */
int64_t rhai_now(rhai_engine* engine);
/* The earliest armed call timeout or task deadline: *out (ns on the engine's clock) and
 * *has = 1, or *has = 0 when there is none. */
rhai_status rhai_next_deadline(rhai_engine* engine, int64_t* out, int32_t* has);
/* Applies every timeout and deadline due at `now_ns` (< 0: the engine's clock). Scripts
 * continue inside this call, in deadline order (equal deadlines: in the order they were armed).
 * `*expired` (may be NULL) receives how many expired. */
rhai_status rhai_expire(rhai_engine* engine, int64_t now_ns, uint64_t* expired);

#ifdef __cplusplus
}
#endif

#endif /* RHAI_H */
