/* The asynchronous C ABI: pending envelopes with host ids, listeners with engine ids,
 * completion, cancellation, timeouts and deadlines on a host clock, op-budget slicing. */
#include "capi_test.h"

/* A host "event loop": fetch(x) answers pending with the next host-issued id. */
static uint64_t next_id = 100;
static uint64_t last_pending = 0;
static char args_seen[256];
static char pending_reply[128];
static const char* fetch_cb(uint64_t id, const char* args) {
    (void)id;
    last_pending = next_id++;
    snprintf(args_seen, sizeof args_seen, "%s", args);
    snprintf(pending_reply, sizeof pending_reply, "{\"status\":\"pending\",\"future_id\":%llu}",
             (unsigned long long)last_pending);
    return pending_reply;
}

static int done_calls = 0;
static int32_t done_status = -1;
static char done_json[1024];
static void on_done(uint64_t id, int32_t status, const char* json) {
    (void)id;
    done_calls++;
    done_status = status;
    snprintf(done_json, sizeof done_json, "%s", json);
}

static int cancels = 0;
static uint64_t cancelled_id = 0;
static char cancel_reason[32];
static void on_cancel(uint64_t id, uint64_t future_id, const char* reason) {
    (void)id;
    cancels++;
    cancelled_id = future_id;
    snprintf(cancel_reason, sizeof cancel_reason, "%s", reason);
}

static void reset(void) {
    done_calls = 0;
    done_status = -1;
    done_json[0] = 0;
    cancels = 0;
    cancelled_id = 0;
    cancel_reason[0] = 0;
}

static rhai_engine* fetch_engine(void) {
    rhai_engine* e = rhai_engine_new();
    CHECK_OK(rhai_register_function(e, "fetch", 0, fetch_cb));
    CHECK_OK(rhai_on_cancel(e, 0, on_cancel));
    reset();
    return e;
}

static void pending_call_resumes_on_completion(void) {
    rhai_engine* e = fetch_engine();
    rhai_task* t = NULL;
    char* r = NULL;
    uint64_t n = 0;
    CHECK_OK(rhai_eval_async(e, NULL, "let user = fetch(\"123\"); user.name + \" (\" + user.email + \")\"",
                             NULL, on_done, 1, &t));
    CHECK(rhai_task_status(t) == RHAI_TASK_WAITING);
    CHECK_STR(args_seen, "[\"123\"]");
    CHECK_OK(rhai_pending_count(e, &n));
    CHECK(n == 1);
    CHECK(rhai_task_result(t, &r) == RHAI_ERR_STATE);
    CHECK(done_calls == 0);
    CHECK_OK(rhai_complete_future(e, last_pending, "{\"value\":{\"name\":\"Ada\",\"email\":\"ada@x.org\"}}"));
    CHECK(rhai_task_status(t) == RHAI_TASK_DONE);
    CHECK(done_calls == 1 && done_status == RHAI_TASK_DONE);
    CHECK_STR(done_json, "\"Ada (ada@x.org)\"");
    CHECK_OK(rhai_task_result(t, &r));
    CHECK_STR(r, "\"Ada (ada@x.org)\"");
    rhai_free_string(r);
    /* Completing again: the id is gone, nothing changes. */
    CHECK(rhai_complete_future(e, last_pending, "{\"value\":1}") == RHAI_ERR_UNKNOWN_FUTURE);
    CHECK(last_error_has("UnknownFuture"));
    CHECK_OK(rhai_task_free(t));
    CHECK_OK(rhai_engine_free(e));
}

static void error_completion_is_catchable_and_map_with_error_key_is_a_value(void) {
    rhai_engine* e = fetch_engine();
    rhai_task* t = NULL;
    CHECK_OK(rhai_eval_async(e, NULL, "let a = \"\"; try { fetch(1) } catch (err) { a = \"caught: \" + err } "
                                      "let b = fetch(2); a + \" / \" + b.error", NULL, on_done, 1, &t));
    CHECK_OK(rhai_complete_future(e, last_pending, "{\"error\":\"HTTP 500\"}"));
    CHECK(rhai_task_status(t) == RHAI_TASK_WAITING);
    CHECK_OK(rhai_complete_future(e, last_pending, "{\"value\":{\"error\":\"not an error\"}}"));
    CHECK(done_status == RHAI_TASK_DONE);
    CHECK_STR(done_json, "\"caught: HTTP 500 / not an error\"");
    CHECK_OK(rhai_task_free(t));
    CHECK_OK(rhai_engine_free(e));
}

