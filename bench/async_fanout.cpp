// async_fanout --tasks N: N tasks each make 3 async host calls; the host completes them in
// shuffled order on this thread. Prints
//   tasks=N completed=C per_task_kb=K roundtrip_ns=R
// K: resident memory growth per waiting task while all N wait (measured from /proc/self/statm).
// R: mean cost of one suspend -> resolve -> resume round trip (the time spent in resolve(),
//    which resumes the script up to its next suspension), excluding the host's own work. It is
//    this thread's CPU time, not wall time: on a shared, loaded machine wall time also counts
//    the moments the thread was not running at all.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "rhai/engine.hpp"

namespace {

size_t resident_bytes() {
    std::ifstream f("/proc/self/statm");
    size_t pages = 0, resident = 0;
    f >> pages >> resident;
    return resident * size_t(4096);
}

std::chrono::nanoseconds thread_cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
    size_t n = 10000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--tasks") == 0 && i + 1 < argc) n = std::strtoull(argv[++i], nullptr, 10);
        else {
            std::fprintf(stderr, "usage: async_fanout [--tasks N]\n");
            return 2;
        }
    }
    rhai::Engine engine;
    std::vector<rhai::Completion> pending;
    pending.reserve(n);
    engine.register_async_fn("fetch", [&](rhai::Completion done, rhai::INT x) {
        (void)x;
        pending.push_back(std::move(done));
    });
    rhai::AST ast = engine.compile("let a = fetch(1); let b = fetch(a + 1); let c = fetch(b + 1); a + b + c");
    std::vector<rhai::Task> tasks;
    tasks.reserve(n);
    std::mt19937_64 rng(42);

    // Warm up allocator pools so the measurement sees the tasks, not the first arena growth.
    { rhai::Task t = engine.eval_ast_async(ast); t.cancel(); pending.clear(); }

    size_t before = resident_bytes();
    for (size_t i = 0; i < n; ++i) tasks.push_back(engine.eval_ast_async(ast));
    size_t during = resident_bytes();
    // What the host itself holds per task (the Task handle and the Completion in our vectors)
    // is the host's, not the engine's: subtract it.
    size_t host_bytes = n * (sizeof(rhai::Task) + sizeof(rhai::Completion));
    double per_task_kb = (double(during > before ? during - before : 0) - double(host_bytes)) / double(n) / 1024.0;

    size_t round_trips = 0;
    std::chrono::nanoseconds in_resolve{0};
    std::vector<double> per_round_ns;  // by round: the last one also ends every task
    std::vector<rhai::Completion> batch;
    while (!pending.empty()) {
        batch.swap(pending);
        pending.clear();
        std::shuffle(batch.begin(), batch.end(), rng);
        auto t0 = thread_cpu_now();
        for (auto& slot : batch) {
            rhai::Completion c = std::move(slot);  // the host lets go of the call once answered
            c.resolve(rhai::INT(1));
        }
        auto spent = thread_cpu_now() - t0;
        in_resolve += spent;
        per_round_ns.push_back(double(spent.count()) / double(batch.size()));
        round_trips += batch.size();
        batch.clear();
    }
    size_t completed = 0;
    for (auto& t : tasks)
        if (t.status() == rhai::TaskStatus::Done && t.result<rhai::INT>() == 1 + 1 + 1) ++completed;
    double roundtrip_ns = round_trips ? double(in_resolve.count()) / double(round_trips) : 0;
    std::printf("tasks=%zu completed=%zu per_task_kb=%.2f roundtrip_ns=%.0f\n", n, completed, per_task_kb,
                roundtrip_ns);
    // The breakdown goes to stderr so that stdout stays the one line above.
    std::fprintf(stderr, "per round (ns per round trip):");
    for (double r : per_round_ns) std::fprintf(stderr, " %.0f", r);
    std::fprintf(stderr, "  (the last round also finishes and frees every task)\n");
    return completed == n ? 0 : 1;
}
