// rhai-run [OPTIONS] FILE... | -e SCRIPT | - — runs each script with a fresh engine
// (options.hpp lists the options).
//
// print() goes to stdout (buffered, flushed at exit and before anything goes to stderr),
// debug() to stdout in Rhai's format. A script error is printed to stderr as
// rhai::format_error shows it (the message, the source line with a caret, the call chain) and
// makes the exit status 1; usage errors exit 2. --dump prints the bytecode instead
// of running. `import "lib" as m;` loads lib.rhai from the running script's directory, as the
// reference CLI does.
//
// --demo-async runs the files as tasks of the public async API with a host function fetch(x)
// that answers later (demo_async.hpp).
//
// Limit flags (--max-operations, ..., --max-memory) set the engine's limits; --timeout is a
// wall-clock limit over the whole process (deadline.hpp).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "api/async_state.hpp"
#include "api/scope_binding.hpp"
#include "deadline.hpp"
#include "demo_async.hpp"
#include "options.hpp"
#include "compiler/compiler.hpp"
#include "packages/packages.hpp"
#include "rhai/diagnostic.hpp"
#include "rhai/module_resolver.hpp"
#include "rhai/version.h"
#include "vm/task.hpp"

namespace {

std::string out_buffer;
rhai_run::Options options;
rhai_run::Deadline deadline;

void flush_out() {
    std::fwrite(out_buffer.data(), 1, out_buffer.size(), stdout);
    std::fflush(stdout);
    out_buffer.clear();
}

// The engine setup rhai-run uses (the public rhai::Engine does the same).
struct RunEnv {
    rhai::EngineCore core;
    std::shared_ptr<const rhai::Program> prelude;
};

std::unique_ptr<RunEnv> make_env(const std::filesystem::path& base) {
    auto env = std::make_unique<RunEnv>();
    rhai::packages::register_standard_packages(env->core);
    rhai::detail::register_sleep(env->core);  // blocking here: rhai-run's runs are synchronous
    // No base path, as the reference CLI's default resolver: an import resolves against the
    // directory of the script or module that imports it (the main script's source is its path).
    (void)base;
    env->core.module_resolver = std::make_shared<rhai::FileModuleResolver>();
    // A module file is evaluated through the API's scope binding (its top-level variables
    // become the module's), which needs the `$scope$` natives the public Engine registers.
    rhai::api::register_scope_natives(env->core);
    env->core.on_print = [](std::string_view text) {
        out_buffer.append(text);
        out_buffer.push_back('\n');
        if (out_buffer.size() > (1 << 16)) flush_out();
    };
    // debug() goes to stdout too (Rhai's default println!), naming the script as the reference
    // CLI does (it sets the AST's source to the file name).
    env->core.on_debug = [](std::string_view text, std::string_view source, rhai::Position pos) {
        out_buffer.append(rhai::format_debug_line(text, source, pos));
        out_buffer.push_back('\n');
        if (out_buffer.size() > (1 << 16)) flush_out();
    };
    const char* src = rhai::packages::prelude_source();
    if (src && *src) env->prelude = rhai::compiler::compile_source(src, env->core, "prelude");
    // After the prelude: the user's limits are for the user's script (a small --max-expr-depth
    // must not reject the built-ins).
    rhai_run::apply_limits(options, env->core.limits);
    return env;
}

// A script compiled with its own engine; rc != 0 when it could not be read or parsed.
struct Loaded {
    std::unique_ptr<RunEnv> env;
    std::shared_ptr<const rhai::Program> program;
    std::string text;
    std::string name;  // what errors call it: the path, "<cmdline>" or "<stdin>"
    std::filesystem::path base;  // where its imports resolve
    int rc = 0;
};

// The options for printing an error of `l`: its name, colour, and the text of the modules its
// functions came from (a function's source is the file the resolver read).
rhai::DiagnosticOptions diagnostic_options(const Loaded& l) {
    rhai::DiagnosticOptions d;
    d.file_name = l.name;
    d.color = rhai_run::use_color(options.color);
    std::filesystem::path base = l.base;
    d.load_source = [base](std::string_view source) -> std::optional<std::string> {
        for (const std::filesystem::path& p : {std::filesystem::path(source), base / source}) {
            std::ifstream in(p, std::ios::binary);
            if (!in) continue;
            std::stringstream ss;
            ss << in.rdbuf();
            return ss.str();
        }
        return std::nullopt;
    };
    return d;
}

Loaded load(const rhai_run::Input& input) {
    Loaded l;
    if (!rhai_run::read_input(input, l.text, l.name)) {
        std::cerr << "rhai-run: cannot read " << input.value << '\n';
        l.rc = 2;
        return l;
    }
    // Imports resolve against the script's own directory (the reference CLI's behaviour);
    // for -e and stdin, against the current directory.
    if (input.kind == rhai_run::Input::Kind::File) l.base = std::filesystem::path(l.name).parent_path();
    if (l.base.empty()) l.base = ".";
    l.env = make_env(l.base);
    try {
        l.program = rhai::compiler::compile_source(l.text, l.env->core, l.name);
    } catch (const rhai::ParseError& e) {
        flush_out();
        std::cerr << rhai::format_error(e, l.text, diagnostic_options(l));
        l.rc = 1;
    }
    return l;
}

// The exit status of a task that stopped for good.
int report(const Loaded& l, const rhai::vm::Task& task) {
    flush_out();
    if (task.status() == rhai::vm::Status::Finished) return 0;
    if (task.status() == rhai::vm::Status::Yielded) {  // only stopped early by --timeout
        std::cerr << l.name << ": Script timed out after " << deadline.seconds() << " s\n";
        return 1;
    }
    if (task.status() == rhai::vm::Status::Failed) {
        std::cerr << rhai::format_error(task.error(), l.text, diagnostic_options(l));
        return 1;
    }
    std::cerr << l.name << ": a host function suspended the script: use eval_async\n";
    return 1;
}

int run_input(const rhai_run::Input& input, bool dump) {
    Loaded l = load(input);
    if (l.rc) return l.rc;
    auto& env = l.env;
    auto& program = l.program;
    if (dump) {
        std::cout << rhai::compiler::disassemble(*program);
        return 0;
    }
    rhai::vm::Task task(env->core, program, env->prelude);
    if (!deadline.armed()) {
        task.run();
    } else {
        // Slices of operations, checking the wall clock between them.
        while (task.run(rhai_run::kSliceOperations) == rhai::vm::Status::Yielded && !deadline.expired()) {
        }
    }
    return report(l, task);
}

}  // namespace