static void uncaught_rejection_fails_the_task_at_its_line(void) {
    rhai_engine* e = fetch_engine();
    rhai_task* t = NULL;
    char* r = NULL;
    CHECK_OK(rhai_eval_async(e, NULL, "let x = 1;\nlet y = fetch(x);\ny", NULL, on_done, 1, &t));
    CHECK_OK(rhai_complete_future(e, last_pending, "{\"error\":\"no such user\"}"));
    CHECK(done_status == RHAI_TASK_FAILED);
    CHECK(strstr(done_json, "no such user") && strstr(done_json, "\"line\":2"));
    CHECK(rhai_task_result(t, &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("no such user"));
    CHECK_OK(rhai_task_free(t));
    CHECK_OK(rhai_engine_free(e));
}

static void suspension_inside_map_closures(void) {
    rhai_engine* e = fetch_engine();
    rhai_task* t = NULL;
    int rounds = 0;
    CHECK_OK(rhai_eval_async(e, NULL, "[1, 2, 3].map(|x| fetch(x) * 10)", NULL, on_done, 1, &t));
    while (rhai_task_status(t) == RHAI_TASK_WAITING && rounds < 10) {
        long long x = 0;
        char value[64];
        sscanf(args_seen, "[%lld]", &x);
        snprintf(value, sizeof value, "{\"value\":%lld}", x + 1);
        CHECK_OK(rhai_complete_future(e, last_pending, value));
        rounds++;
    }
    CHECK(rounds == 3);
    CHECK_STR(done_json, "[20,30,40]");
    CHECK_OK(rhai_task_free(t));
    CHECK_OK(rhai_engine_free(e));
}

/* Listener flavour: the engine issues the id; the listener may answer at once. */
static uint64_t listened_id = 0;
static rhai_engine* listener_engine = NULL;
static void listen_cb(uint64_t cb, uint64_t future_id, const char* args) {
    listened_id = future_id;
    if (strcmp(args, "[\"now\"]") == 0) rhai_complete_future(listener_engine, future_id, "{\"value\":\"answered now\"}");
    (void)cb;
}

static void listener_gets_engine_issued_ids(void) {
    rhai_engine* e = rhai_engine_new();
    rhai_task* t = NULL;
    uint64_t first;
    listener_engine = e;
    reset();
    CHECK_OK(rhai_register_listener(e, "ask", 5, listen_cb));
    CHECK_OK(rhai_eval_async(e, NULL, "ask(\"now\") + \", \" + ask(\"later\")", NULL, on_done, 1, &t));
    CHECK(rhai_task_status(t) == RHAI_TASK_WAITING);
    first = listened_id;
    CHECK(first != 0);
    CHECK_OK(rhai_complete_future(e, first, "{\"value\":\"answered later\"}"));
    CHECK_STR(done_json, "\"answered now, answered later\"");
    CHECK_OK(rhai_task_free(t));
    /* In a synchronous eval a listener that answers at once works too. */
    CHECK_EVAL(e, "ask(\"now\")", "\"answered now\"");
    CHECK_OK(rhai_engine_free(e));
}

static void sync_eval_of_pending_call_names_eval_async(void) {
    rhai_engine* e = fetch_engine();
    char* r = NULL;
    uint64_t n = 5;
    CHECK(rhai_eval(e, "fetch(1)", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("rhai_eval_async"));
    CHECK(cancels == 1 && cancelled_id == last_pending);
    CHECK_STR(cancel_reason, "cancelled");
    CHECK_OK(rhai_pending_count(e, &n));
    CHECK(n == 0);
    CHECK(rhai_complete_future(e, last_pending, "{\"value\":1}") == RHAI_ERR_UNKNOWN_FUTURE);
    CHECK_OK(rhai_engine_free(e));
}

static void cancel_frees_the_task_and_notifies_the_host(void) {
    rhai_engine* e = fetch_engine();
    rhai_task* t = NULL;
    CHECK_OK(rhai_eval_async(e, NULL, "fetch(1)", NULL, on_done, 1, &t));
    CHECK_OK(rhai_task_cancel(t));
    CHECK(rhai_task_status(t) == RHAI_TASK_CANCELLED);
    CHECK(cancels == 1 && cancelled_id == last_pending);
    CHECK(done_calls == 1 && done_status == RHAI_TASK_CANCELLED);
    CHECK(strstr(done_json, "\"kind\":\"cancelled\"") != NULL);
    CHECK(rhai_complete_future(e, last_pending, "{\"value\":1}") == RHAI_ERR_UNKNOWN_FUTURE);
    CHECK(rhai_task_cancel(t) == RHAI_ERR_STATE);
    CHECK_OK(rhai_task_free(t));
    CHECK_OK(rhai_engine_free(e));
}

/* A host clock the test moves by hand. */
static int64_t fake_now = 1000000000;
static int64_t fake_clock(void* data) {
    (void)data;
    return fake_now;
}

static void call_timeouts_and_task_deadlines_follow_the_host_clock(void) {
    rhai_engine* e = fetch_engine();
    rhai_task* t = NULL;
    rhai_task* t2 = NULL;
    rhai_task_options opts = {0, 0, 0};
    int64_t deadline = 0;
    int32_t has = 1;
    uint64_t expired = 0;
    CHECK_OK(rhai_engine_set_clock(e, fake_clock, NULL));
    CHECK(rhai_now(e) == fake_now);
    CHECK_OK(rhai_next_deadline(e, &deadline, &has));
    CHECK(has == 0);
    CHECK_OK(rhai_engine_config(e, "{\"call_timeout_ms\": 50}"));
    CHECK_OK(rhai_eval_async(e, NULL, "let r = 0; try { fetch(1) } catch (err) { r = err.error } r", NULL, on_done, 1, &t));
    CHECK_OK(rhai_next_deadline(e, &deadline, &has));
    CHECK(has == 1 && deadline == fake_now + 50000000);
    CHECK_OK(rhai_expire(e, fake_now + 10, &expired));
    CHECK(expired == 0 && rhai_task_status(t) == RHAI_TASK_WAITING);
    fake_now += 50000000;
    CHECK_OK(rhai_expire(e, -1, &expired));
    CHECK(expired == 1);
    CHECK_STR(cancel_reason, "timeout");
    CHECK_STR(done_json, "\"ErrorTimeout\"");
    CHECK(rhai_complete_future(e, last_pending, "{\"value\":1}") == RHAI_ERR_UNKNOWN_FUTURE);
    /* A task deadline fails the whole task with kind timeout. */
    CHECK_OK(rhai_engine_config(e, "{\"call_timeout_ms\": 0}"));
    opts.timeout_ns = 1000;
    CHECK_OK(rhai_eval_async(e, NULL, "try { fetch(1) } catch (err) { } 0", &opts, on_done, 2, &t2));
    fake_now += 1000;
    CHECK_OK(rhai_expire(e, -1, &expired));
    CHECK(rhai_task_status(t2) == RHAI_TASK_FAILED);
    CHECK(strstr(done_json, "\"kind\":\"timeout\"") != NULL);
    CHECK_STR(cancel_reason, "deadline");
    CHECK_OK(rhai_task_free(t));
    CHECK_OK(rhai_task_free(t2));
    CHECK_OK(rhai_engine_free(e));
}

static void op_budget_slices_a_long_script(void) {
    rhai_engine* e = rhai_engine_new();
    rhai_task* t = NULL;
    rhai_task_options opts = {1000, 0, 0};
    int slices = 0;
    reset();
    CHECK_OK(rhai_eval_async(e, NULL, "let s = 0; for i in 0..10000 { s += i } s", &opts, on_done, 1, &t));
    while (rhai_task_status(t) == RHAI_TASK_YIELDED && slices < 1000) {
        rhai_task_resume(t, 0);
        slices++;
    }
    CHECK(slices > 5);
    CHECK_STR(done_json, "49995000");
    CHECK_OK(rhai_task_free(t));
    CHECK_OK(rhai_engine_free(e));
}

static void two_engines_never_share_future_ids(void) {
    rhai_engine* a = fetch_engine();
    rhai_engine* b = fetch_engine();
    rhai_task* ta = NULL;
    rhai_task* tb = NULL;
    next_id = 7; /* both engines get host id 7 */
    CHECK_OK(rhai_eval_async(a, NULL, "\"a\" + fetch(0)", NULL, NULL, 0, &ta));
    next_id = 7;
    CHECK_OK(rhai_eval_async(b, NULL, "\"b\" + fetch(0)", NULL, NULL, 0, &tb));
    CHECK_OK(rhai_complete_future(b, 7, "{\"value\":\"B\"}"));
    CHECK(rhai_task_status(ta) == RHAI_TASK_WAITING);
    CHECK(rhai_task_status(tb) == RHAI_TASK_DONE);
    CHECK_OK(rhai_complete_future(a, 7, "{\"value\":\"A\"}"));
    {
        char* r = NULL;
        CHECK_OK(rhai_task_result(ta, &r));
        CHECK_STR(r, "\"aA\"");
        rhai_free_string(r);
        CHECK_OK(rhai_task_result(tb, &r));
        CHECK_STR(r, "\"bB\"");
        rhai_free_string(r);
    }
    CHECK_OK(rhai_task_free(ta));
    CHECK_OK(rhai_task_free(tb));
    CHECK_OK(rhai_engine_free(a));
    CHECK_OK(rhai_engine_free(b));
}

static void freeing_the_engine_cancels_its_tasks(void) {
    rhai_engine* e = fetch_engine();
    rhai_task* t = NULL;
    rhai_scope* s = rhai_scope_new(e);
    CHECK_OK(rhai_scope_set(s, "x", "1"));
    CHECK_OK(rhai_eval_async(e, s, "let y = fetch(x); y", NULL, on_done, 1, &t));
    CHECK_OK(rhai_scope_free(s)); /* the task keeps its scope alive */
    CHECK_OK(rhai_task_free(t));  /* freeing the handle does not cancel */
    CHECK(done_calls == 0);
    CHECK_OK(rhai_engine_free(e));
    CHECK(done_calls == 1 && done_status == RHAI_TASK_CANCELLED);
    CHECK(cancels == 1);
    CHECK_STR(cancel_reason, "engine_freed");
}

static void compiled_ast_runs_as_many_tasks(void) {
    rhai_engine* e = fetch_engine();
    rhai_ast* ast = NULL;
    rhai_task* t[3];
    uint64_t ids[3];
    int i;
    CHECK_OK(rhai_compile(e, "fetch(0) + 1", &ast));
    for (i = 0; i < 3; ++i) {
        CHECK_OK(rhai_eval_ast_async(e, NULL, ast, NULL, NULL, 0, &t[i]));
        ids[i] = last_pending;
    }
    for (i = 2; i >= 0; --i) {
        char* r = NULL;
        char v[32];
        snprintf(v, sizeof v, "{\"value\":%d}", i * 10);
        CHECK_OK(rhai_complete_future(e, ids[i], v));
        CHECK_OK(rhai_task_result(t[i], &r));
        snprintf(v, sizeof v, "%d", i * 10 + 1);
        CHECK_STR(r, v);
        rhai_free_string(r);
        CHECK_OK(rhai_task_free(t[i]));
    }
    CHECK_OK(rhai_ast_free(ast));
    CHECK_OK(rhai_engine_free(e));
}

int main(int argc, char** argv) {
    static const capi_test tests[] = {
        TEST(pending_call_resumes_on_completion),
        TEST(error_completion_is_catchable_and_map_with_error_key_is_a_value),
        TEST(uncaught_rejection_fails_the_task_at_its_line),
        TEST(suspension_inside_map_closures),
        TEST(listener_gets_engine_issued_ids),
        TEST(sync_eval_of_pending_call_names_eval_async),
        TEST(cancel_frees_the_task_and_notifies_the_host),
        TEST(call_timeouts_and_task_deadlines_follow_the_host_clock),
        TEST(op_budget_slices_a_long_script),
        TEST(two_engines_never_share_future_ids),
        TEST(freeing_the_engine_cancels_its_tasks),
        TEST(compiled_ast_runs_as_many_tasks),
    };
    return capi_main(tests, sizeof tests / sizeof tests[0], argc, argv);
}
