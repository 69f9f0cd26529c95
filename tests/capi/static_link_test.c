/* librhai.a links into a C program on its own (plus the C++ runtime). */
#include "capi_test.h"

static void static_library_evaluates(void) {
    rhai_engine* e = rhai_engine_new();
    CHECK(e != NULL);
    CHECK_EVAL(e, "[1, 2, 3].reduce(|sum, x| sum + x, 0)", "6");
    CHECK_STR(rhai_version(), "0.1.0");
    CHECK_OK(rhai_engine_free(e));
}

int main(int argc, char** argv) {
    static const capi_test tests[] = {TEST(static_library_evaluates)};
    return capi_main(tests, sizeof tests / sizeof tests[0], argc, argv);
}
