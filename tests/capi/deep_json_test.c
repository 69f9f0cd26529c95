/* Regression (found while hardening the ABI's decoding): JSON nested a million levels deep,
 * from the host (a scope value, a completion) or from a script (a result), overflowed the
 * native stack in the recursive reader / writer. Now it is refused with RHAI_ERR_JSON (host
 * strings) or an error status (results), and shallower nesting still works. */
#include "capi_test.h"

#define DEEP 1000000

/* "[[[...1...]]]" nested `levels` deep; caller frees. */
static char* nested_array(size_t levels) {
    char* s = malloc(2 * levels + 2);
    size_t i;
    if (!s) return NULL;
    for (i = 0; i < levels; ++i) s[i] = '[';
    s[levels] = '1';
    for (i = 0; i < levels; ++i) s[levels + 1 + i] = ']';
    s[2 * levels + 1] = '\0';
    return s;
}

static void deep_host_values_are_refused(void) {
    rhai_engine* e = rhai_engine_new();
    rhai_scope* scope = rhai_scope_new(e);
    char* deep = nested_array(DEEP);
    char* fine = nested_array(100);
    char* out = NULL;
    CHECK(rhai_scope_set(scope, "x", deep) == RHAI_ERR_JSON);
    CHECK(last_error_has("nested deeper"));
    CHECK_OK(rhai_scope_set(scope, "y", fine));
    CHECK_OK(rhai_eval_with_scope(e, scope, "let n = 0; let v = y; while type_of(v) == \"array\" { v = v[0]; n += 1; } n", &out));
    CHECK_STR(out, "100");
    rhai_free_string(out);
    free(deep);
    free(fine);
    rhai_scope_free(scope);
    rhai_engine_free(e);
}

static void deep_results_are_an_error(void) {
    rhai_engine* e = rhai_engine_new();
    char* out = NULL;
    rhai_status s = rhai_eval(e, "let a = []; for i in 0..1000000 { a = [a]; } a", &out);
    CHECK(s != RHAI_OK);
    CHECK(out == NULL);
    CHECK_EVAL(e, "let a = 1; for i in 0..3 { a = [a]; } a", "[[[1]]]");
    rhai_engine_free(e);
}

int main(int argc, char** argv) {
    static const capi_test tests[] = {
        TEST(deep_host_values_are_refused),
        TEST(deep_results_are_an_error),
    };
    return capi_main(tests, sizeof tests / sizeof tests[0], argc, argv);
}
