/* The scalar fast path: rhai_register_scalar_function passes unit/bool/int/float/string
 * arguments and results as rhai_scalar structs, without JSON. */
#include "capi_test.h"

static const char* const type_names[] = {"unit", "bool", "int", "float", "string"};

/* describe(x, ...): "type:value" of each argument, joined with ",". */
static char described[256];
static int32_t describe_cb(uint64_t id, const rhai_scalar* args, size_t argc, rhai_scalar* result) {
    size_t i, used = 0;
    (void)id;
    described[0] = 0;
    for (i = 0; i < argc && used < sizeof described; ++i) {
        const rhai_scalar* a = &args[i];
        const char* sep = i ? "," : "";
        if (a->type == RHAI_SCALAR_STRING)
            used += (size_t)snprintf(described + used, sizeof described - used, "%sstring:%.*s(%d)", sep,
                                     (int)a->len, a->s, (int)a->len);
        else if (a->type == RHAI_SCALAR_FLOAT)
            used += (size_t)snprintf(described + used, sizeof described - used, "%sfloat:%g", sep, a->f);
        else
            used += (size_t)snprintf(described + used, sizeof described - used, "%s%s:%lld", sep,
                                     type_names[a->type], (long long)a->i);
    }
    result->type = RHAI_SCALAR_STRING;
    result->s = described;
    result->len = strlen(described);
    return 0;
}

static int32_t add_cb(uint64_t id, const rhai_scalar* args, size_t argc, rhai_scalar* result) {
    (void)id;
    (void)argc;
    if (args[0].type != RHAI_SCALAR_INT || args[1].type != RHAI_SCALAR_INT) {
        result->type = RHAI_SCALAR_STRING;
        result->s = "add wants two ints";
        result->len = strlen(result->s);
        return 1;
    }
    result->type = RHAI_SCALAR_INT;
    result->i = args[0].i + args[1].i;
    return 0;
}

/* answer(k): a result of each type, or misbehaviour, chosen by k. */
static int32_t answer_cb(uint64_t id, const rhai_scalar* args, size_t argc, rhai_scalar* result) {
    (void)id;
    (void)argc;
    switch (args[0].i) {
        case 0: result->type = RHAI_SCALAR_UNIT; return 0;
        case 1: result->type = RHAI_SCALAR_BOOL; result->i = 1; return 0;
        case 2: result->type = RHAI_SCALAR_FLOAT; result->f = 2.5; return 0;
        case 3: result->type = RHAI_SCALAR_STRING; result->s = "h\xc3\xa9!xyz"; result->len = 4; return 0;
        case 4: result->type = 99; return 0;                   /* invalid type */
        case 5: result->type = RHAI_SCALAR_STRING; result->s = NULL; result->len = 3; return 0;
        case 6: return 0;                                      /* sets nothing */
        default: return 7;                                     /* fails without a message */
    }
}

static rhai_engine* scalar_engine(void) {
    rhai_engine* e = rhai_engine_new();
    CHECK_OK(rhai_register_scalar_function(e, "describe", 3, 0, describe_cb));
    CHECK_OK(rhai_register_scalar_function(e, "add", 2, 0, add_cb));
    CHECK_OK(rhai_register_scalar_function(e, "answer", 1, 0, answer_cb));
    return e;
}

static void scalars_cross_both_ways(void) {
    rhai_engine* e = scalar_engine();
    CHECK_EVAL(e, "let s = 0; for i in 0..100 { s = add(s, i); } s", "4950");
    CHECK_EVAL(e, "describe((), true, 3)", "\"unit:0,bool:1,int:3\"");
    CHECK_EVAL(e, "describe(1.5, \"h\u00e9\", 'x')", "\"float:1.5,string:h\u00e9(3),string:x(1)\"");
    /* A captured (shared) variable is read out of its cell. */
    CHECK_EVAL(e, "let t = \"ab\"; let f = || describe(t, t, t); t = \"cd\"; f.call()",
               "\"string:cd(2),string:cd(2),string:cd(2)\"");
    CHECK_EVAL(e, "[answer(0), answer(1), answer(2), answer(3)]", "[null,true,2.5,\"h\u00e9!\"]");
    CHECK_OK(rhai_engine_free(e));
}

static void misbehaviour_raises_catchable_errors(void) {
    rhai_engine* e = scalar_engine();
    char* r = NULL;
    CHECK_EVAL(e, "let m = \"\"; try { add(1, \"2\") } catch (err) { m = err } m", "\"add wants two ints\"");
    CHECK(rhai_eval(e, "add([1], 2)", &r) == RHAI_ERR_EVAL && r == NULL);
    CHECK(last_error_has("takes scalar arguments"));
    CHECK(rhai_eval(e, "describe(1, 2, #{})", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("argument 3 is map"));
    CHECK(rhai_eval(e, "answer(4)", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("invalid rhai_scalar (type 99"));
    CHECK(rhai_eval(e, "answer(5)", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("NULL string"));
    CHECK(rhai_eval(e, "answer(6)", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("invalid rhai_scalar (type -1"));
    CHECK(rhai_eval(e, "answer(7)", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("Host function 'answer' failed"));
    /* Exactly the registered arity. */
    CHECK(rhai_eval(e, "add(1)", &r) == RHAI_ERR_EVAL);
    CHECK(last_error_has("ErrorFunctionNotFound"));
    CHECK_EVAL(e, "add(20, 22)", "42");
    CHECK_OK(rhai_engine_free(e));
}

static void bad_registrations_are_refused(void) {
    rhai_engine* e = rhai_engine_new();
    char* r = NULL;
    CHECK(rhai_register_scalar_function(NULL, "f", 1, 0, add_cb) == RHAI_ERR_NULL);
    CHECK(rhai_register_scalar_function(e, NULL, 1, 0, add_cb) == RHAI_ERR_NULL);
    CHECK(rhai_register_scalar_function(e, "f", 1, 0, NULL) == RHAI_ERR_NULL);
    CHECK(rhai_register_scalar_function(e, "", 1, 0, add_cb) == RHAI_ERR_INVALID);
    CHECK(rhai_register_scalar_function(e, "f", RHAI_MAX_ARITY + 1, 0, add_cb) == RHAI_ERR_INVALID);
    CHECK(last_error_has("RHAI_MAX_ARITY"));
    CHECK(rhai_eval(e, "f(1)", &r) == RHAI_ERR_EVAL); /* nothing was registered */
    CHECK_OK(rhai_engine_free(e));
}

int main(int argc, char** argv) {
    static const capi_test tests[] = {
        TEST(scalars_cross_both_ways),
        TEST(misbehaviour_raises_catchable_errors),
        TEST(bad_registrations_are_refused),
    };
    return capi_main(tests, sizeof tests / sizeof tests[0], argc, argv);
}
