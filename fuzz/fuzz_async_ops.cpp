// Fuzz target: random sequences of async operations — start a task, resolve / reject a
// pending call (also twice, or after its task is gone), cancel, resume, advance the clock and
// expire, drop handles, destroy the engine with tasks and calls outstanding — in any order.
// The input is a program of one-byte operations (plus operand bytes). Checks beyond "no
// crash, no leak": a finished task never changes status again, a finished task's result()
// does not report "not finished", and completions of a destroyed engine return false.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "rhai/async.hpp"
#include "rhai/engine.hpp"
#include "rhai/error.hpp"

namespace {
using namespace std::chrono_literals;

// Each script waits for host calls somewhere different: plain, inside closures given to
// built-ins (map, sort comparer, filter), in a loop, under try/catch, in a self-referencing
// closure (a cycle), in a getter-like map closure with a call timeout.
const char* const kScripts[] = {
    "fetch(1) + fetch(2)",
    "[3, 1, 2].map(|x| fetch(x))",
    "let s = 0; for i in 0..6 { s += fetch(i); } s",
    "try { fetch(1) } catch (e) { e }",
    "let a = [3, 1, 2, 5]; a.sort(|x, y| fetch(x) - fetch(y)); a",
    "let f = 0; f = |x| if x > 0 { fetch(x) + f.call(x - 1) } else { 0 }; f.call(3)",
    "let m = #{n: 2}; m.get = || slow(this.n); m.get()",
    "let x = 0; while x < 300 { x += 1; } fetch(x)",
    "[1, 2, 3, 4].filter(|x| fetch(x) % 2 == 0).len()",
    "let t = 0; for i in 0..3 { try { t += slow(i); } catch (e) { t += 100; } } t",
};
constexpr size_t kScriptCount = sizeof(kScripts) / sizeof(kScripts[0]);

struct World {
    std::unique_ptr<rhai::Engine> engine;
    rhai::TimePoint now{};
    std::vector<rhai::Task> tasks;
    std::vector<rhai::TaskStatus> final_status;  // per task, once finished
    std::vector<bool> finished;
    std::vector<rhai::Completion> calls;
    std::vector<rhai::Completion> dead_calls;  // calls of destroyed engines
};

void make_engine(World& w) {
    w.engine = std::make_unique<rhai::Engine>();
    rhai::Engine& e = *w.engine;
    e.set_max_operations(100'000).set_max_call_levels(32);
    e.set_clock([&w] { return w.now; });
    e.set_max_pending_calls(64);
    e.on_print([](std::string_view) {});
    e.register_async_fn("fetch", [&w](rhai::Completion done, rhai::INT x) {
        if (x % 5 == 4) done.resolve(x);  // sometimes the answer is already there
        else w.calls.push_back(std::move(done));
    });
    rhai::AsyncFnOptions timed;
    timed.timeout = 3ms;
    e.register_async_fn("slow", [&w](rhai::Completion done, rhai::INT x) {
        // A host whose cancel hook tries to answer the abandoned call: it must be refused.
        done.on_cancel([&w, id = done.id()](rhai::CancelReason) {
            std::vector<rhai::Completion> calls = w.calls;  // resolving may add calls
            for (auto& c : calls)
                if (c.id() == id && c.resolve(rhai::INT(0))) std::abort();
        });
        w.calls.push_back(std::move(done));
    }, timed);
}

void check_finished(World& w) {
    for (size_t i = 0; i < w.tasks.size(); ++i) {
        if (!w.tasks[i]) continue;
        rhai::TaskStatus s = w.tasks[i].status();
        if (w.finished[i]) {
            if (s != w.final_status[i]) std::abort();  // a finished task changed status
            continue;
        }
        if (!w.tasks[i].finished()) continue;
        w.finished[i] = true;
        w.final_status[i] = s;
        try {
            (void)w.tasks[i].result();
        } catch (const std::logic_error&) {
            std::abort();  // finished, yet "not finished"
        } catch (const rhai::Error&) {
        }
    }
}

void start(World& w, uint8_t a, uint8_t b) {
    if (!w.engine) make_engine(w);
    rhai::TaskOptions opts;
    if (b & 1) opts.op_budget = 1 + (b >> 1) * 7;
    if (b & 0x80) opts.timeout = std::chrono::milliseconds(1 + (b & 7));
    rhai::Task t = w.engine->eval_async(kScripts[a % kScriptCount], opts);
    if (b & 0x40) {
        // A completion hook that cancels another task: re-entry from inside a finish.
        size_t victim = b % (w.tasks.size() + 1);
        t.on_complete([&w, victim](const rhai::Task&) {
            if (victim < w.tasks.size() && w.tasks[victim]) rhai::Task(w.tasks[victim]).cancel();
        });
    }
    w.tasks.push_back(t);
    w.finished.push_back(false);
    w.final_status.push_back(rhai::TaskStatus::Running);
}

// Copies, not references: resolving runs the script, which may add calls and tasks.
std::optional<rhai::Completion> pick_call(World& w, uint8_t k) {
    if (w.calls.empty()) return std::nullopt;
    return w.calls[k % w.calls.size()];
}

std::optional<rhai::Task> pick_task(World& w, uint8_t k) {
    if (w.tasks.empty() || !w.tasks[k % w.tasks.size()]) return std::nullopt;
    return w.tasks[k % w.tasks.size()];
}

void step(World& w, uint8_t op, uint8_t a, uint8_t b) {
    switch (op % 11) {
        case 0: start(w, a, b); break;
        case 1:
            if (auto c = pick_call(w, a)) c->resolve(rhai::INT(b));
            break;
        case 2:
            if (auto c = pick_call(w, a)) c->reject("host failed");
            break;
        case 3:
            if (auto t = pick_task(w, a)) t->cancel();
            break;
        case 4:
            w.now += std::chrono::milliseconds(a % 8);
            if (w.engine) w.engine->expire();
            break;
        case 5:
            if (auto t = pick_task(w, a)) t->resume(b % 4 == 0 ? 0 : b);
            break;
        case 6:
            if (!w.tasks.empty()) w.tasks[a % w.tasks.size()] = rhai::Task();
            break;
        case 7:
            if (!w.calls.empty()) w.calls.erase(w.calls.begin() + a % w.calls.size());
            break;
        case 8:
            // Destroying the engine cancels every task; its calls must refuse answers.
            for (auto& c : w.calls) w.dead_calls.push_back(c);
            w.engine.reset();
            break;
        case 9:
            for (auto& c : w.dead_calls)
                if (c.resolve(rhai::INT(1)) || c.reject("late")) std::abort();
            break;
        case 10:
            if (w.engine) {
                (void)w.engine->find_call(a);
                (void)w.engine->pending_call_count();
                (void)w.engine->next_deadline();
            }
            break;
    }
    check_finished(w);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    World w;
    make_engine(w);
    for (size_t i = 0; i + 2 < size && i < 3 * 200; i += 3) step(w, data[i], data[i + 1], data[i + 2]);
    // Tear down in the hostile order too: calls outlive the engine.
    w.engine.reset();
    for (auto& c : w.calls)
        if (c.resolve(rhai::INT(1))) std::abort();
    return 0;
}
