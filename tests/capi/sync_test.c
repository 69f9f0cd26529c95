/* The synchronous C ABI: values as JSON, host functions through the envelope, errors, scopes,
 * configuration, compile once / run many. */
#include "capi_test.h"

/* add(a, b): parses "[a,b]" and answers success. */
static char reply[256];
static const char* add_cb(uint64_t id, const char* args) {
    long long a = 0, b = 0;
    (void)id;
    if (sscanf(args, "[%lld,%lld]", &a, &b) != 2) return "{\"status\":\"error\",\"error\":\"bad args\"}";
    snprintf(reply, sizeof reply, "{\"status\":\"success\",\"value\":%lld}", a + b);
    return reply;
}

/* echo(x...): answers its argument array as the value, so tests see how values are written. */
static char echo_buf[4096];
static const char* echo_cb(uint64_t id, const char* args) {
    (void)id;
    snprintf(echo_buf, sizeof echo_buf, "{\"status\":\"success\",\"value\":%s}", args);
    return echo_buf;
}

static const char* fail_cb(uint64_t id, const char* args) {
    (void)id;
    (void)args;
    return "{\"status\":\"error\",\"error\":\"boom\"}";
}

static void values_map_to_plain_json(void) {
    rhai_engine* e = rhai_engine_new();
    CHECK(e != NULL);
    CHECK_EVAL(e, "40 + 2", "42");
    CHECK_EVAL(e, "1.5 * 2.0", "3.0");
    CHECK_EVAL(e, "\"a\" + \"b\"", "\"ab\"");
    CHECK_EVAL(e, "true && false", "false");
    CHECK_EVAL(e, "()", "null");
    CHECK_EVAL(e, "[1, \"x\", [()]]", "[1,\"x\",[null]]");
    CHECK_EVAL(e, "#{b: 2, a: #{c: 1.25}}", "{\"a\":{\"c\":1.25},\"b\":2}");
    CHECK_OK(rhai_engine_free(e));
}

static void tagged_forms_for_values_json_lacks(void) {
    rhai_engine* e = rhai_engine_new();
    char* r = NULL;
    CHECK_EVAL(e, "0.0 / 0.0", "{\"$float\":\"nan\"}");
    CHECK_EVAL(e, "1.0 / 0.0", "{\"$float\":\"inf\"}");
    CHECK_EVAL(e, "-1.0 / 0.0", "{\"$float\":\"-inf\"}");
    CHECK_EVAL(e, "'x'", "{\"$char\":\"x\"}");
    CHECK_EVAL(e, "let b = blob(3, 255); b[0] = 1; b", "{\"$blob\":\"Af//\"}");
    CHECK_EVAL(e, "Fn(\"foo\")", "{\"$fn\":\"foo\"}");
    CHECK_EVAL(e, "Fn(\"foo\").curry(1)", "{\"$fn\":\"foo\",\"curried\":[1]}");
    CHECK_EVAL(e, "1..5", "{\"$range\":[1,5]}");
    CHECK_EVAL(e, "1..=5", "{\"$range_inclusive\":[1,5]}");
    CHECK_EVAL(e, "#{\"$char\": 1}", "{\"$map\":{\"$char\":1}}");
    /* A closure is kept by the engine and crosses as a handle. */
    CHECK_OK(rhai_eval(e, "|x| x + 1", &r));
    CHECK(r && strstr(r, "{\"$handle\":") == r && strstr(r, "\"type\":\"Fn\""));
    rhai_free_string(r);
    CHECK_EVAL(e, "type_of(timestamp())", "\"timestamp\"");
    CHECK_OK(rhai_eval(e, "timestamp()", &r));
    CHECK(r && strstr(r, "{\"$timestamp\":") == r);
    rhai_free_string(r);
    CHECK_OK(rhai_engine_free(e));
}

static void tagged_forms_round_trip_through_host_functions(void) {
    rhai_engine* e = rhai_engine_new();
    CHECK_OK(rhai_register_function(e, "echo", 7, echo_cb));
    CHECK_EVAL(e, "let v = echo('x', 0.0/0.0, blob(2, 7), 1..3, #{\"$map\": 1}, Fn(\"f\")); "
                  "[type_of(v[0]), v[1].is_nan(), v[2].len(), v[3].end, v[4][\"$map\"], v[5].name]",
               "[\"char\",true,2,3,1,\"f\"]");
    /* Closures come back as the same closure. */
    CHECK_EVAL(e, "let add = |x| x + 10; let back = echo(add); back[0].call(5)", "15");
    CHECK_EVAL(e, "let t = timestamp(); let back = echo(t); back[0] == t", "true");
    CHECK_OK(rhai_engine_free(e));
}

static void host_function_through_envelope(void) {
    rhai_engine* e = rhai_engine_new();
    CHECK_OK(rhai_register_function(e, "add", 1, add_cb));
    CHECK_EVAL(e, "add(40, 2)", "42");
    CHECK_EVAL(e, "let s = 0; for i in 0..10 { s = add(s, i); } s", "45");
    /* Every arity is registered. */
    CHECK_OK(rhai_register_function(e, "echo", 2, echo_cb));
    CHECK_EVAL(e, "echo()", "[]");
    CHECK_EVAL(e, "echo(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16).len()", "16");
    CHECK_OK(rhai_engine_free(e));
}

