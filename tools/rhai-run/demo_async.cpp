// rhai-run --demo-async: the scripts run as tasks of one public rhai::Engine that has an async
// host function fetch(x). The "host" is a small event loop: each fetch answers later (after a
// few loop rounds that vary per call, so tasks finish out of order) with "data:" + x, and
// fetch("fail") is rejected with an error the script can catch. Tasks run in slices of
// operations, so one long script never holds up the others. sleep() waits on the engine's
// timers, which the loop drives with expire() / next_deadline().
#include "demo_async.hpp"

#include <chrono>
#include <iostream>
#include <optional>
#include <thread>

#include "rhai/diagnostic.hpp"
#include "rhai/engine.hpp"

namespace rhai_run {

namespace {

struct InFlight {
    rhai::Completion done;
    std::string arg;
    int rounds_left = 0;
};

struct Job {
    std::string path;  // the name errors show
    std::string text;
    rhai::Task task;
    bool reported = false;
};

rhai::DiagnosticOptions diagnostic_options(const Options& options, const std::string& name) {
    rhai::DiagnosticOptions d;
    d.file_name = name;
    d.color = use_color(options.color);
    return d;
}

// The exit status of a finished task (reported once).
int report(const Options& options, Job& j, const std::function<void()>& flush) {
    j.reported = true;
    flush();
    if (j.task.status() == rhai::TaskStatus::Done) return 0;
    const rhai::EvalError* e = j.task.error();
    if (e) std::cerr << rhai::format_error(*e, j.text, diagnostic_options(options, j.path));
    else std::cerr << j.path << ": cancelled\n";
    return 1;
}

}  // namespace

int run_demo_async(const Options& options, const Deadline& deadline, const DemoOutput& out) {
    rhai::Engine engine;
    apply_limits(options, engine.core().limits);
    engine.on_print(out.print);
    std::vector<InFlight> in_flight;
    uint64_t calls = 0;
    engine.register_async_fn("fetch", [&](rhai::Completion done, rhai::Dynamic x) {
        std::string arg = x.is_string() ? x.as_string() : x.to_display();
        in_flight.push_back(InFlight{std::move(done), std::move(arg), int(1 + ++calls % 3)});
    });

    int rc = 0;
    std::vector<Job> jobs;
    for (const Input& input : options.inputs) {
        std::string text, name;
        if (!read_input(input, text, name)) {
            std::cerr << "rhai-run: cannot read " << input.value << '\n';
            rc = std::max(rc, 2);
            continue;
        }
        try {
            rhai::AST ast = engine.compile(text);
            rhai::TaskOptions slice;
            slice.op_budget = 1000;
            jobs.push_back(Job{name, text, engine.eval_ast_async(ast, slice)});
        } catch (const rhai::ParseError& e) {
            out.flush();
            std::cerr << rhai::format_error(e, text, diagnostic_options(options, name));
            rc = std::max(rc, 1);
        }
    }

    for (;;) {
        bool live = false;
        for (Job& j : jobs) {
            if (j.reported) continue;
            if (j.task.finished()) {
                rc = std::max(rc, report(options, j, out.flush));
                continue;
            }
            live = true;
            if (j.task.status() == rhai::TaskStatus::Yielded) j.task.resume();
        }
        if (!live) break;
        if (deadline.expired()) {
            out.flush();
            for (Job& j : jobs)
                if (!j.task.finished())
                    std::cerr << j.path << ": Script timed out after " << deadline.seconds() << " s\n";
            return 1;
        }
        // One round of the host's loop: answer the calls that are due. Answering resumes the
        // task inside resolve()/reject(), which may start new calls: take the due ones out first.
        std::vector<InFlight> due;
        for (size_t i = 0; i < in_flight.size();) {
            if (--in_flight[i].rounds_left > 0) {
                ++i;
                continue;
            }
            due.push_back(std::move(in_flight[i]));
            in_flight.erase(in_flight.begin() + std::ptrdiff_t(i));
        }
        for (InFlight& f : due) {
            if (f.arg == "fail") f.done.reject("fetch failed: " + f.arg);
            else f.done.resolve(rhai::Dynamic("data:" + f.arg));
        }
        // Timers: sleep() calls wake, call timeouts fire. With nothing else to do, wait for
        // the next one (in short steps, so --timeout is still checked).
        engine.expire();
        if (due.empty() && in_flight.empty()) {
            if (std::optional<rhai::TimePoint> next = engine.next_deadline())
                std::this_thread::sleep_until(std::min(*next, engine.now() + std::chrono::milliseconds(10)));
        }
    }
    out.flush();
    return rc;
}

}  // namespace rhai_run
