/* Bad input from the host gets a clear error code and changes nothing: NULL pointers,
 * malformed or wrong-shaped JSON, unknown handles and ids, callbacks answering garbage. */
#include "capi_test.h"

static uint64_t next_id = 1;
static char pending_reply[128];
static const char* fetch_cb(uint64_t id, const char* args) {
    (void)id;
    (void)args;
    snprintf(pending_reply, sizeof pending_reply, "{\"status\":\"pending\",\"future_id\":%llu}",
             (unsigned long long)next_id);
    return pending_reply;
}

/* garbage(i) answers the i-th bad envelope. */
static const char* bad_envelopes[] = {
    NULL,
    "not json",
    "[1,2]",
    "{\"value\":1}",
    "{\"status\":\"maybe\"}",
    "{\"status\":\"success\"}",
    "{\"status\":\"pending\"}",
    "{\"status\":\"pending\",\"future_id\":-1}",
    "{\"status\":\"pending\",\"future_id\":\"7\"}",
    "{\"status\":\"error\",\"error\":42}",
    "{\"status\":\"success\",\"value\":{\"$char\":\"ab\"}}",
    "{\"status\":\"success\",\"value\":1} trailing",
};
static const char* expected_messages[] = {
    "returned NULL",
    "malformed envelope",
    "not a JSON object",
    "without a \\\"status\\\"",
    "unknown status",
    "without a \\\"value\\\"",
    "without a non-negative integer",
    "without a non-negative integer",
    "without a non-negative integer",
    "without an \\\"error\\\" string",
    "exactly one character",
    "malformed envelope",
};
static const char* garbage_cb(uint64_t id, const char* args) {
    long long i = 0;
    (void)id;
    sscanf(args, "[%lld]", &i);
    return bad_envelopes[i];
}

static void null_pointers_are_refused(void) {
    rhai_engine* e = rhai_engine_new();
    char* r = (char*)1;
    rhai_task* t = NULL;
    CHECK(rhai_eval(NULL, "1", &r) == RHAI_ERR_NULL);
    CHECK(r == NULL);
    CHECK(last_error_has("\"kind\":\"input\""));
    CHECK(rhai_eval(e, NULL, &r) == RHAI_ERR_NULL);
    CHECK(last_error_has("script is NULL"));
    CHECK(rhai_eval(e, "1", NULL) == RHAI_ERR_NULL);
    CHECK(rhai_register_function(e, NULL, 0, fetch_cb) == RHAI_ERR_NULL);
    CHECK(rhai_register_function(e, "f", 0, NULL) == RHAI_ERR_NULL);
    CHECK(rhai_register_function(e, "", 0, fetch_cb) == RHAI_ERR_INVALID);
    CHECK(rhai_complete_future(e, 1, NULL) == RHAI_ERR_NULL);
    CHECK(rhai_eval_async(e, NULL, NULL, NULL, NULL, 0, &t) == RHAI_ERR_NULL);
    CHECK(rhai_eval_async(e, NULL, "1", NULL, NULL, 0, NULL) == RHAI_ERR_NULL);
    CHECK(rhai_task_status(NULL) == RHAI_ERR_NULL);
    CHECK(rhai_engine_config(e, NULL) == RHAI_ERR_NULL);
    CHECK(rhai_scope_new(NULL) == NULL);
    CHECK(rhai_scope_set(NULL, "x", "1") == RHAI_ERR_NULL);
    CHECK_OK(rhai_engine_free(NULL));
    rhai_free_string(NULL);
    CHECK_OK(rhai_engine_free(e));
}

static void unknown_and_freed_handles_are_refused(void) {
    rhai_engine* e = rhai_engine_new();
    rhai_engine* freed = rhai_engine_new();
    rhai_task* t = NULL;
    char* r = NULL;
    int not_a_handle = 0;
    CHECK_OK(rhai_engine_free(freed));
    /* The registry is consulted before any dereference, so this is safe under ASan. */
    CHECK(rhai_eval(freed, "1", &r) == RHAI_ERR_BAD_HANDLE);
    CHECK(last_error_has("BadHandle"));
    CHECK(rhai_engine_free(freed) == RHAI_ERR_BAD_HANDLE);
    CHECK(rhai_eval((rhai_engine*)&not_a_handle, "1", &r) == RHAI_ERR_BAD_HANDLE);
    CHECK(rhai_task_status((rhai_task*)e) == RHAI_ERR_BAD_HANDLE); /* an engine is not a task */
    CHECK_OK(rhai_eval_async(e, NULL, "1", NULL, NULL, 0, &t));
    CHECK_OK(rhai_task_free(t));
    CHECK(rhai_task_status(t) == RHAI_ERR_BAD_HANDLE);
    CHECK(rhai_task_free(t) == RHAI_ERR_BAD_HANDLE);
    CHECK_OK(rhai_engine_free(e));
}