static int run_main(int argc, char** argv) {
    std::string error;
    std::optional<rhai_run::Options> parsed = rhai_run::parse_options(argc, argv, error);
    if (!parsed) {
        std::cerr << "rhai-run: " << error << '\n' << rhai_run::usage();
        return 2;
    }
    options = std::move(*parsed);
    if (options.help) {
        std::cout << rhai_run::usage();
        return 0;
    }
    if (options.version) {
        std::cout << "rhai-run " RHAI_VERSION "\n";
        return 0;
    }
    if (options.timeout_seconds) deadline = rhai_run::Deadline(*options.timeout_seconds);
    if (options.demo_async && !options.dump)
        return rhai_run::run_demo_async(options, deadline,
                                        {[](std::string_view text) {
                                             out_buffer.append(text);
                                             out_buffer.push_back('\n');
                                         },
                                         flush_out});
    int rc = 0;
    for (auto& input : options.inputs) {
        if (deadline.expired()) {
            std::cerr << input.value << ": Script timed out after " << deadline.seconds() << " s\n";
            rc = 1;
            break;
        }
        int r = run_input(input, options.dump);
        if (r > rc) rc = r;
    }
    flush_out();
    return rc;
}

// Nothing escapes as a signal: an exception the run did not turn into a script error (a bug,
// or memory exhausted outside the VM) is still reported and exits 1.
int main(int argc, char** argv) {
    try {
        return run_main(argc, argv);
    } catch (const std::bad_alloc&) {
        flush_out();
        std::cerr << "rhai-run: Runtime error: Out of memory\n";
    } catch (const std::exception& e) {
        flush_out();
        std::cerr << "rhai-run: Runtime error: " << e.what() << '\n';
    }
    return 1;
}
