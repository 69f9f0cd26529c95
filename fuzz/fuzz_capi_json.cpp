// Fuzz target: the C ABI's decoding of what hosts send — engine config, scope values, call_fn
// arguments, host-function envelopes (success / pending / error, or garbage), and completions
// of pending calls, in sync and async evaluations. The input is NUL-separated pieces (a C
// string cannot hold a NUL, so every piece is a possible host string):
//   config \0 envelope \0 completion \0 scope value \0 call_fn arguments
// Every call must return a status; the library must not crash, leak (LSan) or hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rhai/rhai.h"

namespace {
std::vector<std::string> g_piece;        // the pieces of the current input
std::vector<uint64_t> g_listener_ids;   // future ids handed to the listener
int64_t g_now = 0;                       // the engine's clock: deterministic

const std::string& piece(size_t i) {
    static const std::string empty;
    return i < g_piece.size() ? g_piece[i] : empty;
}

const char* host_reply(uint64_t, const char*) { return piece(1).c_str(); }
void listener(uint64_t, uint64_t future_id, const char*) { g_listener_ids.push_back(future_id); }
void on_done(uint64_t, int32_t, const char*) {}
void on_cancel(uint64_t, uint64_t, const char*) {}
void on_text(uint64_t, const char*) {}
int64_t fake_clock(void*) { return g_now += 1000; }

void take(char* s) { rhai_free_string(s); }

void split(const uint8_t* data, size_t size) {
    g_piece.assign(1, std::string());
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0) g_piece.emplace_back();
        else g_piece.back().push_back(static_cast<char>(data[i]));
    }
}

void sync_round(rhai_engine* e, rhai_scope* scope) {
    char* out = nullptr;
    rhai_eval_with_scope(e, scope, "let r = host(x, 1); [r, x, type_of(r)]", &out);
    take(out);
    char* json = nullptr;
    rhai_scope_to_json(scope, &json);
    take(json);
    rhai_ast* ast = nullptr;
    if (rhai_compile(e, "fn f(a, b) { [b, a] } fn g(a) { a }", &ast) == RHAI_OK) {
        out = nullptr;
        rhai_call_fn(e, scope, ast, "f", piece(4).c_str(), &out);
        take(out);
        out = nullptr;
        rhai_call_fn(e, scope, ast, "g", piece(4).c_str(), &out);
        take(out);
        rhai_ast_free(ast);
    }
}

void async_round(rhai_engine* e, rhai_scope* scope) {
    g_listener_ids.clear();
    rhai_task* task = nullptr;
    rhai_task_options opts{0, 50'000, 0};
    if (rhai_eval_async(e, scope, "let v = wait(x); let w = host(v); [v, w]", &opts, on_done, 7, &task) !=
        RHAI_OK)
        return;
    // The completion piece to every id the task may wait on: the listener's and host ids.
    for (int round = 0; round < 2; ++round) {
        for (uint64_t id : g_listener_ids) rhai_complete_future(e, id, piece(2).c_str());
        for (uint64_t id = 0; id < 4; ++id) rhai_complete_future(e, id, piece(2).c_str());
    }
    uint64_t expired = 0;
    rhai_expire(e, -1, &expired);
    if (rhai_task_status(task) == RHAI_TASK_WAITING) rhai_task_cancel(task);
    char* out = nullptr;
    rhai_task_result(task, &out);
    take(out);
    rhai_task_free(task);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    split(data, size);
    rhai_engine* e = rhai_engine_new();
    if (!e) return 0;
    rhai_engine_set_clock(e, fake_clock, nullptr);
    rhai_on_print(e, 0, on_text, on_text);
    rhai_on_cancel(e, 0, on_cancel);
    rhai_register_function(e, "host", 1, host_reply);
    rhai_register_listener(e, "wait", 2, listener);
    // Config first: a host's settings, then limits that keep every input quick.
    rhai_engine_config(e, piece(0).c_str());
    rhai_engine_config(e, R"({"max_operations":20000,"max_call_levels":16,"max_string_size":65536,)"
                          R"("max_array_size":4096,"max_map_size":4096})");
    char* cfg = nullptr;
    rhai_engine_get_config(e, &cfg);
    take(cfg);
    rhai_scope* scope = rhai_scope_new(e);
    if (rhai_scope_set(scope, "x", piece(3).c_str()) != RHAI_OK) rhai_scope_set(scope, "x", "0");
    rhai_scope_set_constant(scope, "c", piece(3).c_str());
    char* got = nullptr;
    rhai_scope_get(scope, "x", &got);
    take(got);
    sync_round(e, scope);
    async_round(e, scope);
    rhai_scope_free(scope);
    rhai_engine_free(e);
    take(rhai_get_last_error());
    return 0;
}
