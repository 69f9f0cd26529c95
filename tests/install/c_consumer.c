/* A C99 host of the installed C ABI, built with `pkg-config --cflags --libs rhai`. */
#include <rhai/rhai.h>

#include <stdio.h>
#include <string.h>

int main(void) {
    rhai_engine* engine = rhai_engine_new();
    char* result = NULL;
    int ok;
    if (!engine || rhai_eval(engine, "[40 + 2, \"x\"]", &result) != RHAI_OK) return 1;
    printf("c: %s (rhai %s)\n", result, rhai_version());
    ok = strcmp(result, "[42,\"x\"]") == 0;
    rhai_free_string(result);
    rhai_engine_free(engine);
    return ok ? 0 : 1;
}
