/* capi_bench [--iterations N]: the cost of the C ABI's two host-call paths, as a C host sees it.
 * Prints exactly one line:
 *   sync_call_ns=S async_roundtrip_ns=A
 * S: one call of a C host function add(a, b) from a script (`s = add(s, i)` in a loop): the
 *    arguments encoded as a JSON array, the host parsing them and answering
 *    {"status":"success","value":N}, the library parsing that envelope. Includes the loop's own
 *    iteration (a few ns).
 * A: one round trip of an async host call: the host answers {"status":"pending","future_id":K},
 *    the task suspends, the host calls rhai_complete_future(K, {"value":1}) and the script
 *    resumes up to its next pending call.
 * Both are this thread's CPU time per call, the best of several runs: on a shared machine
 * wall time would also count moments the thread did not run at all.
 * capi_bench --scalar [--iterations N] prints `scalar_call_ns=S` instead: S for the same add
 * registered through rhai_register_scalar_function (no JSON). */
/* clock_gettime and CLOCK_THREAD_CPUTIME_ID are POSIX, not C99. */
#define _POSIX_C_SOURCE 200112L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rhai/rhai.h"

static char reply[64];

/* add(a, b): args_json is "[a,b]". */
static const char* add_cb(uint64_t id, const char* args) {
    char* end = NULL;
    long long a = strtoll(args + 1, &end, 10);
    long long b = strtoll(end + 1, NULL, 10);
    (void)id;
    snprintf(reply, sizeof reply, "{\"status\":\"success\",\"value\":%lld}", a + b);
    return reply;
}

static int32_t add_scalar_cb(uint64_t id, const rhai_scalar* args, size_t argc, rhai_scalar* result) {
    (void)id;
    (void)argc;
    result->type = RHAI_SCALAR_INT;
    result->i = args[0].i + args[1].i;
    return 0;
}

static uint64_t next_future = 1;
static uint64_t last_future = 0;

static const char* wait_cb(uint64_t id, const char* args) {
    (void)id;
    (void)args;
    last_future = next_future++;
    snprintf(reply, sizeof reply, "{\"status\":\"pending\",\"future_id\":%llu}", (unsigned long long)last_future);
    return reply;
}

static int task_done = 0;
static void on_done(uint64_t id, int32_t status, const char* json) {
    (void)id;
    (void)json;
    task_done = status == RHAI_TASK_DONE ? 1 : -1;
}

static double cpu_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void die(const char* what) {
    char* e = rhai_get_last_error();
    fprintf(stderr, "capi_bench: %s failed: %s\n", what, e ? e : "(no error)");
    rhai_free_string(e);
    exit(1);
}

static double sync_call_ns(rhai_engine* e, long n) {
    char script[128];
    char* out = NULL;
    double t0, t1;
    snprintf(script, sizeof script, "let s = 0; for i in 0..%ld { s = add(s, i); } s", n);
    t0 = cpu_ns();
    if (rhai_eval(e, script, &out) != RHAI_OK) die("rhai_eval");
    t1 = cpu_ns();
    rhai_free_string(out);
    return (t1 - t0) / (double)n;
}

static double async_roundtrip_ns(rhai_engine* e, long n) {
    char script[128];
    rhai_task* t = NULL;
    double t0, t1;
    long done = 0;
    snprintf(script, sizeof script, "let s = 0; for i in 0..%ld { s += wait(i); } s", n);
    task_done = 0;
    t0 = cpu_ns();
    if (rhai_eval_async(e, NULL, script, NULL, on_done, 0, &t) != RHAI_OK) die("rhai_eval_async");
    while (!task_done) {
        if (rhai_complete_future(e, last_future, "{\"value\":1}") != RHAI_OK) die("rhai_complete_future");
        done++;
    }
    t1 = cpu_ns();
    if (task_done != 1 || done != n) die("the async script");
    rhai_task_free(t);
    return (t1 - t0) / (double)n;
}

int main(int argc, char** argv) {
    long n = 200000;
    int run, i, scalar = 0;
    double best_s = 1e18, best_a = 1e18;
    rhai_engine* e;
    for (i = 1; i < argc; ++i) {
        if (strcmp(argv[i], "--scalar") == 0) {
            scalar = 1;
        } else if (strcmp(argv[i], "--iterations") == 0 && i + 1 < argc) {
            n = atol(argv[++i]);
        } else {
            n = 0;
        }
    }
    if (n <= 0) {
        fprintf(stderr, "usage: capi_bench [--scalar] [--iterations N]\n");
        return 2;
    }
    e = rhai_engine_new();
    if (!e || rhai_engine_config(e, "{\"max_operations\":0}") != RHAI_OK) die("engine setup");
    if (scalar) {
        if (rhai_register_scalar_function(e, "add", 2, 0, add_scalar_cb) != RHAI_OK) die("register");
        for (run = 0; run < 5; ++run) {
            double s = sync_call_ns(e, n);
            if (s < best_s) best_s = s;
        }
        printf("scalar_call_ns=%.0f\n", best_s);
        rhai_engine_free(e);
        return 0;
    }
    if (rhai_register_function(e, "add", 0, add_cb) != RHAI_OK) die("rhai_register_function");
    if (rhai_register_function(e, "wait", 1, wait_cb) != RHAI_OK) die("rhai_register_function");
    for (run = 0; run < 5; ++run) {
        double s = sync_call_ns(e, n), a = async_roundtrip_ns(e, n);
        if (s < best_s) best_s = s;
        if (a < best_a) best_a = a;
    }
    printf("sync_call_ns=%.0f async_roundtrip_ns=%.0f\n", best_s, best_a);
    rhai_engine_free(e);
    return 0;
}