static void error_envelope_is_catchable(void) {
    rhai_engine* e = rhai_engine_new();
    char* r = NULL;
    CHECK_OK(rhai_register_function(e, "fail", 0, fail_cb));
    CHECK_EVAL(e, "let r = 1; try { fail(); } catch (err) { r = err } r", "\"boom\"");
    CHECK(rhai_eval(e, "let x = 1;\nfail()", &r) == RHAI_ERR_EVAL);
    CHECK(r == NULL);
    CHECK(last_error_has("\"kind\":\"runtime\""));
    CHECK(last_error_has("boom"));
    CHECK(last_error_has("\"line\":2"));
    CHECK_OK(rhai_engine_free(e));
}

static void errors_carry_kind_position_and_call_stack(void) {
    rhai_engine* e = rhai_engine_new();
    char* r = NULL;
    CHECK(rhai_eval(e, "let x = ;", &r) == RHAI_ERR_PARSE);
    CHECK(last_error_has("\"kind\":\"parse\""));
    CHECK(last_error_has("\"line\":1"));
    CHECK(rhai_eval(e, "fn inner() { throw \"deep\" }\nfn outer() { inner() }\nouter()", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("\"call_stack\":[{\"function\":\"outer\""));
    CHECK(last_error_has("{\"function\":\"inner\""));
    CHECK(last_error_has("\"value\":\"deep\""));
    CHECK(last_error_has("\"error\":\"ErrorRuntime\""));
    /* A successful call clears the last error. */
    CHECK_EVAL(e, "1", "1");
    r = rhai_get_last_error();
    CHECK(r == NULL);
    CHECK_OK(rhai_engine_free(e));
}

static void configuration_applies_all_or_nothing(void) {
    rhai_engine* e = rhai_engine_new();
    char* r = NULL;
    char* cfg = NULL;
    CHECK_OK(rhai_engine_config(e, "{\"max_operations\": 100, \"strict_variables\": true}"));
    CHECK(rhai_eval(e, "let s = 0; for i in 0..1000 { s += i } s", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("ErrorTooManyOperations"));
    CHECK(rhai_eval(e, "y", &r) == RHAI_ERR_PARSE);
    /* An unknown key rejects the whole object: max_operations stays 100. */
    CHECK(rhai_engine_config(e, "{\"max_operations\": 0, \"no_such\": 1}") == RHAI_ERR_INVALID);
    CHECK(last_error_has("no_such"));
    CHECK(rhai_engine_config(e, "{\"allow_eval\": 1}") == RHAI_ERR_INVALID);
    CHECK_OK(rhai_engine_get_config(e, &cfg));
    CHECK(cfg && strstr(cfg, "\"max_operations\":100"));
    CHECK(cfg && strstr(cfg, "\"strict_variables\":true"));
    rhai_free_string(cfg);
    CHECK_OK(rhai_engine_config(e, "{\"max_operations\": 0, \"allow_eval\": false, \"allow_import\": false,"
                                   "\"strict_variables\": false, \"max_array_size\": 3}"));
    CHECK(rhai_eval(e, "eval(\"1\")", &r) != RHAI_OK);
    CHECK(rhai_eval(e, "import \"x\" as m; 1", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("ErrorModuleNotFound"));
    CHECK(rhai_eval(e, "let a = []; for i in 0..10 { a.push(i) } a", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("ErrorDataTooLarge"));
    CHECK_OK(rhai_engine_free(e));
}

/* Every key rhai_engine_config takes is read back by rhai_engine_get_config, and the memory
 * cap stops a script whose values outgrow it with its own error kind. */
static void configuration_round_trips_every_key(void) {
    rhai_engine* e = rhai_engine_new();
    char* r = NULL;
    char* cfg = NULL;
    CHECK_OK(rhai_engine_get_config(e, &cfg));
    CHECK(cfg && strstr(cfg, "\"max_pending_calls\":100000"));
    CHECK(cfg && strstr(cfg, "\"call_timeout_ms\":0.0"));
    CHECK(cfg && strstr(cfg, "\"optimization\":\"simple\""));
    CHECK(cfg && strstr(cfg, "\"max_memory\":0"));
    rhai_free_string(cfg);
    CHECK_OK(rhai_engine_config(e, "{\"max_memory\": 1000000, \"max_pending_calls\": 7,"
                                   "\"call_timeout_ms\": 2.5, \"optimization\": \"full\"}"));
    CHECK_OK(rhai_engine_get_config(e, &cfg));
    CHECK(cfg && strstr(cfg, "\"max_memory\":1000000"));
    CHECK(cfg && strstr(cfg, "\"max_pending_calls\":7"));
    CHECK(cfg && strstr(cfg, "\"call_timeout_ms\":2.5"));
    CHECK(cfg && strstr(cfg, "\"optimization\":\"full\""));
    rhai_free_string(cfg);
    CHECK(rhai_engine_config(e, "{\"max_memory\": -1}") == RHAI_ERR_INVALID);
    CHECK(rhai_eval(e, "let a = []; for i in 0..100000 { a.push(\"item \" + i) } a.len()", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("ErrorMemoryLimit"));
    CHECK_EVAL(e, "let a = []; for i in 0..100 { a.push(i) } a.len()", "100");
    CHECK_OK(rhai_engine_free(e));
}

static void scope_in_and_out(void) {
    rhai_engine* e = rhai_engine_new();
    rhai_scope* s = rhai_scope_new(e);
    char* r = NULL;
    uint64_t n = 0;
    CHECK_OK(rhai_scope_set(s, "x", "40"));
    CHECK_OK(rhai_scope_set_constant(s, "name", "\"rhai\""));
    CHECK_OK(rhai_eval_with_scope(e, s, "let y = x + 2; x = 1; name", &r));
    CHECK_STR(r, "\"rhai\"");
    rhai_free_string(r);
    CHECK_OK(rhai_scope_get(s, "y", &r));
    CHECK_STR(r, "42");
    rhai_free_string(r);
    CHECK_OK(rhai_scope_to_json(s, &r));
    CHECK_STR(r, "{\"name\":\"rhai\",\"x\":1,\"y\":42}");
    rhai_free_string(r);
    CHECK_OK(rhai_scope_len(s, &n));
    CHECK(n == 3);
    CHECK(rhai_eval_with_scope(e, s, "name = 1", &r) != RHAI_OK);
    CHECK(rhai_scope_get(s, "nope", &r) == RHAI_ERR_INVALID);
    CHECK(r == NULL);
    CHECK_OK(rhai_scope_free(s));
    CHECK_OK(rhai_engine_free(e));
}

static void compile_once_run_many(void) {
    rhai_engine* e = rhai_engine_new();
    rhai_scope* s = rhai_scope_new(e);
    rhai_ast* ast = NULL;
    char* r = NULL;
    int i;
    CHECK_OK(rhai_compile(e, "fn twice(v) { v * 2 } twice(x)", &ast));
    for (i = 1; i <= 3; ++i) {
        char v[16];  /* room for any int: -Wformat-truncation at -O1 */
        snprintf(v, sizeof v, "%d", i);
        CHECK_OK(rhai_scope_set(s, "x", v));
        CHECK_OK(rhai_eval_ast(e, s, ast, &r));
        snprintf(v, sizeof v, "%d", 2 * i);
        CHECK_STR(r, v);
        rhai_free_string(r);
    }
    CHECK_OK(rhai_call_fn(e, s, ast, "twice", "[21]", &r));
    CHECK_STR(r, "42");
    rhai_free_string(r);
    CHECK(rhai_call_fn(e, s, ast, "twice", "{}", &r) == RHAI_ERR_JSON);
    CHECK(rhai_compile(e, "fn (", &ast) == RHAI_ERR_PARSE);
    CHECK_OK(rhai_ast_free(ast));  /* NULL after the failed compile: ignored */
    CHECK_OK(rhai_scope_free(s));
    CHECK_OK(rhai_engine_free(e));
}

/* The _ex flavour: envelopes allocated per call and released by the library. */
static int releases = 0;
static const char* alloc_cb(uint64_t id, const char* args) {
    char* out = malloc(64);
    (void)args;
    snprintf(out, 64, "{\"status\":\"success\",\"value\":%llu}", (unsigned long long)id);
    return out;
}
static void release_cb(uint64_t id, const char* envelope) {
    (void)id;
    releases++;
    free((void*)envelope);
}

static void allocated_envelopes_are_released(void) {
    rhai_engine* e = rhai_engine_new();
    CHECK_OK(rhai_register_function_ex(e, "answer", 42, alloc_cb, release_cb));
    CHECK_EVAL(e, "answer() + answer()", "84");
    CHECK(releases == 2);
    CHECK_OK(rhai_engine_free(e));
}

static char printed[256];
static void print_cb(uint64_t id, const char* text) {
    (void)id;
    strncat(printed, text, sizeof printed - strlen(printed) - 1);
}

static void print_goes_to_the_host(void) {
    rhai_engine* e = rhai_engine_new();
    CHECK_OK(rhai_on_print(e, 0, print_cb, print_cb));
    CHECK_EVAL(e, "print(\"hi\"); debug(1); 0", "0");
    CHECK(strstr(printed, "hi") != NULL);
    CHECK_OK(rhai_engine_free(e));
}

int main(int argc, char** argv) {
    static const capi_test tests[] = {
        TEST(values_map_to_plain_json),
        TEST(tagged_forms_for_values_json_lacks),
        TEST(tagged_forms_round_trip_through_host_functions),
        TEST(host_function_through_envelope),
        TEST(error_envelope_is_catchable),
        TEST(errors_carry_kind_position_and_call_stack),
        TEST(configuration_applies_all_or_nothing),
        TEST(configuration_round_trips_every_key),
        TEST(scope_in_and_out),
        TEST(compile_once_run_many),
        TEST(allocated_envelopes_are_released),
        TEST(print_goes_to_the_host),
    };
    return capi_main(tests, sizeof tests / sizeof tests[0], argc, argv);
}
