/* Regression (found by fuzz_capi_json): RapidJSON 1.1's full-precision number path has
 * undefined behaviour on a zero significand with a fraction or an exponent (`0e99`), in any
 * JSON the host hands over. Such numbers are read as the float zero they are (sign kept);
 * strings that look like them, and every other number, are untouched. */
#include "capi_test.h"

static void check_value(rhai_engine* e, const char* json, const char* script, const char* expected) {
    rhai_scope* scope = rhai_scope_new(e);
    char* out = NULL;
    CHECK_OK(rhai_scope_set(scope, "x", json));
    CHECK_OK(rhai_eval_with_scope(e, scope, script, &out));
    CHECK_STR(out, expected);
    rhai_free_string(out);
    rhai_scope_free(scope);
}

static void zero_with_exponent_is_float_zero(void) {
    rhai_engine* e = rhai_engine_new();
    check_value(e, "0e99", "type_of(x) + \" \" + x", "\"f64 0.0\"");
    check_value(e, "-0E+400", "x", "-0.0");  /* the sign survives (the JSON result shows it) */
    check_value(e, "0.000e-999", "x == 0.0", "true");
    check_value(e, "[0e99, -0.0e1, 10e2, 1.0e-5, 0, -0, 0.5e1]",
                "x.map(|v| type_of(v) + \":\" + v)",
                "[\"f64:0.0\",\"f64:0.0\",\"f64:1000.0\",\"f64:0.00001\",\"i64:0\",\"i64:0\",\"f64:5.0\"]");
    check_value(e, "[-0.0e1]", "x[0]", "-0.0");
    check_value(e, "{\"a\": \"0e99\", \"0e9\": 0e9}", "x.a + \" \" + x[\"0e9\"]", "\"0e99 0.0\"");
    rhai_engine_free(e);
}

static void malformed_numbers_stay_errors(void) {
    rhai_engine* e = rhai_engine_new();
    rhai_scope* scope = rhai_scope_new(e);
    CHECK(rhai_scope_set(scope, "x", "00e5") == RHAI_ERR_JSON);
    CHECK(rhai_scope_set(scope, "x", "0e") == RHAI_ERR_JSON);
    CHECK(rhai_scope_set(scope, "x", "0.e5") == RHAI_ERR_JSON);
    CHECK(rhai_scope_set(scope, "x", "[0e99 1]") == RHAI_ERR_JSON);
    /* A zero float followed by more of a number (fuzz_capi_json's second find): refused before
     * RapidJSON reads the zero float, and never rewritten into another one (0.0e99). */
    CHECK(rhai_scope_set(scope, "x", "0e9e99") == RHAI_ERR_JSON);
    CHECK(rhai_scope_set(scope, "x", "[0.00.5]") == RHAI_ERR_JSON);
    CHECK(rhai_scope_set(scope, "x", "{\"value\":0.0e1E2}") == RHAI_ERR_JSON);
    CHECK(rhai_scope_set(scope, "x", "-0e5-1") == RHAI_ERR_JSON);
    CHECK(rhai_scope_set(scope, "x", "0e5+1") == RHAI_ERR_JSON);
    rhai_scope_free(scope);
    rhai_engine_free(e);
}

int main(int argc, char** argv) {
    static const capi_test tests[] = {
        TEST(zero_with_exponent_is_float_zero),
        TEST(malformed_numbers_stay_errors),
    };
    return capi_main(tests, sizeof tests / sizeof tests[0], argc, argv);
}
