/* Completing from another thread (rhai.h, THREADING): the script continues on the completing
 * thread, completions of one task are serialized, and two threads racing to complete the same
 * future see exactly one success. Labelled `async` too, so the tsan stage runs it. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "capi_test.h"

#define TASKS 64

static pthread_mutex_t ids_mu = PTHREAD_MUTEX_INITIALIZER;
static uint64_t next_id = 1;
/* The future id of each task's latest pending call, indexed by the script's argument. */
static uint64_t pending_of[TASKS];
static pthread_t caller_of[TASKS];
/* Replies are per thread: the library borrows each until that thread's next callback. */
static char reply_main[64], reply_other[64];
static pthread_t main_thread;

/* fetch(i): pending with a host-issued id, remembered for task i. */
static const char* fetch_cb(uint64_t cb, const char* args) {
    long i = strtol(args + 1, NULL, 10);
    char* reply = pthread_equal(pthread_self(), main_thread) ? reply_main : reply_other;
    uint64_t id;
    (void)cb;
    pthread_mutex_lock(&ids_mu);
    id = next_id++;
    if (i >= 0 && i < TASKS) {
        pending_of[i] = id;
        caller_of[i] = pthread_self();
    }
    pthread_mutex_unlock(&ids_mu);
    snprintf(reply, 64, "{\"status\":\"pending\",\"future_id\":%llu}", (unsigned long long)id);
    return reply;
}

static int32_t done_status[TASKS];
static pthread_t done_thread[TASKS];
static void on_done(uint64_t cb, int32_t status, const char* json) {
    (void)json;
    done_status[cb] = status;
    done_thread[cb] = pthread_self();
}

typedef struct {
    rhai_engine* engine;
    const char* value;
    rhai_status status[TASKS];
} completer;

static void* complete_all(void* p) {
    completer* c = (completer*)p;
    int i;
    for (i = 0; i < TASKS; ++i) {
        uint64_t id;
        pthread_mutex_lock(&ids_mu);
        id = pending_of[i];
        pthread_mutex_unlock(&ids_mu);
        c->status[i] = rhai_complete_future(c->engine, id, c->value);
    }
    return NULL;
}

static rhai_engine* start_tasks(const char* script_format, rhai_task** tasks) {
    rhai_engine* e = rhai_engine_new();
    int i;
    main_thread = pthread_self();
    CHECK_OK(rhai_register_function(e, "fetch", 0, fetch_cb));
    for (i = 0; i < TASKS; ++i) {
        char script[128];
        done_status[i] = -1;
        snprintf(script, sizeof script, script_format, i, i);
        CHECK_OK(rhai_eval_async(e, NULL, script, NULL, on_done, (uint64_t)i, &tasks[i]));
        CHECK(rhai_task_status(tasks[i]) == RHAI_TASK_WAITING);
    }
    return e;
}

static void scripts_continue_on_the_completing_thread(void) {
    rhai_task* tasks[TASKS];
    completer c;
    pthread_t worker;
    int i;
    rhai_engine* e = start_tasks("let a = fetch(%d); let b = fetch(%d); a * 100 + b", tasks);
    c.engine = e;
    c.value = "{\"value\":7}";
    /* Round 1 from a worker thread: each script resumes there and calls fetch again there. */
    CHECK(pthread_create(&worker, NULL, complete_all, &c) == 0);
    pthread_join(worker, NULL);
    for (i = 0; i < TASKS; ++i) {
        CHECK(c.status[i] == RHAI_OK);
        CHECK(pthread_equal(caller_of[i], worker));
        CHECK(rhai_task_status(tasks[i]) == RHAI_TASK_WAITING);
    }
    /* Round 2 from this thread. */
    c.value = "{\"value\":3}";
    complete_all(&c);
    for (i = 0; i < TASKS; ++i) {
        char* r = NULL;
        CHECK(c.status[i] == RHAI_OK);
        CHECK(done_status[i] == RHAI_TASK_DONE && pthread_equal(done_thread[i], main_thread));
        CHECK_OK(rhai_task_result(tasks[i], &r));
        CHECK_STR(r, "703");
        rhai_free_string(r);
        CHECK_OK(rhai_task_free(tasks[i]));
    }
    CHECK_OK(rhai_engine_free(e));
}

static void racing_completions_have_one_winner(void) {
    rhai_task* tasks[TASKS];
    completer a, b;
    pthread_t ta, tb;
    int i;
    rhai_engine* e = start_tasks("fetch(%d) + %d * 0", tasks);
    a.engine = b.engine = e;
    a.value = "{\"value\":1}";
    b.value = "{\"value\":2}";
    CHECK(pthread_create(&ta, NULL, complete_all, &a) == 0);
    CHECK(pthread_create(&tb, NULL, complete_all, &b) == 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    for (i = 0; i < TASKS; ++i) {
        char* r = NULL;
        int wins = (a.status[i] == RHAI_OK) + (b.status[i] == RHAI_OK);
        rhai_status loser = a.status[i] == RHAI_OK ? b.status[i] : a.status[i];
        CHECK(wins == 1);
        CHECK(loser == RHAI_ERR_UNKNOWN_FUTURE || loser == RHAI_ERR_TOO_LATE);
        CHECK(done_status[i] == RHAI_TASK_DONE);
        CHECK_OK(rhai_task_result(tasks[i], &r));
        CHECK_STR(r, a.status[i] == RHAI_OK ? "1" : "2");
        rhai_free_string(r);
        CHECK_OK(rhai_task_free(tasks[i]));
    }
    CHECK_OK(rhai_engine_free(e));
}

int main(int argc, char** argv) {
    static const capi_test tests[] = {
        TEST(scripts_continue_on_the_completing_thread),
        TEST(racing_completions_have_one_winner),
    };
    return capi_main(tests, sizeof tests / sizeof tests[0], argc, argv);
}
