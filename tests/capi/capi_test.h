/* A tiny test harness for the C ABI tests (compiled as C99). Each test file lists its tests
 * with TEST(name) lines; CMake turns each into its own CTest test (`<binary> name`). */
#ifndef CAPI_TEST_H
#define CAPI_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rhai/rhai.h"

static int capi_failures = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            capi_failures++;                                                     \
        }                                                                        \
    } while (0)

/* Checks that a status is RHAI_OK, printing the last error otherwise. */
#define CHECK_OK(expr)                                                           \
    do {                                                                         \
        rhai_status check_ok_s = (expr);                                         \
        if (check_ok_s != RHAI_OK) {                                             \
            char* check_ok_e = rhai_get_last_error();                            \
            fprintf(stderr, "%s:%d: %s returned %d: %s\n", __FILE__, __LINE__, #expr, \
                    (int)check_ok_s, check_ok_e ? check_ok_e : "(no error)");    \
            rhai_free_string(check_ok_e);                                        \
            capi_failures++;                                                     \
        }                                                                        \
    } while (0)

#define CHECK_STR(actual, expected)                                              \
    do {                                                                         \
        const char* check_a = (actual);                                          \
        const char* check_e = (expected);                                        \
        if (!check_a || strcmp(check_a, check_e) != 0) {                         \
            fprintf(stderr, "%s:%d: expected %s, got %s\n", __FILE__, __LINE__, check_e, \
                    check_a ? check_a : "(null)");                               \
            capi_failures++;                                                     \
        }                                                                        \
    } while (0)

/* Evaluates and compares the JSON result; frees it. */
#define CHECK_EVAL(engine, script, expected)                                     \
    do {                                                                         \
        char* check_r = NULL;                                                    \
        CHECK_OK(rhai_eval((engine), (script), &check_r));                       \
        CHECK_STR(check_r, (expected));                                          \
        rhai_free_string(check_r);                                               \
    } while (0)

/* True when this thread's last error contains `needle`. */
static int last_error_has(const char* needle) {
    char* e = rhai_get_last_error();
    int found = e && strstr(e, needle) != NULL;
    if (!found) fprintf(stderr, "last error %s does not contain %s\n", e ? e : "(none)", needle);
    rhai_free_string(e);
    return found;
}

typedef struct {
    const char* name;
    void (*fn)(void);
} capi_test;

#define TEST(name) {#name, name}

/* Runs the test named by argv[1], or every test. */
static int capi_main(const capi_test* tests, size_t n, int argc, char** argv) {
    size_t i;
    int ran = 0;
    (void)last_error_has; /* not every test file needs it */
    for (i = 0; i < n; ++i) {
        if (argc > 1 && strcmp(argv[1], tests[i].name) != 0) continue;
        tests[i].fn();
        ran++;
    }
    if (!ran) {
        fprintf(stderr, "no test named %s\n", argc > 1 ? argv[1] : "");
        return 2;
    }
    return capi_failures ? 1 : 0;
}

#endif