static void bad_completions_change_nothing(void) {
    rhai_engine* e = rhai_engine_new();
    rhai_task* t = NULL;
    char* r = NULL;
    CHECK_OK(rhai_register_function(e, "fetch", 0, fetch_cb));
    next_id = 9;
    CHECK_OK(rhai_eval_async(e, NULL, "fetch()", NULL, NULL, 0, &t));
    CHECK(rhai_complete_future(e, 9, "{\"value\":") == RHAI_ERR_JSON);
    CHECK(last_error_has("malformed JSON"));
    CHECK(rhai_complete_future(e, 9, "[1]") == RHAI_ERR_JSON);
    CHECK(rhai_complete_future(e, 9, "{\"result\":1}") == RHAI_ERR_JSON);
    CHECK(rhai_complete_future(e, 9, "{\"value\":1,\"error\":\"x\"}") == RHAI_ERR_JSON);
    CHECK(rhai_complete_future(e, 9, "{\"error\":{\"msg\":1}}") == RHAI_ERR_JSON);
    CHECK(rhai_complete_future(e, 9, "{\"value\":{\"$blob\":\"@@@\"}}") == RHAI_ERR_JSON);
    CHECK(rhai_complete_future(e, 9, "{\"value\":{\"$handle\":12345}}") == RHAI_ERR_JSON);
    CHECK(last_error_has("unknown $handle"));
    CHECK(rhai_complete_future(e, 10, "{\"value\":1}") == RHAI_ERR_UNKNOWN_FUTURE);
    CHECK(rhai_task_status(t) == RHAI_TASK_WAITING); /* still waiting, still completable */
    CHECK_OK(rhai_complete_future(e, 9, "{\"value\":5}"));
    CHECK(rhai_complete_future(e, 9, "{\"value\":6}") == RHAI_ERR_UNKNOWN_FUTURE);
    CHECK_OK(rhai_task_result(t, &r));
    CHECK_STR(r, "5");
    rhai_free_string(r);
    CHECK_OK(rhai_task_free(t));
    CHECK_OK(rhai_engine_free(e));
}

static void garbage_envelopes_raise_clear_script_errors(void) {
    rhai_engine* e = rhai_engine_new();
    size_t i;
    CHECK_OK(rhai_register_function(e, "garbage", 0, garbage_cb));
    for (i = 0; i < sizeof bad_envelopes / sizeof bad_envelopes[0]; ++i) {
        char script[64];
        char* r = NULL;
        snprintf(script, sizeof script, "garbage(%d)", (int)i);
        CHECK(rhai_eval(e, script, &r) == RHAI_ERR_EVAL);
        CHECK(last_error_has(expected_messages[i]));
        CHECK(last_error_has("garbage"));
    }
    CHECK_OK(rhai_engine_free(e));
}

static void duplicate_pending_ids_are_refused(void) {
    rhai_engine* e = rhai_engine_new();
    rhai_task* a = NULL;
    rhai_task* b = NULL;
    char* r = NULL;
    CHECK_OK(rhai_register_function(e, "fetch", 0, fetch_cb));
    next_id = 3;
    CHECK_OK(rhai_eval_async(e, NULL, "fetch()", NULL, NULL, 0, &a));
    CHECK_OK(rhai_eval_async(e, NULL, "fetch()", NULL, NULL, 0, &b));
    CHECK(rhai_task_status(b) == RHAI_TASK_FAILED);
    CHECK(rhai_task_result(b, &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("already names another pending call"));
    CHECK(rhai_task_status(a) == RHAI_TASK_WAITING);
    CHECK_OK(rhai_complete_future(e, 3, "{\"value\":1}"));
    CHECK(rhai_task_status(a) == RHAI_TASK_DONE);
    CHECK_OK(rhai_task_free(a));
    CHECK_OK(rhai_task_free(b));
    CHECK_OK(rhai_engine_free(e));
}

static void bad_scope_and_config_input(void) {
    rhai_engine* e = rhai_engine_new();
    rhai_scope* s = rhai_scope_new(e);
    char* r = NULL;
    CHECK(rhai_scope_set(s, "x", "{bad") == RHAI_ERR_JSON);
    CHECK(rhai_scope_set(s, "", "1") == RHAI_ERR_INVALID);
    CHECK(rhai_scope_get(s, "x", &r) == RHAI_ERR_INVALID);
    CHECK(rhai_engine_config(e, "[]") == RHAI_ERR_JSON);
    CHECK(rhai_engine_config(e, "{\"max_operations\": -1}") == RHAI_ERR_INVALID);
    CHECK(rhai_engine_config(e, "{\"optimization\": \"max\"}") == RHAI_ERR_INVALID);
    CHECK(rhai_release_value(e, 999) == RHAI_ERR_INVALID);
    CHECK_OK(rhai_scope_free(s));
    CHECK_OK(rhai_engine_free(e));
}

int main(int argc, char** argv) {
    static const capi_test tests[] = {
        TEST(null_pointers_are_refused),
        TEST(unknown_and_freed_handles_are_refused),
        TEST(bad_completions_change_nothing),
        TEST(garbage_envelopes_raise_clear_script_errors),
        TEST(duplicate_pending_ids_are_refused),
        TEST(bad_scope_and_config_input),
    };
    return capi_main(tests, sizeof tests / sizeof tests[0], argc, argv);
}
